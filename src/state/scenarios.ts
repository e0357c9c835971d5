/**
 * Preset shock scenarios: one click plays out a failure the seed warns about. Each says in one
 * sentence what it assumes; firms a data set lacks are left out of its shock.
 */

export interface Scenario {
  id: string;
  title: string;
  /** What the scenario assumes, in one sentence. */
  assumption: string;
  /** Initial distress (0..1) per firm id. */
  shock: Record<string, number>;
}

export const PRESET_SCENARIOS: readonly Scenario[] = [
  {
    id: 'openai-misses',
    title: 'OpenAI loses half its value',
    assumption:
      'OpenAI loses half of its equity and pays only half of what it owes: its lenders and shareholders lose half of their claims, and the firms selling it compute or chips lose half of their committed sales at the loss share set below.',
    shock: { openai: 0.5 },
  },
  {
    id: 'gpu-collapse',
    title: 'A GPU price collapse halves Nvidia',
    assumption:
      'Nvidia loses half of its equity: the firms it pays (for capacity it rents or buys) and the holders of its warrants and partnerships lose half of what they expect from it; its own stakes are not written down.',
    shock: { nvidia: 0.5 },
  },
  {
    id: 'spv-lenders',
    title: 'The data-centre vehicles default',
    assumption:
      'Beignet Investor (Hyperion), the Colossus 2 GPU vehicle and the Abilene campus vehicle fail and pay nothing back: their lenders and equity holders lose what they put in.',
    shock: { 'beignet-investor': 1, 'xai-colossus2-spv': 1, 'abilene-spv': 1 },
  },
];

/** The part of a shock that names firms the view holds. */
export function shockWithin(shock: Readonly<Record<string, number>>, has: (firm: string) => boolean): Record<string, number> {
  return Object.fromEntries(Object.entries(shock).filter(([firm]) => has(firm)));
}
