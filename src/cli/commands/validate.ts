import { DATA_OPTION, requireDataSet } from '../data-files.js';
import { EXIT_OK, stringOption, type Command } from '../command.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a data set against the schema and the cross-record rules; list every problem.',
  details: 'Exits 0 and prints a one-line summary when the data is valid, or 1 and prints each problem to stderr.',
  options: { data: DATA_OPTION },
  async run(values, io) {
    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    const { entities, deals } = loaded.data;
    const sources = deals.reduce((n, deal) => n + deal.sources.length, 0);
    io.out(`valid: ${entities.length} entities, ${deals.length} deals, ${sources} sources`);
    return EXIT_OK;
  },
};
