/**
 * Contagion: who is hit if a firm fails. DebtRank on the exposures implied by the deals.
 *
 * [References]:
 * Battiston, Puliga, Kaushik, Tasca and Caldarelli, "DebtRank: Too central to fail? Financial
 * networks, the FED and systemic risk", Scientific Reports 2:541 (2012) — the original algorithm.
 * Bardoscia, Battiston, Caccioli and Caldarelli, "DebtRank: A microscopic foundation for shock
 * propagation", PLoS ONE 10(6):e0130406 (2015), arXiv:1504.01857 — the linear variant, where every
 * new loss is passed on, not only the first, so losses on loops are not underestimated.
 *
 * Pure TypeScript over the (already filtered) firm graph; no DOM, runs in Node and the browser.
 * Undisclosed amounts are never guessed: they add nothing, and are counted so the UI can say that
 * every figure is a lower bound.
 *
 * Why one long file: the two update rules, the buffers, the loss shares by flow kind and the
 * tracing of each loss to its deals share one pass over the exposures; split, they would share its state.
 */
import { flowOf, FLOW_KINDS, type DealType, type FlowKind } from '../data/types.js';
import type { FirmGraph } from '../model/graph.js';
import { countedAmount } from '../model/amounts.js';
import { compareIds } from './indexed-graph.js';

/** Which party of a deal stands to lose if the other one fails. */
export type ExposureDirection = 'from-exposed-to-to' | 'to-exposed-to-from';

/**
 * The exposure rule. Claims: whoever put money in holds a claim on the receiver. Income: the
 * receiver depends on the payer going on paying (or, for guarantees and warrants, on the issuer
 * standing behind its promise).
 */
export const EXPOSURE_RULE: Readonly<Record<DealType, ExposureDirection>> = {
  investment: 'from-exposed-to-to', // investor holds a claim on the investee
  equity: 'from-exposed-to-to', // holder owns part of the company
  loan: 'from-exposed-to-to', // lender is owed by the borrower
  purchase: 'to-exposed-to-from', // seller depends on the buyer's unpaid commitment
  'revenue-share': 'to-exposed-to-from', // payee depends on the payer's payments
  guarantee: 'to-exposed-to-from', // beneficiary loses the guarantee if the guarantor fails
  partnership: 'to-exposed-to-from', // recipient loses what the provider supplies
  warrants: 'to-exposed-to-from', // holder's warrants lose value if the issuer fails
};

/** What one firm (holder) stands to lose if another (counterparty) fails, summed over their deals. */
export interface Exposure {
  /** The firm that loses. */
  holder: string;
  /** The firm whose failure causes the loss. */
  counterparty: string;
  /** Sum of the known amounts at their loss shares, in US dollars; a lower bound when `undisclosedDeals` > 0. */
  amountUsd: number;
  /** Deal ids behind the exposure, in graph order. */
  deals: string[];
  /** The part of `amountUsd` each deal carries, in the order of `deals`. */
  dealAmountsUsd: number[];
  /** How many of those deals have an undisclosed amount (counted as 0). */
  undisclosedDeals: number;
}

/** Holder and counterparty of one deal under the exposure rule. */
export function exposureParties(type: DealType, from: string, to: string): { holder: string; counterparty: string } {
  return EXPOSURE_RULE[type] === 'from-exposed-to-to' ? { holder: from, counterparty: to } : { holder: to, counterparty: from };
}

/**
 * What part of a deal's amount its holder loses when the counterparty fails, by flow kind: a paid
 * claim (a loan, an investment) and value held or granted are lost whole; a seller losing a buyer's
 * committed purchases loses the profit it would have made, not the contract value; a partnership
 * moves no value. A contingent guarantee counts only in a scenario that says it is called.
 */
export const DEFAULT_LOSS_SHARE: Readonly<Record<FlowKind, number>> = {
  paid: 1,
  committed: 0.3,
  'in-kind': 1,
  contingent: 1,
  holding: 1,
  'no-transfer': 0,
};

