import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOSS_SHARE, debtRank, EXPOSURE_RULE, exposures, type DebtRankOptions, type DebtRankResult } from '../../src/analysis/contagion.js';
import { loadDataSetFromText } from '../../src/data/load.js';
import { formatProblem } from '../../src/data/problem.js';
import { DEAL_TYPES, type Deal, type DealType } from '../../src/data/types.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { buildFirmGraph, type FirmGraph } from '../../src/model/graph.js';
import { dataSetFromEdges } from '../fixtures/datasets.js';

type Edge = readonly [string, string, Partial<Deal>?];
const graphOf = (edges: Edge[], extraFirms: string[] = []): FirmGraph => buildFirmGraph(dataSetFromEdges(edges, extraFirms));
const deal = (type: DealType, amountUsd: number | null): Partial<Deal> => ({ type, amountUsd });

/** Final distress by firm id. */
const finals = (result: DebtRankResult): Record<string, number | null> => Object.fromEntries(result.firms.map((f) => [f.id, f.final]));
/** Final distress by firm id, for a run where every firm has a buffer (the proxy). */
const proxyFinals = (result: DebtRankResult): Record<string, number> => Object.fromEntries(result.firms.map((f) => [f.id, f.final ?? Number.NaN]));
/**
 * The textbook model these rule-by-rule tests check: every firm's buffer is its total exposure (the
 * proxy), committed purchases and partnerships count whole, guarantees are called.
 */
const CLASSIC = { buffers: 'proxy', lossShare: { committed: 1, 'no-transfer': 1 }, called: true } as const;
const firm = (result: DebtRankResult, id: string) => result.firms.find((f) => f.id === id)!;

describe('EXPOSURE_RULE and exposures', () => {
  it('EXPOSURE_RULE gives every deal type a direction: claims expose the payer, income exposes the receiver', () => {
    expect(Object.keys(EXPOSURE_RULE).sort()).toEqual([...DEAL_TYPES].sort());
    for (const type of ['investment', 'equity', 'loan'] as const) expect(EXPOSURE_RULE[type]).toBe('from-exposed-to-to');
    for (const type of ['purchase', 'revenue-share', 'guarantee', 'partnership', 'warrants'] as const) expect(EXPOSURE_RULE[type]).toBe('to-exposed-to-from');
  });

  it('exposures(graph) adds parallel deals, counts undisclosed ones and sorts by holder then counterparty', () => {
    const graph = graphOf([
      ['p', 'q', deal('investment', 30)],
      ['z', 'p', deal('purchase', 5)], // p sells to z: p is exposed to z
      ['p', 'q', deal('loan', 10)],
      ['p', 'q', deal('equity', null)],
      ['b', 'a', deal('warrants', 7)], // a holds warrants issued by b: a is exposed to b
    ]);
    expect(exposures(graph, { lossShare: { committed: 1 } })).toEqual([
      { holder: 'a', counterparty: 'b', amountUsd: 7, deals: ['e4-b-a'], dealAmountsUsd: [7], undisclosedDeals: 0 },
      { holder: 'p', counterparty: 'q', amountUsd: 40, deals: ['e0-p-q', 'e2-p-q', 'e3-p-q'], dealAmountsUsd: [30, 10, 0], undisclosedDeals: 1 },
      { holder: 'p', counterparty: 'z', amountUsd: 5, deals: ['e1-z-p'], dealAmountsUsd: [5], undisclosedDeals: 0 },
    ]);
    // By default a seller loses only part of a buyer's committed purchases.
    expect(exposures(graph).find((e) => e.holder === 'p' && e.counterparty === 'z')?.amountUsd).toBeCloseTo(5 * DEFAULT_LOSS_SHARE.committed, 12);
  });

  it('exposures(graph) is empty for an empty graph', () => {
    expect(exposures(graphOf([]))).toEqual([]);
  });
});

