import type { Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { DIRECT_DRAW_UP_TO, TEXTURES_PER_CALL, fillTexturesBeforeDrawing } from '../../src/view/cytoscape/batched-textures.js';

/** A stand-in for Cytoscape's canvas renderer with the parts the hook uses, logging every call. */
function fakeRenderer(log: string[]) {
  const box = { x1: 0, y1: 0, x2: 10, y2: 10, w: 10, h: 10 };
  const element = (id: string, visible = true, edgeLabel: string | null = null) => ({
    id,
    boundingBox: () => box,
    visible: () => visible,
    isEdge: () => edgeLabel !== null,
    pstyle: () => ({ strValue: edgeLabel ?? id }),
  });
  const cache = (name: string) => ({
    getElement: (ele: { id: string }, _bb: unknown, _px: number, lvl: number | undefined) => log.push(`${name}:${ele.id}@${lvl}`),
    getBoundingBox: () => box,
    reasons: { highQuality: 'hq' },
  });
  const renderer = {
    data: { eleTxrCache: cache('body'), lblTxrCache: cache('label'), lyrTxrCache: { getLayers: (_eles: unknown[], _pxRatio: number) => void log.push('layers') } },
    drawCachedElements: (_context: unknown, eles: Array<{ id: string }>) => void log.push(`draw:${eles.map((e) => e.id).join(',')}`),
  };
  const cy = { renderer: () => renderer, zoom: () => 0.3 } as unknown as Core;
  return { cy, renderer, elements: [element('a'), element('b'), element('hidden', false)], element };
}

describe('fillTexturesBeforeDrawing', () => {
  it('fills every shown element\'s textures before the renderer draws any of them', () => {
    const log: string[] = [];
    const { cy, renderer, elements } = fakeRenderer(log);
    expect(fillTexturesBeforeDrawing(cy)).toBe(true);
    renderer.drawCachedElements(null, elements);
    expect(log).toEqual(['body:a@undefined', 'label:a@undefined', 'body:b@undefined', 'label:b@undefined', 'draw:a,b,hidden']);
  });

  it('fills at the layer cache\'s level (zoom 0.3 → level −1) before a large network\'s layers are built', () => {
    const log: string[] = [];
    const { cy, renderer, elements } = fakeRenderer(log);
    Object.assign(renderer.data.lyrTxrCache, { firstGet: true });
    fillTexturesBeforeDrawing(cy);
    const many = Array.from({ length: DIRECT_DRAW_UP_TO + 1 }, (_, i) => elements[i % 2]!);
    renderer.data.lyrTxrCache.getLayers(many, 1);
    expect(log.slice(0, 4)).toEqual(['body:a@-1', 'label:a@-1', 'body:b@-1', 'label:b@-1']);
    expect(log.length).toBe(2 * many.length + 1);
    expect(log[log.length - 1]).toBe('layers');
  });

  it('while the cache queues its layers, fills the textures a part per call, each element once per level', () => {
    const log: string[] = [];
    const { cy, renderer, element } = fakeRenderer(log);
    Object.assign(renderer.data.lyrTxrCache, { firstGet: false });
    fillTexturesBeforeDrawing(cy);
    const many = Array.from({ length: DIRECT_DRAW_UP_TO + 1 }, (_, i) => element(`e${i}`));
    const filled = (): string[] => log.filter((entry) => entry.startsWith('body:'));
    renderer.data.lyrTxrCache.getLayers(many, 1);
    expect(filled()).toEqual(many.slice(0, TEXTURES_PER_CALL).map((e) => `body:${e.id}@-1`));
    expect(log[log.length - 1]).toBe('layers');
    for (let call = 1; call * TEXTURES_PER_CALL < many.length; call++) renderer.data.lyrTxrCache.getLayers(many, 1);
    expect(filled()).toEqual(many.map((e) => `body:${e.id}@-1`));
    const before = log.length;
    renderer.data.lyrTxrCache.getLayers(many, 1);
    expect(log.slice(before)).toEqual(['layers']);
  });

  it('fills no texture when the layer cache will not draw: its level is complete, or it skips layers after changes', () => {
    for (const [state, fills] of [
      [{ complete: true, skipping: false, firstGet: false }, false],
      [{ complete: false, skipping: true, firstGet: false }, false],
      [{ complete: false, skipping: true, firstGet: true }, true],
      [{ complete: false, skipping: false, firstGet: false }, true],
    ] as const) {
      const log: string[] = [];
      const { cy, renderer, elements } = fakeRenderer(log);
      const validated: number[] = [];
      Object.assign(renderer.data.lyrTxrCache, {
        skipping: state.skipping,
        firstGet: state.firstGet,
        validateLayersElesOrdering: (lvl: number) => void validated.push(lvl),
        levelIsComplete: () => state.complete,
      });
      fillTexturesBeforeDrawing(cy);
      const many = Array.from({ length: DIRECT_DRAW_UP_TO + 1 }, (_, i) => elements[i % 2]!);
      renderer.data.lyrTxrCache.getLayers(many, 1);
      // The layer order is checked first (at zoom 0.3: level −1), as the cache itself does.
      expect(validated).toEqual([-1]);
      expect({ state, filled: log.some((entry) => entry.startsWith('body:')) }).toEqual({ state, filled: fills });
      expect(log[log.length - 1]).toBe('layers');
    }
  });

  it('draws a large network\'s first picture without layers and asks for them in the frame after', async () => {
    const log: string[] = [];
    const { cy, renderer, elements } = fakeRenderer(log);
    let redraws = 0;
    Object.assign(renderer, { redrawHint: () => void log.push('hint'), redraw: () => void redraws++ });
    Object.assign(renderer.data.lyrTxrCache, { firstGet: true });
    fillTexturesBeforeDrawing(cy);
    const many = Array.from({ length: DIRECT_DRAW_UP_TO + 1 }, (_, i) => elements[i % 2]!);
    expect(renderer.data.lyrTxrCache.getLayers(many, 1)).toBeNull();
    expect(log).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(redraws).toBe(1);
    expect(log).toEqual(['hint']);
    // The next frame goes to the cache, no longer on its first get: it queues the layers and
    // draws them a few per frame instead of all at once.
    expect((renderer.data.lyrTxrCache as { firstGet?: boolean }).firstGet).toBe(false);
    renderer.data.lyrTxrCache.getLayers(many, 1);
    expect(log[log.length - 1]).toBe('layers');
    expect(redraws).toBe(1);
  });

  it('a deal gets no body texture, and a label texture only when it shows a label', () => {
    const log: string[] = [];
    const { cy, renderer, elements, element } = fakeRenderer(log);
    fillTexturesBeforeDrawing(cy);
    const deals = [element('unlabelled', true, ''), element('undisclosed', true, '?')];
    const many = Array.from({ length: DIRECT_DRAW_UP_TO + 1 }, (_, i) => (i < 2 ? deals[i]! : elements[0]!));
    renderer.drawCachedElements(null, many);
    expect(log.slice(0, 3)).toEqual(['label:undisclosed@undefined', 'body:a@undefined', 'label:a@undefined']);
    expect(log.some((entry) => entry.includes('unlabelled') && !entry.startsWith('draw:'))).toBe(false);
  });

  it('a small network is drawn straight onto the screen, without textures, labels only where readable', () => {
    const log: string[] = [];
    const { cy, renderer, elements } = fakeRenderer(log);
    const direct = Object.assign(renderer, {
      drawElement: (_context: unknown, ele: { id: string }, _shift: unknown, showLabel: boolean) => void log.push(`direct:${ele.id}${showLabel ? '+label' : ''}`),
      // Only a's label is big enough to be drawn at this zoom.
      eleTextBiggerThanMin: (ele: { id: string }) => ele.id === 'a',
    });
    fillTexturesBeforeDrawing(cy);
    direct.drawCachedElements(null, elements);
    expect(log).toEqual(['direct:a+label', 'direct:b', 'direct:hidden']);
    const many = Array.from({ length: DIRECT_DRAW_UP_TO + 1 }, (_, i) => elements[i % 2]!);
    direct.drawCachedElements(null, many);
    expect(log[3]).toBe('body:a@undefined');
    expect(log[log.length - 1]).toMatch(/^draw:/);
  });

  it('a small network gets no layers: it is drawn element by element', () => {
    const log: string[] = [];
    const { cy, renderer, elements } = fakeRenderer(log);
    fillTexturesBeforeDrawing(cy);
    expect(renderer.data.lyrTxrCache.getLayers(elements, 1)).toBeNull();
    expect(log).toEqual([]);
  });

  it('leaves a renderer without the expected parts untouched', () => {
    const log: string[] = [];
    const { cy, renderer } = fakeRenderer(log);
    const draw = renderer.drawCachedElements;
    (renderer.data as { lblTxrCache?: unknown }).lblTxrCache = undefined;
    expect(fillTexturesBeforeDrawing(cy)).toBe(false);
    expect(renderer.drawCachedElements).toBe(draw);
    expect(fillTexturesBeforeDrawing({} as Core)).toBe(false);
  });
});
