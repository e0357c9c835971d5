/**
 * Lays a network out: fcose for the size of the shipped data and a little beyond, where it draws
 * the nicest picture in a second or two; ForceAtlas2 with overlap removal above that, where fcose
 * takes minutes or piles firms up. The same request always gives the same positions. Each layout
 * is loaded when first needed, so a page never compiles the one it does not use.
 */
import type { LayoutProgress } from './force-atlas-layout.js';
import type { LayoutRequest, Positions } from './layout.js';

/** Up to this many firms, fcose at default quality (about 2 s at 300 firms and 1,200 deals). */
export const FCOSE_UP_TO = 300;

export type { LayoutProgress };

export async function runLayout(request: LayoutRequest, onProgress: LayoutProgress = () => {}): Promise<Positions> {
  if (request.nodes.length <= FCOSE_UP_TO) {
    const { fcoseLayout } = await import('./fcose-layout.js');
    const positions = fcoseLayout(request);
    onProgress(1);
    return positions;
  }
  const { forceAtlasLayout } = await import('./force-atlas-layout.js');
  return forceAtlasLayout(request, onProgress);
}
