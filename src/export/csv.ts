/**
 * The explorer's tables as CSV for spreadsheets: money loops, firm measures and deals. Cells an
 * attacker could have typed (titles, notes, names from an imported file) are guarded against formula
 * injection; numbers stay numbers so a spreadsheet can sum them.
 */
import Papa from 'papaparse';
import { DEAL_CSV_COLUMNS } from '../data/import/import-files.js';
import { MEASURE_KEYS, type FirmMeasures } from '../analysis/centrality.js';
import type { DebtRankResult } from '../analysis/contagion.js';
import { loopWordsIn } from '../analysis/loop-words.js';
import type { MoneyLoop } from '../analysis/loops.js';
import { DEAL_TYPES, flowOf, type DealType } from '../data/types.js';
import type { FirmGraph } from '../model/graph.js';

export type CsvCell = string | number | null;

/** A plain decimal number, signed or not: a spreadsheet reads it as that number, not a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Leading characters that make Excel, LibreOffice or Sheets evaluate a cell (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell made safe to open in a spreadsheet: text that would start a formula gets a leading `'`,
 * which spreadsheets show as plain text. Numbers and null (an empty cell) pass unchanged.
 */
export function guardCell(cell: CsvCell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** A CSV text: a header row, then one row per record, `\r\n` line ends (RFC 4180), quoted where needed. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const csv = Papa.unparse(
    { fields: header.map((h) => String(guardCell(h))), data: rows.map((row) => row.map(guardCell)) },
    { newline: '\r\n', quotes: false, header: true },
  );
  // papaparse ends a header-only table with a line break but not one with rows; end every file alike.
  return csv.endsWith('\r\n') ? csv : `${csv}\r\n`;
}

/** Firm display names and deal types, for spelling out the hops of a loop, and the loop in words. */
export interface LoopLabels {
  nameOf(firm: string): string;
  dealTypeOf(deal: string): DealType | undefined;
  wordsOf(loop: MoneyLoop): string;
}

/** Loop labels from the graph the loops were found in (unknown ids fall back to themselves). */
export function loopLabels(graph: FirmGraph): LoopLabels {
  return {
    nameOf: (firm) => (graph.hasNode(firm) ? graph.getNodeAttribute(firm, 'name') : firm),
    dealTypeOf: (deal) => (graph.hasEdge(deal) ? graph.getEdgeAttribute(deal, 'type') : undefined),
    wordsOf: loopWordsIn(graph),
  };
}

export const LOOP_COLUMNS = ['id', 'hops', 'length', 'types', 'bottleneckUsd', 'totalUsd', 'firstDate', 'lastDate', 'firms', 'deals', 'words'] as const;

/** `Nvidia -investment-> OpenAI -purchase-> Nvidia`; a hop of parallel deals shows each type once (`-equity/loan->`). */
function spellHops(loop: MoneyLoop, nameOf: (firm: string) => string, dealTypeOf: (deal: string) => DealType | undefined): string {
  const parts = [nameOf(loop.firms[0] ?? '')];
  for (const hop of loop.hops) {
    const types = new Set(hop.deals.map(dealTypeOf));
    const label = DEAL_TYPES.filter((t) => types.has(t)).join('/') || '?';
    parts.push(`-${label}->`, nameOf(hop.to));
  }
  return parts.join(' ');
}

/**
 * The loops table. Hops carry deal ids only, so the deal types of each hop come from `dealTypeOf`
 * (see `loopLabels`). Firms and deals are `;`-joined ids; an undisclosed bottleneck is empty;
 * `words` is the loop in one sentence (analysis/loop-words.ts), empty when `wordsOf` is not given.
 */
export function loopsCsv(
  loops: readonly MoneyLoop[],
  nameOf: (firm: string) => string,
  dealTypeOf: (deal: string) => DealType | undefined,
  wordsOf?: (loop: MoneyLoop) => string,
): string {
  const rows = loops.map((loop) => [
    loop.id,
    spellHops(loop, nameOf, dealTypeOf),
    loop.length,
    loop.types.join(';'),
    loop.bottleneckUsd,
    loop.totalUsd,
    loop.firstDate,
    loop.lastDate,
    loop.firms.join(';'),
    loop.hops.flatMap((h) => h.deals).join(';'),
    wordsOf ? wordsOf(loop) : null,
  ]);
  return toCsv(LOOP_COLUMNS, rows);
}

export const MEASURE_COLUMNS = ['id', 'name', 'kind', ...MEASURE_KEYS] as const;

/** The measures table: one row per firm, every measure of FirmMeasures; unknown (null) measures are empty. */
export function measuresCsv(measures: readonly FirmMeasures[]): string {
  return toCsv(
    MEASURE_COLUMNS,
    measures.map((m) => [m.id, m.name, m.kind, ...MEASURE_KEYS.map((key) => m[key])]),
  );
}

/**
 * The deals table. The first ten columns are the ones the CSV importer requires, in its order, so an
 * exported view can be imported again; status, statusNote, supersededBy, endDate, publisher,
 * sourceKind and sourceDate (of the first source) and flow are columns it also reads; `sources` lists every source URL, `;`-joined.
 */
export const DEAL_COLUMNS = [
  ...DEAL_CSV_COLUMNS,
  'status',
  'statusNote',
  'supersededBy',
  'endDate',
  'publisher',
  'sourceKind',
  'sourceDate',
  'flow',
  'sources',
  'note',
] as const;

/** The deals of the graph, in graph order; an undisclosed amount is an empty cell. */
export function dealsCsv(graph: FirmGraph): string {
  const rows = graph.mapEdges((_id, deal) => {
    const first = deal.sources[0];
    // Like the JSON export: a successor outside the view would not import, and does not apply there.
    const supersededBy = deal.supersededBy !== undefined && graph.hasEdge(deal.supersededBy) ? deal.supersededBy : null;
    return [
      deal.id,
      deal.from,
      deal.to,
      deal.type,
      deal.amountUsd,
      deal.amountBasis,
      deal.date,
      deal.title,
      first?.url ?? null,
      first?.title ?? null,
      deal.status,
      deal.statusNote ?? null,
      supersededBy,
      deal.endDate ?? null,
      first?.publisher ?? null,
      first?.kind ?? null,
      first?.date ?? null,
      flowOf(deal),
      deal.sources.map((s) => s.url).join(';'),
      deal.note ?? null,
    ];
  });
  return toCsv(DEAL_COLUMNS, rows);
}

/** A scenario's losses: one row per firm hit, with its buffer and the deals the loss came through. */
export const SCENARIO_COLUMNS = ['id', 'name', 'initial', 'final', 'lossUsd', 'equityUsd', 'buffer', 'lossShare', 'failed', 'hitThrough'] as const;

export function scenarioCsv(result: DebtRankResult): string {
  const rows = result.firms
    .filter((f) => f.lossUsd > 0 || f.initial > 0)
    .map((f) => [
      f.id,
      f.name,
      f.initial,
      f.final,
      f.lossUsd,
      f.equityUsd,
      f.buffer,
      f.lossShare,
      f.failed ? 'yes' : 'no',
      f.hitThrough.map((part) => `${part.deal ?? 'shock'}@${part.round}:${Math.round(part.lossUsd)}`).join(';'),
    ]);
  return toCsv(SCENARIO_COLUMNS, rows);
}