describe('debtRank: one rule family at a time', () => {
  // p invests 30 in q, lends 10 to q and holds 30 of equity in r: A_pq = 40, A_pr = 30, E_p = 70.
  const claims = () =>
    graphOf([
      ['p', 'q', deal('investment', 30)],
      ['p', 'q', deal('loan', 10)],
      ['p', 'r', deal('equity', 30)],
    ]);

  it('debtRank(graph, {shocks}) hits the investor, lender and shareholder when the firm they put money in fails', () => {
    const result = debtRank(claims(), { ...CLASSIC, shocks: { q: 1 } });
    expect(firm(result, 'p').final).toBeCloseTo(4 / 7, 12);
    expect(firm(result, 'p').byRound).toEqual([0, 4 / 7, 4 / 7]);
    expect(finals(result)).toMatchObject({ q: 1, r: 0 });
    expect(firm(result, 'p').exposureUsd).toBe(70);
    expect(firm(result, 'p').equityUsd).toBe(70);
    expect(firm(result, 'p').lossUsd).toBeCloseTo(40, 9);
    // Partial shocks add up: 4/7 × 1/2 from q and 3/7 × 1/3 from r.
    const partial = debtRank(claims(), { ...CLASSIC, shocks: { q: 1 / 2, r: 1 / 3 } });
    expect(firm(partial, 'p').final).toBeCloseTo(3 / 7, 12);
    // Sorted by loss: p loses 3/7 of its 70; q and r, whose proxy buffers are 0, lose nothing in dollars.
    expect(partial.firms.map((f) => f.id)).toEqual(['p', 'q', 'r']);
  });

  it('debtRank(graph, {shocks}) leaves the firms that received the money unharmed when the investor fails', () => {
    const result = debtRank(claims(), { ...CLASSIC, shocks: { p: 1 } });
    expect(finals(result)).toEqual({ p: 1, q: 0, r: 0 });
    expect(result.rounds).toBe(2);
    expect(result.debtRank).toBe(0);
  });

  it('debtRank(graph, {shocks}) hits the seller when a buyer fails, not the buyer when the seller fails', () => {
    // s sells 30 to b1 and 10 to b2: A_s,b1 = 30, E_s = 40.
    const graph = graphOf([
      ['b1', 's', deal('purchase', 30)],
      ['b2', 's', deal('purchase', 10)],
    ]);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { b1: 1 } }), 's').final).toBeCloseTo(3 / 4, 12);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { b2: 1 / 2 } }), 's').final).toBeCloseTo(1 / 8, 12);
    expect(finals(debtRank(graph, { ...CLASSIC, shocks: { s: 1 } }))).toEqual({ s: 1, b1: 0, b2: 0 });
  });

  it('debtRank(graph, {shocks}) hits the payee of a revenue share when the payer fails', () => {
    // x pays y a share of 20; z buys 80 from y: E_y = 100.
    const graph = graphOf([
      ['x', 'y', deal('revenue-share', 20)],
      ['z', 'y', deal('purchase', 80)],
    ]);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { x: 1 } }), 'y').final).toBeCloseTo(1 / 5, 12);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { x: 1 / 2, z: 1 / 4 } }), 'y').final).toBeCloseTo(1 / 10 + 1 / 5, 12);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { y: 1 } }), 'x').final).toBe(0);
  });

  it('debtRank(graph, {shocks}) hits the beneficiary of a guarantee when the guarantor fails', () => {
    // g guarantees 60 for c; k buys 20 from c: E_c = 80.
    const graph = graphOf([
      ['g', 'c', deal('guarantee', 60)],
      ['k', 'c', deal('purchase', 20)],
    ]);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { g: 1 } }), 'c').final).toBeCloseTo(3 / 4, 12);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { c: 1 } }), 'g').final).toBe(0);
  });

  it('debtRank(graph, {shocks}) hits the holder of warrants when the issuer fails', () => {
    // i issues warrants worth 25 to h; h also invests 75 in m: E_h = 100.
    const graph = graphOf([
      ['i', 'h', deal('warrants', 25)],
      ['h', 'm', deal('investment', 75)],
    ]);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { i: 1 } }), 'h').final).toBeCloseTo(1 / 4, 12);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { m: 1 } }), 'h').final).toBeCloseTo(3 / 4, 12);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { h: 1 } }), 'i').final).toBe(0);
  });

  it('debtRank(graph, {shocks}) hits the recipient of a partnership when the provider fails', () => {
    // p provides 10 in kind to r; k buys 20 from r: E_r = 30.
    const graph = graphOf([
      ['p', 'r', deal('partnership', 10)],
      ['k', 'r', deal('purchase', 20)],
    ]);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { p: 1 } }), 'r').final).toBeCloseTo(1 / 3, 12);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { r: 1 } }), 'p').final).toBe(0);
  });

  it('debtRank(graph, {shocks}) transmits nothing through an undisclosed amount and counts it as a lower bound', () => {
    // a invests an undisclosed amount in b and 10 in c; d invests only an undisclosed amount in b.
    const graph = graphOf([
      ['a', 'b', deal('investment', null)],
      ['a', 'c', deal('investment', 10)],
      ['d', 'b', deal('investment', null)],
    ]);
    const result = debtRank(graph, { ...CLASSIC, shocks: { b: 1 } });
    expect(finals(result)).toEqual({ a: 0, b: 1, c: 0, d: 0 });
    expect(result.debtRank).toBe(0);
    expect(firm(result, 'a')).toMatchObject({ exposureUsd: 10, equityUsd: 10, undisclosedDeals: 1 });
    expect(firm(result, 'd')).toMatchObject({ exposureUsd: 0, equityUsd: 0, undisclosedDeals: 1, lossUsd: 0 });
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { c: 1 } }), 'a').final).toBe(1);
  });
});

