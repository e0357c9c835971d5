import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hop, MoneyLoop, OrderedHop } from '../../src/analysis/loops.js';
import { ByteLines } from '../../src/cli/byte-lines.js';
import { LoopJsonWriter, LoopWriter, loopJson, type DealOf } from '../../src/cli/loop-json.js';

/** Text with what JSON escapes: quotes, backslashes, control characters, lone surrogates, emoji. */
const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('', '"', '\\', '\n', '\u0000', '\u2028', '\ud800', '\udfff', '😀', 'a>b', '</script>'),
);
const amount = fc.oneof(fc.constant(null), fc.constantFrom(0, -0, 1e21, 1.5e-7, Number.MAX_SAFE_INTEGER, 0.1 + 0.2), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());

/** A pool of firms, deals (whose parties may differ from the hop's, as when firms are folded), hops and lists; loops drawn from it share them as a search's do. */
const world = fc
  .record({
    firms: fc.uniqueArray(text, { minLength: 2, maxLength: 6 }),
    dealIds: fc.uniqueArray(text, { minLength: 1, maxLength: 8 }),
    typeLists: fc.array(fc.array(fc.constantFrom('investment', 'purchase', 'loan', 'x"y'), { maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  })
  .chain(({ firms, dealIds, typeLists }) =>
    fc.record({
      firms: fc.constant(firms),
      typeLists: fc.constant(typeLists.map((list) => Object.freeze(list))),
      parties: fc.array(fc.option(fc.record({ from: fc.constantFrom(...firms), to: fc.constantFrom(...firms) }), { nil: undefined }), { minLength: dealIds.length, maxLength: dealIds.length }),
      dealIds: fc.constant(dealIds),
      hops: fc.array(
        fc.record({ from: fc.constantFrom(...firms), to: fc.constantFrom(...firms), deals: fc.subarray(dealIds), amountUsd: amount }).map((hop): Hop => Object.freeze({ ...hop, deals: Object.freeze(hop.deals) })),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  );

type World = { firms: string[]; typeLists: readonly (readonly string[])[]; parties: ({ from: string; to: string } | undefined)[]; dealIds: string[]; hops: Hop[] };

function loopsOf(w: World): fc.Arbitrary<MoneyLoop[]> {
  const ordered = fc.record({ from: fc.constantFrom(...w.firms), to: fc.constantFrom(...w.firms), deal: fc.constantFrom(...w.dealIds), start: text });
  const loop = fc
    .record({
      id: text,
      firms: fc.array(fc.constantFrom(...w.firms), { maxLength: 5 }),
      hops: fc.array(fc.constantFrom(...w.hops), { maxLength: 5 }),
      length: fc.nat(20),
      types: fc.constantFrom(...w.typeLists),
      bottleneckUsd: amount,
      totalUsd: fc.double({ noNaN: true }),
      firstDate: text,
      lastDate: text,
      disclosed: fc.boolean(),
      closesThrough: fc.constantFrom(...w.typeLists),
      inOrder: fc.boolean(),
      orderedHops: fc.option(fc.array(ordered, { maxLength: 4 }) as fc.Arbitrary<OrderedHop[]>, { nil: null }),
    })
    .map((l) => l as unknown as MoneyLoop);
  return fc.array(loop, { minLength: 1, maxLength: 12 });
}

describe('LoopJsonWriter', () => {
  it('write(loop) is JSON.stringify(loopJson(loop)), byte for byte, across loops sharing hops and lists', () => {
    fc.assert(
      fc.property(
        world.chain((w) => fc.tuple(fc.constant(w), loopsOf(w))),
        ([w, loops]) => {
          const byId = new Map(w.dealIds.map((id, i) => [id, w.parties[i]]));
          const dealOf: DealOf = (id) => byId.get(id);
          const writer = new LoopJsonWriter(dealOf);
          // Twice each: the second time every hop and list comes from the writer's memory.
          for (const loop of [...loops, ...loops]) expect(writer.write(loop)).toBe(JSON.stringify(loopJson(loop, dealOf)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('LoopWriter over bytes into ByteLines gives the UTF-8 bytes of the same lines, in batches of whole lines', () => {
    fc.assert(
      fc.property(
        world.chain((w) => fc.tuple(fc.constant(w), loopsOf(w))),
        fc.integer({ min: 1, max: 400 }),
        ([w, loops], batchBytes) => {
          const byId = new Map(w.dealIds.map((id, i) => [id, w.parties[i]]));
          const dealOf: DealOf = (id) => byId.get(id);
          const writer = new LoopWriter<Uint8Array>(dealOf, (text) => Buffer.from(text, 'utf8'));
          const batches: Buffer[] = [];
          // Small batches: lines longer than a batch make the buffer grow.
          const lines = new ByteLines((bytes) => batches.push(bytes), batchBytes);
          for (const loop of [...loops, ...loops]) {
            writer.writeTo(loop, lines);
            lines.endLine();
            if (lines.size >= batchBytes) lines.flush();
          }
          lines.flush();
          const expected = [...loops, ...loops].map((loop) => `${JSON.stringify(loopJson(loop, dealOf))}\n`).join('');
          expect(Buffer.concat(batches).equals(Buffer.from(expected, 'utf8'))).toBe(true);
          for (const batch of batches) expect(batch[batch.length - 1]).toBe(10);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('writes a loop with folded firms and a date order as the README shows', () => {
    const hop = (from: string, to: string, deals: string[]): Hop => Object.freeze({ from, to, deals: Object.freeze(deals), amountUsd: 5 });
    const loop = {
      id: 'a>b',
      firms: ['a', 'b'],
      hops: [hop('a', 'b', ['d1']), hop('b', 'a', ['d2'])],
      length: 2,
      types: Object.freeze(['investment']),
      bottleneckUsd: null,
      totalUsd: 10,
      firstDate: '2025',
      lastDate: '2026-01',
      disclosed: false,
      closesThrough: Object.freeze([]),
      inOrder: true,
      orderedHops: [{ from: 'a', to: 'b', deal: 'd1', start: '2025-01-01' }],
    } as unknown as MoneyLoop;
    const parties: Record<string, { from: string; to: string }> = { d1: { from: 'x', to: 'b' }, d2: { from: 'b', to: 'a' } };
    const written = new LoopJsonWriter((id) => parties[id]).write(loop);
    expect(JSON.parse(written)).toMatchObject({ id: 'a>b', bottleneckUsd: null, folded: [{ firm: 'x', as: 'a' }] });
    expect(written).toBe(JSON.stringify(loopJson(loop, (id) => parties[id])));
  });
});
