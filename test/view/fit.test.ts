import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitViewport, type FirmBox } from '../../src/view/fit.js';

const options = { padding: 40, minZoom: 0.05, maxZoom: 1.6, fontSize: 15, labelGap: 4 };

describe('fitViewport', () => {
  it('puts every firm, its node and its name, inside the screen, centred', () => {
    const firm = fc.record({
      x: fc.double({ min: -5000, max: 5000, noNaN: true }),
      y: fc.double({ min: -5000, max: 5000, noNaN: true }),
      size: fc.integer({ min: 10, max: 80 }),
      label: fc.string({ maxLength: 30 }),
    });
    fc.assert(
      fc.property(fc.array(firm, { minLength: 1, maxLength: 40 }), fc.integer({ min: 200, max: 2000 }), fc.integer({ min: 200, max: 1200 }), (firms: FirmBox[], width, height) => {
        const viewport = fitViewport(firms, width, height, options)!;
        expect(viewport.zoom).toBeGreaterThanOrEqual(options.minZoom);
        expect(viewport.zoom).toBeLessThanOrEqual(options.maxZoom);
        const screen = (x: number, y: number) => ({ x: x * viewport.zoom + viewport.pan.x, y: y * viewport.zoom + viewport.pan.y });
        if (viewport.zoom > options.minZoom) {
          for (const f of firms) {
            const topLeft = screen(f.x - f.size / 2, f.y - f.size / 2);
            const bottomRight = screen(f.x + f.size / 2, f.y + f.size / 2 + (f.label ? options.labelGap + options.fontSize : 0));
            expect(topLeft.x).toBeGreaterThanOrEqual(options.padding - 1e-6);
            expect(topLeft.y).toBeGreaterThanOrEqual(options.padding - 1e-6);
            expect(bottomRight.x).toBeLessThanOrEqual(width - options.padding + 1e-6);
            expect(bottomRight.y).toBeLessThanOrEqual(height - options.padding + 1e-6);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('does not zoom in past the maximum on a single firm, and centres it', () => {
    const viewport = fitViewport([{ x: 100, y: 50, size: 30, label: '' }], 800, 600, options)!;
    expect(viewport.zoom).toBe(1.6);
    expect(viewport.pan.x + 100 * viewport.zoom).toBeCloseTo(400);
    expect(viewport.pan.y + 50 * viewport.zoom).toBeCloseTo(300);
  });

  it('a long name widens the box: the view zooms out to show it', () => {
    const short = fitViewport([{ x: 0, y: 0, size: 30, label: 'AMD' }, { x: 300, y: 0, size: 30, label: 'Arm' }], 500, 400, options)!;
    const long = fitViewport([{ x: 0, y: 0, size: 30, label: 'AMD' }, { x: 300, y: 0, size: 30, label: 'Beignet Investor LLC (Hyperion SPV)' }], 500, 400, options)!;
    expect(long.zoom).toBeLessThan(short.zoom);
  });

  it('gives nothing to fit for no firms or a hidden container', () => {
    expect(fitViewport([], 800, 600, options)).toBeNull();
    expect(fitViewport([{ x: 0, y: 0, size: 30, label: 'a' }], 0, 0, options)).toBeNull();
  });
});
