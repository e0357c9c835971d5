/**
 * A short fingerprint of a data set, so a link can say which data it was made with.
 */
import type { DataSet } from './types.js';

/** FNV-1a, 32 bits, of a text, as 8 hex digits. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** `29f46d-1a2b3c4d`: counts and a hash of every record, independent of file formatting. */
export function dataSetFingerprint(data: DataSet): string {
  return `${data.entities.length.toString(36)}f${data.deals.length.toString(36)}d-${hashText(JSON.stringify([data.entities, data.deals]))}`;
}
