import { loopWordsIn } from '../../analysis/loop-words.js';
import { LOOP_DEFAULTS, LOOP_SORT_KEYS, findLoops, iterateLoops, iterateLoopsThrough, loopsThrough, sortLoops, type LoopSortKey, type MoneyLoop } from '../../analysis/loops.js';
import { formatKnownSum, formatUsd } from '../../data/money.js';
import { closesOnlyThrough } from '../../data/flows.js';
import { foldedParties, partOf } from '../../model/acquisitions.js';
import { buildDealNetwork } from '../../model/deal-network.js';
import { buildFirmView } from '../../model/filter.js';
import { buildFirmGraph, type FirmGraph } from '../../model/graph.js';
import { ByteLines } from '../byte-lines.js';
import { LoopJsonWriter, LoopWriter, loopJson, type DealOf } from '../loop-json.js';
import { booleanOption, EXIT_OK, stringOption, UsageError, type CliIo, type Command } from '../command.js';
import { DATA_OPTION, requireDataSet } from '../data-files.js';
import { formatTable } from '../table.js';
import { FILTER_OPTIONS, filterFromOptions, integerOption, maxLengthOption, requireFirm } from '../view-options.js';

/** The loop in one sentence (see analysis/loop-words.ts), when --words asks for it. */
type WordsOf = ((loop: MoneyLoop) => string) | null;

/** A loop's JSON object, with its sentence last when --words asks for it. */
function loopObject(loop: MoneyLoop, dealOf: DealOf, wordsOf: WordsOf) {
  return wordsOf ? { ...loopJson(loop, dealOf), words: wordsOf(loop) } : loopJson(loop, dealOf);
}

/** The writer's text of a loop (JSON.stringify of loopJson), with its sentence added last. */
function withWords(text: string, loop: MoneyLoop, wordsOf: WordsOf): string {
  return wordsOf ? `${text.slice(0, -1)},"words":${JSON.stringify(wordsOf(loop))}}` : text;
}

/** Above this cap the loops are streamed as found, unsorted, so memory stays bounded. */
const SORTED_AT_MOST = 1_000_000;

const FORMATS = ['table', 'json', 'ndjson'] as const;
type Format = (typeof FORMATS)[number];

/** Output written together: one write per batch of about this many bytes, not per loop. */
const BYTES_PER_WRITE = 1 << 20;

/**
 * Writes loops as the search finds them, keeping none: JSON `{"cycles": [...], "count", "truncated"}`
 * (the count comes last, once known), one compact loop object per line (ndjson, nothing else), or
 * one tab-separated line per loop.
 */
async function streamLoops(loops: Iterable<MoneyLoop>, maxCycles: number, format: Format, dealOf: DealOf, wordsOf: WordsOf, io: CliIo): Promise<void> {
  let count = 0;
  let truncated = false;
  const writer = new LoopJsonWriter(dealOf);
  const bytesWriter = new LoopWriter<Uint8Array>(dealOf, (text) => Buffer.from(text, 'utf8'));
  const comma = Buffer.from(',');
  // Without a byte output (tests), each batch goes out as text, its last line break left to `out`.
  const outBytes = io.outBytes?.bind(io);
  const lines = new ByteLines(outBytes ?? ((bytes) => io.out(bytes.toString('utf8', 0, bytes.length - 1))), BYTES_PER_WRITE);
  const line = (text: string): void => {
    lines.addText(text);
    lines.endLine();
  };
  if (format === 'json') line('{"cycles":[');
  else if (format === 'table') line(['loop', 'hops', 'bottleneck', 'total', 'first', 'last', 'types', 'in date order', ...(wordsOf ? ['words'] : [])].join('\t'));
  for (const loop of loops) {
    if (count === maxCycles) {
      truncated = true;
      break;
    }
    if (format === 'table') {
      const bottleneck = loop.bottleneckUsd === null ? 'undisclosed' : formatUsd(loop.bottleneckUsd);
      const cells = [loop.firms.concat(loop.firms[0] ?? '').join(' → '), loop.length, bottleneck, formatUsd(loop.totalUsd), loop.firstDate, loop.lastDate, loop.types.join(','), loop.inOrder ? 'yes' : 'no'];
      line([...cells, ...(wordsOf ? [wordsOf(loop)] : [])].join('\t'));
    } else {
      if (format === 'json' && count > 0) lines.add(comma);
      if (wordsOf) lines.addText(withWords(writer.write(loop), loop, wordsOf));
      else bytesWriter.writeTo(loop, lines);
      lines.endLine();
    }
    count++;
    if (lines.size >= BYTES_PER_WRITE) {
      lines.flush();
      // Let the output go out (and a reader that closed it end the run) before finding more.
      await io.drain?.();
    }
  }
  if (format === 'json') line(`],"count":${count},"truncated":${truncated}}`);
  else if (format === 'table') line(`${count} loop${count === 1 ? '' : 's'} (unsorted, as found)${truncated ? `; stopped at the cap of ${maxCycles}` : ''}.`);
  lines.flush();
}

