/**
 * The JSON of a loop, as `cycles --json` and `--format ndjson` print it (the README documents the
 * shape): `loopJson` makes the object, and a `LoopJsonWriter` writes the same text as
 * `JSON.stringify(loopJson(loop, dealOf))` without making it. Loops share their hops (one per pair
 * of firms) and their type lists, so the text of each is made once and reused: a search that
 * writes millions of loops through a few hundred pairs spends its time on the loops, not on the
 * deals. test/cli/loop-json.test.ts checks the writer against JSON.stringify on random loops.
 */
import type { Hop, MoneyLoop, OrderedHop } from '../analysis/loops.js';
import { foldedParties } from '../model/acquisitions.js';

/** A deal's parties by id (undefined: not in the view). */
export type DealOf = (id: string) => { from: string; to: string } | undefined;

/** The JSON shape of a loop, as documented in the README. */
export function loopJson(loop: MoneyLoop, dealOf: DealOf) {
  const folded = foldedParties(loop.hops, dealOf);
  return {
    id: loop.id,
    firms: loop.firms,
    hops: loop.hops.map((h) => ({ from: h.from, to: h.to, deals: h.deals })),
    length: loop.length,
    types: loop.types,
    bottleneckUsd: loop.bottleneckUsd,
    totalUsd: loop.totalUsd,
    firstDate: loop.firstDate,
    lastDate: loop.lastDate,
    closesThrough: loop.closesThrough,
    inOrder: loop.inOrder,
    ...(loop.orderedHops ? { orderedHops: loop.orderedHops } : {}),
    ...(folded.length > 0 ? { folded } : {}),
  };
}

/**
 * Where a writer puts a loop's text, piece by piece: `add` takes pieces that recur from loop to loop
 * (punctuation, ids, a hop's text: a sink may keep their bytes), `addOnce` pieces of one loop alone.
 */
export interface PieceSink {
  add(text: string): void;
  addOnce(text: string): void;
}

/** What a hop adds to a loop: its JSON text and the parties its deals fold (see foldedParties). */
interface HopText {
  readonly json: string;
  readonly folded: ReadonlyArray<readonly [firm: string, as: string]>;
}

const NONE: HopText['folded'] = [];

/** A number as JSON.stringify writes it (a number that is not finite is null). */
const numberText = (n: number | null): string => (n === null || !Number.isFinite(n) ? 'null' : String(n));

/**
 * Writes loops as JSON text, one object at a time. The hops, type lists and flow lists of the loops
 * (and ordered hops) are taken as read-only once written (the search freezes them); their text is
 * kept by identity.
 */
export class LoopJsonWriter {
  private readonly hops = new WeakMap<Hop, HopText>();
  private readonly lists = new WeakMap<readonly string[], string>();
  private readonly ordered = new WeakMap<OrderedHop, string>();
  private readonly strings = new Map<string, string>();
  private readonly parts: string[] = [];
  private readonly joined: PieceSink = { add: (text) => void this.parts.push(text), addOnce: (text) => void this.parts.push(text) };

  constructor(private readonly dealOf: DealOf) {}

  /** `JSON.stringify(loopJson(loop, dealOf))`, the same text. */
  write(loop: MoneyLoop): string {
    // The pieces are joined once: one flat string, not a tree of concatenations to flatten later.
    this.parts.length = 0;
    this.writeTo(loop, this.joined);
    return this.parts.join('');
  }

  /** The same text as `write`, piece by piece into `sink` (pieces given to `add` recur from loop to loop). */
  writeTo(loop: MoneyLoop, sink: PieceSink): void {
    sink.add('{"id":');
    sink.addOnce(JSON.stringify(loop.id));
    sink.add(',"firms":[');
    const { firms } = loop;
    for (let i = 0; i < firms.length; i++) {
      if (i > 0) sink.add(',');
      sink.add(this.string(firms[i] as string));
    }
    sink.add('],"hops":[');
    const { hops } = loop;
    let folded: Map<string, string> | null = null;
    for (let i = 0; i < hops.length; i++) {
      const hop = this.hop(hops[i] as Hop);
      if (i > 0) sink.add(',');
      sink.add(hop.json);
      if (hop.folded.length > 0) {
        folded ??= new Map();
        for (const [firm, as] of hop.folded) folded.set(firm, as);
      }
    }
    sink.add('],"length":');
    sink.addOnce(numberText(loop.length));
    sink.add(',"types":');
    sink.add(this.list(loop.types));
    sink.add(',"bottleneckUsd":');
    sink.addOnce(numberText(loop.bottleneckUsd));
    sink.add(',"totalUsd":');
    sink.addOnce(numberText(loop.totalUsd));
    sink.add(',"firstDate":');
    sink.add(this.string(loop.firstDate));
    sink.add(',"lastDate":');
    sink.add(this.string(loop.lastDate));
    sink.add(',"closesThrough":');
    sink.add(this.list(loop.closesThrough));
    sink.add(loop.inOrder ? ',"inOrder":true' : ',"inOrder":false');
    const ordered = loop.orderedHops;
    if (ordered) {
      sink.add(',"orderedHops":[');
      for (let i = 0; i < ordered.length; i++) {
        if (i > 0) sink.add(',');
        sink.add(this.orderedHop(ordered[i] as OrderedHop));
      }
      sink.add(']');
    }
    if (folded) {
      sink.add(',"folded":[');
      let i = 0;
      for (const [firm, as] of folded) {
        sink.add(i++ === 0 ? '{"firm":' : ',{"firm":');
        sink.add(this.string(firm));
        sink.add(',"as":');
        sink.add(this.string(as));
        sink.add('}');
      }
      sink.add(']');
    }
    sink.add('}');
  }

  private hop(hop: Hop): HopText {
    let text = this.hops.get(hop);
    if (!text) {
      const folded = foldedParties([hop], this.dealOf).map(({ firm, as }) => [firm, as] as const);
      text = { json: `{"from":${this.string(hop.from)},"to":${this.string(hop.to)},"deals":${this.stringArray(hop.deals)}}`, folded: folded.length > 0 ? folded : NONE };
      this.hops.set(hop, text);
    }
    return text;
  }

  /** An ordered hop's text; loops share these objects (see LoopBuilder), so it is kept by identity. */
  private orderedHop(hop: OrderedHop): string {
    let text = this.ordered.get(hop);
    if (text === undefined) {
      text = `{"from":${this.string(hop.from)},"to":${this.string(hop.to)},"deal":${this.string(hop.deal)},"start":${this.string(hop.start)}}`;
      this.ordered.set(hop, text);
    }
    return text;
  }

  /** A shared, read-only list of strings (types, flows), by identity. */
  private list(values: readonly string[]): string {
    let text = this.lists.get(values);
    if (text === undefined) {
      text = this.stringArray(values);
      this.lists.set(values, text);
    }
    return text;
  }

  private stringArray(values: readonly string[]): string {
    let text = '[';
    for (let i = 0; i < values.length; i++) text += i === 0 ? this.string(values[i] as string) : `,${this.string(values[i] as string)}`;
    return `${text}]`;
  }

  /** A string's JSON text; firm ids, deal ids and dates recur, so theirs are kept (loop ids, nearly all distinct, are not asked for here). */
  private string(value: string): string {
    let text = this.strings.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      if (this.strings.size < 1_000_000 && value.length <= 64) this.strings.set(value, text);
    }
    return text;
  }
}
