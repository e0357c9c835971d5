/**
 * The command-line front end: `roundtrip <command> [options]`. Pure of process state so tests can
 * call it directly; src/cli/main.ts binds it to the real process.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { commandHelp, EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command } from './command.js';
import { circularityCommand } from './commands/circularity.js';
import { cyclesCommand } from './commands/cycles.js';
import { diffCommand } from './commands/diff.js';
import { exportCommand } from './commands/export.js';
import { layoutCommand } from './commands/layout.js';
import { metricsCommand } from './commands/metrics.js';
import { pathsCommand } from './commands/paths.js';
import { shockCommand } from './commands/shock.js';
import { summaryCommand } from './commands/summary.js';
import { validateCommand } from './commands/validate.js';

export const COMMANDS: readonly Command[] = [validateCommand, summaryCommand, diffCommand, cyclesCommand, pathsCommand, metricsCommand, circularityCommand, shockCommand, layoutCommand, exportCommand];

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
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`roundtrip: unknown command ${JSON.stringify(name)}. Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    return EXIT_USAGE;
  }
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