/** Which deals count, and at what share of their amount. */
export interface ExposureTerms {
  /** Share of the amount lost per flow kind (0..1), over DEFAULT_LOSS_SHARE. */
  lossShare?: Partial<Record<FlowKind, number>>;
  /** Whether contingent deals (guarantees, backstops) are called; uncalled, they expose nothing (default false). */
  called?: boolean;
}

function lossShares(terms: ExposureTerms): Record<FlowKind, number> {
  const shares = { ...DEFAULT_LOSS_SHARE, ...terms.lossShare };
  if (!terms.called) shares.contingent = 0;
  return shares;
}

/**
 * The exposures of a graph, one per ordered (holder, counterparty) pair, sorted by holder id then
 * counterparty id. Parallel deals add up at their loss shares; undisclosed amounts add 0 and are
 * counted; deals whose flow counts for nothing (a partnership, an uncalled guarantee) are left out. A
 * deal from a firm to itself (the validator rejects them) is no contagion channel and is skipped.
 */
export function exposures(graph: FirmGraph, terms: ExposureTerms = {}): Exposure[] {
  const shares = lossShares(terms);
  const byHolder = new Map<string, Map<string, Exposure>>();
  graph.forEachEdge((id, deal, from, to) => {
    if (from === to) return;
    const share = shares[flowOf(deal)];
    if (share <= 0) return;
    const { holder, counterparty } = exposureParties(deal.type, from, to);
    let row = byHolder.get(holder);
    if (!row) byHolder.set(holder, (row = new Map()));
    let exposure = row.get(counterparty);
    if (!exposure) row.set(counterparty, (exposure = { holder, counterparty, amountUsd: 0, deals: [], dealAmountsUsd: [], undisclosedDeals: 0 }));
    exposure.deals.push(id);
    if (deal.amountUsd === null) exposure.undisclosedDeals++;
    // A superseded deal's amount is replaced by its successor's; counting both would double it.
    const amount = (countedAmount(deal, graph) ?? 0) * share;
    exposure.dealAmountsUsd.push(amount);
    exposure.amountUsd += amount;
  });
  const list = [...byHolder.values()].flatMap((row) => [...row.values()]);
  return list.sort((a, b) => compareIds(a.holder, b.holder) || compareIds(a.counterparty, b.counterparty));
}

/** `original`: a firm passes distress on once (Battiston 2012). `linear`: every increment is passed on (Bardoscia 2015). */
export type ContagionMode = 'original' | 'linear';

/** Where a firm's buffer comes from: its balance sheet, the analyst, or the exposure proxy. */
export type BufferSource = 'balance' | 'given' | 'proxy';

export interface DebtRankOptions extends ExposureTerms {
  /** Initial distress per firm id, each from 0 (unharmed) to 1 (failed). At least one entry. */
  shocks: Record<string, number>;
  /** Default `original`. */
  mode?: ContagionMode;
  /**
   * Buffers: `balance` (default) takes each firm's balance-sheet equity (`balance.equityUsd`) and
   * leaves a firm without one uncomputed; `proxy` takes `equityRatio × total exposure` for every firm
   * (the textbook stand-in when no balance sheet is known).
   */
  buffers?: 'balance' | 'proxy';
  /** Buffers the analyst gives per firm id in US dollars (> 0), over either source. */
  equity?: Record<string, number>;
  /** With `buffers: 'proxy'`: equity as a multiple of a firm's total exposure (> 0, default 1). */
  equityRatio?: number;
  /**
   * Economic value per firm id (>= 0), normalized to sum to 1; firms left out weigh 0. Default:
   * each firm's known deal volume (known inflow + known outflow).
   */
  value?: Record<string, number>;
  /** Most rounds recorded, the first (the shock) included (default 10,000). */
  maxRounds?: number;
  /** Linear mode stops when no firm's distress grew by this much in the last round (default 1e-9). */
  epsilon?: number;
}

/** One part of a firm's loss: what arrived through one deal in one round (deal null: the shock itself). */
export interface LossPart {
  deal: string | null;
  /** The firm whose distress passed the loss on (null for the shock). */
  from: string | null;
  lossUsd: number;
  /** The round it arrived in (1: the shock). */
  round: number;
}

