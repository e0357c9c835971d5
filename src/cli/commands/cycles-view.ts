/**
 * `cycles` over the firm view (a graphology graph): sorted output, tables, --words, and the naming
 * of a firm the filters removed. Loaded only then: the streamed listing reads a lighter network
 * (see cycles.ts) and never loads graphology.
 */
import { loopWordsIn } from '../../analysis/loop-words.js';
import { findLoops, iterateLoops, iterateLoopsThrough, loopsThrough, sortLoops, type LoopSortKey, type MoneyLoop } from '../../analysis/loops.js';
import { formatKnownSum, formatUsd } from '../../data/money.js';
import { closesOnlyThrough } from '../../data/flows.js';
import type { DataSet } from '../../data/types.js';
import { foldedParties, partOf } from '../../model/acquisitions.js';
import { buildFirmView, type DealFilter } from '../../model/filter.js';
import { buildFirmGraph, type FirmGraph } from '../../model/graph.js';
import { EXIT_OK, type CliIo } from '../command.js';
import { loopJson, type DealOf } from '../loop-json.js';
import { streamLoops, type LoopFormat, type WordsOf } from '../loop-stream.js';
import { formatTable } from '../table.js';
import { requireFirm } from '../view-options.js';

/** A loop's JSON object, with its sentence last when --words asks for it. */
function loopObject(loop: MoneyLoop, dealOf: DealOf, wordsOf: WordsOf) {
  return wordsOf ? { ...loopJson(loop, dealOf), words: wordsOf(loop) } : loopJson(loop, dealOf);
}

export interface ViewListing {
  filter: DealFilter;
  maxLength: number;
  maxCycles: number;
  inOrderOnly: boolean;
  windowMonths: number | null;
  through: string | undefined;
  words: boolean;
  streaming: boolean;
  format: LoopFormat;
  sortKey: LoopSortKey;
  pretty: boolean;
}

/** Lists the loops of the data set's firm view as the options ask. */
export async function listFromView(data: DataSet, options: ViewListing, io: CliIo): Promise<number> {
  const { filter, maxLength, maxCycles, inOrderOnly, windowMonths, through, words, streaming, format, sortKey, pretty } = options;
  let whole: FirmGraph | undefined;
  const all = (): FirmGraph => (whole ??= buildFirmGraph(data));
  // The view alone is built; the whole network only when a firm outside it needs naming.
  const view = buildFirmView(data, filter, { shareRecords: true });
  const wordsOf: WordsOf = words ? loopWordsIn(view) : null;
  if (streaming) {
    const search = { maxLength, inOrderOnly, windowMonths };
    const loops = through === undefined ? iterateLoops(view, search) : iterateLoopsThrough(view, requireFirm(through, 'through', view.hasNode(through) ? view : all(), view), search);
    await streamLoops(loops, maxCycles, format, (id) => (view.hasEdge(id) ? view.getEdgeAttributes(id) : undefined), wordsOf, io);
    return EXIT_OK;
  }
  const result =
    through === undefined
      ? findLoops(view, { maxLength, maxCycles, inOrderOnly, windowMonths })
      : loopsThrough(view, requireFirm(through, 'through', view.hasNode(through) ? view : all(), view), { maxLength, maxCycles, inOrderOnly, windowMonths });
  const loops = sortLoops(result.loops, sortKey);
  const dealOf: DealOf = (id) => (view.hasEdge(id) ? view.getEdgeAttributes(id) : undefined);
  if (format === 'json') {
    io.out(JSON.stringify({ count: result.count, truncated: result.truncated, cycles: loops.map((loop) => loopObject(loop, dealOf, wordsOf)) }, null, pretty ? 2 : undefined));
    return EXIT_OK;
  }
  if (format === 'ndjson') {
    await streamLoops(loops, Number.POSITIVE_INFINITY, format, dealOf, wordsOf, io);
    return EXIT_OK;
  }
  const rows = loops.map((l) => [
    l.firms.concat(l.firms[0] ?? '').join(' → '),
    String(l.length),
    l.bottleneckUsd === null ? 'undisclosed' : formatUsd(l.bottleneckUsd),
    formatKnownSum(l.totalUsd, l.hops.filter((hop) => hop.amountUsd !== null).length, l.length),
    l.firstDate,
    l.lastDate,
    l.types.join(','),
    l.inOrder ? 'yes' : 'no',
    [
      l.closesThrough.length === 0 ? '' : closesOnlyThrough(l.closesThrough),
      ...foldedParties(l.hops, dealOf).map(({ firm, as }) => {
        const whole = all();
        const entity = whole.hasNode(firm) ? whole.getNodeAttributes(firm) : undefined;
        return `through ${entity ? partOf(entity, whole.hasNode(as) ? whole.getNodeAttributes(as).name : as) : firm}`;
      }),
    ]
      .filter((note) => note !== '')
      .join('; '),
  ]);
  const table = formatTable(['loop', 'hops', 'bottleneck', 'total', 'first', 'last', 'types', 'in date order', 'note'], rows, ['left', 'right', 'right', 'right']);
  // With --words, each loop's sentence goes on an indented line under its row.
  table.forEach((line, i) => {
    io.out(line);
    const loop = i >= 2 ? loops[i - 2] : undefined;
    if (wordsOf && loop) io.out(`  ${wordsOf(loop)}`);
  });
  const scope = `${inOrderOnly ? ` in date order${windowMonths === null ? '' : ` within ${windowMonths} months`}` : ''}${through === undefined ? '' : ` through ${through}`}`;
  const capped = result.truncated ? ` (stopped at the cap of ${maxCycles}; more exist — raise --max-cycles)` : '';
  io.out(`${result.count} loop${result.count === 1 ? '' : 's'}${scope}${capped}.`);
  return EXIT_OK;
}
