/**
 * GraphML 1.0 export of a (filtered) firm graph, for yEd, Gephi, Cytoscape desktop and NetworkX.
 * graphology-graphml only reads, so this writes the XML itself: one directed graph, a `<key>` per
 * attribute with its type, firms as nodes and deals as edges keyed by deal id (parallel deals kept).
 */
import type { FirmGraph } from '../model/graph.js';
import { attributeRecord, DEAL_ATTRIBUTES, FIRM_ATTRIBUTES, type AttributeSpec, type AttributeValue } from './attributes.js';
import { escapeXmlAttribute, escapeXmlText, isXmlSafe } from './xml.js';

export interface GraphMLOptions {
  /** Written as the graph's `title` data, e.g. which filters made the view. */
  title?: string;
}

interface Key {
  id: string;
  for: 'graph' | 'node' | 'edge';
  name: string;
  type: AttributeSpec<unknown>['type'];
}

// Key ids carry a prefix: GraphML ids are shared by node and edge keys (both have a `note`), and
// Gephi treats bare ids such as `d3` or `label` as its own properties.
const GRAPH_KEYS: readonly Key[] = [{ id: 'g_title', for: 'graph', name: 'title', type: 'string' }];
// Gephi and yEd's property mapper show a node attribute named `label`; the firm name is the label.
const NODE_KEYS: readonly Key[] = [
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  ...FIRM_ATTRIBUTES.map((a): Key => ({ id: `n_${a.name}`, for: 'node', name: a.name, type: a.type })),
];
const EDGE_KEYS: readonly Key[] = DEAL_ATTRIBUTES.map((a): Key => ({ id: `e_${a.name}`, for: 'edge', name: a.name, type: a.type }));

/** An id written as an XML attribute; refused rather than silently changed, since edges refer to it. */
function xmlId(id: string, what: string): string {
  if (!isXmlSafe(id)) throw new Error(`roundtrip/export: ${what} id ${JSON.stringify(id)} holds characters XML cannot store`);
  return escapeXmlAttribute(id);
}

function dataValue(value: AttributeValue): string {
  return typeof value === 'string' ? escapeXmlText(value) : String(value);
}

function dataLines(prefix: string, record: Record<string, AttributeValue>, indent: string): string[] {
  return Object.entries(record).map(([name, value]) => `${indent}<data key="${prefix}${name}">${dataValue(value)}</data>`);
}

/** The graph as a GraphML 1.0 document (UTF-8). */
export function toGraphML(graph: FirmGraph, options: GraphMLOptions = {}): string {
  const keys = [...(options.title === undefined ? [] : GRAPH_KEYS), ...NODE_KEYS, ...EDGE_KEYS];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`),
    '  <graph id="roundtrip" edgedefault="directed">',
  ];
  if (options.title !== undefined) lines.push(`    <data key="g_title">${escapeXmlText(options.title)}</data>`);
  graph.forEachNode((id, entity) => {
    lines.push(`    <node id="${xmlId(id, 'firm')}">`);
    lines.push(...dataLines('n_', { label: entity.name, ...attributeRecord(FIRM_ATTRIBUTES, entity, graph) }, '      '));
    lines.push('    </node>');
  });
  graph.forEachEdge((id, deal, source, target) => {
    lines.push(`    <edge id="${xmlId(id, 'deal')}" source="${xmlId(source, 'firm')}" target="${xmlId(target, 'firm')}">`);
    lines.push(...dataLines('e_', attributeRecord(DEAL_ATTRIBUTES, deal, graph), '      '));
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
