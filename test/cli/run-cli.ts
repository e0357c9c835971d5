/** Runs the CLI in-process from the project root and collects what it prints. */
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';

export const root = path.resolve(import.meta.dirname, '../..');

export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: root });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
