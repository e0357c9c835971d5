/**
 * Cytoscape keeps where its container sits on the page and forgets it when an ancestor scrolls,
 * but it finds the ancestors through `parentNode`, which stops at a shadow root. A page scrolled
 * around the Roundtrip element kept the old position, so clicks missed their firm until a resize.
 * This hook forgets the position whenever anything on the page scrolls.
 */
import type { Core } from 'cytoscape';

interface Renderer {
  invalidateContainerClientCoordsCache?: () => void;
}

export function forgetContainerPositionOnScroll(cy: Core): boolean {
  const renderer = (cy as unknown as { renderer(): Renderer | undefined }).renderer();
  const invalidate = renderer?.invalidateContainerClientCoordsCache;
  if (!renderer || typeof invalidate !== 'function') return false;
  const forget = (): void => invalidate.call(renderer);
  window.addEventListener('scroll', forget, { capture: true, passive: true });
  cy.one('destroy', () => window.removeEventListener('scroll', forget, { capture: true }));
  return true;
}

/**
 * The same for stock Cytoscape (another version than the pinned one): once a scroll has ended,
 * `cy.resize()`, public, makes Cytoscape measure its container again.
 */
export function resizeAfterPageScroll(cy: Core): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => cy.resize(), 100);
  };
  window.addEventListener('scroll', later, { capture: true, passive: true });
  cy.one('destroy', () => {
    clearTimeout(timer);
    window.removeEventListener('scroll', later, { capture: true });
  });
}
