import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { gridPositions, layoutKey, layoutRequestFor, type PrecomputedLayout } from '../../src/layout/layout.js';
import { runLayout } from '../../src/layout/run-layout.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';
import { shippedDataSet } from '../fixtures/shipped.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('runLayout', () => {
  it('runLayout gives the same positions for the same data, every time', async () => {
    const request = layoutRequestFor(shippedDataSet());
    const first = await runLayout(request);
    expect(Object.keys(first).sort()).toEqual(request.nodes.map((n) => n.id).sort());
    expect(await runLayout(request)).toEqual(first);
    for (const { x, y } of Object.values(first)) {
      expect(Number.isFinite(x)).toBe(true);
      expect(Number.isFinite(y)).toBe(true);
    }
  });

  it('layoutKey changes when the data changes, and not otherwise', () => {
    const a = layoutRequestFor(dataSetFromEdges([['a', 'b'], ['b', 'c']]));
    const b = layoutRequestFor(dataSetFromEdges([['a', 'b'], ['c', 'b']]));
    expect(layoutKey(a)).toBe(layoutKey(layoutRequestFor(dataSetFromEdges([['a', 'b'], ['b', 'c']]))));
    expect(layoutKey(a)).not.toBe(layoutKey(b));
  });

  it('gridPositions places every firm on distinct points', () => {
    const grid = gridPositions(['a', 'b', 'c', 'd', 'e']);
    expect(new Set(Object.values(grid).map((p) => `${p.x},${p.y}`)).size).toBe(5);
  });

  it('roundtrip layout writes the positions the app would compute', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'roundtrip-')), 'layout.json');
    const lines: string[] = [];
    const code = await runCli(['layout', '--out', out], { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: root });
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^layout of \d+ firms and \d+ deals written to /);
    const written = JSON.parse(readFileSync(out, 'utf8')) as PrecomputedLayout;
    const request = layoutRequestFor(shippedDataSet());
    expect(written).toEqual({ key: layoutKey(request), positions: await runLayout(request) });
  });
});
