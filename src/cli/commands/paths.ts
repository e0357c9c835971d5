import { PATH_DEFAULTS, paths } from '../../analysis/paths.js';
import { formatUsd } from '../../data/money.js';
import { filterFirmGraph } from '../../model/filter.js';
import { buildFirmGraph } from '../../model/graph.js';
import { booleanOption, EXIT_OK, stringOption, UsageError, type Command } from '../command.js';
import { DATA_OPTION, requireDataSet } from '../data-files.js';
import { FILTER_OPTIONS, filterFromOptions, integerOption, requireFirm } from '../view-options.js';

export const pathsCommand: Command = {
  name: 'paths',
  summary: 'Trace the money from one firm to another: every simple path, hop by hop with its deals.',
  options: {
    data: DATA_OPTION,
    from: { type: 'string', value: 'FIRM', description: 'Firm id the money leaves (required).' },
    to: { type: 'string', value: 'FIRM', description: 'Firm id the money reaches (required).' },
    ...Object.fromEntries(Object.entries(FILTER_OPTIONS).filter(([name]) => name !== 'from' && name !== 'to')),
    since: { ...FILTER_OPTIONS.from!, description: 'Keep deals dated in or after this month (YYYY-MM).' },
    until: { ...FILTER_OPTIONS.to!, description: 'Keep deals dated in or before this month (YYYY-MM).' },
    'max-length': { type: 'string', value: 'N', description: `Longest path in hops (default ${PATH_DEFAULTS.maxLength}).` },
    'max-paths': { type: 'string', value: 'N', description: `Stop after N paths (default ${PATH_DEFAULTS.maxPaths}).` },
    json: { type: 'boolean', description: 'Print JSON: {"count", "truncated", "paths": [...]}.' },
  },
  async run(values, io) {
    const from = stringOption(values, 'from');
    const to = stringOption(values, 'to');
    if (from === undefined || to === undefined) throw new UsageError('--from and --to are both required');
    if (from === to) throw new UsageError('--from and --to name the same firm; use `roundtrip cycles --through FIRM` for loops');
    // --from/--to name firms here, so the date range is --since/--until.
    const filter = filterFromOptions({ ...values, from: values.since, to: values.until });
    const maxLength = integerOption(values, 'max-length', PATH_DEFAULTS.maxLength, 1, 64);
    const maxPaths = integerOption(values, 'max-paths', PATH_DEFAULTS.maxPaths, 0);
    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    const all = buildFirmGraph(loaded.data);
    const view = filterFirmGraph(all, filter);
    const result = paths(view, requireFirm(from, 'from', all, view), requireFirm(to, 'to', all, view), { maxLength, maxPaths });
    if (booleanOption(values, 'json')) {
      io.out(JSON.stringify(result, null, 2));
      return EXIT_OK;
    }
    for (const path of result.paths) {
      const bottleneck = path.bottleneckUsd === null ? 'undisclosed' : formatUsd(path.bottleneckUsd);
      io.out(`${path.firms.join(' → ')}  (${path.length} hop${path.length === 1 ? '' : 's'}, bottleneck ${bottleneck})`);
      for (const hop of path.hops) {
        const types = [...new Set(hop.deals.map((id) => view.getEdgeAttribute(id, 'type')))].join(', ');
        io.out(`    ${hop.from} → ${hop.to}: ${formatUsd(hop.amountUsd)} via ${types} [${hop.deals.join(', ')}]`);
      }
    }
    const capped = result.truncated ? ` (stopped at the cap of ${maxPaths}; more exist)` : '';
    io.out(`${result.count} path${result.count === 1 ? '' : 's'} from ${from} to ${to} within ${maxLength} hops${capped}.`);
    return EXIT_OK;
  },
};
