/**
 * Makes Cytoscape's canvas renderer fill its element textures before it draws from them.
 *
 * The renderer caches each firm and label as a small image on a shared texture canvas and copies
 * it onto the screen. It does so element by element: draw one into a texture, copy it out, draw
 * the next into the same texture. Where canvases are rendered in software (no GPU, or a
 * blocklisted one), every copy-out snapshots the texture and the next draw-in copies the whole
 * texture again, so the first frame of 1,000 firms costs seconds. Filling all textures first and
 * then copying takes one snapshot per texture: the picture is the same, drawn many times faster.
 *
 * Small networks skip the caches altogether and are drawn element by element (DIRECT_DRAW_UP_TO).
 *
 * This reaches into the renderer's internals (pinned Cytoscape version), so every hook checks what
 * it needs and leaves the renderer untouched when something is missing: the worst case is the
 * stock, slower drawing. Used only by the graph component, the one place that touches Cytoscape.
 */
import type { Core } from 'cytoscape';
import { afterThisFrame } from '../after-frame.js';

/** A bounding box as Cytoscape's renderer keeps it. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}

interface RenderedElement {
  boundingBox(): Box;
  visible(): boolean;
  isEdge(): boolean;
  pstyle(name: 'label'): { strValue?: string } | undefined;
}

interface TextureCache {
  getElement(ele: RenderedElement, bb: Box, pxRatio: number, lvl: number | null | undefined, reason: unknown): unknown;
  getBoundingBox(ele: RenderedElement): Box;
  reasons?: { highQuality?: unknown };
}

interface LayeredTextureCache {
  getLayers(eles: RenderedElement[], pxRatio: number, lvl?: number): unknown;
  /** Set while the cache skips making layers after recent changes (the elements are drawn directly). */
  skipping?: boolean;
  /** True until the cache is first asked for layers. */
  firstGet?: boolean;
  validateLayersElesOrdering?(lvl: number, eles: RenderedElement[]): void;
  levelIsComplete?(lvl: number, eles: RenderedElement[]): boolean;
}

interface CanvasRenderer {
  cy: Core;
  data: {
    eleTxrCache?: TextureCache;
    lblTxrCache?: TextureCache;
    lyrTxrCache?: LayeredTextureCache;
  };
  drawCachedElements?(context: unknown, eles: RenderedElement[], pxRatio: number, extent: Box | null | undefined): void;
  /** Draws one element directly; its label only when `showLabel` is true. */
  drawElement?(context: unknown, ele: RenderedElement, shiftToOriginWithBb: undefined, showLabel: boolean): void;
  /** Whether an element's label is big enough on screen to be drawn (its min-zoomed-font-size). */
  eleTextBiggerThanMin?(ele: RenderedElement): boolean;
  redrawHint?(group: 'eles', dirty: boolean): void;
  redraw?(): void;
}

/** Elements whose textures are filled per call while the layer cache queues its layers. */
export const TEXTURES_PER_CALL = 150;

/** Up to this many drawn elements, the renderer skips its layer cache and element textures. */
export const DIRECT_DRAW_UP_TO = 400;

/** What the stock renderer computes as the texture level for a zoom (see its texture caches). */
function textureLevel(zoom: number, pxRatio: number): number {
  return Math.max(-4, Math.ceil(Math.log2(zoom * pxRatio)));
}

function intersects(a: Box, b: Box): boolean {
  return !(a.x1 > b.x2 || b.x1 > a.x2 || a.y1 > b.y2 || b.y1 > a.y2);
}

/**
 * Whether the layer cache is about to draw elements into new layers. It does not when the level's
 * layers are all there and valid (panning and zooming within a level), nor while it skips making
 * layers after recent changes: filling every texture then is wasted work. A cache without these
 * parts is taken to draw, so the textures are filled as before.
 */
function drawsIntoLayers(layers: LayeredTextureCache, eles: RenderedElement[], level: number): boolean {
  if (typeof layers.validateLayersElesOrdering !== 'function' || typeof layers.levelIsComplete !== 'function') return true;
  layers.validateLayersElesOrdering(level, eles);
  if (layers.levelIsComplete(level, eles)) return false;
  return !(layers.skipping === true && layers.firstGet !== true);
}

