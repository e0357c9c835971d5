/**
 * Firm ids that are also names on every JavaScript object (`constructor` is a valid slug): nothing
 * keyed by firm id may read them from the prototype.
 */
import { describe, expect, it } from 'vitest';
import { circularity } from '../../src/analysis/circularity.js';
import { firmMeasures } from '../../src/analysis/centrality.js';
import { debtRank } from '../../src/analysis/contagion.js';
import { findLoops } from '../../src/analysis/loops.js';
import { buildFirmGraph } from '../../src/model/graph.js';
import { parseViewUrl } from '../../src/state/url.js';
import { Deriver } from '../../src/state/derive.js';
import { DEFAULT_VIEW_STATE } from '../../src/state/view-state.js';
import { validateDataSet } from '../../src/data/validate.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';

const data = () =>
  dataSetFromEdges([
    ['constructor', 'valueof', { id: 'c-v', type: 'loan', amountUsd: 10 }],
    ['valueof', 'constructor', { id: 'v-c', type: 'purchase', amountUsd: 5 }],
    ['tostring', 'constructor', { id: 't-c', type: 'investment', amountUsd: 7 }],
  ]);

describe('firm ids that name prototype properties', () => {
  it('validate, and every analysis treats them as plain firms', () => {
    const set = data();
    expect(validateDataSet({ entities: set.entities }, { deals: set.deals }).ok).toBe(true);
    const graph = buildFirmGraph(set);
    expect(findLoops(graph).loops.map((l) => l.id)).toEqual(['constructor>valueof']);
    expect(circularity(graph).index).toBeCloseTo((2 * 5) / 22, 12);
    for (const m of firmMeasures(graph)) expect(Number.isFinite(m.pagerank), m.id).toBe(true);
    for (const buffers of ['balance', 'proxy'] as const) {
      const result = debtRank(graph, { shocks: { valueof: 1 }, buffers, value: { valueof: 1 } });
      for (const f of result.firms) {
        expect(Number.isNaN(f.initial), f.id).toBe(false);
        expect(f.initial, f.id).toBe(f.id === 'valueof' ? 1 : 0);
        expect(f.value, f.id).toBe(f.id === 'valueof' ? 1 : 0);
        if (f.final !== null) expect(Number.isFinite(f.final), f.id).toBe(true);
      }
    }
    const equity = debtRank(graph, { shocks: { valueof: 1 }, equity: { tostring: 100 } });
    expect(equity.firms.find((f) => f.id === 'constructor')).toMatchObject({ equityUsd: null, buffer: null });
  });

  it('read from links: a shock and a selection on such a firm', () => {
    const parsed = parseViewUrl('?shock=constructor:0.5&firm=constructor');
    expect(parsed.state.shock).toEqual({ constructor: 0.5 });
    expect(parsed.state.firm).toBe('constructor');
    const deriver = new Deriver(data());
    const result = deriver.scenario({ ...DEFAULT_VIEW_STATE, shock: { constructor: 0.5 } });
    expect(result?.firms.find((f) => f.id === 'constructor')?.initial).toBe(0.5);
    expect(deriver.derive({ ...DEFAULT_VIEW_STATE, firm: 'constructor' }).loopsByFirm.get('constructor')).toHaveLength(1);
  });
});

describe('firm ids that name prototype properties, at the edges', () => {
  it('refuse the camel-case and underscore names with the slug message, naming the record', async () => {
    const { formatProblem } = await import('../../src/data/problem.js');
    for (const id of ['hasOwnProperty', 'valueOf', 'toString', '__defineGetter__', '__proto__']) {
      const set = data();
      set.entities[0]!.id = id;
      const result = validateDataSet({ entities: set.entities }, { deals: [] });
      expect(result.ok, id).toBe(false);
      if (!result.ok) expect(result.problems.map(formatProblem)[0], id).toContain(`entities[0] ${JSON.stringify(id)}, id: must be a lowercase slug`);
    }
  });

  it('lay out and run every CLI command on a data set with a firm called constructor', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { cli } = await import('../cli/run-cli.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'roundtrip-proto-'));
    const set = data();
    writeFileSync(path.join(dir, 'entities.json'), JSON.stringify({ entities: set.entities }));
    writeFileSync(path.join(dir, 'deals.json'), JSON.stringify({ deals: set.deals }));
    const runs = [
      ['validate'],
      ['cycles', '--json'],
      ['metrics', '--json'],
      ['circularity', '--json'],
      ['paths', '--from', 'tostring', '--to', 'valueof', '--json'],
      ['shock', '--firm', 'constructor', '--json'],
      ['layout', '--out', path.join(dir, 'layout.json')],
    ];
    for (const args of runs) {
      const result = await cli(...args, '--data', dir);
      expect(result.code, `${args.join(' ')}: ${result.err}`).toBe(0);
      expect(result.out, args[0]).not.toMatch(/NaN/);
    }
  });
});
