/** The graph element's own layout: the canvas fills it; notes, the layout's progress and the screen-reader line sit over it. */
import { css } from 'lit';

export const graphStyles = css`
    :host {
      display: block;
      position: relative;
      min-height: 320px;
    }
    #cy {
      position: absolute;
      inset: 0;
    }
    #cy:focus-visible {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .sr {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .note {
      position: absolute;
      left: 0.5rem;
      bottom: 0.5rem;
      padding: 0.3rem 0.6rem;
      border-radius: 4px;
      font-size: 0.85rem;
      background: color-mix(in srgb, Canvas 85%, CanvasText 15%);
    }
    .note.undrawn {
      top: 0.5rem;
      bottom: auto;
      max-width: 60%;
    }
    .overlay {
      position: absolute;
      inset: auto 0 0 0;
      margin: auto;
      top: 0;
      width: fit-content;
      height: fit-content;
      padding: 0.6rem 1rem;
      border-radius: 6px;
      background: color-mix(in srgb, Canvas 90%, CanvasText 10%);
      font-size: 0.9rem;
    }
`;
