import { XMLParser } from 'fast-xml-parser';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGEXF } from 'graphology-gexf';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { flowOf, type Deal, type Entity } from '../../src/data/types.js';
import { toGEXF } from '../../src/export/gexf.js';
import { toGraphML } from '../../src/export/graphml.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { buildFirmGraph, type FirmGraph } from '../../src/model/graph.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';
import { shippedGraph } from '../fixtures/shipped.js';

/** What a reader should get back for a firm, written out independently of the exporter. */
function expectedFirm(e: Entity): Record<string, unknown> {
  return {
    label: e.name,
    name: e.name,
    kind: e.kind,
    ...(e.ticker !== undefined ? { ticker: e.ticker } : {}),
    ...(e.country !== undefined ? { country: e.country } : {}),
    ...(e.note !== undefined ? { note: e.note } : {}),
  };
}

function expectedDeal(d: Deal, graph: FirmGraph): Record<string, unknown> {
  return {
    type: d.type,
    ...(d.amountUsd !== null ? { amountUsd: d.amountUsd } : {}),
    amountBasis: d.amountBasis,
    date: d.date,
    status: d.status,
    flow: flowOf(d),
    ...(d.statusNote !== undefined ? { statusNote: d.statusNote } : {}),
    ...(d.supersededBy !== undefined ? { supersededBy: d.supersededBy } : {}),
    superseded: d.supersededBy !== undefined && graph.hasEdge(d.supersededBy),
    title: d.title,
    ...(d.note !== undefined ? { note: d.note } : {}),
    sources: JSON.stringify(d.sources),
    sourceUrl: d.sources[0]?.url,
  };
}

function roundTrip(graph: FirmGraph, title?: string): MultiDirectedGraph {
  return parse(MultiDirectedGraph, toGraphML(graph, title === undefined ? {} : { title }));
}

function gexfRoundTrip(graph: FirmGraph): MultiDirectedGraph {
  return parseGEXF(MultiDirectedGraph, toGEXF(graph));
}

function expectSameGraph(parsed: MultiDirectedGraph, graph: FirmGraph): void {
  expect(parsed.order).toBe(graph.order);
  expect(parsed.size).toBe(graph.size);
  expect(parsed.nodes()).toEqual(graph.nodes());
  expect(parsed.edges()).toEqual(graph.edges());
  graph.forEachNode((id, entity) => expect(parsed.getNodeAttributes(id), id).toEqual(expectedFirm(entity)));
  graph.forEachEdge((id, deal, source, target) => {
    expect(parsed.source(id), id).toBe(source);
    expect(parsed.target(id), id).toBe(target);
    expect(parsed.isDirected(id), id).toBe(true);
    expect(parsed.getEdgeAttributes(id), id).toEqual(expectedDeal(deal, graph));
  });
}

