/**
 * Spares Cytoscape needless styling work, which is most of what it does for a large network.
 *
 * - `dirtyStylesWithoutCollections`: each time one style property of an element changes, Cytoscape
 *   forgets the cached style of the element and of its connected edges. It finds those edges by
 *   building a new collection, once per property: styling 1,000 firms and 5,000 deals builds tens
 *   of thousands of throw-away collections, a third of the styling time and much of the garbage.
 *   Without compound nodes (this app has none) the connected edges are the node's own edge list,
 *   so a plain loop does the same work.
 * - `pinBackgrounding`: stops image-less firms from being restyled on every draw (see there).
 *
 * Like the texture hooks, these reach into Cytoscape's internals (pinned version): they check the
 * shapes they rely on, keep the stock behaviour where it matters (compound graphs, nodes with
 * images), and otherwise change nothing.
 */
import type { Core, NodeCollection } from 'cytoscape';

interface ElementState {
  group: 'nodes' | 'edges';
  styleCache: unknown;
  edges?: Array<{ _private: ElementState }>;
}

interface ElementCollection {
  readonly length: number;
  readonly [index: number]: { _private: ElementState };
  cy(): { hasCompoundNodes(): boolean };
  dirtyStyleCache(): ElementCollection;
}

const PATCHED = Symbol('roundtrip:dirtyStyleCache');

/** Forgets the cached style of the elements and of the edges of the nodes among them. */
export function forgetStyles(elements: ElementCollection): void {
  for (let i = 0; i < elements.length; i++) {
    const state = (elements[i] as { _private: ElementState })._private;
    state.styleCache = null;
    if (state.group === 'nodes' && state.edges) for (const edge of state.edges) edge._private.styleCache = null;
  }
}

/** Installs the allocation-free version for all of Cytoscape's collections; false when the internals differ. */
export function dirtyStylesWithoutCollections(cy: Core): boolean {
  const nodes = cy.nodes() as unknown as ElementCollection;
  const proto = Object.getPrototypeOf(nodes) as ElementCollection & { [PATCHED]?: true };
  if (proto[PATCHED]) return true;
  const stock = proto.dirtyStyleCache as unknown;
  if (typeof stock !== 'function' || stock.length !== 0) return false;
  const stockDirty = stock as (this: ElementCollection) => ElementCollection;
  proto.dirtyStyleCache = function dirtyStyleCache(this: ElementCollection): ElementCollection {
    if (this.cy().hasCompoundNodes()) return stockDirty.call(this);
    forgetStyles(this);
    return this;
  };
  Object.defineProperty(proto, PATCHED, { value: true });
  return true;
}

interface NodeState {
  backgrounding?: boolean;
  style?: Record<string, { value?: unknown } | undefined>;
}

/** Whether a node's style gives it a background image (from its last computed style). */
function hasBackgroundImage(state: NodeState): boolean {
  const urls = state.style?.['background-image']?.value;
  return Array.isArray(urls) && urls.some((url) => typeof url === 'string' && url !== '' && url !== 'none');
}

/**
 * Keeps nodes without a background image out of Cytoscape's "image loading" state.
 *
 * Drawing a node, Cytoscape 3.34 works the state out twice (images inside the node, then images on
 * top) and, for a node with no image at all, counts the two passes differently: the state flips on
 * and off, and each flip restyles the node. Every firm was restyled twice in every drawn frame. A
 * node without an image is never loading one, so the state reads false; a node with an image keeps
 * Cytoscape's own bookkeeping.
 */
export function pinBackgrounding(nodes: NodeCollection): void {
  const elements = nodes as unknown as ArrayLike<{ _private?: NodeState }>;
  for (let i = 0; i < elements.length; i++) {
    const state = elements[i]?._private;
    if (typeof state !== 'object' || !('backgrounding' in state)) continue;
    let loading = state.backgrounding === true;
    Object.defineProperty(state, 'backgrounding', {
      get: () => (hasBackgroundImage(state) ? loading : false),
      set: (value: boolean) => void (loading = value),
      configurable: true,
      enumerable: true,
    });
  }
}

interface StyleQueueRenderer {
  flushRenderedStyleQueue?: () => void;
}

/**
 * Works out now the style (and the drawn sizes, label boxes and deal ends) of every element added
 * or changed since the last drawing, instead of in the next drawing: a graph added in slices is
 * styled slice by slice, each in its own task, and its first drawing only draws. On a renderer
 * without the queue (another version) nothing happens here and the drawing does the work, as stock.
 */
export function computeStylesNow(cy: Core): void {
  const renderer = (cy as unknown as { renderer?: () => StyleQueueRenderer | undefined }).renderer?.();
  if (typeof renderer?.flushRenderedStyleQueue === 'function') renderer.flushRenderedStyleQueue();
}

/**
 * Lets the next animation frame go by without drawing: between the slices of a graph being added,
 * each drawing would draw every element added so far (thousands of firms, a tenth of a second or
 * more each), only to be drawn over by the next. The picture is drawn once the last slice is in.
 * On a renderer without the flag (another version) the frames are drawn, as stock.
 */
export function skipNextDrawing(cy: Core): void {
  const renderer = (cy as unknown as { renderer?: () => { requestedFrame?: boolean } | undefined }).renderer?.();
  if (renderer && typeof renderer.requestedFrame === 'boolean') renderer.requestedFrame = false;
}
