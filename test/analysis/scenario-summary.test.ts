import { describe, expect, it } from 'vitest';
import { debtRank } from '../../src/analysis/contagion.js';
import { possessive, scenarioSummary, shockInWords } from '../../src/analysis/scenario-summary.js';
import { buildFirmGraph } from '../../src/model/graph.js';
import { deal } from '../fixtures/datasets.js';

/** Bond investors lend $25B to Oracle; Oracle buys $10B of chips from Nvidia (equity $100B). */
function lenders() {
  const names: Record<string, string> = { oracle: 'Oracle', bonds: 'Investment-grade bond investors', nvidia: 'Nvidia' };
  const graph = buildFirmGraph({
    entities: [
      { id: 'oracle', name: names.oracle as string, kind: 'hyperscaler', balance: { equityUsd: 20e9 } },
      { id: 'bonds', name: names.bonds as string, kind: 'market' },
      { id: 'nvidia', name: names.nvidia as string, kind: 'chipmaker', balance: { equityUsd: 100e9 } },
    ],
    deals: [
      deal('bonds', 'oracle', { id: 'bond-loan', type: 'loan', amountUsd: 25e9 }),
      deal('oracle', 'nvidia', { id: 'chips', type: 'purchase', amountUsd: 10e9 }),
    ],
  });
  const firm = (id: string): string => names[id] ?? id;
  return { graph, firm };
}

describe('scenarioSummary', () => {
  it('names the largest loss, its route and the firms without a balance sheet in sentences that read right for plural names', () => {
    const { graph, firm } = lenders();
    const result = debtRank(graph, { shocks: { oracle: 0.5 } });
    const words = scenarioSummary(result, shockInWords({ oracle: 0.5 }, firm), {
      firm,
      deal: (id) => (id === 'bond-loan' ? "Investment-grade bond investors' loan (borrower Oracle, $25B)" : id),
    });
    expect(words).toBe(
      'If Oracle loses 50% of its value, the largest loss falls on Investment-grade bond investors: $12.5B (no balance sheet: distress not computed), ' +
        "mostly through Investment-grade bond investors' loan (borrower Oracle, $25B). " +
        'No firm loses more than 10% of its equity; none fails. ' +
        'No balance sheet here for Investment-grade bond investors: its loss is shown, its distress is not computed. ' +
        'Committed purchases count at 30% of their amount; guarantees are not called.',
    );
  });

  it('possessive: "Nvidia\'s", "investors\'"', () => {
    expect(possessive('Nvidia')).toBe("Nvidia's");
    expect(possessive('Investment-grade bond investors')).toBe("Investment-grade bond investors'");
    expect(possessive('Other lenders')).toBe("Other lenders'");
  });
});
