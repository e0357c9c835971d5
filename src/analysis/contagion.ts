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
 */
import type { DealType } from '../data/types.js';
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
  /** Sum of the known amounts, in US dollars; a lower bound when `undisclosedDeals` > 0. */
  amountUsd: number;
  /** Deal ids behind the exposure, in graph order. */
  deals: string[];
  /** How many of those deals have an undisclosed amount (counted as 0). */
  undisclosedDeals: number;
}

/** Holder and counterparty of one deal under the exposure rule. */
export function exposureParties(type: DealType, from: string, to: string): { holder: string; counterparty: string } {
  return EXPOSURE_RULE[type] === 'from-exposed-to-to' ? { holder: from, counterparty: to } : { holder: to, counterparty: from };
}


/**
 * The exposures of a graph, one per ordered (holder, counterparty) pair, sorted by holder id then
 * counterparty id. Parallel deals add up; undisclosed amounts add 0 and are counted. A deal from a
 * firm to itself (the validator rejects them) is no contagion channel and is skipped.
 */
export function exposures(graph: FirmGraph): Exposure[] {
  const byHolder = new Map<string, Map<string, Exposure>>();
  graph.forEachEdge((id, deal, from, to) => {
    if (from === to) return;
    const { holder, counterparty } = exposureParties(deal.type, from, to);
    let row = byHolder.get(holder);
    if (!row) byHolder.set(holder, (row = new Map()));
    let exposure = row.get(counterparty);
    if (!exposure) row.set(counterparty, (exposure = { holder, counterparty, amountUsd: 0, deals: [], undisclosedDeals: 0 }));
    exposure.deals.push(id);
    if (deal.amountUsd === null) exposure.undisclosedDeals++;
    // A superseded deal's amount is replaced by its successor's; counting both would double it.
    const amount = countedAmount(deal, graph);
    if (amount !== null) exposure.amountUsd += amount;
  });
  const list = [...byHolder.values()].flatMap((row) => [...row.values()]);
  return list.sort((a, b) => compareIds(a.holder, b.holder) || compareIds(a.counterparty, b.counterparty));
}

/** `original`: a firm passes distress on once (Battiston 2012). `linear`: every increment is passed on (Bardoscia 2015). */
export type ContagionMode = 'original' | 'linear';

