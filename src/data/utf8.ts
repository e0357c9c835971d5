/**
 * Decoding file bytes as UTF-8, refusing invalid bytes instead of turning them into U+FFFD, and
 * saying where the first bad byte is. Runs the same in Node and in the browser.
 */
import type { Problem } from './problem.js';

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: Problem };

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The text of `bytes` (a byte-order mark is kept for the readers to skip), or where it is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, file: string): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = Math.max(0, invalidUtf8Offset(bytes));
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      problem: { file, record: null, recordId: null, field: null, message: `is not valid UTF-8: byte 0x${byte} at byte offset ${offset}; save the file as UTF-8` },
    };
  }
}
