import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGEXF } from 'graphology-gexf';
import { parse as parseGraphML } from 'graphology-graphml';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { validateDataSet } from '../../src/data/validate.js';
import type { DataSet } from '../../src/data/types.js';
import { dealsCsv, loopLabels, loopsCsv } from '../../src/export/csv.js';
import { toGEXF } from '../../src/export/gexf.js';
import { toGraphML } from '../../src/export/graphml.js';
import { toDataSetJSON } from '../../src/export/json.js';
import { xmlChars, escapeXmlAttribute, escapeXmlText } from '../../src/export/xml.js';
import { findLoops } from '../../src/analysis/loops.js';
import { buildFirmGraph, type FirmGraph } from '../../src/model/graph.js';
import { deal, withExplicitFlows } from '../fixtures/datasets.js';

const SCRIPT = '<script>alert("x")</script>';
const QUOTES = `O'Brien & "Sons" <Capital>`;
const EMOJI = 'Rocket 🚀 Labs, Inc.';
const CONTROL = 'Bell\u0007 and\u0000null\u001F end';
const LONE_SURROGATE = 'half \uD800 a pair';
const WHITESPACE = 'tab\there\r\nCRLF\rCR\nLF  ';

/** Firms and deals named to break naive writers: markup, quotes, emoji, control characters, formulas. */
function hostileData(): DataSet {
  return {
    entities: [
      { id: 'evil', name: SCRIPT, kind: 'other', note: QUOTES },
      { id: 'rocket', name: EMOJI, kind: 'other', note: WHITESPACE },
      { id: 'ctrl', name: CONTROL, kind: 'other', note: LONE_SURROGATE },
    ],
    deals: [
      deal('evil', 'rocket', { id: 'formula', title: '=HYPERLINK("http://evil.example","click")', note: ']]> --> <!-- & &amp;', statusNote: QUOTES }),
      deal('rocket', 'evil', { id: 'minus', title: '-2+3', note: WHITESPACE, amountUsd: null, amountBasis: 'undisclosed' }),
      deal('ctrl', 'evil', { id: 'control', title: CONTROL, note: LONE_SURROGATE }),
      deal('evil', 'ctrl', { id: 'at', title: '@SUM(A1)', note: EMOJI }),
    ],
  };
}

