import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problem.js';
import { decodeUtf8, invalidUtf8Offset } from '../../src/data/utf8.js';

describe('decodeUtf8', () => {
  it('decodeUtf8(valid bytes) gives the text, keeping a byte-order mark for the readers', () => {
    expect(decodeUtf8(new TextEncoder().encode('\uFEFFCafé 😀'), 'a.csv')).toEqual({ ok: true, text: '\uFEFFCafé 😀' });
  });

  it('decodeUtf8(Latin-1 bytes) names the first bad byte and its offset instead of inventing U+FFFD', () => {
    const result = decodeUtf8(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c]), 'a.csv');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatProblem(result.problem)).toBe('a.csv: is not valid UTF-8: byte 0xE9 at byte offset 3; save the file as UTF-8');
  });

  it('invalidUtf8Offset finds overlong forms, surrogates and cut sequences', () => {
    expect(invalidUtf8Offset(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(invalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(invalidUtf8Offset(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(1);
    expect(invalidUtf8Offset(new TextEncoder().encode('ok €'))).toBe(-1);
  });
});
