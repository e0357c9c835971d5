/**
 * The CLI on bad input: every command on every malformed data set ends with exit 0, 1 or 2 and a
 * reason, never 70 (an internal error); wrong options say what is wrong.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root } from './run-cli.js';

const HEADER = 'id,from,to,type,amountUsd,amountBasis,date,title,sourceUrl,sourceTitle,status';
const entitiesJson = path.join(root, 'data/entities.json');

function tempFile(name: string, content: string | Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'roundtrip-')), name);
  writeFileSync(file, content);
  return file;
}

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

describe('CLI reading files', () => {
  it('--data /dev/zero stops after the size limit instead of reading on (exit 1, too large)', async () => {
    const result = await cli('validate', '--data', `/dev/zero,${entitiesJson}`);
    expect(result.code).toBe(1);
    expect(result.err).toContain('/dev/zero: the file is too large (more than 50.0 MB; the limit is 50.0 MB)');
  });

  it('refuses a file that is not UTF-8, naming the byte offset', async () => {
    const text = Buffer.from(`${HEADER}\nd1,nvidia,openai,investment,1B,committed,2026-02,Caf`);
    const deals = tempFile('deals.csv', Buffer.concat([text, Buffer.from([0xe9]), Buffer.from(',https://example.com/a,A,reported\n')]));
    const result = await cli('validate', '--data', `${deals},${entitiesJson}`);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${deals}: is not valid UTF-8: byte 0xE9 at byte offset ${text.length}; save the file as UTF-8`);
  });

  it('refuses a CSV whose header repeats a column, naming it', async () => {
    const deals = tempFile('deals.csv', `${HEADER},amountusd\nd1,nvidia,openai,investment,1B,committed,2026-02,T,https://example.com/a,A,reported,2B\n`);
    const result = await cli('validate', '--data', `${deals},${entitiesJson}`);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${deals}: the column "amountusd" appears twice in the header (columns 5 and 12); keep one`);
  });
});