/** One firm's part of a DebtRank run. */
export interface FirmDistress {
  id: string;
  name: string;
  /** Distress given as the shock, h(1). */
  initial: number;
  /** Distress at the end, h(T); null for a firm without a buffer (not computed), unless it was shocked. */
  final: number | null;
  /** Distress at t = 1..T; the same length (`rounds`) for every firm (a firm without a buffer keeps its shock). */
  byRound: number[];
  /** The buffer used: book equity, the analyst's figure or the proxy; null when none is known. */
  equityUsd: number | null;
  /** Where the buffer came from; null without one. */
  buffer: BufferSource | null;
  /** Known total exposure Σ_j A_ij (at the loss shares), in US dollars. */
  exposureUsd: number;
  /** Loss in US dollars: `final × equityUsd` (with a buffer), or what arrived through its deals (without). */
  lossUsd: number;
  /** lossUsd / equityUsd; null without a buffer. */
  lossShare: number | null;
  /** Whether the loss reached the buffer (distress 1). */
  failed: boolean;
  /** The loss deal by deal and round, largest first; the parts add up to `lossUsd`. */
  hitThrough: LossPart[];
  /** Normalized economic value weight v_i used for `debtRank` and `totalDistress`. */
  value: number;
  /** Deals behind this firm's exposures whose amount is undisclosed: its figures are lower bounds. */
  undisclosedDeals: number;
}

export interface DebtRankResult {
  mode: ContagionMode;
  /** T: the number of rounds recorded, the shock at t = 1 included. */
  rounds: number;
  /** Whether the process stopped by itself (before `maxRounds`). */
  converged: boolean;
  /** Σ v_j h_j(T) − Σ v_j h_j(1) over the firms with a buffer: the loss caused by propagation. */
  debtRank: number;
  /** Σ v_j h_j(T) over the firms with a buffer, the initial shock included. */
  totalDistress: number;
  /** The loss shares applied per flow kind, and whether guarantees were called. */
  lossShare: Record<FlowKind, number>;
  called: boolean;
  /** Sorted by loss, largest first, then by id. */
  firms: FirmDistress[];
}

const DEFAULTS = {
  mode: 'original' as ContagionMode,
  buffers: 'balance' as 'balance' | 'proxy',
  equityRatio: 1,
  // The linear variant fades slowly around loops where one firm is the other's only known exposure;
  // the original rule stops within n + 1 rounds anyway.
  maxRounds: 10_000,
  epsilon: 1e-9,
};

type ResolvedOptions = typeof DEFAULTS & Pick<DebtRankOptions, 'shocks' | 'equity' | 'value' | 'lossShare' | 'called'>;

const PREFIX = 'roundtrip/contagion: ';

