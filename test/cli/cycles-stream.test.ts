import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { iterateLoops } from '../../src/analysis/loops.js';
import { loopJson } from '../../src/cli/loop-json.js';
import { runCli } from '../../src/cli/run.js';
import { filterFromOptions } from '../../src/cli/view-options.js';
import { buildFirmView } from '../../src/model/filter.js';
import { randomDataSet } from '../fixtures/random-data.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roundtrip-cycles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI's output, written as bytes (as the real process writes it) or as lines. */
async function run(args: string[], bytes: boolean): Promise<{ code: number; out: string }> {
  const chunks: Buffer[] = [];
  const lines: string[] = [];
  const code = await runCli(args, {
    out: (line) => void lines.push(`${line}\n`),
    err: () => undefined,
    cwd: dir,
    ...(bytes ? { outBytes: (b: Uint8Array) => void chunks.push(Buffer.from(b)) } : {}),
  });
  return { code, out: bytes ? Buffer.concat(chunks).toString('utf8') : lines.join('') };
}

describe('cycles --format ndjson, streamed from the deal network', () => {
  it("prints the firm view's loops, one JSON object a line, as bytes and as lines alike", async () => {
    await fc.assert(
      fc.asyncProperty(randomDataSet, fc.constantFrom('2', '4', 'all'), fc.boolean(), async (data, bound, inOrder) => {
        writeFileSync(path.join(dir, 'entities.json'), JSON.stringify({ entities: data.entities }));
        writeFileSync(path.join(dir, 'deals.json'), JSON.stringify({ deals: data.deals }));
        const args = ['cycles', '--data', '.', '--max-length', bound, '--max-cycles', '100000000', '--format', 'ndjson', ...(inOrder ? ['--in-order'] : [])];
        // The old path: the firm view of the same filter, each loop through JSON.stringify.
        const view = buildFirmView(data, filterFromOptions({}), { shareRecords: true });
        const search = { maxLength: bound === 'all' ? Number.POSITIVE_INFINITY : Number(bound), inOrderOnly: inOrder };
        const expected = [...iterateLoops(view, search)].map((loop) => `${JSON.stringify(loopJson(loop, (id) => (view.hasEdge(id) ? view.getEdgeAttributes(id) : undefined)))}\n`).join('');
        const asBytes = await run(args, true);
        const asLines = await run(args, false);
        expect(asBytes).toEqual({ code: 0, out: expected });
        expect(asLines).toEqual({ code: 0, out: expected });
      }),
      { numRuns: 80 },
    );
  });
});
