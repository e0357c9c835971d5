import { LOOP_DEFAULTS, LOOP_SORT_KEYS, iterateLoops, iterateLoopsThrough, type LoopSortKey } from '../../analysis/loops.js';
import { buildDealNetwork } from '../../model/deal-network.js';
import { booleanOption, EXIT_OK, stringOption, UsageError, type Command } from '../command.js';
import { DATA_OPTION, requireDataSet } from '../data-files.js';
import type { DealOf } from '../loop-json.js';
import { LOOP_FORMATS, streamLoops, type LoopFormat } from '../loop-stream.js';
import { FILTER_OPTIONS, filterFromOptions, integerOption, maxLengthOption } from '../view-options.js';

/** Above this cap the loops are streamed as found, unsorted, so memory stays bounded. */
const SORTED_AT_MOST = 1_000_000;

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
    if (formatText !== undefined && !(LOOP_FORMATS as readonly string[]).includes(formatText)) {
      throw new UsageError(`--format: unknown format ${JSON.stringify(formatText)}; expected ${LOOP_FORMATS.join(', ')}`);
    }
    if (booleanOption(values, 'json') && formatText !== undefined && formatText !== 'json') throw new UsageError(`--json and --format ${formatText} say different things; give one`);
    const format: LoopFormat = booleanOption(values, 'json') ? 'json' : ((formatText as LoopFormat | undefined) ?? 'table');
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
    const through = stringOption(values, 'through');
    const words = booleanOption(values, 'words');
    if (streaming && !words) {
      // Listed as found, the loops need only the deals of each pair of firms: the light network,
      // not a firm graph (building that took longer than the search on large data sets, and
      // loading graphology is a good part of the command's start). A firm the filters removed is
      // named by the firm view.
      const network = buildDealNetwork(loaded.data, filter);
      if (through === undefined || network.hasNode(through)) {
        const search = { maxLength, inOrderOnly, windowMonths };
        const loops = through === undefined ? iterateLoops(network, search) : iterateLoopsThrough(network, through, search);
        // A deal's parties matter to the output only where firms are folded (see foldedParties):
        // elsewhere they are the hop's own, and the deals need no index by id.
        const dealOf: DealOf = network.foldsFirms ? (id) => (network.hasEdge(id) ? network.getEdgeAttributes(id) : undefined) : () => undefined;
        await streamLoops(loops, maxCycles, format, dealOf, null, io);
        return EXIT_OK;
      }
    }
    // Sorted lists, tables, sentences: the firm view.
    const listing = await import('./cycles-view.js');
    return listing.listFromView(loaded.data, { filter, maxLength, maxCycles, inOrderOnly, windowMonths, through, words, streaming, format, sortKey: sortKey as LoopSortKey, pretty }, io);
  },
};