describe('toGraphML', () => {
  it('toGraphML round-trips every firm, deal, direction and attribute of the shipped data', () => {
    const graph = shippedGraph();
    const parsed = roundTrip(graph);
    expectSameGraph(parsed, graph);
    // Numbers come back as numbers, booleans as booleans, the source list as its JSON.
    expect(parsed.getEdgeAttribute('nvidia-openai-loi-2025', 'amountUsd')).toBe(100_000_000_000);
    expect(parsed.getEdgeAttribute('nvidia-openai-loi-2025', 'superseded')).toBe(true);
    expect(parsed.getEdgeAttribute('nvidia-openai-round-2026', 'superseded')).toBe(false);
    expect(JSON.parse(parsed.getEdgeAttribute('nvidia-openai-loi-2025', 'sources') as string)).toEqual(graph.getEdgeAttribute('nvidia-openai-loi-2025', 'sources'));
  });

  it('toGraphML keeps parallel deals as separate edges keyed by deal id', () => {
    const graph = shippedGraph();
    const parsed = roundTrip(graph);
    const parallel = graph.directedEdges('nvidia', 'openai');
    expect(parallel.length).toBeGreaterThanOrEqual(2);
    expect(parsed.directedEdges('nvidia', 'openai')).toEqual(parallel);
  });

  it('toGraphML leaves an undisclosed amount out instead of writing 0 or NaN', () => {
    const graph = buildFirmGraph(dataSetFromEdges([['a', 'b', { id: 'secret', amountUsd: null, amountBasis: 'undisclosed' }]]));
    const xml = toGraphML(graph);
    expect(xml).not.toContain('<data key="e_amountUsd">');
    expect(roundTrip(graph).hasEdgeAttribute('secret', 'amountUsd')).toBe(false);
  });

  it('toGraphML of a filtered view holds exactly the view, and supersession follows the view', () => {
    const view = filterFirmGraph(shippedGraph(), { to: '2025-12', types: ['investment', 'purchase'] });
    expect(view.hasEdge('nvidia-openai-loi-2025')).toBe(true);
    expect(view.hasEdge('nvidia-openai-round-2026')).toBe(false);
    const parsed = roundTrip(view);
    expectSameGraph(parsed, view);
    // The later deal is outside the view, so the letter of intent's amount counts there.
    expect(parsed.getEdgeAttribute('nvidia-openai-loi-2025', 'superseded')).toBe(false);
  });

  it('toGraphML declares one directed graph and a typed key for every attribute', () => {
    const xml = toGraphML(shippedGraph(), { title: 'Roundtrip & friends' });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'graph', 'node', 'edge', 'data'].includes(name) }).parse(xml) as {
      graphml: { xmlns: string; key: Array<{ id: string; for: string; 'attr.name': string; 'attr.type': string }>; graph: Array<{ edgedefault: string; data: Array<{ key: string; '#text': string }> }> };
    };
    expect(doc.graphml.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(doc.graphml.graph).toHaveLength(1);
    expect(doc.graphml.graph[0]?.edgedefault).toBe('directed');
    expect(doc.graphml.graph[0]?.data).toEqual([{ key: 'g_title', '#text': 'Roundtrip & friends' }]);
    const keys = doc.graphml.key.map((k) => `${k.for}:${k['attr.name']}:${k['attr.type']}`);
    expect(keys).toEqual([
      'graph:title:string',
      'node:label:string',
      'node:name:string',
      'node:kind:string',
      'node:ticker:string',
      'node:country:string',
      'node:note:string',
      'edge:type:string',
      'edge:amountUsd:double',
      'edge:amountBasis:string',
      'edge:date:string',
      'edge:status:string',
      'edge:flow:string',
      'edge:statusNote:string',
      'edge:supersededBy:string',
      'edge:superseded:boolean',
      'edge:title:string',
      'edge:note:string',
      'edge:sources:string',
      'edge:sourceUrl:string',
    ]);
    expect(new Set(doc.graphml.key.map((k) => k.id)).size).toBe(doc.graphml.key.length);
    expect(roundTrip(shippedGraph(), 'Roundtrip & friends').getAttribute('title')).toBe('Roundtrip & friends');
  });

  it('toGraphML writes an empty graph as a valid document', () => {
    const parsed = roundTrip(buildFirmGraph({ entities: [], deals: [] }));
    expect(parsed.order).toBe(0);
    expect(parsed.size).toBe(0);
  });
});

describe('toGEXF', () => {
  it('toGEXF round-trips every firm, deal, direction and attribute of the shipped data', () => {
    const graph = shippedGraph();
    const parsed = gexfRoundTrip(graph);
    // GEXF's own node label carries the firm name, as in the GraphML `label` attribute.
    expectSameGraph(parsed, graph);
    expect(parsed.getEdgeAttribute('nvidia-openai-loi-2025', 'amountUsd')).toBe(100_000_000_000);
    expect(parsed.getEdgeAttribute('nvidia-openai-loi-2025', 'superseded')).toBe(true);
    expect(parsed.directedEdges('nvidia', 'openai')).toEqual(graph.directedEdges('nvidia', 'openai'));
  });

  it('toGEXF writes GEXF 1.3 with a directed graph', () => {
    const xml = toGEXF(shippedGraph());
    expect(xml).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3"');
    expect(xml).toContain('<graph defaultedgetype="directed">');
  });

  it('toGEXF leaves an undisclosed amount out instead of writing 0 or NaN', () => {
    const graph = buildFirmGraph(dataSetFromEdges([['a', 'b', { id: 'secret', amountUsd: null, amountBasis: 'undisclosed' }], ['b', 'a', { id: 'known', amountUsd: 5 }]]));
    const parsed = gexfRoundTrip(graph);
    expect(parsed.hasEdgeAttribute('secret', 'amountUsd')).toBe(false);
    expect(parsed.getEdgeAttribute('known', 'amountUsd')).toBe(5);
  });

  it('toGEXF of a filtered view holds exactly the view', () => {
    const view = filterFirmGraph(shippedGraph(), { kinds: ['chipmaker', 'ai-lab', 'hyperscaler'], minUsd: 1e9 });
    expectSameGraph(gexfRoundTrip(view), view);
  });
});