export interface DebtRankOptions {
  /** Initial distress per firm id, each from 0 (unharmed) to 1 (failed). At least one entry. */
  shocks: Record<string, number>;
  /** Default `original`. */
  mode?: ContagionMode;
  /** Equity per firm id in US dollars (> 0), overriding the proxy `equityRatio × total exposure`. */
  equity?: Record<string, number>;
  /** Equity as a multiple of a firm's total exposure when no `equity` is given for it (> 0, default 1). */
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

/** One firm's part of a DebtRank run. */
export interface FirmDistress {
  id: string;
  name: string;
  /** Distress given as the shock, h(1). */
  initial: number;
  /** Distress at the end, h(T). */
  final: number;
  /** Distress at t = 1..T; the same length (`rounds`) for every firm. */
  byRound: number[];
  /** Equity used to turn exposures into impacts: the override, or `equityRatio × exposureUsd`. */
  equityUsd: number;
  /** Known total exposure Σ_j A_ij, in US dollars. */
  exposureUsd: number;
  /** `final × equityUsd`, in US dollars. */
  lossUsd: number;
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
  /** Σ v_j h_j(T) − Σ v_j h_j(1): the loss caused by propagation, the initial shock excluded. */
  debtRank: number;
  /** Σ v_j h_j(T): the total distress, the initial shock included. */
  totalDistress: number;
  /** Sorted by final distress, highest first, then by id. */
  firms: FirmDistress[];
}

const DEFAULTS = {
  mode: 'original' as ContagionMode,
  equityRatio: 1,
  // The linear variant fades slowly around loops where one firm is the other's only known exposure
  // (over 1,000 rounds on the shipped data); the original rule stops within n + 1 rounds anyway.
  maxRounds: 10_000,
  epsilon: 1e-9,
};

type ResolvedOptions = typeof DEFAULTS & Pick<DebtRankOptions, 'shocks' | 'equity' | 'value'>;

const PREFIX = 'roundtrip/contagion: ';

function fail(message: string): never {
  throw new Error(PREFIX + message);
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Options over DEFAULTS; an option given as undefined keeps its default. */
function resolveOptions(options: DebtRankOptions): ResolvedOptions {
  const resolved: ResolvedOptions = { ...DEFAULTS, shocks: options.shocks };
  if (options.mode !== undefined) resolved.mode = options.mode;
  if (options.equityRatio !== undefined) resolved.equityRatio = options.equityRatio;
  if (options.maxRounds !== undefined) resolved.maxRounds = options.maxRounds;
  if (options.epsilon !== undefined) resolved.epsilon = options.epsilon;
  if (options.equity !== undefined) resolved.equity = options.equity;
  if (options.value !== undefined) resolved.value = options.value;
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
  // An empty graph has no firm to shock; anything else without a shock is a caller's mistake.
  if (graph.order > 0 && Object.keys(o.shocks).length === 0) fail('no shock given; pass shocks such as { openai: 1 }');
}

/** The impact matrix W as adjacency lists in flat arrays: W[j → targets[k]] = weights[k], k in [start[j], start[j+1]). */
interface ImpactLists {
  start: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/** Firm indices, exposure totals, equity and impacts: everything the propagation needs. */
interface Network {
  ids: string[];
  exposureUsd: Float64Array;
  undisclosedDeals: Int32Array;
  equityUsd: Float64Array;
  impacts: ImpactLists;
}

function buildNetwork(graph: FirmGraph, o: ResolvedOptions): Network {
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const list = exposures(graph);
  const exposureUsd = new Float64Array(n);
  const undisclosedDeals = new Int32Array(n);
  for (const e of list) {
    const i = index.get(e.holder)!;
    exposureUsd[i]! += e.amountUsd;
    undisclosedDeals[i]! += e.undisclosedDeals;
  }
  const equityUsd = new Float64Array(n);
  for (let i = 0; i < n; i++) equityUsd[i] = o.equity?.[ids[i]!] ?? o.equityRatio * exposureUsd[i]!;
  return { ids, exposureUsd, undisclosedDeals, equityUsd, impacts: impactLists(list, index, equityUsd) };
}

/**
 * W_ji = min(1, A_ij / E_i), stored under j (the firm that fails) so a round walks only the
 * distressed firms' lists. Zero impacts are left out; a firm with E_i = 0 has none.
 */
function impactLists(list: Exposure[], index: Map<string, number>, equityUsd: Float64Array): ImpactLists {
  const n = equityUsd.length;
  const kept = list.filter((e) => e.amountUsd > 0 && equityUsd[index.get(e.holder)!]! > 0);
  const start = new Int32Array(n + 1);
  for (const e of kept) start[index.get(e.counterparty)! + 1]!++;
  for (let j = 0; j < n; j++) start[j + 1]! += start[j]!;
  const fill = start.slice(0, n);
  const targets = new Int32Array(kept.length);
  const weights = new Float64Array(kept.length);
  for (const e of kept) {
    const i = index.get(e.holder)!;
    const k = fill[index.get(e.counterparty)!]!++;
    targets[k] = i;
    weights[k] = Math.min(1, e.amountUsd / equityUsd[i]!);
  }
  return { start, targets, weights };
}

/** Adds W_j· × amount to `next` for one failing firm j. */
function spread(w: ImpactLists, j: number, amount: number, next: Float64Array): void {
  for (let k = w.start[j]!; k < w.start[j + 1]!; k++) next[w.targets[k]!]! += w.weights[k]! * amount;
}

function capAtOne(h: Float64Array): void {
  for (let i = 0; i < h.length; i++) if (h[i]! > 1) h[i] = 1;
}

interface Run {
  /** h(1), …, h(T). */
  history: Float64Array[];
  converged: boolean;
}

const UNDISTRESSED = 0;
const DISTRESSED = 1;
const INACTIVE = 2;

/**
 * Battiston et al. 2012: a distressed firm passes its whole distress on in the next round and then
 * goes inactive, so a loop cannot amplify forever; it stops within n + 1 rounds.
 */
function runOriginal(w: ImpactLists, shock: Float64Array, maxRounds: number): Run {
  let h = shock;
  const state = new Uint8Array(h.length);
  for (let i = 0; i < h.length; i++) if (h[i]! > 0) state[i] = DISTRESSED;
  const history = [h];
  let active = state.includes(DISTRESSED);
  while (active && history.length < maxRounds) {
    const next = h.slice();
    for (let j = 0; j < h.length; j++) if (state[j] === DISTRESSED) spread(w, j, h[j]!, next);
    capAtOne(next);
    active = false;
    for (let i = 0; i < h.length; i++) {
      if (state[i] === DISTRESSED) state[i] = INACTIVE;
      else if (state[i] === UNDISTRESSED && next[i]! > 0) {
        state[i] = DISTRESSED;
        active = true;
      }
    }
    h = next;
    history.push(h);
  }
  return { history, converged: !active };
}

/**
 * Bardoscia et al. 2015: every round passes on only the increment of the last round, so a firm hit
 * twice passes on both hits and loops reverberate until the increments fade (or everything is at 1).
 */
function runLinear(w: ImpactLists, shock: Float64Array, maxRounds: number, epsilon: number): Run {
  let previous: Float64Array = new Float64Array(shock.length); // h(0) = 0
  let h = shock;
  const history = [h];
  for (;;) {
    let largest = 0;
    for (let i = 0; i < h.length; i++) largest = Math.max(largest, h[i]! - previous[i]!);
    if (largest < epsilon) return { history, converged: true };
    if (history.length >= maxRounds) return { history, converged: false };
    const next = h.slice();
    for (let j = 0; j < h.length; j++) {
      const increment = h[j]! - previous[j]!;
      if (increment > 0) spread(w, j, increment, next);
    }
    capAtOne(next);
    previous = h;
    h = next;
    history.push(h);
  }
}

/** v_i: the caller's values, or known deal volume; normalized to sum to 1, equal when all are 0. */
function valueWeights(graph: FirmGraph, ids: string[], value: Record<string, number> | undefined): Float64Array {
  const v = new Float64Array(ids.length);
  if (value !== undefined) {
    ids.forEach((id, i) => (v[i] = value[id] ?? 0));
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

/**
 * DebtRank of a shock: how distress spreads from the shocked firms to the firms exposed to them.
 * Exposures follow EXPOSURE_RULE; impacts are W_ji = min(1, A_ij / E_i). Throws an Error prefixed
 * `roundtrip/contagion: ` on invalid options (unknown firm, distress outside [0, 1], equity <= 0,
 * value < 0, equityRatio <= 0, no shock).
 */
export function debtRank(graph: FirmGraph, options: DebtRankOptions): DebtRankResult {
  const o = resolveOptions(options);
  validate(graph, o);
  if (graph.order === 0) return { mode: o.mode, rounds: 0, converged: true, debtRank: 0, totalDistress: 0, firms: [] };

  const network = buildNetwork(graph, o);
  const { ids } = network;
  const shock = Float64Array.from(ids, (id) => o.shocks[id] ?? 0);
  const run = o.mode === 'original' ? runOriginal(network.impacts, shock, o.maxRounds) : runLinear(network.impacts, shock, o.maxRounds, o.epsilon);
  const first = run.history[0]!;
  const last = run.history[run.history.length - 1]!;
  const v = valueWeights(graph, ids, o.value);

  let debtRankValue = 0;
  let totalDistress = 0;
  const firms: FirmDistress[] = ids.map((id, i) => {
    // Summed per firm as v·(h(T) − h(1)), each term >= 0, so rounding cannot make DebtRank negative.
    debtRankValue += v[i]! * (last[i]! - first[i]!);
    totalDistress += v[i]! * last[i]!;
    return {
      id,
      name: graph.getNodeAttribute(id, 'name'),
      initial: first[i]!,
      final: last[i]!,
      byRound: run.history.map((h) => h[i]!),
      equityUsd: network.equityUsd[i]!,
      exposureUsd: network.exposureUsd[i]!,
      lossUsd: last[i]! * network.equityUsd[i]!,
      value: v[i]!,
      undisclosedDeals: network.undisclosedDeals[i]!,
    };
  });
  firms.sort((a, b) => b.final - a.final || compareIds(a.id, b.id));
  return { mode: o.mode, rounds: run.history.length, converged: run.converged, debtRank: debtRankValue, totalDistress, firms };
}
