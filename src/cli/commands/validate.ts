import { DATA_OPTION, requireDataSet } from '../data-files.js';
import { formatProblem } from '../../data/problem.js';
import { EXIT_OK, stringOption, type Command } from '../command.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a data set against the schema and the cross-record rules; list every problem.',
  details:
    'Exits 0 and prints a one-line summary when the data is valid (with notes worth knowing, such as a deal whose only sources are copies, on stderr), or 1 and prints each problem to stderr.',
  options: { data: DATA_OPTION },
  async run(values, io) {
    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    for (const note of loaded.notes) io.err(`note: ${formatProblem(note)}`);
    const { entities, deals, asOf } = loaded.data;
    const sources = deals.reduce((n, deal) => n + deal.sources.length, 0);
    const notes = loaded.notes.length === 0 ? '' : `; ${loaded.notes.length} note${loaded.notes.length === 1 ? '' : 's'}`;
    io.out(`valid: ${entities.length} entities, ${deals.length} deals, ${sources} sources${asOf ? `, checked ${asOf}` : ''}${notes}`);
    return EXIT_OK;
  },
};
