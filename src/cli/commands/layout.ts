import { access, constants, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { layoutKey, layoutRequestFor, type PrecomputedLayout } from '../../layout/layout.js';
import { runLayout } from '../../layout/run-layout.js';
import { EXIT_OK, stringOption, UsageError, type Command } from '../command.js';
import { DATA_OPTION, requireDataSet } from '../data-files.js';
import { writeFailure } from '../write-failure.js';

/** Refuses an --out that cannot be written before any work is done (the layout can take minutes). */
async function checkWritable(file: string, shownAs: string): Promise<void> {
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) throw new UsageError(`--out: ${shownAs} is a folder; give a file name`);
  try {
    await access(existing ? file : path.dirname(file), constants.W_OK);
  } catch (error) {
    throw new UsageError(`--out: cannot write ${shownAs}: ${writeFailure(error)}`);
  }
}

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
    const target = path.resolve(io.cwd, out);
    await checkWritable(target, out);
    const loaded = await requireDataSet(stringOption(values, 'data'), io);
    if ('exitCode' in loaded) return loaded.exitCode;
    const request = layoutRequestFor(loaded.data);
    const layout: PrecomputedLayout = { key: layoutKey(request), positions: await runLayout(request) };
    try {
      await writeFile(target, `${JSON.stringify(layout)}\n`);
    } catch (error) {
      throw new UsageError(`--out: cannot write ${out}: ${writeFailure(error)}`);
    }
    io.out(`layout of ${request.nodes.length} firms and ${request.edges.length} deals written to ${out}`);
    return EXIT_OK;
  },
};
