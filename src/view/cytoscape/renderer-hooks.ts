/**
 * The one door to Cytoscape's private renderer. The hooks (batched textures, plain deals drawn in
 * batches, style dirtying, cached bounds, straight deal lines, the container's position after a
 * page scroll) read and replace internals of one
 * Cytoscape version; each checks what it needs, and this adapter installs them only on the version
 * they were written and tested against. On any other version the graph is drawn by stock Cytoscape:
 * slower on large networks, never wrong.
 */
import cytoscape, { type Core } from 'cytoscape';
import { fillTexturesBeforeDrawing } from './batched-textures.js';
import { answerBoundsFromCache } from './cached-bounds.js';
import { drawPlainEdgesInBatches } from './edge-batches.js';
import { placeStraightEdgesDirectly } from './straight-edges.js';
import { dirtyStylesWithoutCollections } from './style-dirtying.js';
import { forgetContainerPositionOnScroll } from './page-scroll.js';

/** The Cytoscape version the hooks were checked against (package.json pins it exactly; a test holds the two together). */
export const PINNED_CYTOSCAPE = '3.34.4';

export interface HookReport {
  /** The hooks that took (each declines when the internals it needs are not there). */
  installed: string[];
  /** Why none was tried, when the version is not the pinned one. */
  skipped: string | null;
}

/** Installs the renderer hooks on a new instance, in their order; `version` is the running Cytoscape's. */
export function installRendererHooks(cy: Core, version: string = (cytoscape as unknown as { version: string }).version): HookReport {
  if (version !== PINNED_CYTOSCAPE) return { installed: [], skipped: `Cytoscape ${version} is not ${PINNED_CYTOSCAPE}, the version the renderer hooks were checked against: stock drawing` };
  const hooks: Array<[string, (cy: Core) => boolean]> = [
    ['batched textures', fillTexturesBeforeDrawing],
    // After the texture hook: plain deals are drawn first, the rest go on to it.
    ['plain deals in batches', drawPlainEdgesInBatches],
    ['style dirtying', dirtyStylesWithoutCollections],
    ['cached bounds', answerBoundsFromCache],
    ['straight deal lines', placeStraightEdgesDirectly],
    ['container position after page scroll', forgetContainerPositionOnScroll],
  ];
  return { installed: hooks.filter(([, install]) => install(cy)).map(([name]) => name), skipped: null };
}
