/**
 * The command-line front end: `roundtrip <command> [options]`. Pure of process state so tests can
 * call it directly; src/cli/main.ts binds it to the real process.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { commandHelp, EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command, type CommandEntry } from './command.js';

/**
 * The commands, each with what the main help shows; a command's module (its options, its work and
 * what that imports) is loaded only when the command runs, so `roundtrip cycles` never evaluates
 * the layout's Cytoscape or the exporters. test/cli/cli.test.ts checks each summary against its module.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'validate', summary: 'Check a data set against the schema and the cross-record rules; list every problem.', load: async () => (await import('./commands/validate.js')).validateCommand },
  { name: 'summary', summary: 'Print the firms, the deals by type and status, and the total of known amounts.', load: async () => (await import('./commands/summary.js')).summaryCommand },
  { name: 'diff', summary: 'What changed between two data sets: deals, firms, loops and the circularity index.', load: async () => (await import('./commands/diff.js')).diffCommand },
  { name: 'cycles', summary: 'List the money loops (elementary circuits) of the filtered deal network.', load: async () => (await import('./commands/cycles.js')).cyclesCommand },
  { name: 'paths', summary: 'Trace the money from one firm to another: every simple path, hop by hop with its deals.', load: async () => (await import('./commands/paths.js')).pathsCommand },
  { name: 'metrics', summary: 'Print who is central: PageRank, betweenness, HITS, degree, strength, circularity, loops per firm.', load: async () => (await import('./commands/metrics.js')).metricsCommand },
  { name: 'circularity', summary: 'How much of the money goes round: the circular part of the known money, overall, per firm and per deal.', load: async () => (await import('./commands/circularity.js')).circularityCommand },
  { name: 'shock', summary: 'Play out a failure: DebtRank contagion from one or more distressed firms.', load: async () => (await import('./commands/shock.js')).shockCommand },
  { name: 'layout', summary: 'Compute the seeded layout of a data set ahead of time, for the app to open without waiting.', load: async () => (await import('./commands/layout.js')).layoutCommand },
  { name: 'export', summary: 'Write the filtered deal network as GraphML, GEXF, the data/ JSON files, a CSV table or a Neo4j import.', load: async () => (await import('./commands/export.js')).exportCommand },
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Usage: roundtrip <command> [options]',
    '',
    'Roundtrip maps circular financing: money that leaves a firm and comes back to it through other firms.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `roundtrip <command> --help` for the options of a command.',
  ].join('\n');
}

function parseOptions(command: Command, args: readonly string[]): ReturnType<typeof parseArgs> {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(command.options)) {
    options[name] = { type: spec.type, ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}) };
  }
  // parseArgs takes `--max-cycles -1` for two options and calls the value ambiguous; a value that
  // reads as a negative number is kept with its option, so the option's own check can say what is wrong.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name !== null && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  try {
    return parseArgs({ args: joined, options, strict: true, allowPositionals: false });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${message ?? 'bad options'}\nRun \`roundtrip ${command.name} --help\` for the options.`);
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(`roundtrip: unknown command ${JSON.stringify(name)}. Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  try {
    const { values } = parseOptions(command, rest);
    if (values.help) {
      io.out(commandHelp(command));
      return EXIT_OK;
    }
    return await command.run(values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`roundtrip ${command.name}: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
