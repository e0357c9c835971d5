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
    title: 'OpenAI misses its compute commitments',
    assumption: 'OpenAI cannot pay half of what it committed to spend, so every firm selling it compute or chips loses part of that income.',
    shock: { openai: 0.5 },
  },
  {
    id: 'gpu-collapse',
    title: 'A GPU price collapse hits Nvidia',
    assumption: 'Nvidia loses half its value when GPU prices fall; the firms holding its stakes, guarantees and investments lose with it.',
    shock: { nvidia: 0.5 },
  },
  {
    id: 'spv-lenders',
    title: 'SPV lenders pull back',
    assumption: 'The off-balance-sheet vehicles that finance data centres cannot roll over their debt and fail; their lenders and investors take the loss.',
    shock: { 'beignet-investor': 1, 'xai-colossus2-spv': 1, 'abilene-spv': 1 },
  },
];

/** The part of a shock that names firms the view holds. */
export function shockWithin(shock: Readonly<Record<string, number>>, has: (firm: string) => boolean): Record<string, number> {
  return Object.fromEntries(Object.entries(shock).filter(([firm]) => has(firm)));
}
