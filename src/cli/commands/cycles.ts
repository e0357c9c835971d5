import { LOOP_DEFAULTS, LOOP_SORT_KEYS, findLoops, loopsThrough, sortLoops, type LoopSortKey, type MoneyLoop } from '../../analysis/loops.js';
import { formatKnownSum, formatUsd } from '../../data/money.js';
import { filterFirmGraph } from '../../model/filter.js';
import { buildFirmGraph } from '../../model/graph.js';
import { booleanOption, EXIT_OK, stringOption, UsageError, type Command } from '../command.js';
import { DATA_OPTION, requireDataSet } from '../data-files.js';
import { formatTable } from '../table.js';
import { FILTER_OPTIONS, filterFromOptions, integerOption, requireFirm } from '../view-options.js';

/** The JSON shape of a loop, as documented in the README. */
function loopJson(loop: MoneyLoop) {
  return {
    id: loop.id,
    firms: loop.firms,
    hops: loop.hops.map((h) => ({ from: h.from, to: h.to, deals: h.deals })),
    length: loop.length,
    types: loop.types,
    bottleneckUsd: loop.bottleneckUsd,
    totalUsd: loop.totalUsd,
    firstDate: loop.firstDate,
    lastDate: loop.lastDate,
  };
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
    'max-length': { type: 'string', value: 'N', description: `Longest loop in hops (default ${LOOP_DEFAULTS.maxLength}).` },
    'max-cycles': { type: 'string', value: 'N', description: `Stop after N loops (default ${LOOP_DEFAULTS.maxCycles}).` },
    through: { type: 'string', value: 'FIRM', description: 'Only loops through this firm id.' },
    sort: { type: 'string', value: 'KEY', description: 'Sort key (see below).' },
    json: { type: 'boolean', description: 'Print JSON: {"count", "truncated", "cycles": [...]}.' },
  },
  async run(values, io) {
    const filter = filterFromOptions(values);
    const maxLength = integerOption(values, 'max-length', LOOP_DEFAULTS.maxLength, 2, 64);
    const maxCycles = integerOption(values, 'max-cycles', LOOP_DEFAULTS.maxCycles, 0);
    const sortKey = stringOption(values, 'sort') ?? 'bottleneck';
    if (!(LOOP_SORT_KEYS as readonly string[]).includes(sortKey)) {
      throw new UsageError(`--sort: unknown key ${JSON.stringify(sortKey)}; expected ${LOOP_SORT_KEYS.join(', ')}`);
    }
    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    const all = buildFirmGraph(loaded.data);
    const view = filterFirmGraph(all, filter);
    const through = stringOption(values, 'through');
    const result =
      through === undefined
        ? findLoops(view, { maxLength, maxCycles })
        : loopsThrough(view, requireFirm(through, 'through', all, view), { maxLength, maxCycles });
    const loops = sortLoops(result.loops, sortKey as LoopSortKey);
    if (booleanOption(values, 'json')) {
      io.out(JSON.stringify({ count: result.count, truncated: result.truncated, cycles: loops.map(loopJson) }, null, 2));
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
    ]);
    for (const line of formatTable(['loop', 'hops', 'bottleneck', 'total', 'first', 'last', 'types'], rows, ['left', 'right', 'right', 'right'])) io.out(line);
    const scope = through === undefined ? '' : ` through ${through}`;
    const capped = result.truncated ? ` (stopped at the cap of ${maxCycles}; more exist — raise --max-cycles)` : '';
    io.out(`${result.count} loop${result.count === 1 ? '' : 's'}${scope}${capped}.`);
    return EXIT_OK;
  },
};
