/**
 * Answers `ele.boundingBox()` from Cytoscape's own cache without its per-call set-up.
 *
 * Drawing a frame, the renderer asks every element for its bounding box several times (is it in
 * view, where are its body and its labels). Each call first builds a memoising closure and a map,
 * only to find the cached box still good: on 5,000 deals that is a good part of a frame's time and
 * garbage. For one element asked without options, when its box is cached, its style is clean and
 * its position (an edge: its ends' positions) has not moved since the box was cached, this returns
 * the cached box exactly as Cytoscape would; every other call goes to Cytoscape's code.
 *
 * "Not moved" is Cytoscape's own test: it keeps a hash of the rounded positions with the box, and
 * this computes the same hash. Should a later version hash differently, the hashes never match and
 * every call takes the stock path: slower, never wrong.
 */
import type { Core } from 'cytoscape';
import type { Box } from './batched-textures.js';

interface ElementState {
  group: 'nodes' | 'edges';
  position: { x: number; y: number };
  source?: { _private: ElementState };
  target?: { _private: ElementState };
  bbCache?: Box | null;
  bbCachePosKey?: number | null;
  styleDirty?: boolean;
}

interface ElementCollection {
  readonly length: number;
  readonly [index: number]: { _private: ElementState };
  boundingBox(options?: unknown): Box;
}

const PATCHED = Symbol('roundtrip:boundingBox');

/** Where the stock function is kept, for the browser test that compares the two. */
export const STOCK_BOUNDING_BOX = Symbol.for('roundtrip:stockBoundingBox');

/** Cytoscape's `hashIntsArray` (sdbm, seed 9261) over two or four whole numbers. */
function positionHash(a: number, b: number, c?: number, d?: number): number {
  let hash = 9261;
  hash = (hash * 65599 + a) | 0;
  hash = (hash * 65599 + b) | 0;
  if (c !== undefined && d !== undefined) {
    hash = (hash * 65599 + c) | 0;
    hash = (hash * 65599 + d) | 0;
  }
  return hash;
}

/** Cytoscape's key for "where the element was" when its box was cached. */
export function positionKey(state: ElementState): number | null {
  if (state.group === 'edges') {
    const from = state.source?._private.position;
    const to = state.target?._private.position;
    if (!from || !to) return null;
    return positionHash(Math.round(from.x), Math.round(from.y), Math.round(to.x), Math.round(to.y));
  }
  return positionHash(Math.round(state.position.x), Math.round(state.position.y));
}

/** Infinite sides count as 0, as Cytoscape reports them. */
function finite(x: number): number {
  return x === Infinity || x === -Infinity ? 0 : x;
}

/** Installs the shortcut for all of Cytoscape's collections; false when the internals differ. */
export function answerBoundsFromCache(cy: Core): boolean {
  const proto = Object.getPrototypeOf(cy.collection()) as ElementCollection & { [PATCHED]?: true };
  if (proto[PATCHED]) return true;
  const stock = proto.boundingBox as unknown;
  if (typeof stock !== 'function' || stock.length !== 1) return false;
  const stockBoundingBox = stock as (this: ElementCollection, options?: unknown) => Box;
  proto.boundingBox = function boundingBox(this: ElementCollection, options?: unknown): Box {
    if (options === undefined && this.length === 1) {
      const state = (this[0] as { _private: ElementState })._private;
      const box = state.bbCache;
      if (box && !state.styleDirty && state.bbCachePosKey === positionKey(state)) {
        // What Cytoscape does to the box it returns, the cached object included.
        box.x1 = finite(box.x1);
        box.y1 = finite(box.y1);
        box.x2 = finite(box.x2);
        box.y2 = finite(box.y2);
        box.w = finite(box.x2 - box.x1);
        box.h = finite(box.y2 - box.y1);
        return box;
      }
    }
    return stockBoundingBox.call(this, options);
  };
  Object.defineProperty(proto, PATCHED, { value: true });
  Object.defineProperty(proto, STOCK_BOUNDING_BOX, { value: stockBoundingBox });
  return true;
}