function fail(message: string): never {
  throw new Error(PREFIX + message);
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** A per-firm entry the caller gave; never a property every object has (a firm may be called `constructor`). */
function own(record: Readonly<Record<string, number>> | undefined, id: string): number | undefined {
  return record !== undefined && Object.hasOwn(record, id) ? record[id] : undefined;
}

/** Options over DEFAULTS; an option given as undefined keeps its default. */
function resolveOptions(options: DebtRankOptions): ResolvedOptions {
  const resolved: ResolvedOptions = { ...DEFAULTS, shocks: options.shocks };
  if (options.mode !== undefined) resolved.mode = options.mode;
  if (options.buffers !== undefined) resolved.buffers = options.buffers;
  if (options.equityRatio !== undefined) resolved.equityRatio = options.equityRatio;
  if (options.maxRounds !== undefined) resolved.maxRounds = options.maxRounds;
  if (options.epsilon !== undefined) resolved.epsilon = options.epsilon;
  if (options.equity !== undefined) resolved.equity = options.equity;
  if (options.value !== undefined) resolved.value = options.value;
  if (options.lossShare !== undefined) resolved.lossShare = options.lossShare;
  if (options.called !== undefined) resolved.called = options.called;
  return resolved;
}

/** Checks that every key of a per-firm record names a firm and every value passes `ok`. */
function checkPerFirm(graph: FirmGraph, record: Record<string, number>, name: string, ok: (x: unknown) => boolean, describe: (id: string, x: unknown) => string): void {
  if (typeof record !== 'object' || record === null) fail(`${name} must be an object of numbers by firm id, got ${show(record)}`);
  for (const [id, x] of Object.entries(record)) {
    if (!graph.hasNode(id)) fail(`unknown firm ${show(id)} in ${name}`);
    if (!ok(x)) fail(describe(id, x));
  }
}

function validate(graph: FirmGraph, o: ResolvedOptions): void {
  if (o.mode !== 'original' && o.mode !== 'linear') fail(`mode must be "original" or "linear", got ${show(o.mode)}`);
  if (o.buffers !== 'balance' && o.buffers !== 'proxy') fail(`buffers must be "balance" or "proxy", got ${show(o.buffers)}`);
  if (!isFiniteNumber(o.equityRatio) || o.equityRatio <= 0) fail(`equityRatio must be a finite number > 0, got ${show(o.equityRatio)}`);
  if (!Number.isInteger(o.maxRounds) || o.maxRounds < 1) fail(`maxRounds must be a whole number >= 1, got ${show(o.maxRounds)}`);
  if (!isFiniteNumber(o.epsilon) || o.epsilon < 0) fail(`epsilon must be a finite number >= 0, got ${show(o.epsilon)}`);
  checkPerFirm(graph, o.shocks, 'shocks', (x) => isFiniteNumber(x) && x >= 0 && x <= 1, (id, x) => `shock on ${show(id)} must be a number from 0 to 1, got ${show(x)}`);
  if (o.equity !== undefined) {
    checkPerFirm(graph, o.equity, 'equity', (x) => isFiniteNumber(x) && x > 0, (id, x) => `equity of ${show(id)} must be a finite number of US dollars > 0, got ${show(x)}`);
  }
  if (o.value !== undefined) {
    checkPerFirm(graph, o.value, 'value', (x) => isFiniteNumber(x) && x >= 0, (id, x) => `value of ${show(id)} must be a finite number >= 0, got ${show(x)}`);
  }
  for (const [flow, share] of Object.entries(o.lossShare ?? {})) {
    if (!(FLOW_KINDS as readonly string[]).includes(flow)) fail(`unknown flow kind ${show(flow)} in lossShare`);
    if (!isFiniteNumber(share) || share < 0 || share > 1) fail(`loss share of ${flow} must be a number from 0 to 1, got ${show(share)}`);
  }
  // An empty graph has no firm to shock; anything else without a shock is a caller's mistake.
  if (graph.order > 0 && Object.keys(o.shocks).length === 0) fail('no shock given; pass shocks such as { openai: 1 }');
}

/**
 * The channels along which distress travels, stored under the failing firm j so a round walks only
 * the distressed firms' lists. Each channel is one exposure of a holder i to j: its impact
 * W_ji = min(1, A_ij / E_i) on i's distress (1 when i's buffer is not positive; 0 without a buffer),
 * and its dollars A_ij with the deals' parts.
 */
interface Channels {
  start: Int32Array;
  holders: Int32Array;
  impacts: Float64Array;
  exposures: Exposure[];
}

interface Network {
  ids: string[];
  exposureUsd: Float64Array;
  undisclosedDeals: Int32Array;
  /** NaN: no buffer known. */
  equityUsd: Float64Array;
  buffer: Array<BufferSource | null>;
  channels: Channels;
}

function buildNetwork(graph: FirmGraph, o: ResolvedOptions): Network {
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const list = exposures(graph, { ...(o.lossShare ? { lossShare: o.lossShare } : {}), called: o.called ?? false });
  const exposureUsd = new Float64Array(n);
  const undisclosedDeals = new Int32Array(n);
  for (const e of list) {
    const i = index.get(e.holder)!;
    exposureUsd[i]! += e.amountUsd;
    undisclosedDeals[i]! += e.undisclosedDeals;
  }
  const equityUsd = new Float64Array(n).fill(Number.NaN);
  const buffer: Array<BufferSource | null> = new Array(n).fill(null);
  ids.forEach((id, i) => {
    const given = own(o.equity, id);
    const book = graph.getNodeAttribute(id, 'balance')?.equityUsd;
    if (given !== undefined) {
      equityUsd[i] = given;
      buffer[i] = 'given';
    } else if (o.buffers === 'proxy') {
      equityUsd[i] = o.equityRatio * exposureUsd[i]!;
      buffer[i] = 'proxy';
    } else if (book !== undefined) {
      equityUsd[i] = book;
      buffer[i] = 'balance';
    }
  });
  return { ids, exposureUsd, undisclosedDeals, equityUsd, buffer, channels: channelsOf(list, index, equityUsd) };
}

function channelsOf(list: Exposure[], index: Map<string, number>, equityUsd: Float64Array): Channels {
  const n = equityUsd.length;
  const kept = list.filter((e) => e.amountUsd > 0);
  const start = new Int32Array(n + 1);
  for (const e of kept) start[index.get(e.counterparty)! + 1]!++;
  for (let j = 0; j < n; j++) start[j + 1]! += start[j]!;
  const fill = start.slice(0, n);
  const holders = new Int32Array(kept.length);
  const impacts = new Float64Array(kept.length);
  const ordered: Exposure[] = new Array(kept.length);
  for (const e of kept) {
    const i = index.get(e.holder)!;
    const k = fill[index.get(e.counterparty)!]!++;
    holders[k] = i;
    const equity = equityUsd[i]!;
    impacts[k] = Number.isNaN(equity) ? 0 : equity <= 0 ? 1 : Math.min(1, e.amountUsd / equity);
    ordered[k] = e;
  }
  return { start, holders, impacts, exposures: ordered };
}

/** What one round did: the new distress, and each channel's raw part in it (for the losses traced). */
interface Step {
  h: Float64Array;
  /** Channel k's part of its holder's raw distress increment this round (W_k × passed on), 0 if idle. */
  raw: Float64Array;
  /** The distress each counterparty passed on this round. */
  passed: Float64Array;
}

interface Run {
  /** h(1), …, h(T). */
  history: Float64Array[];
  converged: boolean;
}

/** Called after each round with the round's step, the distress before and after it, and its number (2, 3, …). */
type OnStep = (step: Step, before: Float64Array, after: Float64Array, round: number) => void;

const UNDISTRESSED = 0;
const DISTRESSED = 1;
const INACTIVE = 2;

/** One round: every firm passes on `passed[j]`; holders with a buffer take W × passed, capped at 1. */
function step(c: Channels, h: Float64Array, passed: Float64Array, buffered: Uint8Array): Step {
  const next = h.slice();
  const raw = new Float64Array(c.holders.length);
  for (let j = 0; j < h.length; j++) {
    const amount = passed[j]!;
    if (amount <= 0) continue;
    for (let k = c.start[j]!; k < c.start[j + 1]!; k++) {
      const i = c.holders[k]!;
      raw[k] = c.impacts[k]! * amount;
      if (buffered[i]) next[i]! += raw[k]!;
    }
  }
  for (let i = 0; i < next.length; i++) if (next[i]! > 1) next[i] = 1;
  return { h: next, raw, passed };
}

/**
 * Battiston et al. 2012: a distressed firm passes its whole distress on in the next round and then
 * goes inactive, so a loop cannot amplify forever; it stops within n + 1 rounds.
 */
function runOriginal(c: Channels, shock: Float64Array, buffered: Uint8Array, maxRounds: number, onStep: OnStep): Run {
  let h = shock;
  const state = new Uint8Array(h.length);
  for (let i = 0; i < h.length; i++) if (h[i]! > 0) state[i] = DISTRESSED;
  const history = [h];
  let active = state.includes(DISTRESSED);
  while (active && history.length < maxRounds) {
    const passed = new Float64Array(h.length);
    for (let j = 0; j < h.length; j++) if (state[j] === DISTRESSED) passed[j] = h[j]!;
    const s = step(c, h, passed, buffered);
    active = false;
    for (let i = 0; i < h.length; i++) {
      if (state[i] === DISTRESSED) state[i] = INACTIVE;
      else if (state[i] === UNDISTRESSED && s.h[i]! > 0) {
        state[i] = DISTRESSED;
        active = true;
      }
    }
    onStep(s, h, s.h, history.length + 1);
    h = s.h;
    history.push(h);
  }
  return { history, converged: !active };
}

/**
 * Bardoscia et al. 2015: every round passes on only the increment of the last round, so a firm hit
 * twice passes on both hits and loops reverberate until the increments fade (or everything is at 1).
 */
function runLinear(c: Channels, shock: Float64Array, buffered: Uint8Array, maxRounds: number, epsilon: number, onStep: OnStep): Run {
  let previous: Float64Array = new Float64Array(shock.length); // h(0) = 0
  let h = shock;
  const history = [h];
  for (;;) {
    let largest = 0;
    for (let i = 0; i < h.length; i++) largest = Math.max(largest, h[i]! - previous[i]!);
    if (largest < epsilon) return { history, converged: true };
    if (history.length >= maxRounds) return { history, converged: false };
    const passed = new Float64Array(h.length);
    for (let j = 0; j < h.length; j++) passed[j] = Math.max(0, h[j]! - previous[j]!);
    const s = step(c, h, passed, buffered);
    onStep(s, h, s.h, history.length + 1);
    previous = h;
    h = s.h;
    history.push(h);
  }
}

/**
 * Each firm's loss, deal by deal, gathered round by round as the run goes (nothing per round is
 * kept). With a buffer, a round's increment of distress (after the cap at 1) is split over the
 * channels in proportion to their raw parts, and a channel's part over its deals in proportion to
 * their amounts; without one, a channel delivers its dollars times the distress passed on, uncapped.
 * A deal that passes losses on in several rounds (the linear rule) is one part, dated by its first.
 */
class LossTracer {
  private readonly parts: Array<Map<string, LossPart>>;

  constructor(
    private readonly network: Network,
    shock: Float64Array,
  ) {
    this.parts = network.ids.map(() => new Map());
    network.ids.forEach((_id, i) => {
      const equity = network.equityUsd[i]!;
      if (shock[i]! > 0 && !Number.isNaN(equity) && equity > 0) this.parts[i]!.set('', { deal: null, from: null, lossUsd: shock[i]! * equity, round: 1 });
    });
  }

  readonly record: OnStep = (s, before, after, round) => {
    const { ids, equityUsd, channels } = this.network;
    const rawTotal = new Float64Array(ids.length);
    for (let k = 0; k < channels.holders.length; k++) rawTotal[channels.holders[k]!]! += s.raw[k]!;
    for (let j = 0; j < ids.length; j++) {
      if (s.passed[j]! <= 0) continue;
      for (let k = channels.start[j]!; k < channels.start[j + 1]!; k++) {
        const i = channels.holders[k]!;
        const equity = equityUsd[i]!;
        const exposure = channels.exposures[k]!;
        let dollars: number;
        if (Number.isNaN(equity) || equity <= 0) dollars = exposure.amountUsd * s.passed[j]!;
        else {
          if (s.raw[k]! <= 0 || rawTotal[i]! <= 0) continue;
          dollars = (after[i]! - before[i]!) * equity * (s.raw[k]! / rawTotal[i]!);
        }
        if (dollars <= 0) continue;
        exposure.deals.forEach((deal, d) => {
          const share = exposure.amountUsd > 0 ? exposure.dealAmountsUsd[d]! / exposure.amountUsd : 0;
          if (share <= 0) return;
          const part = this.parts[i]!.get(deal);
          if (part) part.lossUsd += dollars * share;
          else this.parts[i]!.set(deal, { deal, from: ids[j]!, lossUsd: dollars * share, round });
        });
      }
    }
  };

  /** Firm i's parts, largest first. */
  of(i: number): LossPart[] {
    return [...this.parts[i]!.values()].sort((a, b) => b.lossUsd - a.lossUsd || a.round - b.round);
  }
}

/** v_i: the caller's values, or known deal volume; normalized to sum to 1, equal when all are 0. */
function valueWeights(graph: FirmGraph, ids: string[], value: Record<string, number> | undefined): Float64Array {
  const v = new Float64Array(ids.length);
  if (value !== undefined) {
    ids.forEach((id, i) => (v[i] = own(value, id) ?? 0));
  } else {
    const index = new Map(ids.map((id, i) => [id, i]));
    graph.forEachEdge((_id, deal, from, to) => {
      const amount = countedAmount(deal, graph);
      if (amount === null) return;
      v[index.get(from)!]! += amount;
      v[index.get(to)!]! += amount;
    });
  }
  const total = v.reduce((sum, x) => sum + x, 0);
  for (let i = 0; i < v.length; i++) v[i] = total > 0 ? v[i]! / total : 1 / v.length;
  return v;
}

/** Firms whose distress reached 1, allowing for the rounding of the sums that got it there. */
const FAILED = 1 - 1e-12;

/**
 * DebtRank of a shock: how distress spreads from the shocked firms to the firms exposed to them.
 * Exposures follow EXPOSURE_RULE at the loss shares of their flow kinds; buffers are the firms'
 * balance-sheet equity (or the analyst's, or the proxy); impacts are W_ji = min(1, A_ij / E_i).
 * Every firm's loss is traced to the deals it arrived through. Throws an Error prefixed
 * `roundtrip/contagion: ` on invalid options.
 */
export function debtRank(graph: FirmGraph, options: DebtRankOptions): DebtRankResult {
  const o = resolveOptions(options);
  validate(graph, o);
  const lossShare = lossShares(o);
  const called = o.called ?? false;
  if (graph.order === 0) return { mode: o.mode, rounds: 0, converged: true, debtRank: 0, totalDistress: 0, lossShare, called, firms: [] };

  const network = buildNetwork(graph, o);
  const { ids, equityUsd } = network;
  const buffered = Uint8Array.from(ids, (_id, i) => (Number.isNaN(equityUsd[i]!) ? 0 : 1));
  const shock = Float64Array.from(ids, (id) => own(o.shocks, id) ?? 0);
  const tracer = new LossTracer(network, shock);
  const run =
    o.mode === 'original'
      ? runOriginal(network.channels, shock, buffered, o.maxRounds, tracer.record)
      : runLinear(network.channels, shock, buffered, o.maxRounds, o.epsilon, tracer.record);
  const first = run.history[0]!;
  const last = run.history[run.history.length - 1]!;
  const v = valueWeights(graph, ids, o.value);

  let debtRankValue = 0;
  let totalDistress = 0;
  const firms: FirmDistress[] = ids.map((id, i) => {
    const equity = equityUsd[i]!;
    const hasBuffer = !Number.isNaN(equity);
    if (hasBuffer) {
      // Summed per firm as v·(h(T) − h(1)), each term >= 0, so rounding cannot make DebtRank negative.
      debtRankValue += v[i]! * (last[i]! - first[i]!);
      totalDistress += v[i]! * last[i]!;
    }
    const hitThrough = tracer.of(i);
    const traced = hitThrough.reduce((sum, part) => sum + part.lossUsd, 0);
    const lossUsd = hasBuffer && equity > 0 ? last[i]! * equity : traced;
    return {
      id,
      name: graph.getNodeAttribute(id, 'name'),
      initial: first[i]!,
      final: hasBuffer || first[i]! > 0 ? last[i]! : null,
      byRound: run.history.map((h) => h[i]!),
      equityUsd: hasBuffer ? equity : null,
      buffer: network.buffer[i]!,
      exposureUsd: network.exposureUsd[i]!,
      lossUsd,
      lossShare: hasBuffer && equity > 0 ? lossUsd / equity : null,
      failed: last[i]! >= FAILED,
      hitThrough,
      value: v[i]!,
      undisclosedDeals: network.undisclosedDeals[i]!,
    };
  });
  firms.sort((a, b) => b.lossUsd - a.lossUsd || (b.final ?? -1) - (a.final ?? -1) || compareIds(a.id, b.id));
  return { mode: o.mode, rounds: run.history.length, converged: run.converged, debtRank: debtRankValue, totalDistress, lossShare, called, firms };
}
