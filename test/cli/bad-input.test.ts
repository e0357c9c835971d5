/**
 * The CLI on bad input: every command on every malformed data set ends with exit 0, 1 or 2 and a
 * reason, never 70 (an internal error); wrong options say what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

describe('CLI options', () => {
  it('cycles --max-cycles -1 says a whole number is expected (not "argument is ambiguous")', async () => {
    const result = await cli('cycles', '--max-cycles', '-1');
    expect(result.code).toBe(2);
    expect(result.err).toBe('roundtrip cycles: --max-cycles: "-1" is not a whole number ≥ 0');
  });

  it('layout --out into a missing folder stops at once with exit 2 and the reason, before laying out', async () => {
    const result = await cli('layout', '--out', '/nonexistent/x.json');
    expect(result.code).toBe(2);
    expect(result.err).toBe('roundtrip layout: --out: cannot write /nonexistent/x.json: its folder does not exist');
    expect(result.out).toBe('');
  });
});