describe('debtRank: loops', () => {
  it('debtRank(graph, {shocks}) treats "a invests in b, b buys from a" as a one-way exposure of a to b', () => {
    // Both deals are a's exposure to b (a claim on b, and income from b): A_ab = 15 = E_a, W_ba = 1.
    // b is exposed to nobody, so the money loop is no contagion loop: it stops after one pass.
    const graph = graphOf([
      ['a', 'b', deal('investment', 10)],
      ['b', 'a', deal('purchase', 5)],
    ]);
    for (const mode of ['original', 'linear'] as const) {
      const hitB = debtRank(graph, { ...CLASSIC, shocks: { b: 1 / 2 }, mode });
      expect(hitB.converged).toBe(true);
      expect(hitB.rounds).toBe(3);
      expect(firm(hitB, 'a').byRound).toEqual([0, 1 / 2, 1 / 2]);
      expect(firm(hitB, 'b').byRound).toEqual([1 / 2, 1 / 2, 1 / 2]);
      const hitA = debtRank(graph, { ...CLASSIC, shocks: { a: 1 }, mode });
      expect(finals(hitA)).toEqual({ a: 1, b: 0 });
      expect(hitA.rounds).toBe(2);
    }
  });

  // An exposure loop: a invests 10 in b (A_ab = 10) and buys 5 from b (A_ba = 5); a also invests 30
  // in c (E_a = 40) and d buys 15 from b (E_b = 20). So W_ba = 1/4 and W_ab = 1/4.
  // Known volumes: a 45, b 30, c 30, d 15, so v = (3/8, 1/4, 1/4, 1/8).
  const loop = () =>
    graphOf([
      ['a', 'b', deal('investment', 10)],
      ['a', 'b', deal('purchase', 5)],
      ['a', 'c', deal('investment', 30)],
      ['d', 'b', deal('purchase', 15)],
    ]);

  it('debtRank(graph, {shocks}) in original mode passes distress around a 2-firm loop once and stops', () => {
    const result = debtRank(loop(), { ...CLASSIC, shocks: { a: 1 / 2 } });
    expect(result).toMatchObject({ mode: 'original', rounds: 3, converged: true });
    expect(firm(result, 'a').byRound).toEqual([1 / 2, 1 / 2, 17 / 32]);
    expect(firm(result, 'b').byRound).toEqual([0, 1 / 8, 1 / 8]);
    expect(firm(result, 'c').byRound).toEqual([0, 0, 0]);
    expect(result.debtRank).toBeCloseTo((3 / 8) * (1 / 32) + (1 / 4) * (1 / 8), 12); // 11/256
    expect(result.debtRank).toBeCloseTo(11 / 256, 12);
    expect(result.totalDistress).toBeCloseTo((3 / 8) * (17 / 32) + (1 / 4) * (1 / 8), 12);
    expect(result.firms.map((f) => f.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('debtRank(graph, {shocks, mode: linear}) reverberates around the loop and converges to the fixed point', () => {
    // h_a = 1/2 + h_b / 4, h_b = h_a / 4, so h_a = 8/15 and h_b = 2/15.
    const result = debtRank(loop(), { ...CLASSIC, shocks: { a: 1 / 2 }, mode: 'linear' });
    expect(result.converged).toBe(true);
    expect(firm(result, 'a').byRound.slice(0, 4)).toEqual([1 / 2, 1 / 2, 17 / 32, 17 / 32]);
    expect(firm(result, 'b').byRound.slice(0, 4)).toEqual([0, 1 / 8, 1 / 8, 17 / 128]);
    expect(firm(result, 'a').final).toBeCloseTo(8 / 15, 9);
    expect(firm(result, 'b').final).toBeCloseTo(2 / 15, 9);
    expect(result.debtRank).toBeCloseTo((3 / 8) * (8 / 15 - 1 / 2) + (1 / 4) * (2 / 15), 9);
    expect(result.rounds).toBeLessThan(100);
  });

  it('debtRank(graph, {shocks, mode: linear}) caps a loop of full exposures at 1 and then converges', () => {
    // a invests 10 in b and buys 10 from b, nothing else: W_ab = W_ba = 1.
    const graph = graphOf([
      ['a', 'b', deal('investment', 10)],
      ['a', 'b', deal('purchase', 10)],
    ]);
    const linear = debtRank(graph, { ...CLASSIC, shocks: { a: 1 / 2 }, mode: 'linear' });
    expect(linear).toMatchObject({ rounds: 5, converged: true });
    expect(firm(linear, 'a').byRound).toEqual([1 / 2, 1 / 2, 1, 1, 1]);
    expect(firm(linear, 'b').byRound).toEqual([0, 1 / 2, 1 / 2, 1, 1]);
    const original = debtRank(graph, { ...CLASSIC, shocks: { a: 1 / 2 } });
    expect(original).toMatchObject({ rounds: 3, converged: true });
    expect(firm(original, 'a').byRound).toEqual([1 / 2, 1 / 2, 1]);
    expect(firm(original, 'b').byRound).toEqual([0, 1 / 2, 1 / 2]);
  });

  it('debtRank(graph, {shocks, maxRounds}) stops at maxRounds and says it did not converge', () => {
    const result = debtRank(loop(), { ...CLASSIC, shocks: { a: 1 / 2 }, mode: 'linear', maxRounds: 3 });
    expect(result).toMatchObject({ rounds: 3, converged: false });
    expect(firm(result, 'a').final).toBe(17 / 32);
    expect(debtRank(loop(), { ...CLASSIC, shocks: { a: 1 / 2 }, maxRounds: 2 })).toMatchObject({ rounds: 2, converged: false });
  });

  it('debtRank(graph, {shocks}) in original mode can lower a firm\'s final distress when a zero shock is raised', () => {
    // The chain a → b → c of full impacts (b invests 10 in a, c invests 10 in b). Shocked at t = 1,
    // b passes on its shock once and goes inactive before a's failure reaches it: the known
    // underestimation of the original algorithm that the linear variant removes.
    const graph = graphOf([
      ['b', 'a', deal('investment', 10)],
      ['c', 'b', deal('investment', 10)],
    ]);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { a: 1 } }), 'c').byRound).toEqual([0, 0, 1, 1]);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { a: 1, b: 1 / 100 } }), 'c').byRound).toEqual([0, 1 / 100, 1 / 100]);
    expect(firm(debtRank(graph, { ...CLASSIC, shocks: { a: 1, b: 1 / 100 }, mode: 'linear' }), 'c').final).toBe(1);
  });
});

