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
 * (punctuation, ids, a hop's text), made once by the writer's `encode`; `addText` takes text of one
 * loop alone.
 */
export interface PieceSink<P> {
  add(piece: P): void;
  addText(text: string): void;
}

/** A recurring piece: its text (to build larger pieces from) and its encoded form. */
interface Piece<P> {
  readonly text: string;
  readonly piece: P;
}

/** What a hop adds to a loop: its JSON and the parties its deals fold (see foldedParties). */
interface HopPiece<P> extends Piece<P> {
  readonly folded: ReadonlyArray<readonly [firm: Piece<P>, as: Piece<P>]>;
}

/** A number as JSON.stringify writes it (a number that is not finite is null). */
const numberText = (n: number | null): string => (n === null || !Number.isFinite(n) ? 'null' : String(n));

/** The fixed text between a loop's values. */
const PUNCTUATION = {
  open: '{"id":',
  firms: ',"firms":[',
  comma: ',',
  hops: '],"hops":[',
  length: '],"length":',
  types: ',"types":',
  bottleneck: ',"bottleneckUsd":',
  total: ',"totalUsd":',
  first: ',"firstDate":',
  last: ',"lastDate":',
  closes: ',"closesThrough":',
  inOrder: ',"inOrder":true',
  notInOrder: ',"inOrder":false',
  ordered: ',"orderedHops":[',
  close: ']',
  folded: ',"folded":[',
  firstFirm: '{"firm":',
  nextFirm: ',{"firm":',
  as: ',"as":',
  end: '}',
} as const;

/**
 * Writes loops as JSON, one object at a time, as pieces of type P (text, or bytes). The hops, type
 * lists and flow lists of the loops (and ordered hops) are taken as read-only once written (the
 * search freezes them); their pieces are kept by identity.
 */
export class LoopWriter<P> {
  private readonly hops = new WeakMap<Hop, HopPiece<P>>();
  private readonly lists = new WeakMap<readonly string[], Piece<P>>();
  private readonly ordered = new WeakMap<OrderedHop, Piece<P>>();
  private readonly strings = new Map<string, Piece<P>>();
  private readonly p: { readonly [K in keyof typeof PUNCTUATION]: P };

  constructor(
    private readonly dealOf: DealOf,
    private readonly encode: (text: string) => P,
  ) {
    this.p = Object.fromEntries(Object.entries(PUNCTUATION).map(([key, text]) => [key, encode(text)])) as { [K in keyof typeof PUNCTUATION]: P };
  }

  /** The pieces of `JSON.stringify(loopJson(loop, dealOf))`, in order, into `sink`. */
  writeTo(loop: MoneyLoop, sink: PieceSink<P>): void {
    const p = this.p;
    sink.add(p.open);
    sink.addText(JSON.stringify(loop.id));
    sink.add(p.firms);
    const { firms } = loop;
    for (let i = 0; i < firms.length; i++) {
      if (i > 0) sink.add(p.comma);
      sink.add(this.string(firms[i] as string).piece);
    }
    sink.add(p.hops);
    const { hops } = loop;
    let folded: Map<string, readonly [Piece<P>, Piece<P>]> | null = null;
    for (let i = 0; i < hops.length; i++) {
      const hop = this.hop(hops[i] as Hop);
      if (i > 0) sink.add(p.comma);
      sink.add(hop.piece);
      if (hop.folded.length > 0) {
        folded ??= new Map();
        for (const pair of hop.folded) folded.set(pair[0].text, pair);
      }
    }
    sink.add(p.length);
    sink.addText(numberText(loop.length));
    sink.add(p.types);
    sink.add(this.list(loop.types).piece);
    sink.add(p.bottleneck);
    sink.addText(numberText(loop.bottleneckUsd));
    sink.add(p.total);
    sink.addText(numberText(loop.totalUsd));
    sink.add(p.first);
    sink.add(this.string(loop.firstDate).piece);
    sink.add(p.last);
    sink.add(this.string(loop.lastDate).piece);
    sink.add(p.closes);
    sink.add(this.list(loop.closesThrough).piece);
    sink.add(loop.inOrder ? p.inOrder : p.notInOrder);
    const ordered = loop.orderedHops;
    if (ordered) {
      sink.add(p.ordered);
      for (let i = 0; i < ordered.length; i++) {
        if (i > 0) sink.add(p.comma);
        sink.add(this.orderedHop(ordered[i] as OrderedHop).piece);
      }
      sink.add(p.close);
    }
    if (folded) {
      sink.add(p.folded);
      let i = 0;
      for (const [firm, as] of folded.values()) {
        sink.add(i++ === 0 ? p.firstFirm : p.nextFirm);
        sink.add(firm.piece);
        sink.add(p.as);
        sink.add(as.piece);
        sink.add(p.end);
      }
      sink.add(p.close);
    }
    sink.add(p.end);
  }

  private piece(text: string): Piece<P> {
    return { text, piece: this.encode(text) };
  }

  private hop(hop: Hop): HopPiece<P> {
    let piece = this.hops.get(hop);
    if (!piece) {
      const folded = foldedParties([hop], this.dealOf).map(({ firm, as }) => [this.string(firm), this.string(as)] as const);
      piece = { ...this.piece(`{"from":${this.string(hop.from).text},"to":${this.string(hop.to).text},"deals":${this.stringArray(hop.deals)}}`), folded };
      this.hops.set(hop, piece);
    }
    return piece;
  }

  /** An ordered hop's piece; loops share these objects (see LoopBuilder), so it is kept by identity. */
  private orderedHop(hop: OrderedHop): Piece<P> {
    let piece = this.ordered.get(hop);
    if (piece === undefined) {
      piece = this.piece(`{"from":${this.string(hop.from).text},"to":${this.string(hop.to).text},"deal":${this.string(hop.deal).text},"start":${this.string(hop.start).text}}`);
      this.ordered.set(hop, piece);
    }
    return piece;
  }

  /** A shared, read-only list of strings (types, flows), by identity. */
  private list(values: readonly string[]): Piece<P> {
    let piece = this.lists.get(values);
    if (piece === undefined) {
      piece = this.piece(this.stringArray(values));
      this.lists.set(values, piece);
    }
    return piece;
  }

  private stringArray(values: readonly string[]): string {
    let text = '[';
    for (let i = 0; i < values.length; i++) text += i === 0 ? this.string(values[i] as string).text : `,${this.string(values[i] as string).text}`;
    return `${text}]`;
  }

  /** A string's JSON; firm ids, deal ids and dates recur, so theirs are kept (loop ids, nearly all distinct, are not asked for here). */
  private string(value: string): Piece<P> {
    let piece = this.strings.get(value);
    if (piece === undefined) {
      piece = this.piece(JSON.stringify(value));
      if (this.strings.size < 1_000_000 && value.length <= 64) this.strings.set(value, piece);
    }
    return piece;
  }
}

/** Writes loops as JSON text: `write(loop)` is `JSON.stringify(loopJson(loop, dealOf))`, the same text. */
export class LoopJsonWriter extends LoopWriter<string> {
  private readonly parts: string[] = [];
  private readonly joined: PieceSink<string> = { add: (text) => void this.parts.push(text), addText: (text) => void this.parts.push(text) };

  constructor(dealOf: DealOf) {
    super(dealOf, (text) => text);
  }

  write(loop: MoneyLoop): string {
    // The pieces are joined once: one flat string, not a tree of concatenations to flatten later.
    this.parts.length = 0;
    this.writeTo(loop, this.joined);
    return this.parts.join('');
  }
}
