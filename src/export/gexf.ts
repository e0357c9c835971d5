/**
 * GEXF 1.3 export of a (filtered) firm graph, Gephi's own format, written by graphology-gexf with the
 * same attributes as the GraphML export. The firm name is the node label, as Gephi expects. Given
 * the drawing, each firm carries viz:position (y negated: Gephi's y grows upwards), viz:size, viz:color
 * and viz:shape, and each deal viz:color, viz:thickness and viz:shape, so Gephi opens the picture as drawn.
 */
import { write } from 'graphology-gexf';
import type { Deal, Entity } from '../data/types.js';
import type { FirmGraph } from '../model/graph.js';
import { coordinate, gexfShape, rgbOf, type NetworkDrawing } from './drawing.js';
import { attributeRecord, DEAL_ATTRIBUTES, FIRM_ATTRIBUTES, type AttributeValue } from './attributes.js';
import { isXmlSafe, xmlChars } from './xml.js';

/** graphology-gexf escapes markup but not control characters, which would make the file unreadable. */
function xmlSafeRecord(record: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const safe: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(record)) safe[name] = typeof value === 'string' ? xmlChars(value) : value;
  return safe;
}

function checkIds(graph: FirmGraph): void {
  const bad = graph.findNode((id) => !isXmlSafe(id)) ?? graph.findEdge((id) => !isXmlSafe(id));
  if (bad !== undefined) throw new Error(`roundtrip/export: id ${JSON.stringify(bad)} holds characters XML cannot store`);
}

export interface GEXFOptions {
  /** Positions, sizes and colours of the firms and deals, to open the picture as drawn. */
  drawing?: NetworkDrawing;
}

/** `rgb(r,g,b)`: graphology-gexf writes it as viz:color's r, g and b attributes, which every GEXF reader knows (a `#hex` would become 1.3's newer `hex` attribute). */
function vizColor(color: string | undefined): string | undefined {
  const rgb = rgbOf(color);
  return rgb ? `rgb(${rgb.r},${rgb.g},${rgb.b})` : undefined;
}

/** The graph as a GEXF 1.3 document (UTF-8). Undisclosed amounts are left out, not written as 0. */
export function toGEXF(graph: FirmGraph, options: GEXFOptions = {}): string {
  checkIds(graph);
  const drawing = options.drawing;
  return write<Entity, Deal>(graph, {
    version: '1.3',
    formatNode: (id, entity) => {
      const drawn = drawing?.firms.get(id);
      const color = vizColor(drawn?.color);
      const shape = gexfShape(drawn?.shape);
      return {
        label: xmlChars(entity.name),
        attributes: xmlSafeRecord(attributeRecord(FIRM_ATTRIBUTES, entity, graph)),
        ...(drawn
          ? { viz: { x: coordinate(drawn.x), y: coordinate(-drawn.y), z: 0, ...(drawn.width === undefined ? {} : { size: coordinate(drawn.width) }), ...(color ? { color } : {}), ...(shape ? { shape } : {}) } }
          : {}),
      };
    },
    formatEdge: (id, deal) => {
      const drawn = drawing?.deals?.get(id);
      const color = vizColor(drawn?.color);
      return {
        attributes: xmlSafeRecord(attributeRecord(DEAL_ATTRIBUTES, deal, graph)),
        ...(drawn
          ? { viz: { ...(color ? { color } : {}), ...(drawn.width === undefined ? {} : { thickness: coordinate(drawn.width) }), ...(drawn.line ? { shape: drawn.line } : {}) } }
          : {}),
      };
    },
  });
}