describe('debtRank: equity and value', () => {
  const claims = () =>
    graphOf([
      ['p', 'q', deal('investment', 30)],
      ['p', 'q', deal('loan', 10)],
      ['p', 'r', deal('equity', 30)],
    ]);

  it('debtRank(graph, {shocks, equity}) uses the given equity instead of the proxy', () => {
    const result = debtRank(claims(), { ...CLASSIC, shocks: { q: 1 }, equity: { p: 80 } });
    expect(firm(result, 'p')).toMatchObject({ final: 1 / 2, equityUsd: 80, exposureUsd: 70, lossUsd: 40 });
    expect(firm(debtRank(claims(), { ...CLASSIC, shocks: { q: 1 }, equity: { p: 20 } }), 'p').final).toBe(1); // min(1, 40/20)
    // An equity override lets a firm without known exposures hold equity, but it still takes no hit.
    expect(firm(debtRank(claims(), { ...CLASSIC, shocks: { p: 1 }, equity: { q: 5 } }), 'q')).toMatchObject({ final: 0, equityUsd: 5 });
  });

  it('debtRank(graph, {shocks, equityRatio}) scales the proxy equity', () => {
    expect(firm(debtRank(claims(), { ...CLASSIC, shocks: { q: 1 }, equityRatio: 2 }), 'p')).toMatchObject({ equityUsd: 140 });
    expect(firm(debtRank(claims(), { ...CLASSIC, shocks: { q: 1 }, equityRatio: 2 }), 'p').final).toBeCloseTo(2 / 7, 12);
    expect(firm(debtRank(claims(), { ...CLASSIC, shocks: { q: 1 / 2 }, equityRatio: 3 / 4 }), 'p').final).toBeCloseTo(8 / 21, 12); // 1/2 × 40/52.5
    expect(firm(debtRank(claims(), { ...CLASSIC, shocks: { q: 1 }, equityRatio: 1 / 2 }), 'p').final).toBe(1); // min(1, 40/35)
    // The override wins over the ratio.
    expect(firm(debtRank(claims(), { ...CLASSIC, shocks: { q: 1 }, equityRatio: 2, equity: { p: 80 } }), 'p').final).toBe(1 / 2);
  });

  it('debtRank(graph, {shocks}) weighs firms by known deal volume and excludes the shock from debtRank', () => {
    // Volumes: p 70, q 40, r 30 of 140, so v = (1/2, 2/7, 3/14).
    const result = debtRank(claims(), { ...CLASSIC, shocks: { q: 1 } });
    expect(firm(result, 'p').value).toBeCloseTo(1 / 2, 12);
    expect(firm(result, 'q').value).toBeCloseTo(2 / 7, 12);
    expect(result.debtRank).toBeCloseTo((1 / 2) * (4 / 7), 12);
    expect(result.totalDistress).toBeCloseTo((1 / 2) * (4 / 7) + 2 / 7, 12);
  });

  it('debtRank(graph, {shocks, value}) normalizes the given values and weighs firms left out 0', () => {
    const result = debtRank(claims(), { ...CLASSIC, shocks: { q: 1 }, value: { p: 3, q: 1 } });
    expect(result.firms.map((f) => f.value)).toEqual([3 / 4, 1 / 4, 0]); // p, q, r by loss
    expect(result.debtRank).toBeCloseTo((3 / 4) * (4 / 7), 12);
    expect(result.totalDistress).toBeCloseTo((3 / 4) * (4 / 7) + 1 / 4, 12);
  });

  it('debtRank(graph, {shocks}) weighs firms equally when no amount is known', () => {
    const graph = graphOf([
      ['a', 'b', deal('investment', null)],
      ['c', 'b', deal('purchase', null)],
    ]);
    expect(debtRank(graph, { ...CLASSIC, shocks: { b: 1 } }).totalDistress).toBeCloseTo(1 / 3, 12);
    expect(debtRank(graph, { ...CLASSIC, shocks: { b: 1 }, value: { a: 0 } }).totalDistress).toBeCloseTo(1 / 3, 12);
  });
});

