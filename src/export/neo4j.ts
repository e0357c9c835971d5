/**
 * The (filtered) firm graph as input for `neo4j-admin database import full`: a nodes file of firms
 * (label `Firm`, ID space `Firm`), a relationships file of deals (type `DEAL`, every field a
 * property), and `queries.cypher` with the bounded loop query for the same filters and the queries
 * that bring a neighbourhood back as files `--data` reads.
 *
 * The CSV follows neo4j-admin's defaults: `,` between fields, `"` around a field that holds a comma,
 * a quote (doubled) or a line break (read with `--multiline-fields=true`), `\n` line ends. Cells are
 * not guarded against spreadsheet formulas: these files are data for a database, kept exact.
 */
import Papa from 'papaparse';
import { periodEnd, periodStart } from '../data/dates.js';
import { DEFAULT_FLOWS, flowOf } from '../data/types.js';
import type { DealFilter } from '../model/filter.js';
import type { FirmGraph } from '../model/graph.js';
import { isSuperseded } from '../model/amounts.js';

export const NEO4J_FILES = { firms: 'neo4j-firms.csv', deals: 'neo4j-deals.csv', queries: 'queries.cypher' } as const;

/** The nodes file's header: neo4j-admin reads `:ID(Firm)` as the firm id, `:LABEL` as its labels. */
export const NEO4J_FIRM_HEADER = ['id:ID(Firm)', 'name', 'kind', 'ticker', 'country', 'note', 'acquiredBy', 'acquiredDate', ':LABEL'] as const;

/**
 * The relationships file's header. Properties are named as the deals CSV columns the importer
 * reads, so a query can hand deals back to Roundtrip as they are; `dateStart` and `dateEnd` are the
 * days the (possibly partial) date spans, for date filters in Cypher; `sourcesJson` keeps every source.
 */
export const NEO4J_DEAL_HEADER = [
  ':START_ID(Firm)',
  ':END_ID(Firm)',
  ':TYPE',
  'id',
  'type',
  'amountUsd:double',
  'amountBasis',
  'date',
  'dateStart',
  'dateEnd',
  'status',
  'flow',
  'statusNote',
  'supersededBy',
  'superseded:boolean',
  'endDate',
  'title',
  'sourceUrl',
  'sourceTitle',
  'publisher',
  'sourceKind',
  'sourceDate',
  'sourcesJson',
  'note',
] as const;

export interface Neo4jOptions {
  /** The filter of the loop query: the one the analyses use for the same options. */
  loopFilter?: DealFilter;
  /** Longest loop in hops (at least 2; Infinity for no bound). */
  maxLength?: number;
  /** Rows the loop query returns at most. */
  maxCycles?: number;
  /** The options the export was given, as typed, named in the comments of queries.cypher. */
  given?: string;
}

export interface Neo4jImport {
  firms: string;
  deals: string;
  queries: string;
}

type Cell = string | number | boolean | null | undefined;

