import { describe, expect, it } from 'vitest';
import { randomDataSet } from '../../bench/graphs.js';
import { forceAtlasLayout } from '../../src/layout/force-atlas-layout.js';
import { layoutRequestFor, type LayoutRequest, type Positions } from '../../src/layout/layout.js';
import { FCOSE_UP_TO, runLayout } from '../../src/layout/run-layout.js';

function boxArea(request: LayoutRequest): number {
  return request.nodes.reduce((sum, n) => sum + n.width * n.height, 0);
}

function extentArea(positions: Positions): number {
  const xs = Object.values(positions).map((p) => p.x);
  const ys = Object.values(positions).map((p) => p.y);
  return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
}

describe('forceAtlasLayout (large networks)', () => {
  const request = layoutRequestFor(randomDataSet(400, 1600, 3));

  it('places every firm, the same way every time, and reports progress up to 1', () => {
    const progress: number[] = [];
    const first = forceAtlasLayout(request, (done) => progress.push(done));
    expect(Object.keys(first).sort()).toEqual(request.nodes.map((n) => n.id).sort());
    for (const { x, y } of Object.values(first)) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(forceAtlasLayout(request)).toEqual(first);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('spreads the firms over room for their names instead of piling them up', () => {
    const positions = forceAtlasLayout(request);
    // The picture covers at least as much room as the firms' boxes need side by side.
    expect(extentArea(positions)).toBeGreaterThan(boxArea(request));
    // Hardly any two firms sit closer than a third of a box apart (piled up, most would).
    const points = Object.values(positions);
    let crowded = 0;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        if (Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y) < 25) crowded++;
      }
    }
    expect(crowded).toBeLessThan(points.length * 0.02);
  });

  it('runLayout uses it above the fcose size, and fcose up to it', async () => {
    expect(await runLayout(request)).toEqual(forceAtlasLayout(request));
    const small = layoutRequestFor(randomDataSet(FCOSE_UP_TO, 600, 4));
    expect(await runLayout(small)).not.toEqual(forceAtlasLayout(small));
  });
});