describe('debtRank: inputs', () => {
  const graph = () => graphOf([['a', 'b', deal('investment', 10)]]);
  const error = (options: DebtRankOptions, g: FirmGraph = graph()) => () => debtRank(g, options);

  it('debtRank(graph, options) rejects unknown firms with the id', () => {
    expect(error({ shocks: { xyz: 1 } })).toThrow(new Error('roundtrip/contagion: unknown firm "xyz" in shocks'));
    expect(error({ shocks: { a: 1 }, equity: { xyz: 1 } })).toThrow(new Error('roundtrip/contagion: unknown firm "xyz" in equity'));
    expect(error({ shocks: { a: 1 }, value: { xyz: 1 } })).toThrow(new Error('roundtrip/contagion: unknown firm "xyz" in value'));
    expect(error({ shocks: { xyz: 1 } }, graphOf([]))).toThrow(new Error('roundtrip/contagion: unknown firm "xyz" in shocks'));
  });

  it('debtRank(graph, options) rejects a distress outside [0, 1] or not a finite number', () => {
    expect(error({ shocks: { a: 1.5 } })).toThrow(new Error('roundtrip/contagion: shock on "a" must be a number from 0 to 1, got 1.5'));
    expect(error({ shocks: { a: -0.1 } })).toThrow(new Error('roundtrip/contagion: shock on "a" must be a number from 0 to 1, got -0.1'));
    expect(error({ shocks: { a: Number.NaN } })).toThrow(new Error('roundtrip/contagion: shock on "a" must be a number from 0 to 1, got NaN'));
    expect(error({ shocks: { a: '1' as unknown as number } })).toThrow(new Error('roundtrip/contagion: shock on "a" must be a number from 0 to 1, got "1"'));
  });

  it('debtRank(graph, options) rejects equity <= 0, negative values and equityRatio <= 0', () => {
    expect(error({ shocks: { a: 1 }, equity: { a: 0 } })).toThrow(new Error('roundtrip/contagion: equity of "a" must be a finite number of US dollars > 0, got 0'));
    expect(error({ shocks: { a: 1 }, equity: { a: Number.POSITIVE_INFINITY } })).toThrow(
      new Error('roundtrip/contagion: equity of "a" must be a finite number of US dollars > 0, got Infinity'),
    );
    expect(error({ shocks: { a: 1 }, value: { b: -1 } })).toThrow(new Error('roundtrip/contagion: value of "b" must be a finite number >= 0, got -1'));
    expect(error({ shocks: { a: 1 }, equityRatio: 0 })).toThrow(new Error('roundtrip/contagion: equityRatio must be a finite number > 0, got 0'));
    expect(error({ shocks: { a: 1 }, equityRatio: Number.NaN })).toThrow(new Error('roundtrip/contagion: equityRatio must be a finite number > 0, got NaN'));
  });

  it('debtRank(graph, options) rejects a bad mode, maxRounds or epsilon', () => {
    expect(error({ shocks: { a: 1 }, mode: 'cubic' as 'linear' })).toThrow(new Error('roundtrip/contagion: mode must be "original" or "linear", got "cubic"'));
    expect(error({ shocks: { a: 1 }, maxRounds: 0 })).toThrow(new Error('roundtrip/contagion: maxRounds must be a whole number >= 1, got 0'));
    expect(error({ shocks: { a: 1 }, maxRounds: 2.5 })).toThrow(new Error('roundtrip/contagion: maxRounds must be a whole number >= 1, got 2.5'));
    expect(error({ shocks: { a: 1 }, epsilon: -1 })).toThrow(new Error('roundtrip/contagion: epsilon must be a finite number >= 0, got -1'));
  });

  it('debtRank(graph, options) rejects a call without a shock', () => {
    expect(error({ shocks: {} })).toThrow(new Error('roundtrip/contagion: no shock given; pass shocks such as { openai: 1 }'));
  });

  it('debtRank(graph, {shocks: {}}) on an empty graph returns an empty result', () => {
    expect(debtRank(graphOf([]), { ...CLASSIC, shocks: {} })).toEqual({
      mode: 'original',
      rounds: 0,
      converged: true,
      debtRank: 0,
      totalDistress: 0,
      lossShare: { ...DEFAULT_LOSS_SHARE, committed: 1, 'no-transfer': 1 },
      called: true,
      firms: [],
    });
  });

  it('debtRank(graph, {shocks}) with only zero shocks stops at once with no distress', () => {
    expect(debtRank(graph(), { ...CLASSIC, shocks: { a: 0 } })).toMatchObject({ rounds: 1, converged: true, debtRank: 0, totalDistress: 0 });
    expect(debtRank(graph(), { ...CLASSIC, shocks: { a: 0 }, mode: 'linear' })).toMatchObject({ rounds: 1, converged: true, debtRank: 0 });
  });

  it('debtRank(graph, options) takes undefined options as their defaults', () => {
    const result = debtRank(graph(), { ...CLASSIC, shocks: { b: 1 }, mode: undefined, equityRatio: undefined, maxRounds: undefined, epsilon: undefined });
    expect(result).toMatchObject({ mode: 'original', converged: true });
    expect(firm(result, 'a').final).toBe(1);
  });
});

