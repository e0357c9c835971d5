import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOWS } from '../../src/data/types.js';
import { cypherConditions, cypherString, loopQuery, NEO4J_DEAL_HEADER, NEO4J_FIRM_HEADER, toNeo4jImport } from '../../src/export/neo4j.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { buildFirmGraph } from '../../src/model/graph.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';
import { shippedGraph } from '../fixtures/shipped.js';

/** Reads a file as neo4j-admin does by default: `,`, `"` quoting with doubled quotes, `\n` lines. */
function readCsv(text: string): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', quoteChar: '"', escapeChar: '"', newline: '\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}

const record = (header: readonly string[], row: readonly string[]): Record<string, string> => Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']));

const NASTY = 'Smith, Jones & "Partners"\nsecond line\r\nthird';

function nastyGraph() {
  const data = dataSetFromEdges([
    ['a', 'b', { id: 'ab', title: NASTY, note: 'a, b', amountUsd: 2.5e9 }],
    ['b', 'a', { id: 'ba', amountUsd: null, amountBasis: 'undisclosed', date: '2025-03', statusNote: '=SUM(A1)' }],
    ['b', 'c', { id: 'bc', type: 'partnership' }],
  ]);
  data.entities[0] = { ...data.entities[0]!, name: 'A, "the first"', note: 'line one\nline two', ticker: 'AAA' };
  return buildFirmGraph(data);
}

describe('toNeo4jImport', () => {
  it('toNeo4jImport writes the headers neo4j-admin reads, with one row per firm and per deal', () => {
    const graph = shippedGraph();
    const files = toNeo4jImport(graph);
    const firms = readCsv(files.firms);
    const deals = readCsv(files.deals);
    expect(files.firms.split('\n')[0]).toBe('id:ID(Firm),name,kind,ticker,country,note,acquiredBy,acquiredDate,:LABEL');
    expect(files.deals.split('\n')[0]?.startsWith(':START_ID(Firm),:END_ID(Firm),:TYPE,id,type,amountUsd:double,')).toBe(true);
    expect(firms.header).toEqual([...NEO4J_FIRM_HEADER]);
    expect(deals.header).toEqual([...NEO4J_DEAL_HEADER]);
    expect(firms.rows).toHaveLength(graph.order);
    expect(deals.rows).toHaveLength(graph.size);
    for (const row of firms.rows) expect(row).toHaveLength(NEO4J_FIRM_HEADER.length);
    for (const row of deals.rows) expect(row).toHaveLength(NEO4J_DEAL_HEADER.length);
    expect(firms.rows.map((r) => r[0])).toEqual(graph.nodes());
    expect(new Set(firms.rows.map((r) => r.at(-1)))).toEqual(new Set(['Firm']));
    expect(deals.rows.map((r) => r[3])).toEqual(graph.edges());
    expect(new Set(deals.rows.map((r) => r[2]))).toEqual(new Set(['DEAL']));
    // Every relationship starts and ends at a firm of the nodes file, as the import requires.
    const ids = new Set(firms.rows.map((r) => r[0]));
    for (const row of deals.rows) expect(ids.has(row[0]) && ids.has(row[1]), row[3]).toBe(true);
  });

  it('toNeo4jImport quotes commas, quotes and line breaks, and keeps the text exact', () => {
    const files = toNeo4jImport(nastyGraph());
    expect(files.deals).toContain('"Smith, Jones & ""Partners""\nsecond line\r\nthird"');
    expect(files.firms).toContain('a,"A, ""the first""",other,AAA,,"line one\nline two",,,Firm\n');
    const firms = readCsv(files.firms);
    const deals = readCsv(files.deals);
    expect(record(firms.header, firms.rows[0]!)).toMatchObject({ 'id:ID(Firm)': 'a', name: 'A, "the first"', note: 'line one\nline two' });
    const ab = record(deals.header, deals.rows[0]!);
    expect(ab).toMatchObject({ ':START_ID(Firm)': 'a', ':END_ID(Firm)': 'b', id: 'ab', title: NASTY, note: 'a, b', 'amountUsd:double': '2500000000' });
    // Not a spreadsheet: a cell starting with = stays as it is.
    expect(record(deals.header, deals.rows[1]!).statusNote).toBe('=SUM(A1)');
    expect(JSON.parse(ab.sourcesJson as string)).toEqual([{ url: 'https://example.com/story', title: 'A story' }]);
  });

  it('toNeo4jImport leaves an undisclosed amount empty and spells out the days a partial date spans', () => {
    const deals = readCsv(toNeo4jImport(nastyGraph()).deals);
    const ba = record(deals.header, deals.rows[1]!);
    expect(ba).toMatchObject({ 'amountUsd:double': '', amountBasis: 'undisclosed', date: '2025-03', dateStart: '2025-03-01', dateEnd: '2025-03-31', flow: 'paid', 'superseded:boolean': 'false' });
    expect(record(deals.header, deals.rows[2]!).flow).toBe('no-transfer');
  });

  it('toNeo4jImport drops a supersession whose later deal is out of the view', () => {
    const view = filterFirmGraph(shippedGraph(), { to: '2025-12' });
    const deals = readCsv(toNeo4jImport(view).deals);
    const row = deals.rows.map((r) => record(deals.header, r)).find((r) => r.id === 'nvidia-openai-loi-2025');
    expect(row).toMatchObject({ supersededBy: '', 'superseded:boolean': 'false' });
  });
});

