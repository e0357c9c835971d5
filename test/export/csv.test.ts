import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { firmMeasures, MEASURE_KEYS } from '../../src/analysis/centrality.js';
import { findLoops, sortLoops } from '../../src/analysis/loops.js';
import { dealsCsv, guardCell, loopLabels, loopsCsv, measuresCsv, toCsv } from '../../src/export/csv.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { buildFirmGraph } from '../../src/model/graph.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';
import { shippedGraph } from '../fixtures/shipped.js';

function readCsv(text: string): { fields: string[]; rows: Array<Record<string, string>> } {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

/** A number cell read back; empty is null. */
const num = (cell: string | undefined): number | null => (cell === undefined || cell === '' ? null : Number(cell));
/** Text as the guard writes it: a leading formula character gets a `'`. */
const shown = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe('guardCell', () => {
  it('guardCell prefixes text that would start a formula with an apostrophe', () => {
    for (const text of ['=SUM(A1:A9)', '+cmd|calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=1']) expect(guardCell(text)).toBe(`'${text}`);
  });

  it('guardCell keeps numbers, plain signed numbers and ordinary text as they are', () => {
    expect(guardCell(-5)).toBe(-5);
    expect(guardCell(1.5e9)).toBe(1.5e9);
    for (const text of ['-5', '+3.5', '-0.25e-3', '.5', 'Nvidia', 'a=b', ' -x', '']) expect(guardCell(text)).toBe(text);
    expect(guardCell(null)).toBe('');
    expect(guardCell(Number.NaN)).toBe('');
  });

  it('toCsv ends every line with \\r\\n and quotes only where needed', () => {
    const text = toCsv(['a', 'b'], [['x,y', 'say "hi"'], [1, null], ['line\nbreak', ' padded ']]);
    expect(text).toBe('a,b\r\n"x,y","say ""hi"""\r\n1,\r\n"line\nbreak"," padded "\r\n');
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
});

describe('dealsCsv', () => {
  it('dealsCsv starts with the header the importer reads, then the other columns', () => {
    const text = dealsCsv(shippedGraph());
    expect(text.startsWith('id,from,to,type,amountUsd,amountBasis,date,title,sourceUrl,sourceTitle,')).toBe(true);
    expect(readCsv(text).fields).toEqual([
      'id', 'from', 'to', 'type', 'amountUsd', 'amountBasis', 'date', 'title', 'sourceUrl', 'sourceTitle',
      'status', 'statusNote', 'supersededBy', 'endDate', 'publisher', 'sourceKind', 'sourceDate', 'flow', 'sources', 'note',
    ]);
  });

  it('dealsCsv round-trips every deal of the shipped data, amounts as numbers and undisclosed as empty', () => {
    const graph = shippedGraph();
    const { rows } = readCsv(dealsCsv(graph));
    expect(rows.map((r) => r.id)).toEqual(graph.edges());
    let undisclosed = 0;
    for (const row of rows) {
      const deal = graph.getEdgeAttributes(row.id as string);
      if (deal.amountUsd === null) undisclosed++;
      expect(num(row.amountUsd), deal.id).toBe(deal.amountUsd);
      expect(row, deal.id).toMatchObject({
        from: deal.from,
        to: deal.to,
        type: deal.type,
        amountBasis: deal.amountBasis,
        date: deal.date,
        status: deal.status,
        title: shown(deal.title),
        sourceUrl: deal.sources[0]?.url,
        sourceTitle: shown(deal.sources[0]?.title ?? ''),
        statusNote: shown(deal.statusNote ?? ''),
        supersededBy: deal.supersededBy ?? '',
        note: shown(deal.note ?? ''),
      });
      expect(row.sources?.split(';'), deal.id).toEqual(deal.sources.map((s) => s.url));
    }
    expect(undisclosed).toBeGreaterThan(0);
  });

  it('dealsCsv of a filtered view lists its deals and drops a supersession whose later deal is out of view', () => {
    const view = filterFirmGraph(shippedGraph(), { to: '2025-12' });
    const { rows } = readCsv(dealsCsv(view));
    expect(rows.map((r) => r.id)).toEqual(view.edges());
    expect(rows.find((r) => r.id === 'nvidia-openai-loi-2025')?.supersededBy).toBe('');
  });
});

describe('loopsCsv', () => {
  it('loopsCsv spells out each loop hop by hop and round-trips its measures', () => {
    const graph = shippedGraph();
    const loops = sortLoops(findLoops(graph).loops);
    const labels = loopLabels(graph);
    const { fields, rows } = readCsv(loopsCsv(loops, labels.nameOf, labels.dealTypeOf, labels.wordsOf));
    expect(fields).toEqual(['id', 'hops', 'length', 'types', 'bottleneckUsd', 'totalUsd', 'firstDate', 'lastDate', 'firms', 'deals', 'words']);
    expect(rows).toHaveLength(loops.length);
    loops.forEach((loop, i) => {
      const row = rows[i] as Record<string, string>;
      expect(row.id).toBe(loop.id);
      expect(num(row.length)).toBe(loop.length);
      expect(row.types?.split(';')).toEqual(loop.types);
      expect(num(row.bottleneckUsd)).toBe(loop.bottleneckUsd);
      expect(num(row.totalUsd)).toBe(loop.totalUsd);
      expect([row.firstDate, row.lastDate]).toEqual([loop.firstDate, loop.lastDate]);
      expect(row.firms?.split(';')).toEqual(loop.firms);
      expect(row.deals?.split(';')).toEqual(loop.hops.flatMap((h) => h.deals));
      expect(row.words).toBe(labels.wordsOf(loop));
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('nvidia>openai>oracle')?.hops).toBe('Nvidia -investment-> OpenAI -purchase-> Oracle -purchase-> Nvidia');
    expect(byId.get('amd>openai')).toMatchObject({ hops: 'AMD -warrants-> OpenAI -purchase-> AMD', bottleneckUsd: '' });
    // A hop of parallel deals of different types names each type once, in the canonical order.
    expect(byId.get('microsoft>openai')?.hops).toBe('Microsoft -investment/equity/revenue-share-> OpenAI -purchase/revenue-share-> Microsoft');
    // The words column tells the loop in one sentence.
    expect(byId.get('amd>openai')?.words).toBe(
      'AMD granted OpenAI warrants worth an undisclosed amount (Oct 2025, confirmed); OpenAI is buying an undisclosed amount of AMD chips (Oct 2025, confirmed).',
    );
  });

  it('loopsCsv without a words function leaves the words column empty', () => {
    const graph = shippedGraph();
    const labels = loopLabels(graph);
    const { rows } = readCsv(loopsCsv(findLoops(graph, { maxLength: 2 }).loops, labels.nameOf, labels.dealTypeOf));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.words).toBe('');
  });

  it('loopsCsv of no loops is the header alone', () => {
    const graph = buildFirmGraph(dataSetFromEdges([['a', 'b']]));
    const labels = loopLabels(graph);
    expect(loopsCsv(findLoops(graph).loops, labels.nameOf, labels.dealTypeOf, labels.wordsOf)).toBe('id,hops,length,types,bottleneckUsd,totalUsd,firstDate,lastDate,firms,deals,words\r\n');
  });
});

describe('measuresCsv', () => {
  it('measuresCsv has one row per firm with every measure, exact numbers and empty unknowns', () => {
    const graph = shippedGraph();
    const measures = firmMeasures(graph, { loops: findLoops(graph).loops });
    const { fields, rows } = readCsv(measuresCsv(measures));
    expect(fields).toEqual(['id', 'name', 'kind', ...MEASURE_KEYS]);
    expect(rows.map((r) => r.id)).toEqual(measures.map((m) => m.id));
    let unknown = 0;
    measures.forEach((m, i) => {
      const row = rows[i] as Record<string, string>;
      expect([row.name, row.kind]).toEqual([m.name, m.kind]);
      for (const key of MEASURE_KEYS) {
        if (m[key] === null) unknown++;
        expect(num(row[key]), `${m.id} ${key}`).toBe(m[key]);
      }
    });
    expect(unknown).toBeGreaterThan(0);
  });
});
