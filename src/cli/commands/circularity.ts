import { CIRCULARITY_METHODS, circularity } from '../../analysis/circularity.js';
import { formatUsd } from '../../data/money.js';
import { buildFirmView } from '../../model/filter.js';
import { booleanOption, EXIT_OK, stringOption, UsageError, type Command } from '../command.js';
import { DATA_OPTION, requireDataSet } from '../data-files.js';
import { formatTable } from '../table.js';
import { FILTER_OPTIONS, filterFromOptions } from '../view-options.js';

const percent = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

export const circularityCommand: Command = {
  name: 'circularity',
  summary: 'How much of the money goes round: the circular part of the known money, overall, per firm and per deal.',
  details: [
    'The known money of the filtered view is split into a circular part (at every firm, what comes in on it',
    'equals what goes out on it) and an acyclic part, taking the largest circular part there is (method max:',
    'Homs-Dones, MacKay, Sansom and Zhou 2025, arXiv:2506.12546). The index is circular money / all money.',
    'A firm\'s share is the circular part of its inflow. Undisclosed amounts carry nothing (a lower bound).',
  ].join('\n'),
  options: {
    data: DATA_OPTION,
    ...FILTER_OPTIONS,
    method: { type: 'string', value: 'METHOD', description: `Decomposition: ${CIRCULARITY_METHODS.join(', ')} (default max).` },
    json: { type: 'boolean', description: 'Print JSON: {"method", "index", "circularUsd", "totalUsd", "firms", "deals"}.' },
  },
  async run(values, io) {
    const filter = filterFromOptions(values);
    const method = stringOption(values, 'method') ?? 'max';
    if (method === 'bff') {
      throw new UsageError('--method: bff (Balanced Flow Forwarding) is not offered: without a proof against the published definition its figures could not be quoted; use max');
    }
    if (!(CIRCULARITY_METHODS as readonly string[]).includes(method)) {
      throw new UsageError(`--method: unknown method ${JSON.stringify(method)}; expected ${CIRCULARITY_METHODS.join(', ')}`);
    }
    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    const result = circularity(buildFirmView(loaded.data, filter, { shareRecords: true }));
    if (booleanOption(values, 'json')) {
      io.out(
        JSON.stringify({
          method: result.method,
          index: result.index,
          circularUsd: result.circularUsd,
          totalUsd: result.totalUsd,
          firms: result.firms.map((f) => ({ id: f.id, inUsd: f.inUsd, outUsd: f.outUsd, circularUsd: f.circularUsd, share: f.share, outShare: f.outShare })),
          deals: result.deals.map((d) => ({ id: d.id, amountUsd: d.amountUsd, circularUsd: d.circularUsd })),
        }),
      );
      return EXIT_OK;
    }
    const firms = [...result.firms].filter((f) => f.circularUsd > 0).sort((a, b) => b.circularUsd - a.circularUsd || (a.id < b.id ? -1 : 1));
    const rows = firms.map((f) => [f.id, formatUsd(f.inUsd), formatUsd(f.outUsd), formatUsd(f.circularUsd), percent(f.share), percent(f.outShare)]);
    for (const line of formatTable(['firm', 'in $', 'out $', 'circular $', 'of inflow', 'of outflow'], rows, ['left', 'right', 'right', 'right', 'right', 'right'])) io.out(line);
    io.out(
      result.index === null
        ? 'No known money in this view.'
        : `${percent(result.index)} of the known money goes round: ${formatUsd(result.circularUsd)} of ${formatUsd(result.totalUsd)} (method ${result.method}; undisclosed amounts carry nothing).`,
    );
    return EXIT_OK;
  },
};
