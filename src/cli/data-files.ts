/**
 * Reading a data set from disk for the CLI: a folder holding entities.json and deals.json.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../data/import/limits.js';
import { loadDataSetFromText } from '../data/load.js';
import { formatProblem, type Problem } from '../data/problem.js';
import { decodeUtf8 } from '../data/utf8.js';
import type { DataSet } from '../data/types.js';
import type { ValidationResult } from '../data/validate.js';

/** Files larger than this are refused before reading, with a clear message (the app's limit too). */
export const MAX_DATA_FILE_BYTES = MAX_IMPORT_BYTES;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/**
 * Reads at most MAX_DATA_FILE_BYTES + 1 bytes, whatever the file claims to be (a device such as
 * /dev/zero has no size), and decodes them as UTF-8, refusing invalid bytes. The buffer starts at
 * the size the file states (plus the byte that shows it grew) and grows only when there is more.
 * Synchronous calls: a command reads its files before anything else, and each asynchronous call
 * would wait a turn of the thread pool.
 */
async function readTextFile(file: string, shownAs: string): Promise<{ text: string } | { problem: string }> {
  const tooLarge = (size: string) => ({ problem: `${shownAs}: the file is too large (${size}; the limit is ${mb(MAX_DATA_FILE_BYTES)})` });
  try {
    const info = statSync(file);
    if (info.isDirectory()) return { problem: `${shownAs}: is a folder, expected a JSON file` };
    if (info.size > MAX_DATA_FILE_BYTES) return tooLarge(mb(info.size));
    const limit = MAX_DATA_FILE_BYTES + 1;
    let buffer = Buffer.allocUnsafe(info.size > 0 ? info.size + 1 : Math.min(limit, 1 << 16));
    let length = 0;
    const handle = openSync(file, 'r');
    try {
      for (;;) {
        if (length === buffer.length) {
          if (buffer.length === limit) break;
          const larger = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
          buffer.copy(larger, 0, 0, length);
          buffer = larger;
        }
        const bytesRead = readSync(handle, buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
    } finally {
      closeSync(handle);
    }
    if (length > MAX_DATA_FILE_BYTES) return tooLarge(`more than ${mb(MAX_DATA_FILE_BYTES)}`);
    const bytes = buffer.subarray(0, length);
    // Node checks UTF-8 natively (simdutf), faster than a fatal TextDecoder; decodeUtf8 words the problem.
    if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
    const decoded = decodeUtf8(bytes, shownAs);
    return decoded.ok ? { text: decoded.text } : { problem: formatProblem(decoded.problem) };
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

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** The standard `--data` option every data command takes. */
export const DATA_OPTION = {
  type: 'string',
  value: 'PATH',
  description: 'A folder holding entities.json and deals.json (default: data/), or the files themselves, comma-separated: deals.json,entities.json or deals.csv[,entities.csv].',
} as const;

/** Reads the named files and imports them like the app does (JSON or CSV, validated the same way). */
async function loadDataFiles(paths: string[], cwd: string): Promise<DataDirResult & { warnings?: string[] }> {
  const reads = await Promise.all(paths.map((p) => readTextFile(path.resolve(cwd, p), p)));
  const unreadable = reads.flatMap((r) => ('problem' in r ? [r.problem] : []));
  if (unreadable.length > 0) return { ok: false, unreadable };
  const files = reads.map((r, i) => ({ name: paths[i] as string, text: 'text' in r ? r.text : '' }));
  // The importer (CSV reading included) is loaded only for named files, not for a data folder.
  const { importDataSet } = await import('../data/import/import-files.js');
  const result = importDataSet(files);
  return result.ok ? { ok: true, data: result.data, notes: [], warnings: result.warnings } : { ok: false, problems: result.problems, warnings: result.warnings };
}

/**
 * Loads the data set for a command, or prints every problem to stderr and returns the exit code
 * (1: the data is invalid).
 */
export async function requireDataSet(
  data: string | undefined,
  io: { err(line: string): void; cwd: string },
): Promise<{ data: DataSet; notes: Problem[] } | { exitCode: number }> {
  const paths = (data ?? 'data').split(',').map((p) => p.trim()).filter((p) => p !== '');
  const single = paths.length === 1 ? statOrNull(path.resolve(io.cwd, paths[0] as string)) : null;
  const result: DataDirResult & { warnings?: string[] } =
    paths.length === 1 && (single === null || single.isDirectory()) ? await loadDataDir(paths[0] as string, io.cwd) : await loadDataFiles(paths, io.cwd);
  for (const warning of result.warnings ?? []) io.err(`warning: ${warning}`);
  if (result.ok) return { data: result.data, notes: result.notes };
  if ('unreadable' in result) {
    for (const line of result.unreadable) io.err(line);
    return { exitCode: 1 };
  }
  for (const problem of result.problems) io.err(formatProblem(problem));
  io.err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found.`);
  return { exitCode: 1 };
}
