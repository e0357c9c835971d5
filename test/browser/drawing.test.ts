import { describe, expect, it } from 'vitest';
import { useAppSession, type Session } from './session.js';

let session: Session;
useAppSession({}, (s) => (session = s));

describe('drawing the deals', () => {
  it('plain deals drawn in batches look as Cytoscape draws them one by one', async () => {
    const compared = await session.page.evaluate(async () => {
      const cy = document.querySelector('rt-app')!.shadowRoot!.querySelector('rt-graph')!.cy!;
      type Draw = (this: unknown, context: CanvasRenderingContext2D, eles: unknown[], pxRatio: number, extent: null) => void;
      const renderer = (cy as unknown as { renderer(): Record<string | symbol, unknown> }).renderer();
      const batched = renderer.drawCachedElements as Draw;
      const stock = renderer[Symbol.for('roundtrip:stockDrawCachedElements')] as Draw;
      // Deals of every type, width and disclosure, each between its own two firms so that none
      // crosses another (where lines cross, the batches may stack them in another order).
      const types = ['investment', 'purchase', 'equity', 'warrants', 'loan', 'revenue-share', 'guarantee', 'partnership'];
      cy.elements().remove();
      for (let i = 0; i < 48; i++) {
        const x = (i % 6) * 120;
        const y = Math.floor(i / 6) * 90;
        const angle = (i * 37 * Math.PI) / 180;
        cy.add([
          { group: 'nodes', data: { id: `s${i}`, label: '', kind: 'chipmaker', size: 20 }, position: { x, y } },
          { group: 'nodes', data: { id: `t${i}`, label: '', kind: 'ai-lab', size: 26 }, position: { x: x + 70 * Math.cos(angle), y: y + 45 * Math.sin(angle) } },
          { group: 'edges', data: { id: `d${i}`, source: `s${i}`, target: `t${i}`, type: types[i % types.length], width: i % 3 === 0 ? 4 : 1.5, amount: i % 7 === 0 ? '?' : '$1B', undisclosed: i % 7 === 0 } },
        ]);
      }
      // Large networks are drawn with straight lines; so are these.
      cy.edges().style('curve-style', 'straight');
      cy.fit(undefined, 20);
      // Cytoscape places the lines (ends, arrow angles) when it next draws.
      await new Promise((resolve) => cy.one('render', resolve));
      const eles = (renderer.getCachedZSortedEles as () => unknown[]).call(renderer);
      const draw = (fn: Draw) => {
        const canvas = document.createElement('canvas');
        canvas.width = cy.width();
        canvas.height = cy.height();
        const context = canvas.getContext('2d')!;
        let strokes = 0;
        const stroke = context.stroke.bind(context) as (path?: Path2D) => void;
        context.stroke = (path?: Path2D) => {
          strokes++;
          if (path) stroke(path);
          else stroke();
        };
        const pan = cy.pan();
        context.setTransform(cy.zoom(), 0, 0, cy.zoom(), pan.x, pan.y);
        fn.call(renderer, context, eles, 1, null);
        return { pixels: context.getImageData(0, 0, canvas.width, canvas.height).data, strokes };
      };
      const compare = () => {
        const ours = draw(batched);
        const theirs = draw(stock);
        let inked = 0;
        let differing = 0;
        for (let i = 0; i < theirs.pixels.length; i += 4) {
          if (theirs.pixels[i + 3]! > 0 || ours.pixels[i + 3]! > 0) inked++;
          let most = 0;
          for (let c = 0; c < 4; c++) most = Math.max(most, Math.abs(theirs.pixels[i + c]! - ours.pixels[i + c]!));
          if (most > 48) differing++;
        }
        return { inked, differing, strokesSaved: theirs.strokes - ours.strokes };
      };
      const near = compare();
      // Zoomed out until the deals' labels are too small to be drawn.
      cy.zoom({ level: cy.zoom() / 3, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      const far = compare();
      return { installed: batched !== stock, near, far };
    });
    expect(compared.installed).toBe(true);
    for (const [zoom, { inked, differing, strokesSaved }, plain] of [
      // Near: the 7 undisclosed deals show their '?' and are drawn one by one; the other 41 in the
      // batches of their 16 looks (type × width). Far: no label shows, all 48 deals are batched.
      ['near', compared.near, 41],
      ['far', compared.far, 48],
    ] as const) {
      // There is a picture, drawn with far fewer strokes...
      expect(inked).toBeGreaterThan(zoom === 'near' ? 5000 : 1000);
      expect({ zoom, strokesSaved }).toEqual({ zoom, strokesSaved: plain - 16 });
      // ...and pixel for pixel the same but for antialiasing at the edges of arrowheads.
      expect(differing / inked).toBeLessThan(0.01);
    }
  });
});
