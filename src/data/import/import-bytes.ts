/**
 * An import from the files' bytes: each is decoded as UTF-8 (refused, with the offset of the first
 * bad byte, when it is not), then read and checked. The import worker runs it, so decoding a large
 * file does not hold the page either.
 */
import type { Problem } from '../problem.js';
import { decodeUtf8 } from '../utf8.js';
import { importDataSet, type ImportOptions, type ImportProgress, type ImportResult } from './import-files.js';

export interface ImportBytes {
  name: string;
  bytes: ArrayBuffer;
}

export function importFromBytes(files: readonly ImportBytes[], options: ImportOptions = {}, onProgress?: (progress: ImportProgress) => void): ImportResult {
  const texts: Array<{ name: string; text: string }> = [];
  const problems: Problem[] = [];
  for (const file of files) {
    onProgress?.({ stage: 'reading', file: file.name });
    const decoded = decodeUtf8(new Uint8Array(file.bytes), file.name);
    if (decoded.ok) texts.push({ name: file.name, text: decoded.text });
    else problems.push(decoded.problem);
  }
  if (problems.length > 0) return { ok: false, problems, warnings: [] };
  return importDataSet(texts, options, onProgress);
}