function csv(header: readonly string[], rows: Cell[][]): string {
  const text = Papa.unparse({ fields: [...header], data: rows.map((row) => row.map((cell) => (cell === undefined || cell === null ? '' : cell))) }, { newline: '\n', quotes: false, header: true });
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** A Cypher string literal. */
export function cypherString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

const cypherList = (items: readonly string[]): string => `[${items.map(cypherString).join(', ')}]`;

/** A number as Cypher reads it (`1e21`, not JavaScript's `1e+21`). */
function cypherNumber(value: number): string {
  return String(value).replace('e+', 'e');
}

/** The Cypher conditions on one deal `r` and one firm `n` that keep what the filter keeps. */
export function cypherConditions(filter: DealFilter): { deal: string[]; firm: string[] } {
  const deal: string[] = [];
  if (filter.types) deal.push(`r.type IN ${cypherList(filter.types)}`);
  if (filter.flows) deal.push(`r.flow IN ${cypherList(filter.flows)}`);
  if (filter.statuses) deal.push(`r.status IN ${cypherList(filter.statuses)}`);
  if ((filter.minUsd ?? 0) > 0) {
    const keepUndisclosed = filter.keepUndisclosed ?? true;
    deal.push(keepUndisclosed ? `(r.amountUsd IS NULL OR r.amountUsd >= ${cypherNumber(filter.minUsd as number)})` : `r.amountUsd >= ${cypherNumber(filter.minUsd as number)}`);
  }
  if (filter.from !== undefined) deal.push(`r.dateEnd >= ${cypherString(periodStart(filter.from))}`);
  if (filter.to !== undefined) deal.push(`r.dateStart <= ${cypherString(periodEnd(filter.to))}`);
  // The CLI offers no as-of filter; a query that ignored it would find loops the view does not have.
  if (filter.asOf !== undefined) throw new Error('roundtrip/export: the Neo4j loop query has no as-of filter');
  const firm = filter.kinds ? [`n.kind IN ${cypherList(filter.kinds)}`] : [];
  return { deal, firm };
}

/** The bounded loop query: each elementary loop once (from its smallest firm id), parallel deals as one hop. */
export function loopQuery(filter: DealFilter, maxLength: number, maxCycles?: number): string {
  const upper = Number.isFinite(maxLength) ? String(Math.max(2, maxLength)) : '';
  const { deal, firm } = cypherConditions(filter);
  const where = [
    // A loop passes each firm once, and is listed from its smallest firm id only (not once per rotation).
    'all(i IN range(0, length(p) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1 .. length(p)])',
    'all(n IN nodes(p) WHERE a.id <= n.id)',
    ...(deal.length > 0 ? [`all(r IN relationships(p) WHERE ${deal.join(' AND ')})`] : []),
    ...(firm.length > 0 ? [`all(n IN nodes(p) WHERE ${firm.join(' AND ')})`] : []),
  ];
  return [
    `MATCH p = (a:Firm)-[:DEAL*2..${upper}]->(a)`,
    `WHERE ${where.join('\n  AND ')}`,
    'WITH [n IN nodes(p) | n.id] AS firms',
    'RETURN firms, size(firms) - 1 AS hops, count(*) AS dealChoices',
    'ORDER BY hops, firms',
    ...(maxCycles !== undefined ? [`LIMIT ${maxCycles}`] : []),
  ].join('\n');
}

const NEIGHBOURHOOD = [
  'MATCH (:Firm {id: $firm})-[:DEAL*0..2]-(n:Firm)',
  'WITH collect(DISTINCT n) AS firms',
];

function queriesText(options: Neo4jOptions): string {
  const filter = options.loopFilter ?? { flows: DEFAULT_FLOWS };
  const maxLength = options.maxLength ?? 8;
  const given = options.given ? ` (${options.given})` : '';
  return [
    `// Roundtrip deal network for Neo4j${given}.`,
    '// Import (the database must be stopped; see the README):',
    `//   neo4j-admin database import full --nodes=${NEO4J_FILES.firms} --relationships=${NEO4J_FILES.deals} \\`,
    '//     --multiline-fields=true --ignore-empty-strings=true --overwrite-destination=true neo4j',
    '',
    'CREATE CONSTRAINT firm_id IF NOT EXISTS FOR (f:Firm) REQUIRE f.id IS UNIQUE;',
    '',
    `// Money loops of 2 to ${Number.isFinite(maxLength) ? maxLength : 'any number of'} hops, as \`roundtrip cycles\` finds them with the same filters:`,
    '// one row per loop (its firms, first firm repeated at the end), with how many ways its parallel deals combine.',
    `${loopQuery(filter, maxLength, options.maxCycles)};`,
    '',
    '// A neighbourhood back into Roundtrip: the firms within 2 deals of $firm (set it first, e.g.',
    "// `:param firm => 'nvidia'`), then the deals among them. Save the two results as CSV",
    '// (neighbourhood-firms.csv, neighbourhood-deals.csv) and run',
    '//   node dist/cli.mjs cycles --data neighbourhood-deals.csv,neighbourhood-firms.csv',
    ...NEIGHBOURHOOD,
    'UNWIND firms AS f',
    'RETURN f.id AS id, f.name AS name, f.kind AS kind, f.ticker AS ticker, f.country AS country, f.note AS note;',
    '',
    ...NEIGHBOURHOOD,
    'MATCH (s:Firm)-[r:DEAL]->(t:Firm)',
    'WHERE s IN firms AND t IN firms',
    // A later deal outside the neighbourhood would not load: the link goes, as in Roundtrip's exports.
    'OPTIONAL MATCH (ls:Firm)-[later:DEAL {id: r.supersededBy}]->(lt:Firm)',
    'WHERE ls IN firms AND lt IN firms',
    [
      'RETURN r.id AS id, s.id AS from, t.id AS to, r.type AS type, r.amountUsd AS amountUsd, r.amountBasis AS amountBasis,',
      '  r.date AS date, r.title AS title, r.sourceUrl AS sourceUrl, r.sourceTitle AS sourceTitle, r.status AS status,',
      '  r.statusNote AS statusNote, later.id AS supersededBy, r.endDate AS endDate, r.publisher AS publisher,',
      '  r.sourceKind AS sourceKind, r.sourceDate AS sourceDate, r.flow AS flow, r.note AS note;',
    ].join('\n'),
    '',
  ].join('\n');
}

/** The three files of a Neo4j import of the graph, firms and deals in graph order. */
export function toNeo4jImport(graph: FirmGraph, options: Neo4jOptions = {}): Neo4jImport {
  const firms = graph.mapNodes((id, e): Cell[] => {
    const acquirer = e.acquiredBy !== undefined && graph.hasNode(e.acquiredBy) ? e.acquiredBy : undefined;
    return [id, e.name, e.kind, e.ticker, e.country, e.note, acquirer, acquirer !== undefined ? e.acquiredDate : undefined, 'Firm'];
  });
  const deals = graph.mapEdges((id, d, source, target): Cell[] => {
    const first = d.sources[0];
    const amount = d.amountUsd !== null && Number.isFinite(d.amountUsd) ? d.amountUsd : null;
    return [
      source,
      target,
      'DEAL',
      id,
      d.type,
      amount,
      d.amountBasis,
      d.date,
      periodStart(d.date),
      periodEnd(d.date),
      d.status,
      flowOf(d),
      d.statusNote,
      d.supersededBy !== undefined && graph.hasEdge(d.supersededBy) ? d.supersededBy : undefined,
      isSuperseded(d, graph),
      d.endDate,
      d.title,
      first?.url,
      first?.title,
      first?.publisher,
      first?.kind,
      first?.date,
      JSON.stringify(d.sources),
      d.note,
    ];
  });
  return { firms: csv(NEO4J_FIRM_HEADER, firms), deals: csv(NEO4J_DEAL_HEADER, deals), queries: queriesText(options) };
}
