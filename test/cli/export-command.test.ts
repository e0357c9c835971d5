import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGEXF } from 'graphology-gexf';
import { parse as parseGraphML } from 'graphology-graphml';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cli, root } from './run-cli.js';
import { shippedDataSet } from '../fixtures/shipped.js';
import { withExplicitFlows } from '../fixtures/datasets.js';
import { layoutKey, layoutRequestFor } from '../../src/layout/layout.js';



const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'roundtrip-'));

function csvRows(file: string): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('roundtrip export', () => {
  const shipped = shippedDataSet();
  const firms = shipped.entities.length;
  const deals = shipped.deals.length;

  it('export --format graphml writes a GraphML file of the whole network that parses back', async () => {
    const file = path.join(tempDir(), 'network.graphml');
    const result = await cli('export', '--format', 'graphml', '--out', file);
    expect(result).toEqual({ code: 0, out: `${firms} firms and ${deals} deals written to ${file} (GraphML)`, err: '' });
    const graph = parseGraphML(MultiDirectedGraph, readFileSync(file, 'utf8'));
    expect([graph.order, graph.size]).toEqual([firms, deals]);
    expect(graph.edges()).toEqual(shipped.deals.map((d) => d.id));
    expect(graph.getAttribute('title')).toBe('Roundtrip deal network');
  });

  it('export --format gexf writes only the firms and deals the filters keep', async () => {
    const file = path.join(tempDir(), 'view.gexf');
    const result = await cli('export', '--format', 'gexf', '--types', 'investment,purchase', '--min-usd', '1B', '--out', file);
    expect(result.code).toBe(0);
    const graph = parseGEXF(MultiDirectedGraph, readFileSync(file, 'utf8'));
    const kept = shipped.deals.filter((d) => (d.type === 'investment' || d.type === 'purchase') && (d.amountUsd === null || d.amountUsd >= 1e9));
    expect(graph.edges()).toEqual(kept.map((d) => d.id));
    expect(result.out).toBe(`${graph.order} firms and ${kept.length} deals written to ${file} (GEXF)`);
  });

  it('export --format graphml names the filters in the graph title', async () => {
    const file = path.join(tempDir(), 'view.graphml');
    expect((await cli('export', '--format', 'graphml', '--from', '2025-01', '--status', 'confirmed', '--out', file)).code).toBe(0);
    const graph = parseGraphML(MultiDirectedGraph, readFileSync(file, 'utf8'));
    expect(graph.getAttribute('title')).toBe('Roundtrip deal network (--from 2025-01 --status confirmed)');
  });

  it('export --format json creates the folder and writes a data set the other commands load', async () => {
    const dir = path.join(tempDir(), 'nested', 'view');
    const result = await cli('export', '--format', 'json', '--out', dir);
    expect(result).toEqual({
      code: 0,
      out: `${firms} firms and ${deals} deals written to ${path.join(dir, 'entities.json')} and ${path.join(dir, 'deals.json')}`,
      err: '',
    });
    expect(await cli('validate', '--data', dir)).toMatchObject({ code: 0 });
    expect(JSON.parse(readFileSync(path.join(dir, 'deals.json'), 'utf8'))).toEqual({ $schema: './schema/deals.schema.json', asOf: shipped.asOf, changes: shipped.changes, deals: withExplicitFlows(shipped).deals });
    expect((await cli('cycles', '--data', dir, '--json')).out).toBe((await cli('cycles', '--json')).out);
  });

  it('export --format json of a filtered view finds the same loops as the filtered analysis', async () => {
    const dir = tempDir();
    const filters = ['--to', '2025-12', '--kinds', 'chipmaker,ai-lab,hyperscaler,neocloud'];
    expect((await cli('export', '--format', 'json', ...filters, '--out', dir)).code).toBe(0);
    expect(await cli('validate', '--data', dir)).toMatchObject({ code: 0 });
    expect((await cli('cycles', '--data', dir, '--json')).out).toBe((await cli('cycles', ...filters, '--json')).out);
  });

  it('export --format csv writes the deals table by default', async () => {
    const file = path.join(tempDir(), 'deals.csv');
    const result = await cli('export', '--format', 'csv', '--out', file);
    expect(result.out).toBe(`${deals} deals written to ${file} (CSV)`);
    const rows = csvRows(file);
    expect(rows.map((r) => r.id)).toEqual(shipped.deals.map((d) => d.id));
    expect(readFileSync(file, 'utf8').split('\r\n')[0]?.startsWith('id,from,to,type,amountUsd,amountBasis,date,title,sourceUrl,sourceTitle')).toBe(true);
  });

  it('export --format csv --table loops writes the loops and says when the cap stopped the search', async () => {
    const file = path.join(tempDir(), 'loops.csv');
    const all = await cli('export', '--format', 'csv', '--table', 'loops', '--out', file);
    const count = (JSON.parse((await cli('cycles', '--json')).out) as { count: number }).count;
    expect(all.out).toBe(`${count} loops written to ${file} (CSV)`);
    expect(csvRows(file)).toHaveLength(count);
    // Each loop also in words, as cycles --words tells it.
    const words = JSON.parse((await cli('cycles', '--json', '--words')).out) as { cycles: Array<{ id: string; words: string }> };
    const byId = new Map(csvRows(file).map((r) => [r.id, r.words]));
    for (const cycle of words.cycles) expect(byId.get(cycle.id)).toBe(cycle.words);
    const capped = await cli('export', '--format', 'csv', '--table', 'loops', '--max-cycles', '2', '--out', file);
    expect(capped.out).toBe(`2 loops (stopped at the cap of 2; more exist — raise --max-cycles) written to ${file} (CSV)`);
    expect(csvRows(file)).toHaveLength(2);
    const short = await cli('export', '--format', 'csv', '--table', 'loops', '--max-length', '2', '--out', file);
    expect(short.code).toBe(0);
    for (const row of csvRows(file)) expect(row.length).toBe('2');
  });

  it('export --format csv --table measures writes one row per firm with its loop count', async () => {
    const file = path.join(tempDir(), 'measures.csv');
    const result = await cli('export', '--format', 'csv', '--table', 'measures', '--out', file);
    expect(result.out).toBe(`measures of ${firms} firms written to ${file} (CSV)`);
    const rows = csvRows(file);
    expect(rows.map((r) => r.id)).toEqual(shipped.entities.map((e) => e.id));
    const metrics = JSON.parse((await cli('metrics', '--json')).out) as Array<{ id: string; loops: number; pagerank: number }>;
    for (const m of metrics) {
      const row = rows.find((r) => r.id === m.id);
      expect(Number(row?.loops), m.id).toBe(m.loops);
      expect(Number(row?.pagerank), m.id).toBe(m.pagerank);
    }
  });

  it('export --format neo4j writes the import files of the view and the loop query for its filters', async () => {
    const dir = path.join(tempDir(), 'neo4j');
    const filters = ['--min-usd', '1B', '--kinds', 'chipmaker,ai-lab,hyperscaler,neocloud'];
    const result = await cli('export', '--format', 'neo4j', ...filters, '--max-length', '4', '--out', dir);
    // The json export of the same view says how many firms and deals it holds.
    const counted = /^(\d+) firms and (\d+) deals/.exec((await cli('export', '--format', 'json', ...filters, '--out', tempDir())).out);
    const [firmCount, dealCount] = [Number(counted?.[1]), Number(counted?.[2])];
    expect(dealCount).toBeGreaterThan(0);
    expect(dealCount).toBeLessThan(deals);
    const files = ['neo4j-firms.csv', 'neo4j-deals.csv', 'queries.cypher'].map((f) => path.join(dir, f));
    expect(result).toEqual({ code: 0, out: `${firmCount} firms and ${dealCount} deals written to ${files[0]}, ${files[1]} and ${files[2]} (Neo4j import)`, err: '' });
    const lines = (file: string) => Papa.parse<string[]>(readFileSync(file, 'utf8'), { newline: '\n', skipEmptyLines: true }).data;
    expect(lines(files[0] as string)).toHaveLength(firmCount + 1);
    expect(lines(files[1] as string)).toHaveLength(dealCount + 1);
    const queries = readFileSync(files[2] as string, 'utf8');
    expect(queries).toContain('MATCH p = (a:Firm)-[:DEAL*2..4]->(a)');
    expect(queries).toContain("r.flow IN ['paid', 'committed', 'in-kind'] AND (r.amountUsd IS NULL OR r.amountUsd >= 1000000000)");
    expect(queries).toContain("all(n IN nodes(p) WHERE n.kind IN ['chipmaker', 'ai-lab', 'hyperscaler', 'neocloud'])");
    expect(queries).toContain('LIMIT 10000;');
  });

  it('export rejects wrong usage with exit 2, a clear message and no stack trace', async () => {
    const dir = tempDir();
    const aFile = path.join(dir, 'a-file.txt');
    writeFileSync(aFile, 'not a folder');
    const cases: Array<[string[], string]> = [
      [['--out', 'x'], 'roundtrip export: --format is required: graphml, gexf, json, csv, neo4j'],
      [['--format', 'pdf', '--out', 'x'], 'roundtrip export: --format: unknown format "pdf"; expected graphml, gexf, json, csv, neo4j'],
      [['--format', 'graphml'], 'roundtrip export: --out FILE is required'],
      [['--format', 'json'], 'roundtrip export: --out FOLDER is required (it gets entities.json and deals.json)'],
      [['--format', 'csv', '--table', 'firms', '--out', 'x'], 'roundtrip export: --table: unknown table "firms"; expected deals, loops, measures'],
      [['--format', 'graphml', '--table', 'loops', '--out', 'x'], 'roundtrip export: --table only applies to --format csv (got --format graphml)'],
      [['--format', 'csv', '--types', 'gift', '--out', 'x'], 'roundtrip export: --types: unknown deal type "gift"; expected investment, purchase, equity, warrants, loan, revenue-share, guarantee, partnership'],
      [['--format', 'csv', '--max-cycles', 'many', '--out', 'x'], 'roundtrip export: --max-cycles: "many" is not a whole number ≥ 0'],
      [['--format', 'graphml', '--out', path.join(aFile, 'x.graphml')], `roundtrip export: --out: cannot write ${path.join(aFile, 'x.graphml')}: a part of the path is a file, not a folder`],
      [['--format', 'gexf', '--out', path.join(dir, 'missing', 'x.gexf')], `roundtrip export: --out: cannot write ${path.join(dir, 'missing', 'x.gexf')}: its folder does not exist`],
      [['--format', 'csv', '--out', dir], `roundtrip export: --out: cannot write ${dir}: it is a folder`],
      [['--format', 'json', '--out', aFile], `roundtrip export: --out: ${aFile} is a file; --format json writes a folder holding entities.json and deals.json`],
      [['--format', 'neo4j'], 'roundtrip export: --out FOLDER is required (it gets neo4j-firms.csv, neo4j-deals.csv and queries.cypher)'],
      [['--format', 'neo4j', '--out', aFile], `roundtrip export: --out: ${aFile} is a file; --format neo4j writes a folder holding neo4j-firms.csv, neo4j-deals.csv and queries.cypher`],
      [['--format', 'json', '--out', path.join(aFile, 'sub')], `roundtrip export: --out: cannot create the folder ${path.join(aFile, 'sub')}: a part of the path is a file, not a folder`],
    ];
    for (const [args, message] of cases) {
      const result = await cli('export', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err, args.join(' ')).toBe(message);
      expect(result.out, args.join(' ')).toBe('');
    }
    expect(existsSync(path.join(root, 'x'))).toBe(false);
  });

  it('export exits 1 and writes nothing when the data cannot be loaded', async () => {
    const empty = tempDir();
    const out = path.join(tempDir(), 'never.graphml');
    const result = await cli('export', '--format', 'graphml', '--data', empty, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toEqual([`${path.join(empty, 'entities.json')}: file not found`, `${path.join(empty, 'deals.json')}: file not found`]);
    expect(existsSync(out)).toBe(false);
  });

  it('export --help lists the formats and tables', async () => {
    const result = await cli('export', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('--format FORMAT');
    expect(result.out).toContain('graphml, gexf, json, csv, neo4j; required.');
    expect(result.out).toContain('For csv: deals, loops, measures (default deals).');
    expect((await cli('--help')).out).toMatch(/\n {2}export +Write the filtered deal network/);
  });
});


describe('roundtrip export --layout', () => {
  const shipped = shippedDataSet();
  /** A layout file of the shipped data: every firm on a line, 100 apart (the key is what `layout` writes). */
  function layoutFile(key = layoutKey(layoutRequestFor(shipped))): { file: string; positions: Record<string, { x: number; y: number }> } {
    const positions = Object.fromEntries(shipped.entities.map((e, i) => [e.id, { x: i * 100, y: 50 - i * 10 }]));
    const file = path.join(tempDir(), 'layout.json');
    writeFileSync(file, JSON.stringify({ key, positions }));
    return { file, positions };
  }

  it('GEXF and GraphML carry each firm at its place in the layout (y upwards, as Gephi draws)', async () => {
    const { file, positions } = layoutFile();
    const dir = tempDir();
    expect((await cli('export', '--format', 'gexf', '--layout', file, '--out', path.join(dir, 'n.gexf'))).code).toBe(0);
    expect((await cli('export', '--format', 'graphml', '--layout', file, '--out', path.join(dir, 'n.graphml'))).code).toBe(0);
    const gexf = parseGEXF(MultiDirectedGraph, readFileSync(path.join(dir, 'n.gexf'), 'utf8'));
    const graphml = parseGraphML(MultiDirectedGraph, readFileSync(path.join(dir, 'n.graphml'), 'utf8'));
    for (const [id, { x, y }] of Object.entries(positions)) {
      expect(gexf.getNodeAttributes(id), id).toMatchObject({ x, y: 0 - y });
      expect(graphml.getNodeAttributes(id), id).toMatchObject({ x, y: 0 - y });
    }
  });

  it('refuses a layout of another data set, a file that is no layout, and --layout with another format', async () => {
    const other = layoutFile('3-2-abc');
    const result = await cli('export', '--format', 'gexf', '--layout', other.file, '--out', path.join(tempDir(), 'n.gexf'));
    expect(result.code).toBe(2);
    expect(result.err).toContain(`--layout: ${other.file} is the layout of another data set (key 3-2-abc; this one's is ${layoutKey(layoutRequestFor(shipped))})`);
    const junk = path.join(tempDir(), 'junk.json');
    writeFileSync(junk, '{"positions": 1}');
    expect((await cli('export', '--format', 'graphml', '--layout', junk, '--out', path.join(tempDir(), 'n.graphml'))).err).toContain('holds no layout');
    expect((await cli('export', '--format', 'graphml', '--layout', '/nonexistent/l.json', '--out', path.join(tempDir(), 'n.graphml'))).err).toContain('--layout: cannot read /nonexistent/l.json: no such file');
    expect((await cli('export', '--format', 'csv', '--layout', junk, '--out', path.join(tempDir(), 'n.csv'))).err).toContain('--layout only applies to --format graphml or gexf');
  });
});