/** Characters XML 1.0 forbids; none may reach a written file. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function expectNamesSurvive(parsed: MultiDirectedGraph, graph: FirmGraph): void {
  graph.forEachNode((id, entity) => {
    expect(parsed.getNodeAttribute(id, 'name'), id).toBe(xmlChars(entity.name));
    expect(parsed.getNodeAttribute(id, 'note'), id).toBe(xmlChars(entity.note ?? ''));
  });
  graph.forEachEdge((id, d) => {
    expect(parsed.getEdgeAttribute(id, 'title'), id).toBe(xmlChars(d.title));
    expect(parsed.getEdgeAttribute(id, 'note'), id).toBe(xmlChars(d.note ?? ''));
  });
}

describe('escaping hostile names', () => {
  it('escapeXmlText and escapeXmlAttribute escape markup and drop what XML cannot hold', () => {
    expect(escapeXmlText(`<a href="x">&'</a>\u0001\r`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;&#xD;');
    expect(escapeXmlAttribute('a\tb\nc\rd"e')).toBe('a&#x9;b&#xA;c&#xD;d&quot;e');
    expect(xmlChars(`${CONTROL}${LONE_SURROGATE}\uFFFE🚀`)).toBe('Bell andnull end' + 'half  a pair' + '🚀');
  });

  it('toGraphML keeps markup, quotes, emoji and line breaks exactly and drops control characters', () => {
    const graph = buildFirmGraph(hostileData());
    const xml = toGraphML(graph, { title: SCRIPT });
    expect(xml).not.toMatch(FORBIDDEN);
    expect(xml).not.toContain('<script>');
    const parsed = parseGraphML(MultiDirectedGraph, xml);
    expectNamesSurvive(parsed, graph);
    expect(parsed.getNodeAttribute('evil', 'name')).toBe(SCRIPT);
    expect(parsed.getNodeAttribute('rocket', 'note')).toBe(WHITESPACE);
    expect(parsed.getNodeAttribute('ctrl', 'name')).toBe('Bell andnull end');
    expect(parsed.getAttribute('title')).toBe(SCRIPT);
  });

  it('toGEXF keeps markup, quotes, emoji and line breaks exactly and drops control characters', () => {
    const graph = buildFirmGraph(hostileData());
    const xml = toGEXF(graph);
    expect(xml).not.toMatch(FORBIDDEN);
    expect(xml).not.toContain('<script>');
    const parsed = parseGEXF(MultiDirectedGraph, xml);
    expectNamesSurvive(parsed, graph);
    expect(parsed.getNodeAttribute('evil', 'label')).toBe(SCRIPT);
    expect(parsed.getEdgeAttribute('formula', 'statusNote')).toBe(QUOTES);
  });

  it('toGraphML and toGEXF refuse an id XML cannot hold rather than change it', () => {
    const graph: FirmGraph = new MultiDirectedGraph();
    graph.addNode('bad\u0001id', { id: 'bad\u0001id', name: 'Bad', kind: 'other' });
    expect(() => toGraphML(graph)).toThrow('roundtrip/export: firm id "bad\\u0001id" holds characters XML cannot store');
    expect(() => toGEXF(graph)).toThrow('roundtrip/export: id "bad\\u0001id" holds characters XML cannot store');
  });

  it('toDataSetJSON keeps every hostile string exactly (JSON can hold them) and still validates', () => {
    const data = hostileData();
    const files = toDataSetJSON(buildFirmGraph(data));
    const result = validateDataSet(JSON.parse(files.entities), JSON.parse(files.deals));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data).toEqual(withExplicitFlows(data));
  });

  it('dealsCsv and loopsCsv guard formulas, keep quotes, commas, emoji and line breaks', () => {
    const graph = buildFirmGraph(hostileData());
    const deals = Papa.parse<Record<string, string>>(dealsCsv(graph), { header: true, skipEmptyLines: true });
    expect(deals.errors).toEqual([]);
    const byId = new Map(deals.data.map((r) => [r.id, r]));
    expect(byId.get('formula')?.title).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(byId.get('minus')?.title).toBe("'-2+3");
    expect(byId.get('at')?.title).toBe("'@SUM(A1)");
    expect(byId.get('minus')?.note).toBe(WHITESPACE);
    expect(byId.get('at')?.note).toBe(EMOJI);
    expect(byId.get('control')?.title).toBe(CONTROL);
    expect(byId.get('formula')?.statusNote).toBe(QUOTES);
    expect(byId.get('minus')?.amountUsd).toBe('');

    const labels = loopLabels(graph);
    const loops = Papa.parse<Record<string, string>>(loopsCsv(findLoops(graph).loops, labels.nameOf, labels.dealTypeOf, labels.wordsOf), { header: true, skipEmptyLines: true });
    expect(loops.errors).toEqual([]);
    expect(loops.data.map((r) => r.hops)).toContain(`${SCRIPT} -investment-> ${EMOJI} -investment-> ${SCRIPT}`);
    // The sentence names the firms as they are, in one cell.
    expect(loops.data.some((r) => r.words?.includes(`${SCRIPT} invested`) && r.words.includes(`${EMOJI} invested`))).toBe(true);
  });

  it('toGraphML and toGEXF give back any firm name and deal note, less the characters XML forbids', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1 }),
        fc.string({ unit: 'binary' }),
        fc.constantFrom('', '\u0000', '\u0008', '\r', '\uD83D', '\uFFFF', '&', ']]>'),
        (name, note, extra) => {
          const graph = buildFirmGraph({
            entities: [
              { id: 'a', name: `${name}${extra}`, kind: 'other' },
              { id: 'b', name: 'B', kind: 'other' },
            ],
            deals: [deal('a', 'b', { id: 'd', note: `${extra}${note}` })],
          });
          for (const parsed of [parseGraphML(MultiDirectedGraph, toGraphML(graph)), parseGEXF(MultiDirectedGraph, toGEXF(graph))]) {
            // GEXF leaves empty values out; GraphML writes them empty.
            expect(parsed.getNodeAttribute('a', 'name') ?? '').toBe(xmlChars(`${name}${extra}`));
            expect(parsed.getEdgeAttribute('d', 'note') ?? '').toBe(xmlChars(`${extra}${note}`));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
