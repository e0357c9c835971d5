/**
 * The attributes the graph exports write for firms and deals, in one table, so GraphML and GEXF
 * carry the same columns with the same names and types.
 */
import { flowOf, type Deal, type Entity } from '../data/types.js';
import { isSuperseded } from '../model/amounts.js';
import type { FirmGraph } from '../model/graph.js';

/** Attribute types as GraphML names them (GEXF infers its own from the values). */
export type AttributeType = 'string' | 'double' | 'boolean';
export type AttributeValue = string | number | boolean;

export interface AttributeSpec<T> {
  name: string;
  type: AttributeType;
  /** The value for one firm or deal; undefined leaves the attribute out. */
  value(item: T, graph: FirmGraph): AttributeValue | undefined;
}

/** Firm attributes; the firm id is the node id. */
export const FIRM_ATTRIBUTES: ReadonlyArray<AttributeSpec<Entity>> = [
  { name: 'name', type: 'string', value: (e) => e.name },
  { name: 'kind', type: 'string', value: (e) => e.kind },
  { name: 'ticker', type: 'string', value: (e) => e.ticker },
  { name: 'country', type: 'string', value: (e) => e.country },
  { name: 'note', type: 'string', value: (e) => e.note },
];

/** Deal attributes; the deal id is the edge id, `from` and `to` its ends. */
export const DEAL_ATTRIBUTES: ReadonlyArray<AttributeSpec<Deal>> = [
  { name: 'type', type: 'string', value: (d) => d.type },
  // Left out when undisclosed: a tool reading 0 or NaN would count an unknown amount as a known one.
  { name: 'amountUsd', type: 'double', value: (d) => (d.amountUsd !== null && Number.isFinite(d.amountUsd) ? d.amountUsd : undefined) },
  { name: 'amountBasis', type: 'string', value: (d) => d.amountBasis },
  { name: 'date', type: 'string', value: (d) => d.date },
  { name: 'status', type: 'string', value: (d) => d.status },
  { name: 'flow', type: 'string', value: (d) => flowOf(d) },
  { name: 'statusNote', type: 'string', value: (d) => d.statusNote },
  { name: 'supersededBy', type: 'string', value: (d) => d.supersededBy },
  // Whether this graph leaves the amount out of sums (the later deal is in it), so Gephi totals agree with ours.
  { name: 'superseded', type: 'boolean', value: (d, graph) => isSuperseded(d, graph) },
  { name: 'title', type: 'string', value: (d) => d.title },
  { name: 'note', type: 'string', value: (d) => d.note },
  // Graph tools hold scalars only; the list stays whole as JSON, and the first URL is clickable.
  { name: 'sources', type: 'string', value: (d) => JSON.stringify(d.sources) },
  { name: 'sourceUrl', type: 'string', value: (d) => d.sources[0]?.url },
];

/** The attributes of one firm or deal as a plain record, leaving out the undefined ones. */
export function attributeRecord<T>(specs: ReadonlyArray<AttributeSpec<T>>, item: T, graph: FirmGraph): Record<string, AttributeValue> {
  const record: Record<string, AttributeValue> = {};
  for (const spec of specs) {
    const value = spec.value(item, graph);
    if (value !== undefined) record[spec.name] = value;
  }
  return record;
}