describe('loopQuery', () => {
  it('loopQuery bounds the hops and keeps each loop once', () => {
    const query = loopQuery({}, 4);
    expect(query.split('\n')[0]).toBe('MATCH p = (a:Firm)-[:DEAL*2..4]->(a)');
    expect(query).toContain('NOT nodes(p)[i] IN nodes(p)[i + 1 .. length(p)]');
    expect(query).toContain('all(n IN nodes(p) WHERE a.id <= n.id)');
    expect(query).not.toContain('relationships(p) WHERE');
    expect(loopQuery({}, Number.POSITIVE_INFINITY, 5)).toMatch(/^MATCH p = \(a:Firm\)-\[:DEAL\*2\.\.\]->\(a\)[\s\S]*\nLIMIT 5$/);
  });

  it('cypherConditions turns every filter of the command line into a condition on the deal or the firm', () => {
    expect(cypherConditions({ types: ['investment', 'loan'], flows: DEFAULT_FLOWS, statuses: ['confirmed'], minUsd: 1e9, from: '2025-02', to: '2025', kinds: ['chipmaker'] })).toEqual({
      deal: [
        "r.type IN ['investment', 'loan']",
        "r.flow IN ['paid', 'committed', 'in-kind']",
        "r.status IN ['confirmed']",
        '(r.amountUsd IS NULL OR r.amountUsd >= 1000000000)',
        "r.dateEnd >= '2025-02-01'",
        "r.dateStart <= '2025-12-31'",
      ],
      firm: ["n.kind IN ['chipmaker']"],
    });
    expect(cypherConditions({ minUsd: 1e21, keepUndisclosed: false }).deal).toEqual(['r.amountUsd >= 1e21']);
    expect(() => cypherConditions({ asOf: '2025-06' })).toThrow(/as-of/);
  });

  it('cypherString escapes quotes, backslashes and line breaks', () => {
    expect(cypherString(`it's a \\ "x"\n`)).toBe(`'it\\'s a \\\\ "x"\\n'`);
  });

  it('queries.cypher holds the loop query with the export\'s filters, and the neighbourhood queries in the importer\'s columns', () => {
    const { queries } = toNeo4jImport(shippedGraph(), { loopFilter: { flows: ['paid'], minUsd: 5e8 }, maxLength: 4, maxCycles: 100, given: '--min-usd 500M' });
    expect(queries).toContain('MATCH p = (a:Firm)-[:DEAL*2..4]->(a)');
    expect(queries).toContain("r.flow IN ['paid'] AND (r.amountUsd IS NULL OR r.amountUsd >= 500000000)");
    expect(queries).toContain('LIMIT 100;');
    expect(queries).toContain('(--min-usd 500M)');
    expect(queries).toContain('--multiline-fields=true');
    expect(queries).toContain('RETURN r.id AS id, s.id AS from, t.id AS to, r.type AS type, r.amountUsd AS amountUsd, r.amountBasis AS amountBasis,\n  r.date AS date, r.title AS title, r.sourceUrl AS sourceUrl, r.sourceTitle AS sourceTitle,');
    // Statements end with `;` so `cypher-shell -f queries.cypher` runs them one by one.
    expect(queries.split(';\n').filter((s) => s.trim() !== '')).toHaveLength(4);
  });
});
