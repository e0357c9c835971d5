import { formatUsd } from '../../data/money.js';
import { buildFirmGraph } from '../../model/graph.js';
import { summarizeFirmGraph, type AmountTally } from '../../model/summary.js';
import { booleanOption, EXIT_OK, stringOption, type Command } from '../command.js';
import { DATA_OPTION, requireDataSet } from '../data-files.js';
import { formatTable } from '../table.js';

function tallyRows(tallies: Record<string, AmountTally>): string[][] {
  return Object.entries(tallies)
    .filter(([, t]) => t.deals > 0)
    .map(([name, t]) => [name, String(t.deals), t.deals > t.undisclosed ? formatUsd(t.knownUsd) : '–', String(t.undisclosed)]);
}

export const summaryCommand: Command = {
  name: 'summary',
  summary: 'Print the firms, the deals by type and status, and the total of known amounts.',
  details: 'Known amounts mix bases (committed, up-to, estimated); undisclosed amounts are counted, never guessed.',
  options: {
    data: DATA_OPTION,
    json: { type: 'boolean', description: 'Print JSON instead of text.' },
  },
  async run(values, io) {
    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    const summary = summarizeFirmGraph(buildFirmGraph(loaded.data));
    if (booleanOption(values, 'json')) {
      io.out(JSON.stringify(summary, null, 2));
      return EXIT_OK;
    }
    const kinds = Object.entries(summary.firmsByKind)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ');
    io.out(`${summary.firms} firms: ${kinds}`);
    io.out('');
    const header = ['', 'deals', 'known amount', 'undisclosed'];
    const align = ['left', 'right', 'right', 'right'] as const;
    for (const line of formatTable(['type', ...header.slice(1)], tallyRows(summary.dealsByType), align)) io.out(line);
    io.out('');
    for (const line of formatTable(['status', ...header.slice(1)], tallyRows(summary.dealsByStatus), align)) io.out(line);
    io.out('');
    const t = summary.total;
    const superseded = t.superseded > 0 ? `; ${t.superseded} superseded by later deals (amounts not counted)` : '';
    io.out(`${t.deals} deals; known amounts total ${formatUsd(t.knownUsd)}; ${t.undisclosed} undisclosed${superseded}.`);
    return EXIT_OK;
  },
};
