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

/** Each malformed data set under test/fixtures/bad-data, with what `validate` must say about it. */
const BAD_DATA_SETS: Record<string, string> = {
  'bad-json': 'malformed JSON at line 1, column 25: expected a property name in double quotes',
  'deep-nesting': 'JSON nested too deeply at line 1, column 110',
  'unknown-firm': 'to: unknown firm "opneai"',
  'negative-amount': 'amountUsd: must not be negative (got -5)',
  'bad-date': 'date: is not a valid date',
  'huge-amount': 'amountUsd: is above $100 trillion',
  'invalid-utf8': 'is not valid UTF-8: byte 0xE9',
  'id-clash': 'id: is also the id of a firm',
  'not-an-object': 'must be a JSON object like {"deals": [...]}',
  empty: 'the file is empty',
};

/** Every command with the options it needs to get as far as reading the data. */
function commandLines(out: string): string[][] {
  return [
    ['validate'],
    ['summary'],
    ['summary', '--json'],
    ['cycles'],
    ['paths', '--from', 'nvidia', '--to', 'openai'],
    ['metrics'],
    ['shock', '--firm', 'nvidia'],
    ['layout', '--out', path.join(out, 'layout.json')],
    ['export', '--format', 'graphml', '--out', path.join(out, 'x.graphml')],
    ['export', '--format', 'csv', '--table', 'loops', '--out', path.join(out, 'loops.csv')],
    ['export', '--format', 'json', '--out', path.join(out, 'json')],
  ];
}

/** The exit code the CLI process would give: an exception escaping runCli is exit 70. */
async function exitCode(args: string[]): Promise<{ code: number; err: string }> {
  try {
    return await cli(...args);
  } catch (error) {
    return { code: 70, err: String(error) };
  }
}

describe('every command on every malformed data set', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'roundtrip-out-'));
  for (const [name, expected] of Object.entries(BAD_DATA_SETS)) {
    it(`${name}: validate says why (exit 1), and no command exits 70`, async () => {
      const data = path.join(root, 'test/fixtures/bad-data', name);
      const validate = await exitCode(['validate', '--data', data]);
      expect(validate.code, validate.err).toBe(1);
      expect(validate.err).toContain(expected);
      for (const args of commandLines(out)) {
        const result = await exitCode([...args, '--data', data]);
        expect([0, 1, 2], `${args.join(' ')}: ${result.err}`).toContain(result.code);
      }
    });
  }
});

describe('the CLI as a pipe', () => {
  it('ends quietly when the reader stops early (`… | head -1`), not with an EPIPE stack trace', async () => {
    const { spawnSync } = await import('node:child_process');
    const cliPath = path.join(root, 'dist/cli.mjs');
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${cliPath}" shock --firm openai --distress 0.5 | head -1 > /dev/null`], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).not.toContain('EPIPE');
    expect(result.status).toBe(0);
  });

  it('ends quietly with exit 0 when the reader of a loop stream stops early', async () => {
    const { spawnSync } = await import('node:child_process');
    const cliPath = path.join(root, 'dist/cli.mjs');
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${cliPath}" cycles --max-length all --max-cycles 100000000 --format ndjson | head -1`], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout) as object)).toContain('hops');
  });
});

describe('cycles with a cap above 1,000,000', () => {
  it('streams the loops unsorted as found, the same loops as a sorted run, and refuses --sort', async () => {
    const sorted = JSON.parse((await cli('cycles', '--json')).out) as { count: number; cycles: Array<{ id: string }> };
    const streamed = JSON.parse((await cli('cycles', '--max-cycles', '2000000', '--json')).out) as { count: number; truncated: boolean; cycles: Array<{ id: string }> };
    expect(streamed.count).toBe(sorted.count);
    expect(streamed.truncated).toBe(false);
    expect(streamed.cycles.map((c) => c.id).sort()).toEqual(sorted.cycles.map((c) => c.id).sort());
    const refused = await cli('cycles', '--max-cycles', '1000000000000', '--sort', 'total');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--sort needs --max-cycles of at most 1,000,000');
  });

  it('keeps memory bounded on a graph with billions of loops: the output can be cut off at any point', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(path.join(tmpdir(), 'roundtrip-k14-'));
    const firms = Array.from({ length: 14 }, (_, i) => `f${i}`);
    writeFileSync(path.join(dir, 'entities.json'), JSON.stringify({ entities: firms.map((id) => ({ id, name: id, kind: 'other' })) }));
    const deals = firms.flatMap((a) => firms.filter((b) => b !== a).map((b) => ({ id: `${a}-${b}`, from: a, to: b, type: 'loan', amountUsd: 1, amountBasis: 'committed', date: '2026', status: 'reported', title: 'T', sources: [{ url: 'https://example.com', title: 'S' }] })));
    writeFileSync(path.join(dir, 'deals.json'), JSON.stringify({ deals }));
    const cliPath = path.join(root, 'dist/cli.mjs');
    // 20,000 lines of a search that would list billions of loops: a run that kept them would not end.
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" --max-old-space-size=256 "${cliPath}" cycles --data "${dir}" --max-length all --max-cycles 1000000000000 | head -20000 | tail -1`], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^f0 → .+\t\d+\t/);
  });
});
