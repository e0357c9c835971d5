import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { layoutKey, layoutRequestFor, type PrecomputedLayout } from '../../layout/layout.js';
import { runLayout } from '../../layout/run-layout.js';
import { EXIT_OK, stringOption, UsageError, type Command } from '../command.js';
import { DATA_OPTION, requireDataSet } from '../data-files.js';

export const layoutCommand: Command = {
  name: 'layout',
  summary: 'Compute the seeded layout of a data set ahead of time, for the app to open without waiting.',
  details: 'The app uses the file when it sits next to the data (data/layout.json) and matches it; otherwise it lays the graph out itself, with the same result.',
  options: {
    data: DATA_OPTION,
    out: { type: 'string', value: 'FILE', description: 'Where to write the positions (JSON); required.' },
  },
  async run(values, io) {
    const out = stringOption(values, 'out');
    if (out === undefined) throw new UsageError('--out FILE is required');
    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    const request = layoutRequestFor(loaded.data);
    const layout: PrecomputedLayout = { key: layoutKey(request), positions: await runLayout(request) };
    await writeFile(path.resolve(io.cwd, out), `${JSON.stringify(layout)}\n`);
    io.out(`layout of ${request.nodes.length} firms and ${request.edges.length} deals written to ${out}`);
    return EXIT_OK;
  },
};
