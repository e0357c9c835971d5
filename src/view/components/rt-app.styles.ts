/**
 * The explorer's page layout: header, filters, graph and panels side by side (one column below
 * 900 px), and the notices, banners and menus around them.
 */
import { css } from 'lit';

export const appStyles = css`
  :host { display: grid; grid-template-rows: auto 1fr; height: 100vh; color: CanvasText; background: Canvas; }
  button, select { font: inherit; }
  main { display: grid; grid-template-columns: 15rem minmax(0, 1fr) 24rem; min-height: 0; }
  /* The measures table has nine columns: on request the panel makes room for them all. */
  main.wide { grid-template-columns: 15rem minmax(0, 1fr) min(50rem, 58vw); }
  aside { overflow: auto; padding: 0.75rem; border-right: 1px solid color-mix(in srgb, CanvasText 12%, transparent); }
  .panel { overflow: auto; padding: 0.5rem 0.75rem; border-left: 1px solid color-mix(in srgb, CanvasText 12%, transparent); }
  .center { position: relative; display: grid; grid-template-rows: auto auto 1fr auto; grid-template-columns: minmax(0, 1fr); min-height: 0; min-width: 0; }
  /* The status has a line of its own: one that wrapped when the loops arrive would shift the picture under the pointer. */
  rt-graph { min-height: 0; height: 100%; }
  .banner { margin: 1rem; border: 2px solid #b3261e; border-radius: 6px; padding: 0.75rem 1rem; }
  .banner h2 { margin: 0 0 0.5rem; font-size: 1.05rem; color: #b3261e; }
  .banner li { font-family: ui-monospace, monospace; font-size: 0.85rem; }
  .status { padding: 1rem; }
  .notice { margin: 0.5rem 1rem; padding: 0.5rem 0.8rem; border: 1px solid #b26b00; border-radius: 6px; background: color-mix(in srgb, #f5a623 14%, Canvas); font-size: 0.9rem; }
  .notice p, .notice ul { margin: 0 0 0.3rem; }
  .notice ul.notes { max-height: 12rem; overflow: auto; }
  .notice summary { cursor: pointer; margin-bottom: 0.3rem; }
  .drop { position: fixed; inset: 0; display: grid; place-items: center; font-size: 1.4rem; background: color-mix(in srgb, Canvas 80%, transparent); border: 4px dashed Highlight; z-index: 10; pointer-events: none; }
  :focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
  /* Skip links: out of sight until the keyboard reaches them, and out of the page's grid. */
  .skip { position: absolute; top: 0; left: 0; }
  .skip a { position: absolute; left: -10000px; top: 0.4rem; z-index: 20; padding: 0.3rem 0.6rem; background: Canvas; color: LinkText; border: 2px solid Highlight; border-radius: 4px; }
  .skip a:focus { left: 0.5rem; }
  /* Inside another page (rt-embedded): what is slotted in takes the cells of the frame's grid itself. */
  .contents { display: contents; }
  /* Narrow windows: one column that the page scrolls through (filters, graph, then the panels). */
  @media (max-width: 900px) {
    :host { height: auto; min-height: 100vh; }
    main, main.wide { grid-template-columns: 1fr; grid-template-rows: auto 70vh auto; }
    aside { max-height: 45vh; border: none; border-bottom: 1px solid color-mix(in srgb, CanvasText 12%, transparent); }
    .panel { overflow: visible; border: none; }
  }
`;
