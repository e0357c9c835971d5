/**
 * Reading a data set from disk for the CLI: a folder holding entities.json and deals.json.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadDataSetFromText } from '../data/load.js';
import { formatProblem } from '../data/problem.js';
import type { DataSet } from '../data/types.js';
import type { ValidationResult } from '../data/validate.js';

/** Files larger than this are refused before reading, with a clear message. */
export const MAX_DATA_FILE_BYTES = 50 * 1024 * 1024;

async function readTextFile(file: string, shownAs: string): Promise<{ text: string } | { problem: string }> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { problem: `${shownAs}: is a folder, expected a JSON file` };
    if (info.size > MAX_DATA_FILE_BYTES) {
      return { problem: `${shownAs}: file is too large (${info.size} bytes; at most ${MAX_DATA_FILE_BYTES})` };
    }
    return { text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: `${shownAs}: file not found` };
    if (code === 'EACCES') return { problem: `${shownAs}: permission denied` };
    return { problem: `${shownAs}: cannot be read (${code ?? String(error)})` };
  }
}

export type DataDirResult = ValidationResult | { ok: false; unreadable: string[] };

/** Loads `<dir>/entities.json` and `<dir>/deals.json`; names files as the user typed the folder. */
export async function loadDataDir(dir: string, cwd: string): Promise<DataDirResult> {
  const absolute = path.resolve(cwd, dir);
  const names = { entities: path.join(dir, 'entities.json'), deals: path.join(dir, 'deals.json') };
  const [entities, deals] = await Promise.all([
    readTextFile(path.join(absolute, 'entities.json'), names.entities),
    readTextFile(path.join(absolute, 'deals.json'), names.deals),
  ]);
  const unreadable = [entities, deals].flatMap((r) => ('problem' in r ? [r.problem] : []));
  if (unreadable.length > 0 || !('text' in entities) || !('text' in deals)) return { ok: false, unreadable };
  return loadDataSetFromText({ name: names.entities, text: entities.text }, { name: names.deals, text: deals.text });
}

/** The standard `--data` option every data command takes. */
export const DATA_OPTION = {
  type: 'string',
  value: 'DIR',
  description: 'Folder holding entities.json and deals.json (default: data/).',
} as const;

/**
 * Loads the data set for a command, or prints every problem to stderr and returns the exit code
 * (1: the data is invalid).
 */
export async function requireDataSet(
  dir: string | undefined,
  io: { err(line: string): void; cwd: string },
): Promise<{ data: DataSet } | { exitCode: number }> {
  const result = await loadDataDir(dir ?? 'data', io.cwd);
  if (result.ok) return { data: result.data };
  if ('unreadable' in result) {
    for (const line of result.unreadable) io.err(line);
    return { exitCode: 1 };
  }
  for (const problem of result.problems) io.err(formatProblem(problem));
  io.err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found.`);
  return { exitCode: 1 };
}
