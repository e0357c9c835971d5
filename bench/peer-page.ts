/**
 * The browser benchmark's peer: stock Cytoscape drawing the same firms and deals, at the same
 * positions and with the same stylesheet as the explorer, and nothing else (no validation, no
 * analysis, no panels, none of the explorer's renderer hooks). Its canvas fills the window, a few
 * more pixels than the explorer's graph pane. The bench times it in the same Chromium as the
 * explorer, so the ratio between the two holds however fast the machine runs.
 *
 * The page reads `peer-elements.json` (written by the bench) and marks `peer:graph-drawn` after
 * its first drawn frame. `window.peerHideType(type)` hides that type's deals (showing the rest) and
 * resolves after the next drawn frame: the peer of a filter change.
 */
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { graphStylesheet } from '../src/view/cytoscape/graph-stylesheet.js';

interface PeerElements {
  nodes: ElementDefinition[];
  edges: ElementDefinition[];
}

declare global {
  interface Window {
    peerHideType(type: string): Promise<number>;
    /** The peer's Cytoscape, for the bench's scripted pan. */
    peerCy: cytoscape.Core;
  }
}

const response = await fetch('peer-elements.json');
const elements = (await response.json()) as PeerElements;
const container = document.getElementById('cy') as HTMLDivElement;
// `?webgl`: Cytoscape's own WebGL renderer (3.31+) instead of the canvas one, to compare the two.
const webgl = new URLSearchParams(location.search).has('webgl');
const cy = cytoscape({
  ...(webgl ? ({ renderer: { name: 'canvas', webgl: true } } as Partial<cytoscape.CytoscapeOptions>) : {}),
  container,
  style: graphStylesheet(false, elements.edges.length),
  elements: [...elements.nodes, ...elements.edges],
  layout: { name: 'preset', fit: true, padding: 40 },
  boxSelectionEnabled: false,
  minZoom: 0.05,
  maxZoom: 6,
});
window.peerCy = cy;
// The WebGL renderer fires no render event: its first frame is drawn by the frame after the next.
if (webgl) requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('peer:graph-drawn')));
else cy.one('render', () => performance.mark('peer:graph-drawn'));

window.peerHideType = (type: string): Promise<number> => {
  const start = performance.now();
  const drawn = new Promise<number>((resolve) => cy.one('render', () => resolve(performance.now() - start)));
  cy.batch(() => {
    cy.edges().forEach((edge) => {
      const hidden = edge.data('type') === type;
      if (hidden !== (edge.style('display') === 'none')) {
        if (hidden) edge.style('display', 'none');
        else edge.removeStyle('display');
      }
    });
  });
  return drawn;
};
