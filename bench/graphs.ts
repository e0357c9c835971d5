/**
 * Seeded graph generators for benchmarks: the same seed always gives the same graph.
 */
import type { DataSet, Deal, DealType } from '../src/data/types.js';

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ArcList {
  n: number;
  arcs: Array<[number, number]>;
}

/** m distinct arcs between n vertices, no self-loops, chosen uniformly with a seed. */
export function randomDigraph(n: number, m: number, seed: number): ArcList {
  const random = seededRandom(seed);
  const seen = new Set<number>();
  const arcs: Array<[number, number]> = [];
  if (m > n * (n - 1)) throw new Error('too many arcs');
  while (arcs.length < m) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b || seen.has(a * n + b)) continue;
    seen.add(a * n + b);
    arcs.push([a, b]);
  }
  return { n, arcs };
}

export function completeDigraph(n: number): ArcList {
  const arcs: Array<[number, number]> = [];
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) arcs.push([a, b]);
  return { n, arcs };
}

export const vertexId = (i: number, n: number): string => `f${String(i).padStart(String(n).length, '0')}`;

const TYPES: DealType[] = ['investment', 'purchase', 'equity', 'loan', 'revenue-share', 'guarantee'];

/** A data set of n firms and m deals (some parallel, some undisclosed) for whole-pipeline benchmarks. */
export function randomDataSet(n: number, m: number, seed: number): DataSet {
  const random = seededRandom(seed);
  const entities = Array.from({ length: n }, (_, i) => ({ id: vertexId(i, n), name: `Firm ${i}`, kind: 'other' as const }));
  const deals: Deal[] = [];
  for (let i = 0; i < m; i++) {
    let a = Math.floor(random() * n);
    let b = Math.floor(random() * n);
    if (a === b) b = (b + 1) % n;
    if (random() < 0.02 && deals.length > 0) {
      // A parallel deal on an existing pair.
      const previous = deals[Math.floor(random() * deals.length)] as Deal;
      a = Number(previous.from.slice(1));
      b = Number(previous.to.slice(1));
    }
    const undisclosed = random() < 0.2;
    const amount = undisclosed ? null : Math.round(10 ** (6 + random() * 5));
    const month = 1 + Math.floor(random() * 12);
    deals.push({
      id: `d${i}`,
      from: vertexId(a, n),
      to: vertexId(b, n),
      type: TYPES[Math.floor(random() * TYPES.length)] as DealType,
      amountUsd: amount,
      amountBasis: amount === null ? 'undisclosed' : 'committed',
      date: `${2020 + Math.floor(random() * 6)}-${String(month).padStart(2, '0')}`,
      status: 'reported',
      title: `Deal ${i}`,
      sources: [{ url: 'https://example.com/', title: 'Generated' }],
    });
  }
  return { entities, deals };
}

/** The header of a deals CSV, as the explorer's import reads it. */
export const DEALS_CSV_HEADER = 'id,from,to,type,amountUsd,amountBasis,date,title,sourceUrl,sourceTitle,status';

/**
 * A valid deals CSV of m deals among n firms (named `Firm 001` …, none of them a shipped firm, so
 * the import adds each as a new firm): investments, purchases and loans of $1M to $10B, committed,
 * reported, dated by month over 2025–2026, each with its own source link (its title left empty:
 * the import then titles the source by its link).
 */
export function dealsCsv(n: number, m: number, seed: number): string {
  const random = seededRandom(seed);
  const names = Array.from({ length: n }, (_, i) => `Firm ${String(i + 1).padStart(String(n).length, '0')}`);
  const types = ['investment', 'purchase', 'loan'];
  const lines = [DEALS_CSV_HEADER];
  for (let i = 1; i <= m; i++) {
    const a = Math.floor(random() * n);
    let b = Math.floor(random() * (n - 1));
    if (b >= a) b++;
    const amount = (1 + Math.floor(random() * 2000)) * 5_000_000;
    const month = Math.floor(random() * 24);
    const date = `${2025 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    const type = types[Math.floor(random() * types.length)] as string;
    lines.push(`d${i},${names[a]},${names[b]},${type},${amount},committed,${date},Deal ${i},https://example.com/${i},,reported`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The family of Johnson (1975), figure 1, on which searches without Johnson's blocking take time
 * exponential in k: 3k + 3 vertices (numbered from 0 here), 6k + 3 arcs, exactly 3k circuits.
 */
export function johnsonWorstCase(k: number): ArcList {
  const arcs: Array<[number, number]> = [];
  const arc = (a: number, b: number): void => {
    arcs.push([a - 1, b - 1]);
  };
  for (let v = 2; v < k + 2; v++) {
    arc(1, v);
    arc(v, k + 2);
  }
  arc(2 * k + 1, 1);
  for (let v = k + 2; v < 2 * k + 2; v++) {
    arc(v, 2 * k + 2);
    arc(v, v + 1);
  }
  arc(2 * k + 3, k + 2);
  for (let v = 2 * k + 3; v < 3 * k + 3; v++) {
    arc(2 * k + 2, v);
    arc(v, 3 * k + 3);
  }
  arc(3 * k + 3, 2 * k + 2);
  return { n: 3 * k + 3, arcs };
}