export const cyclesCommand: Command = {
  name: 'cycles',
  summary: 'List the money loops (elementary circuits) of the filtered deal network.',
  details: [
    'A loop is named by its firms from the smallest id, e.g. amd>openai. The bottleneck is the smallest',
    'hop amount (a hop sums the known amounts of its deals); it is empty when any hop is undisclosed.',
    `Sort keys: ${LOOP_SORT_KEYS.join(', ')} (default bottleneck, largest first; undisclosed last).`,
  ].join('\n'),
  options: {
    data: DATA_OPTION,
    ...FILTER_OPTIONS,
    'max-length': { type: 'string', value: 'N|all', description: `Longest loop in hops, at least 2, or all (default ${LOOP_DEFAULTS.maxLength}).` },
    'max-cycles': { type: 'string', value: 'N', description: `Stop after N loops (default ${LOOP_DEFAULTS.maxCycles}); above 1,000,000 the loops stream unsorted as found (no --sort).` },
    through: { type: 'string', value: 'FIRM', description: 'Only loops through this firm id.' },
    'in-order': { type: 'boolean', description: 'Only loops whose deals can be read in date order (money does not flow back in time).' },
    'window-months': { type: 'string', value: 'N', description: 'With --in-order: at most N months from the first deal of a loop to the last.' },
    sort: { type: 'string', value: 'KEY', description: 'Sort key (see below).' },
    json: { type: 'boolean', description: 'Print JSON: {"count", "truncated", "cycles": [...]}, compact (the same as --format json).' },
    format: {
      type: 'string',
      value: 'FORMAT',
      description: 'table (default), json, or ndjson: one compact loop object a line (the objects of --json\'s cycles), nothing else, streamed as found unless --sort is given.',
    },
    pretty: { type: 'boolean', description: 'With --json: indent the JSON.' },
    words: {
      type: 'boolean',
      description: 'Tell each loop in one sentence (amounts, what moves, month, status): under its row in the table, a "words" field in JSON and ndjson.',
    },
  },
  async run(values, io) {
    const filter = filterFromOptions(values);
    const maxLength = maxLengthOption(values, LOOP_DEFAULTS.maxLength);
    const maxCycles = integerOption(values, 'max-cycles', LOOP_DEFAULTS.maxCycles, 0);
    const inOrderOnly = booleanOption(values, 'in-order');
    const windowText = stringOption(values, 'window-months');
    const windowMonths = windowText === undefined ? null : integerOption(values, 'window-months', 0, 0, 12_000);
    if (windowMonths !== null && !inOrderOnly) throw new UsageError('--window-months only applies with --in-order');
    const sortKey = stringOption(values, 'sort') ?? 'bottleneck';
    if (!(LOOP_SORT_KEYS as readonly string[]).includes(sortKey)) {
      throw new UsageError(`--sort: unknown key ${JSON.stringify(sortKey)}; expected ${LOOP_SORT_KEYS.join(', ')}`);
    }
    const formatText = stringOption(values, 'format');
    if (formatText !== undefined && !(FORMATS as readonly string[]).includes(formatText)) {
      throw new UsageError(`--format: unknown format ${JSON.stringify(formatText)}; expected ${FORMATS.join(', ')}`);
    }
    if (booleanOption(values, 'json') && formatText !== undefined && formatText !== 'json') throw new UsageError(`--json and --format ${formatText} say different things; give one`);
    const format: Format = booleanOption(values, 'json') ? 'json' : ((formatText as Format | undefined) ?? 'table');
    const pretty = booleanOption(values, 'pretty');
    if (pretty && format !== 'json') throw new UsageError('--pretty only applies to --json (ndjson is one compact object a line)');
    // ndjson streams unless a sort is asked for; the others above the cap where sorting stops.
    const sortGiven = stringOption(values, 'sort') !== undefined;
    const streaming = maxCycles > SORTED_AT_MOST || (format === 'ndjson' && !sortGiven);
    if (streaming && pretty) throw new UsageError(`--pretty needs --max-cycles of at most ${SORTED_AT_MOST.toLocaleString('en-US')} (larger caps stream the loops compact)`);
    if (streaming && sortGiven) {
      throw new UsageError(
        `--sort needs --max-cycles of at most ${SORTED_AT_MOST.toLocaleString('en-US')}: sorting keeps every loop in memory (without --sort, a larger cap streams the loops unsorted)`,
      );
    }
    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    let whole: FirmGraph | undefined;
    const all = (): FirmGraph => (whole ??= buildFirmGraph(loaded.data));
    const through = stringOption(values, 'through');
    const words = booleanOption(values, 'words');
    if (streaming && !words) {
      // Listed as found, the loops need only the deals of each pair of firms: the light network,
      // not a firm graph (building that took longer than the search on large data sets).
      const network = buildDealNetwork(loaded.data, filter);
      const search = { maxLength, inOrderOnly, windowMonths };
      const firm = (id: string): string => (network.hasNode(id) ? id : requireFirm(id, 'through', all(), buildFirmView(loaded.data, filter, { shareRecords: true })));
      const loops = through === undefined ? iterateLoops(network, search) : iterateLoopsThrough(network, firm(through), search);
      await streamLoops(loops, maxCycles, format, (id) => (network.hasEdge(id) ? network.getEdgeAttributes(id) : undefined), null, io);
      return EXIT_OK;
    }
    // The view alone is built; the whole network only when a firm outside it needs naming.
    const view = buildFirmView(loaded.data, filter, { shareRecords: true });
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
    const loops = sortLoops(result.loops, sortKey as LoopSortKey);
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
  },
};
