/**
 * GEXF 1.3 export of a (filtered) firm graph, Gephi's own format, written by graphology-gexf with the
 * same attributes as the GraphML export. The firm name is the node label, as Gephi expects.
 */
import { write } from 'graphology-gexf';
import type { Deal, Entity } from '../data/types.js';
import type { FirmGraph } from '../model/graph.js';
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

/** The graph as a GEXF 1.3 document (UTF-8). Undisclosed amounts are left out, not written as 0. */
export function toGEXF(graph: FirmGraph): string {
  checkIds(graph);
  return write<Entity, Deal>(graph, {
    version: '1.3',
    formatNode: (_id, entity) => ({
      label: xmlChars(entity.name),
      attributes: xmlSafeRecord(attributeRecord(FIRM_ATTRIBUTES, entity, graph)),
    }),
    formatEdge: (_id, deal) => ({ attributes: xmlSafeRecord(attributeRecord(DEAL_ATTRIBUTES, deal, graph)) }),
  });
}