/** Installs the hooks on `cy`'s renderer; returns false when the renderer is not the expected one. */
export function fillTexturesBeforeDrawing(cy: Core): boolean {
  const renderer = (cy as unknown as { renderer?(): CanvasRenderer | undefined }).renderer?.();
  const caches = renderer ? [renderer.data.eleTxrCache, renderer.data.lblTxrCache] : [];
  if (!renderer || caches.some((cache) => typeof cache?.getElement !== 'function' || typeof cache.getBoundingBox !== 'function')) return false;
  const textureCaches = caches as TextureCache[];
  const drawCached = renderer.drawCachedElements;
  const layers = renderer.data.lyrTxrCache;
  if (typeof drawCached !== 'function' || typeof layers?.getLayers !== 'function') return false;

  const [bodyCache, labelCache] = textureCaches as [TextureCache, TextureCache];
  /** The elements whose textures were filled, per level, while the layers are queued. */
  const filledAt = new Map<number, WeakSet<RenderedElement>>();
  const notFilledYet = (eles: RenderedElement[], level: number, atMost: number): RenderedElement[] => {
    let filled = filledAt.get(level);
    if (!filled) filledAt.set(level, (filled = new WeakSet()));
    const next: RenderedElement[] = [];
    for (const ele of eles) {
      if (next.length >= atMost) break;
      if (filled.has(ele)) continue;
      filled.add(ele);
      next.push(ele);
    }
    return next;
  };
  const fill = (eles: RenderedElement[], pxRatio: number, extent: Box | null | undefined, lvl: number | undefined, reason: unknown): void => {
    for (const ele of eles) {
      // A deal is drawn as a line, never from a texture: only its label, if it shows one, has one.
      const edge = ele.isEdge();
      if (edge && !ele.pstyle('label')?.strValue) continue;
      const bb = ele.boundingBox();
      if (bb.w === 0 || bb.h === 0 || !ele.visible() || (extent && !intersects(bb, extent))) continue;
      if (!edge) bodyCache.getElement(ele, bodyCache.getBoundingBox(ele), pxRatio, lvl, reason);
      labelCache.getElement(ele, labelCache.getBoundingBox(ele), pxRatio, lvl, reason);
    }
  };

  const drawElement = renderer.drawElement;
  const textShown = renderer.eleTextBiggerThanMin;
  renderer.drawCachedElements = function (context, eles, pxRatio, extent) {
    // A small network is drawn straight onto the screen, without textures: making them costs
    // more than drawing a few dozen shapes, and it is most of the first frame. As with the
    // textures, names and amounts too small to read at this zoom are left out.
    if (eles.length <= DIRECT_DRAW_UP_TO && typeof drawElement === 'function' && typeof textShown === 'function') {
      for (const ele of eles) drawElement.call(this, context, ele, undefined, textShown.call(this, ele));
      return;
    }
    fill(eles, pxRatio, extent, undefined, null);
    drawCached.call(this, context, eles, pxRatio, extent);
  };
  const getLayers = layers.getLayers;
  let firstLayersPut = false;
  layers.getLayers = function (eles, pxRatio, lvl) {
    // A small network is drawn element by element (no layers): the layer canvases cost more to
    // make than they save, and making them is most of the first frame.
    if (eles.length <= DIRECT_DRAW_UP_TO) return null;
    // The first picture of a large network is drawn straight onto the screen. On its first call
    // the cache would draw every element into its layers at once (over half a second for 1,500
    // deals); on later calls it queues them and draws a few per frame, within a time budget.
    // So the first call is skipped, and the layers are queued from the frame after the picture.
    if (this.firstGet === true && !firstLayersPut && typeof renderer.redraw === 'function') {
      firstLayersPut = true;
      this.firstGet = false;
      afterThisFrame(() => {
        renderer.redrawHint?.('eles', true);
        renderer.redraw?.();
      });
      return null;
    }
    // The layer cache draws each element at the level of its layers and asks for full quality.
    // On its first call it draws them all now: every texture is filled first. Later, it queues
    // them and draws a few per frame: the textures are filled a part per call, ahead of it, so
    // no frame fills them all.
    const level = lvl ?? textureLevel(cy.zoom(), pxRatio);
    if (drawsIntoLayers(this, eles, level)) {
      const reason = textureCaches[0]?.reasons?.highQuality ?? null;
      if (this.firstGet === true) fill(eles, pxRatio, null, level, reason);
      else fill(notFilledYet(eles, level, TEXTURES_PER_CALL), pxRatio, null, level, reason);
    }
    return getLayers.call(this, eles, pxRatio, lvl);
  };
  return true;
}
