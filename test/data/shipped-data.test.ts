/**
 * The shipped data set against the facts sheet it was compiled from (../shared/deals-facts.md):
 * every deal of the sheet is a record with the same parties, direction, type, amount, date and source.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataSetFromText } from '../../src/data/load.js';
import { formatProblem } from '../../src/data/problem.js';
import type { DataSet } from '../../src/data/types.js';

const root = path.resolve(import.meta.dirname, '../..');
const factsPath = path.resolve(root, '../shared/deals-facts.md');

interface Fact {
  from: string;
  to: string;
  type: string;
  amountUsd: number | null;
  date: string;
  status: string;
  title: string;
  source: { url: string; title: string };
}

function readFacts(): { facts: Fact[]; entityLines: string[] } {
  const text = readFileSync(factsPath, 'utf8');
  const block = /```jsonl\n([\s\S]*?)```/.exec(text);
  if (!block?.[1]) throw new Error(`no jsonl block in ${factsPath}`);
  const facts = block[1].trim().split('\n').map((line) => JSON.parse(line) as Fact);
  const section = /## Entities[^\n]*\n([\s\S]*?)\n## /.exec(text)?.[1] ?? '';
  const entityLines = section.replace(/\n {2}/g, ' ').split('\n').filter((l) => l.startsWith('- '));
  return { facts, entityLines };
}

function shipped(): DataSet {
  const read = (name: string) => ({ name, text: readFileSync(path.join(root, 'data', name), 'utf8') });
  const result = loadDataSetFromText(read('entities.json'), read('deals.json'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.data;
}

describe('the shipped data set', () => {
  const data = shipped();
  const { facts, entityLines } = readFacts();

  it('is valid', () => {
    expect(data.deals.length).toBeGreaterThanOrEqual(40);
  });

  it('holds every deal of the facts sheet, once, with its direction, amount, date and source', () => {
    expect(facts).toHaveLength(40);
    const used = new Set<string>();
    for (const fact of facts) {
      const match = data.deals.find(
        (d) =>
          !used.has(d.id) &&
          d.from === fact.from &&
          d.to === fact.to &&
          d.type === fact.type &&
          d.amountUsd === fact.amountUsd &&
          d.date === fact.date &&
          d.sources.some((s) => s.url === fact.source.url),
      );
      expect(match, `${fact.from}→${fact.to} ${fact.type} ${fact.date} ${fact.title}`).toBeDefined();
      used.add(match!.id);
    }
  });

  it('never gives a figure for an amount the facts sheet leaves undisclosed', () => {
    for (const fact of facts.filter((f) => f.amountUsd === null)) {
      const deal = data.deals.find((d) => d.from === fact.from && d.to === fact.to && d.type === fact.type && d.date === fact.date);
      expect(deal?.amountUsd, `${fact.from}→${fact.to}`).toBeNull();
      expect(deal?.amountBasis).toBe('undisclosed');
    }
  });

  it('keeps the letters of intent as letters of intent', () => {
    for (const fact of facts.filter((f) => /^LOI\b/.test(f.status))) {
      const deal = data.deals.find((d) => d.from === fact.from && d.to === fact.to && d.type === fact.type && d.date === fact.date);
      expect(deal?.status, `${fact.from}→${fact.to}`).toBe('loi');
    }
  });

  it('records every entity of the facts sheet with its kind and ticker', () => {
    const byId = new Map(data.entities.map((e) => [e.id, e]));
    let count = 0;
    for (const line of entityLines) {
      const kind = /^- ([a-z-]+)/.exec(line)?.[1];
      const entries = line.replace(/^- [^:]+:\s*/, '').split(' · ');
      for (const entry of entries) {
        const tokens = entry.trim().split(/\s+/);
        const id = tokens[0]!;
        const entity = byId.get(id);
        expect(entity, id).toBeDefined();
        expect(entity?.kind, id).toBe(kind);
        const last = tokens[tokens.length - 1]!;
        if (tokens.length >= 3 && /^[A-Z]{2,5}$/.test(last)) expect(entity?.ticker, id).toBe(last);
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(29);
  });

  it('names the firms of the seed article, the hyperscalers, the lenders and the vehicles', () => {
    const ids = new Set(data.entities.map((e) => e.id));
    for (const id of ['nvidia', 'openai', 'oracle', 'coreweave', 'microsoft', 'amd', 'xai', 'meta', 'alphabet', 'amazon', 'pimco', 'blackrock', 'apollo', 'blue-owl', 'jpmorgan']) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(data.entities.filter((e) => e.kind === 'spv').length).toBeGreaterThanOrEqual(3);
  });

  it('gives every deal beyond the facts sheet a source and says where its structure comes from', () => {
    const factUrls = new Set(facts.map((f) => f.source.url));
    for (const deal of data.deals) {
      expect(deal.sources.length, deal.id).toBeGreaterThan(0);
      expect(deal.sources.every((s) => factUrls.has(s.url)), deal.id).toBe(true);
    }
  });
});