describe('debtRank: properties on random multigraphs', () => {
  const amount = fc.option(fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.01, max: 1e12, noNaN: true })), { nil: null, freq: 4 });
  const anyLevel = fc.double({ min: 0, max: 1, noNaN: true });
  // Levels far from underflow: with subnormal shocks an impact could round to 0 in one run and not in
  // the other, changing when a firm becomes distressed, to which the original algorithm is sensitive.
  const normalLevel = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true }));
  const networkWith = (level: fc.Arbitrary<number>) => fc.integer({ min: 2, max: 7 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 2), fc.constantFrom(...DEAL_TYPES), amount), { maxLength: 14 }),
      shocks: fc.array(fc.tuple(fc.nat(n - 1), level), { minLength: 1, maxLength: n }),
      raise: fc.tuple(fc.nat(n - 1), fc.double({ min: 0, max: 1, noNaN: true })),
      equityRatio: fc.double({ min: 0.1, max: 3, noNaN: true }),
    }),
  );
  const network = networkWith(anyLevel);
  interface Case {
    n: number;
    edges: Array<[number, number, DealType, number | null]>;
    shocks: Array<[number, number]>;
    raise: [number, number];
    equityRatio: number;
  }
  const id = (i: number) => `f${i}`;
  // The second index skips the first, so no deal goes from a firm to itself.
  const build = (c: Case) =>
    graphOf(
      c.edges.map(([from, to, type, amountUsd]): Edge => [id(from), id(to >= from ? to + 1 : to), deal(type, amountUsd)]),
      Array.from({ length: c.n }, (_, i) => id(i)),
    );
  const shocksOf = (c: Case): Record<string, number> => Object.fromEntries(c.shocks.map(([i, h]) => [id(i), h]));
  /** The shocks with one firm's shock raised by `by` (capped at 1); `keepSupport` raises only a positive shock. */
  const raised = (c: Case, keepSupport: boolean): Record<string, number> => {
    const shocks = shocksOf(c);
    const [i, by] = c.raise;
    const current = shocks[id(i)] ?? 0;
    if (keepSupport && current === 0) return shocks;
    return { ...shocks, [id(i)]: Math.min(1, current + by) };
  };

  it('debtRank(graph, {shocks}) keeps every distress in [0, 1], non-decreasing by round, and debtRank >= 0', () => {
    fc.assert(
      fc.property(network, fc.constantFrom('original' as const, 'linear' as const), (c, mode) => {
        const result = debtRank(build(c), { ...CLASSIC, shocks: shocksOf(c), mode, equityRatio: c.equityRatio });
        expect(result.debtRank).toBeGreaterThanOrEqual(-1e-12);
        expect(result.totalDistress).toBeLessThanOrEqual(1 + 1e-12);
        for (const f of result.firms) {
          expect(f.byRound).toHaveLength(result.rounds);
          expect(f.byRound[0]).toBe(f.initial);
          expect(f.byRound[result.rounds - 1]).toBe(f.final);
          for (let t = 0; t < f.byRound.length; t++) {
            expect(f.byRound[t]).toBeGreaterThanOrEqual(0);
            expect(f.byRound[t]).toBeLessThanOrEqual(1);
            if (t > 0) expect(f.byRound[t]).toBeGreaterThanOrEqual(f.byRound[t - 1]!);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('debtRank(graph, {shocks}) in original mode stops by itself within n + 1 rounds', () => {
    fc.assert(
      fc.property(network, (c) => {
        const result = debtRank(build(c), { ...CLASSIC, shocks: shocksOf(c), equityRatio: c.equityRatio });
        expect(result.converged).toBe(true);
        expect(result.rounds).toBeLessThanOrEqual(c.n + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('debtRank(graph, {shocks}) in original mode never lowers a final distress when an already positive shock is raised', () => {
    fc.assert(
      fc.property(networkWith(normalLevel), (c) => {
        const graph = build(c);
        const before = proxyFinals(debtRank(graph, { ...CLASSIC, shocks: shocksOf(c), equityRatio: c.equityRatio }));
        const after = proxyFinals(debtRank(graph, { ...CLASSIC, shocks: raised(c, true), equityRatio: c.equityRatio }));
        for (const [firmId, h] of Object.entries(before)) expect(after[firmId]).toBeGreaterThanOrEqual(h);
      }),
      { numRuns: 300 },
    );
  });

  it('debtRank(graph, {shocks, mode: linear}) never lowers a final distress when any shock is raised', () => {
    fc.assert(
      fc.property(network, (c) => {
        const graph = build(c);
        // With epsilon 0 both runs go exactly maxRounds rounds; only the rounding of the increments
        // h(t) − h(t−1) (an ulp or so) separates them.
        const fixed = { mode: 'linear' as const, equityRatio: c.equityRatio, epsilon: 0, maxRounds: 30 };
        const before = proxyFinals(debtRank(graph, { ...CLASSIC, shocks: shocksOf(c), ...fixed }));
        const after = proxyFinals(debtRank(graph, { ...CLASSIC, shocks: raised(c, false), ...fixed }));
        for (const [firmId, h] of Object.entries(before)) expect(after[firmId]).toBeGreaterThanOrEqual(h - 1e-12);
        // With the default stopping rule the runs may stop at different rounds: equal up to the tolerance.
        const beforeDefault = proxyFinals(debtRank(graph, { ...CLASSIC, shocks: shocksOf(c), mode: 'linear', equityRatio: c.equityRatio }));
        const afterDefault = proxyFinals(debtRank(graph, { ...CLASSIC, shocks: raised(c, false), mode: 'linear', equityRatio: c.equityRatio }));
        for (const [firmId, h] of Object.entries(beforeDefault)) expect(afterDefault[firmId]).toBeGreaterThanOrEqual(h - 1e-6);
      }),
      { numRuns: 300 },
    );
  });
});

describe('debtRank on the shipped data set', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const read = (name: string) => ({ name, text: readFileSync(path.join(root, 'data', name), 'utf8') });
  const loaded = loadDataSetFromText(read('entities.json'), read('deals.json'));
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const graph = filterFirmGraph(buildFirmGraph(loaded.data), {});

  it('takes buffers from the balance sheets: a firm without one is not computed, and none fails unless its loss reaches its equity', () => {
    for (const mode of ['original', 'linear'] as const) {
      const result = debtRank(graph, { shocks: { openai: 0.5 }, mode });
      for (const f of result.firms) {
        const book = graph.getNodeAttribute(f.id, 'balance')?.equityUsd;
        expect(f.equityUsd, f.id).toBe(book ?? null);
        expect(f.buffer, f.id).toBe(book === undefined ? null : 'balance');
        if (book === undefined && f.initial === 0) expect(f.final, f.id).toBeNull();
        if (f.failed) expect(f.lossUsd, f.id).toBeCloseTo(f.equityUsd!, 0);
        else if (f.equityUsd !== null) expect(f.lossUsd, f.id).toBeLessThan(f.equityUsd);
      }
      // Oracle sells OpenAI $300B of compute: at the default 30% loss share, more than its $43.1B of book equity.
      const oracle = firm(result, 'oracle');
      expect(oracle.failed).toBe(false === (oracle.lossUsd < oracle.equityUsd!));
      expect(oracle.hitThrough.some((part) => part.deal === 'openai-oracle-compute-2025')).toBe(true);
    }
  });

  it('traces every loss to its deals: the parts add up to the loss, round by round', () => {
    const scenarios: Array<Record<string, number>> = [{ openai: 0.5 }, { nvidia: 0.5 }, { 'beignet-investor': 1, 'xai-colossus2-spv': 1, 'abilene-spv': 1 }];
    for (const shocks of scenarios) {
      const result = debtRank(graph, { shocks, mode: 'linear' });
      for (const f of result.firms) {
        const traced = f.hitThrough.reduce((sum, part) => sum + part.lossUsd, 0);
        expect(traced, f.id).toBeCloseTo(f.lossUsd, 3);
        for (const part of f.hitThrough) if (part.deal !== null) expect(graph.hasEdge(part.deal), part.deal).toBe(true);
      }
    }
  });

  it('a lender without a balance sheet is not "failed" when the vehicles it lent to fail: its loss is listed, its distress not computed', () => {
    const result = debtRank(graph, { shocks: { 'beignet-investor': 1, 'xai-colossus2-spv': 1, 'abilene-spv': 1 } });
    const pimco = firm(result, 'pimco');
    expect(pimco).toMatchObject({ final: null, equityUsd: null, failed: false });
    expect(pimco.lossUsd).toBeCloseTo(18e9, 0);
    expect(pimco.hitThrough).toEqual([{ deal: 'pimco-beignet-bonds-2025', from: 'beignet-investor', lossUsd: pimco.lossUsd, round: 2 }]);
    // JPMorgan has a balance sheet: the Abilene and Vantage loans are a small share of it.
    const jpmorgan = firm(result, 'jpmorgan');
    expect(jpmorgan.lossShare).toBeGreaterThan(0);
    expect(jpmorgan.lossShare).toBeLessThan(0.1);
  });

  it('debtRank(graph, {shocks: {openai: 1}}) passes nothing to AMD and Broadcom directly, because what OpenAI buys from them is undisclosed', () => {
    const result = debtRank(graph, { shocks: { openai: 1 } });
    for (const id of ['amd', 'broadcom']) {
      expect(firm(result, id).undisclosedDeals).toBeGreaterThan(0);
      expect(exposures(graph).find((e) => e.holder === id && e.counterparty === 'openai')).toMatchObject({ amountUsd: 0, undisclosedDeals: 1 });
      expect(firm(result, id).hitThrough.filter((part) => part.from === 'openai')).toEqual([]);
    }
  });

  it('debtRank(graph, {shocks}) keeps bounds and monotonicity for a shock of 0.25, 0.5 and 1 on every firm', () => {
    for (const mode of ['original', 'linear'] as const) {
      // Linear runs may stop at different rounds for different levels, within epsilon of the limit.
      const tolerance = mode === 'original' ? 0 : 1e-6;
      for (const shocked of graph.nodes()) {
        let previous: Record<string, number | null> | null = null;
        for (const level of [0.25, 0.5, 1]) {
          const result = debtRank(graph, { shocks: { [shocked]: level }, mode, maxRounds: 10_000 });
          expect(result.converged).toBe(true);
          expect(result.debtRank).toBeGreaterThanOrEqual(0);
          if (mode === 'original') expect(result.rounds).toBeLessThanOrEqual(graph.order + 1);
          const h = finals(result);
          for (const [id, x] of Object.entries(h)) {
            if (x === null) continue;
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
            const before = previous?.[id];
            if (before !== null && before !== undefined) expect(x, `${mode} ${shocked}@${level} ${id}`).toBeGreaterThanOrEqual(before - tolerance);
          }
          previous = h;
        }
      }
    }
  });
});

describe('debtRank: what each flow kind exposes, and the buffers', () => {
  // m holds a $20 stake in c, sells $100 of chips to c, guarantees $30 for c, and is c's partner.
  const flows = () => {
    const data = dataSetFromEdges([
      ['m', 'c', { type: 'equity', amountUsd: 20, flow: 'holding' }],
      ['c', 'm', { type: 'purchase', amountUsd: 100 }],
      ['m', 'c', { type: 'guarantee', amountUsd: 30 }],
      ['m', 'c', { type: 'partnership', amountUsd: 50 }],
      ['c', 'm', { type: 'warrants', amountUsd: 10 }],
    ]);
    data.entities.find((e) => e.id === 'm')!.balance = { equityUsd: 200 };
    return buildFirmGraph(data);
  };

  it('counts a stake at its value, committed purchases at the loss share, value in kind whole, guarantees only when called, partnerships never', () => {
    const result = debtRank(flows(), { shocks: { c: 1 } });
    const m = firm(result, 'm');
    // 20 (stake) + 0.3 × 100 (chips) + 10 (warrants) = 60 of 200.
    expect(m.lossUsd).toBeCloseTo(60, 9);
    expect(m.lossShare).toBeCloseTo(0.3, 12);
    expect(m.failed).toBe(false);
    const byDeal = Object.fromEntries(m.hitThrough.map((part) => [part.deal, part.lossUsd]));
    expect(byDeal).toEqual({ 'e0-m-c': expect.closeTo(20, 9), 'e1-c-m': expect.closeTo(30, 9), 'e4-c-m': expect.closeTo(10, 9) });
    // The guarantee is the beneficiary's asset, so m (the guarantor) is not exposed through it to c either way.
    expect(firm(debtRank(flows(), { shocks: { c: 1 }, called: true }), 'm').lossUsd).toBeCloseTo(60, 9);
    // With the whole commitment counted, m loses 20 + 100 + 10 = 130.
    expect(firm(debtRank(flows(), { shocks: { c: 1 }, lossShare: { committed: 1 } }), 'm').lossUsd).toBeCloseTo(130, 9);
  });

  it('a called guarantee exposes its beneficiary; an uncalled one exposes nothing', () => {
    const data = dataSetFromEdges([['g', 'b', { type: 'guarantee', amountUsd: 30 }]]);
    data.entities.find((e) => e.id === 'b')!.balance = { equityUsd: 60 };
    const graph = buildFirmGraph(data);
    expect(firm(debtRank(graph, { shocks: { g: 1 } }), 'b').lossUsd).toBe(0);
    expect(firm(debtRank(graph, { shocks: { g: 1 }, called: true }), 'b')).toMatchObject({ lossUsd: 30, lossShare: 0.5, final: 0.5 });
  });

  it('takes a buffer the analyst gives over the balance sheet, and labels the proxy', () => {
    const graph = flows();
    expect(firm(debtRank(graph, { shocks: { c: 1 }, equity: { m: 50 } }), 'm')).toMatchObject({ buffer: 'given', equityUsd: 50, failed: true, lossUsd: 50 });
    expect(firm(debtRank(graph, { shocks: { c: 1 }, buffers: 'proxy' }), 'm')).toMatchObject({ buffer: 'proxy', equityUsd: 60, failed: true });
  });

  it('a firm with no buffer passes on the shock it is given, and its own losses are traced in dollars', () => {
    const graph = graphOf([
      ['a', 'b', deal('loan', 40)],
      ['b', 'c', deal('loan', 10)],
    ]);
    // Nobody has a balance sheet: b's loss is what arrived, 40; b is not distressed, so c loses nothing.
    const result = debtRank(graph, { shocks: { b: 1 } });
    expect(firm(result, 'a')).toMatchObject({ final: null, lossUsd: 40, lossShare: null, failed: false });
    expect(firm(result, 'b')).toMatchObject({ initial: 1, final: 1 });
  });

  it('attributed losses add up to each firm\'s loss and never exceed its exposure to the firm they came from', () => {
    const firms = ['a', 'b', 'c', 'd', 'e'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ from: fc.constantFrom(...firms), to: fc.constantFrom(...firms), type: fc.constantFrom(...DEAL_TYPES), amount: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }) }),
          { maxLength: 14 },
        ),
        fc.dictionary(fc.constantFrom(...firms), fc.integer({ min: 1, max: 150 })),
        fc.constantFrom('original' as const, 'linear' as const),
        fc.constantFrom(...firms),
        (edges, equities, mode, shocked) => {
          const data = dataSetFromEdges(edges.filter((e) => e.from !== e.to).map((e) => [e.from, e.to, deal(e.type, e.amount)] as const), firms);
          for (const entity of data.entities) if (equities[entity.id] !== undefined) entity.balance = { equityUsd: equities[entity.id]! };
          const graph = buildFirmGraph(data);
          const result = debtRank(graph, { shocks: { [shocked]: 1 }, mode });
          const exposure = new Map(exposures(graph).map((e) => [`${e.holder}<${e.counterparty}`, e.amountUsd]));
          for (const f of result.firms) {
            expect(f.hitThrough.reduce((sum, part) => sum + part.lossUsd, 0)).toBeCloseTo(f.lossUsd, 6);
            const fromEach = new Map<string, number>();
            for (const part of f.hitThrough) if (part.from !== null) fromEach.set(part.from, (fromEach.get(part.from) ?? 0) + part.lossUsd);
            for (const [from, lost] of fromEach) expect(lost).toBeLessThanOrEqual((exposure.get(`${f.id}<${from}`) ?? 0) + 1e-9);
            if (f.equityUsd !== null) expect(f.lossUsd).toBeLessThanOrEqual(f.equityUsd + 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('debtRank against a published worked example', () => {
  /*
   * The three-bank example of the NetworkRiskMeasures R package (C. Cinelli), whose README prints
   * DebtRank by the original rule of Battiston et al. (2012) for this network: exposures
   * matrix(c(0,10,3,1,0,2,0,3,0), ncol = 3) — a lent 1 to b; b lent 10 to a and 3 to c; c lent 3 to
   * a and 2 to b — equity a = 2, b = 5, c = 2, economic value 10, 100, 30. Printed: a defaults →
   * DebtRank 0.9285714 (2 additional defaults); b → 0.25 (1); c → 0.6642857 (0); a 10% shock to all
   * → 16.07%, final stress a 0.15, b 0.26, c 0.30. Source: github.com/carloscinelli/NetworkRiskMeasures,
   * README.md at commit a0b35b882eaf1215c90a9e3881b92f2d80058508 (the same example, without its
   * output, is in the @examples of R/DebtRank.R, which cites Battiston et al. 2012). The printed
   * figures need the impact of each exposure capped at 1 (min(1, A_ij / E_i)), as the package then
   * did (R/vulnerability_communicability.R) and as contagion.ts does.
   */
  const banks = () => {
    const data = dataSetFromEdges([
      ['a', 'b', deal('loan', 1)],
      ['b', 'a', deal('loan', 10)],
      ['b', 'c', deal('loan', 3)],
      ['c', 'a', deal('loan', 3)],
      ['c', 'b', deal('loan', 2)],
    ]);
    const equity: Record<string, number> = { a: 2, b: 5, c: 2 };
    for (const entity of data.entities) entity.balance = { equityUsd: equity[entity.id]! };
    return buildFirmGraph(data);
  };
  const value = { a: 10, b: 100, c: 30 };

  it('reproduces the printed DebtRank of each default and the additional defaults', () => {
    const cases: Array<[string, number, number]> = [
      ['a', 0.9285714, 2],
      ['b', 0.25, 1],
      ['c', 0.6642857, 0],
    ];
    for (const [bank, printed, defaults] of cases) {
      const result = debtRank(banks(), { shocks: { [bank]: 1 }, value });
      expect(result.debtRank, bank).toBeCloseTo(printed, 7);
      expect(result.firms.filter((f) => f.id !== bank && f.failed).length, bank).toBe(defaults);
    }
  });

  it('reproduces the 10% shock to every bank: DebtRank 16.07% and the final stress of each', () => {
    const result = debtRank(banks(), { shocks: { a: 0.1, b: 0.1, c: 0.1 }, value });
    expect(result.debtRank).toBeCloseTo(0.1607, 4);
    expect(finals(result)).toEqual({ a: expect.closeTo(0.15, 12), b: expect.closeTo(0.26, 12), c: expect.closeTo(0.3, 12) });
  });
});
