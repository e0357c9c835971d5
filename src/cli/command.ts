/**
 * The shape of a CLI command. Each command parses its own options, so `--help` works per command and
 * later commands slot in by adding one module to the registry.
 */

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
  /** Resolves once what was written has gone out (a slow or closed reader holds a long stream back). */
  drain?(): Promise<void>;
  /** Writes UTF-8 bytes as they are, whole lines each ending in a line break; without it, lines go through `out`. */
  outBytes?(bytes: Uint8Array): void;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Placeholder shown in help, e.g. `DIR`. */
  value?: string;
  description: string;
}

export interface Command {
  name: string;
  summary: string;
  /** Extra help text after the option list. */
  details?: string;
  options: Record<string, OptionSpec>;
  run(values: OptionValues, io: CliIo): Promise<number>;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** The value of a string option (the last one when repeated). */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (Array.isArray(value)) {
    const last = value[value.length - 1];
    return typeof last === 'string' ? last : undefined;
  }
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable string option. */
export function stringOptions(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function booleanOption(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/** Wrong usage: bad option, unknown firm, bad value. Exit code 2, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_INVALID_DATA = 1;
export const EXIT_USAGE = 2;

export function commandHelp(command: Command): string {
  const lines = [`Usage: roundtrip ${command.name} [options]`, '', command.summary, '', 'Options:'];
  const entries = Object.entries({ ...command.options, help: { type: 'boolean', short: 'h', description: 'Show this help.' } as OptionSpec });
  const labels = entries.map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    return `${short}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
  });
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  entries.forEach(([, spec], i) => lines.push(`  ${(labels[i] ?? '').padEnd(width)}${spec.description}`));
  if (command.details) lines.push('', command.details);
  return lines.join('\n');
}

/** A command as the registry knows it before loading it: enough for the main help. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}
