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

/** Facts of the sheet that later reporting corrected, by "from>to type date": the record and what changed. */
const CORRECTED_FACTS: Record<string, { id: string; amountUsd?: number | null; date?: string; why: string }> = {
  'nvidia>openai investment 2026-02-19': { id: 'nvidia-openai-round-2026', date: '2026-02-27', why: 'OpenAI named the $30B on 27 February 2026; the round closed on 31 March' },
  'jpmorgan>abilene-spv loan 2025-05': { id: 'jpmorgan-abilene-loan-2025', amountUsd: 7.1e9, date: '2025-05-21', why: 'two loans, $2.3B (January) + $7.1B (May) = $9.4B' },
  'openai>coreweave equity 2025-03-10': { id: 'openai-coreweave-equity-2025', date: '2025-03-07', why: 'the stock issuance agreement is dated 7 March 2025' },
  'apollo>xai-colossus2-spv loan 2025-10-07': { id: 'apollo-colossus2-spv-debt-2025', amountUsd: 3.5e9, date: '2026-01-07', why: "Apollo's reported part of the package; the rest is other lenders'" },
  'blue-owl>beignet-investor equity 2025-10': { id: 'blue-owl-beignet-equity-2025', date: '2025-10-21', why: "Meta's release of 21 October 2025" },
  'pimco>beignet-investor loan 2025-10-16': { id: 'pimco-beignet-bonds-2025', amountUsd: 18e9, why: "Pimco's reported ~$18B of the $27B bonds; BlackRock and other lenders hold the rest" },
};

/** Leads of ../shared/deals-2026-leads.md that reporting confirmed: id, from, to, type, flow, amount, date, first publisher. */
const KEPT_LEADS: ReadonlyArray<readonly [string, string, string, string, string, number | null, string, string]> = [
  ['amazon-openai-investment-2026', 'amazon', 'openai', 'investment', 'paid', 15e9, '2026-02-27', "Tom's Hardware"],
  ['amazon-openai-conditional-2026', 'amazon', 'openai', 'investment', 'contingent', 35e9, '2026-02-27', "Mentat"],
  ['openai-amazon-compute-2026', 'openai', 'amazon', 'purchase', 'committed', 100e9, '2026-02-27', "Tom's Hardware"],
  ['softbank-openai-investment-2025', 'softbank', 'openai', 'investment', 'paid', 22.5e9, '2025-12-26', "ITBear"],
  ['softbank-openai-investment-2026', 'softbank', 'openai', 'investment', 'committed', 30e9, '2026-02-27', "36Kr"],
  ['nvidia-xai-series-e-2026', 'nvidia', 'xai', 'investment', 'paid', null, '2026-01-06', "TechToday"],
  ['anthropic-spacex-colossus-2026', 'anthropic', 'spacex', 'purchase', 'committed', 45e9, '2026-05-03', "The GPU Trade"],
  ['anthropic-alphabet-tpus-2025', 'anthropic', 'alphabet', 'purchase', 'committed', null, '2025-10-23', "theglobalpractice.com"],
  ['anthropic-alphabet-cloud-2026', 'anthropic', 'alphabet', 'purchase', 'committed', 200e9, '2026-05-05', "The Information"],
  ['alphabet-anthropic-investment-2026', 'alphabet', 'anthropic', 'investment', 'paid', 10e9, '2026-04-24', "TechCrunch"],
  ['alphabet-anthropic-conditional-2026', 'alphabet', 'anthropic', 'investment', 'contingent', 30e9, '2026-04-24', "TechCrunch"],
  ['amazon-anthropic-investment-2026', 'amazon', 'anthropic', 'investment', 'paid', 5e9, '2026-04-20', "Startup Fortune"],
  ['amazon-anthropic-conditional-2026', 'amazon', 'anthropic', 'investment', 'contingent', 20e9, '2026-04-20', "Startup Fortune"],
  ['anthropic-amazon-compute-2026', 'anthropic', 'amazon', 'purchase', 'committed', 100e9, '2026-04-20', "Anthropic"],
  ['anthropic-broadcom-tpu-racks-2025', 'anthropic', 'broadcom', 'purchase', 'committed', 21e9, '2025-12-11', "The Decoder"],
  ['meta-coreweave-compute-2025', 'meta', 'coreweave', 'purchase', 'committed', 14.2e9, '2025-09-30', "Bisnow"],
  ['meta-coreweave-compute-2026', 'meta', 'coreweave', 'purchase', 'committed', 21e9, '2026-04-09', "Krasa AI"],
  ['amd-meta-warrants-2026', 'amd', 'meta', 'warrants', 'in-kind', null, '2026-02-24', "NewsBytes"],
  ['meta-amd-gpus-2026', 'meta', 'amd', 'purchase', 'committed', 60e9, '2026-02-24', "NewsBytes"],
  ['meta-nvidia-gpus-2026', 'meta', 'nvidia', 'purchase', 'committed', null, '2026-02-17', "AI News Home"],
  ['meta-alphabet-cloud-2025', 'meta', 'alphabet', 'purchase', 'committed', 10e9, '2025-08-21', "Reuters"],
  ['meta-alphabet-tpus-2026', 'meta', 'alphabet', 'purchase', 'committed', null, '2026-02-26', "Token Times"],
  ['microsoft-iren-capacity-2025', 'microsoft', 'iren', 'purchase', 'committed', 9.7e9, '2025-11-03', "YourStory"],
  ['nvidia-iren-investment-option-2026', 'nvidia', 'iren', 'investment', 'contingent', 2.1e9, '2026-05-07', "SimianX AI"],
  ['nvidia-iren-cloud-2026', 'nvidia', 'iren', 'purchase', 'committed', 3.4e9, '2026-05-07', "q.fitabro.com"],
  ['nvidia-lambda-lease-2025', 'nvidia', 'lambda', 'purchase', 'committed', 1.5e9, '2025', "The Information"],
  ['microsoft-lambda-capacity-2025', 'microsoft', 'lambda', 'purchase', 'committed', null, '2025-11-03', "LittleTool blog"],
  ['nvidia-nebius-equity-2026', 'nvidia', 'nebius', 'equity', 'paid', 2e9, '2026-03-11', "Morning Overview"],
  ['ig-bonds-oracle-2026', 'ig-bond-investors', 'oracle', 'loan', 'paid', 25e9, '2026-02-02', "FI Desk"],
  ['openai-cerebras-compute-2026', 'openai', 'cerebras', 'purchase', 'committed', 10e9, '2026-01-14', "What The Future"],
  ['microsoft-openai-revenue-share-2019', 'microsoft', 'openai', 'revenue-share', 'paid', null, '2019', "The Prompt Insider"],
  ['openai-microsoft-revenue-share-2026', 'openai', 'microsoft', 'revenue-share', 'committed', 38e9, '2026-04-27', "The Prompt Insider"],
  ['jpmorgan-abilene-loan-2025-01', 'jpmorgan', 'abilene-spv', 'loan', 'paid', 2.3e9, '2025-01', "Commercial Observer"],
  ['blackrock-beignet-bonds-2025', 'blackrock', 'beignet-investor', 'loan', 'paid', 3e9, '2025-10-16', "Wall Street Journal"],
  ['other-lenders-beignet-bonds-2025', 'other-lenders', 'beignet-investor', 'loan', 'paid', null, '2025-10-16', "The Wall Street Journal"],
  ['meta-beignet-rvg-2025', 'meta', 'beignet-investor', 'guarantee', 'contingent', null, '2025-10-21', "Meta"],
  ['other-lenders-colossus2-spv-debt-2025', 'other-lenders', 'xai-colossus2-spv', 'loan', 'paid', null, '2025-10-07', "Tom's Hardware"],
  ['openai-cerebras-compute-2026-04', 'openai', 'cerebras', 'purchase', 'committed', 20e9, '2026-04-17', "The GPU Trade"],
  ['openai-cerebras-loan-2026', 'openai', 'cerebras', 'loan', 'paid', 1e9, '2026-04-17', "The GPU Trade"],
  ['cerebras-openai-warrants-2026', 'cerebras', 'openai', 'warrants', 'in-kind', null, '2026-04-17', "The GPU Trade"],
];

/**
 * Balance sheets read for the December 2026 update: firm, equity, balance-sheet date, how the figure
 * was read (book equity or a valuation, said in basis) and who published the page read.
 */
const BALANCES: ReadonlyArray<readonly [string, number, string, RegExp, string]> = [
  ['oracle', 43_056e6, '2026-05-31', /total stockholders' equity .*Form 10-K/, 'Oracle via SEC EDGAR'],
  ['iren', 4_185.613e6, '2026-06-30', /total shareholders' equity .*Form 10-K/, 'IREN Form 10-K'],
  ['blackrock', 55_888e6, '2025-12-31', /BlackRock, Inc\. stockholders' equity .*Form 10-K/, 'BlackRock Form 10-K'],
  ['amd', 63.0e9, '2025-12-27', /^COMPUTED, not read as one figure/, 'Stock Analysis on Net'],
  ['lambda', 2.5e9, '2025-02', /valuation .*not book equity/, 'TechCrunch'],
  ['cerebras', 23.1e9, '2026-02-04', /valuation .*not book equity/, 'MarketScreener'],
  ['vantage', 12e9, '2024-12', /^private company: equity raised, not book equity and not a valuation.*A floor\./, 'Bisnow'],
];

/** Sources added in December 2026, by deal: who published the page and whether it is the outlet's own report. */
const ADDED_SOURCES: ReadonlyArray<readonly [string, string, 'report' | 'copy', string | undefined]> = [
  ['xai-nvidia-colossus1-2024', 'Reuters', 'copy', '2024-12-05'],
  ['anthropic-amazon-compute-2026', 'Axios', 'report', undefined],
  ['amazon-anthropic-investment-2026', 'Axios', 'report', undefined],
  ['amazon-anthropic-conditional-2026', 'Axios', 'report', undefined],
  ['microsoft-openai-investment-2023', 'Shacknews', 'report', '2023-01-23'],
  ['meta-alphabet-cloud-2025', 'NewsBytes', 'report', '2025-08-23'],
  ['anthropic-alphabet-tpus-2025', 'Pulse 2.0', 'report', undefined],
  ['meta-beignet-equity-2025', 'Globe Banner', 'report', undefined],
  ['meta-beignet-rvg-2025', 'WareData', 'report', undefined],
  ['nvidia-openai-round-2026', 'PC Gamer', 'report', '2026-02-27'],
];

describe('the shipped data set', () => {
  const data = shipped();
  const { facts, entityLines } = readFacts();

  it('is valid', () => {
    expect(data.deals.length).toBeGreaterThanOrEqual(40);
  });

  it('holds every deal of the facts sheet, once, with its direction and type, and its amount, date and source or the correction reporting made', () => {
    expect(facts).toHaveLength(40);
    const used = new Set<string>();
    for (const fact of facts) {
      const key = `${fact.from}>${fact.to} ${fact.type} ${fact.date}`;
      const corrected = CORRECTED_FACTS[key];
      const amountUsd = corrected && 'amountUsd' in corrected ? corrected.amountUsd : fact.amountUsd;
      const date = corrected?.date ?? fact.date;
      const match = data.deals.find((d) => !used.has(d.id) && d.from === fact.from && d.to === fact.to && d.type === fact.type && d.amountUsd === amountUsd && d.date === date);
      expect(match, `${key} ${fact.title}`).toBeDefined();
      if (corrected) expect(match?.id, key).toBe(corrected.id);
      used.add(match!.id);
      // The fact's source stays, unless the sheet had only a placeholder title for it: then the deal
      // carries sources whose headlines were read instead.
      const placeholder = /^\[(slug|no title seen)\]/.test(fact.source.title);
      if (!placeholder) expect(match!.sources.some((s) => s.url === fact.source.url), `${key}: ${fact.source.url}`).toBe(true);
      expect(match!.sources.length, key).toBeGreaterThan(0);
    }
  });

  it('holds every lead of December 2026 that reporting confirmed, with parties, direction, type, flow, amount, date and who reported it', () => {
    for (const [id, from, to, type, flow, amountUsd, date, publisher] of KEPT_LEADS) {
      const deal = data.deals.find((d) => d.id === id);
      expect(deal, id).toBeDefined();
      expect({ from: deal?.from, to: deal?.to, type: deal?.type, flow: deal?.flow, amountUsd: deal?.amountUsd, date: deal?.date }, id).toEqual({ from, to, type, flow, amountUsd, date });
      expect(deal?.sources.some((s) => s.publisher?.startsWith(publisher)), `${id}: ${publisher}`).toBe(true);
    }
  });

  it('keeps the corrections: the round closed, the stake and the backstop are no payments, a raised contract and a renewed share replace the old, an ended share ends', () => {
    const deal = (id: string) => {
      const found = data.deals.find((d) => d.id === id);
      if (!found) throw new Error(`no deal ${id}`);
      return found;
    };
    expect(deal('nvidia-openai-round-2026')).toMatchObject({ status: 'confirmed', amountUsd: 30e9 });
    expect(deal('nvidia-openai-round-2026').statusNote).toContain('closed 31 Mar 2026');
    expect(deal('microsoft-openai-stake-2025').flow).toBe('holding');
    expect(deal('nvidia-coreweave-backstop-2025').flow).toBe('contingent');
    // The shares came with the services contract: no money moved, OpenAI holds a stake.
    expect(deal('openai-coreweave-equity-2025')).toMatchObject({ flow: 'holding', amountUsd: 350e6 });
    expect(deal('openai-microsoft-revenue-share').supersededBy).toBe('openai-microsoft-revenue-share-2026');
    expect(deal('microsoft-openai-revenue-share-2019').endDate).toBe('2026-04-27');
    expect(deal('openai-cerebras-compute-2026').supersededBy).toBe('openai-cerebras-compute-2026-04');
    // OpenAI's AWS commitment grew by $100B: a deal of its own, the $38B one stays.
    expect(deal('openai-amazon-compute-2025').supersededBy).toBeUndefined();
    // The Abilene loans add up to the reported $9.4B; the lender packages are split by reported holdings.
    expect(deal('jpmorgan-abilene-loan-2025').amountUsd! + deal('jpmorgan-abilene-loan-2025-01').amountUsd!).toBe(9.4e9);
    expect(deal('pimco-beignet-bonds-2025').amountUsd).toBe(18e9);
    expect(deal('blackrock-beignet-bonds-2025').amountUsd).toBe(3e9);
    expect(deal('other-lenders-beignet-bonds-2025').amountUsd).toBeNull();
    expect(deal('apollo-colossus2-spv-debt-2025').amountUsd).toBe(3.5e9);
    const xai = data.entities.find((e) => e.id === 'xai');
    expect(xai).toMatchObject({ acquiredBy: 'spacex', acquiredDate: '2026-02-02' });
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

  it('gives balance sheets with their date, basis and source: book equity for listed firms, the last round for the big labs', () => {
    const byId = new Map(data.entities.map((e) => [e.id, e]));
    for (const id of ['nvidia', 'microsoft', 'amazon', 'meta', 'oracle', 'intel', 'jpmorgan', 'openai', 'anthropic', 'xai']) {
      const balance = byId.get(id)?.balance;
      expect(balance, id).toBeDefined();
      expect(balance?.asOf, id).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(balance?.basis, id).toBeTruthy();
      expect(balance?.source?.publisher, id).toBeTruthy();
      expect(balance?.source?.kind, id).toMatch(/^(primary|report|copy)$/);
    }
    // A private lab's figure is a valuation, and says so.
    expect(byId.get('openai')?.balance?.basis).toMatch(/valuation/);
  });

  it('gives the balance sheets read in December 2026 with their figure, date, basis and publisher', () => {
    const byId = new Map(data.entities.map((e) => [e.id, e]));
    for (const [id, equityUsd, asOf, basis, publisher] of BALANCES) {
      const balance = byId.get(id)?.balance;
      expect({ equityUsd: balance?.equityUsd, asOf: balance?.asOf }, id).toEqual({ equityUsd, asOf });
      expect(balance?.basis, id).toMatch(basis);
      expect(balance?.source?.publisher?.startsWith(publisher), `${id}: ${publisher}`).toBe(true);
      expect(balance?.source?.kind, id).toMatch(/^(primary|report|copy)$/);
    }
  });

  it('keeps the sources added in December 2026: the dated Reuters report on Colossus 1, and an outlet\'s own report where a deal had only copies', () => {
    for (const [id, publisher, kind, date] of ADDED_SOURCES) {
      const deal = data.deals.find((d) => d.id === id);
      const source = deal?.sources.find((s) => s.publisher?.startsWith(publisher));
      expect(source, `${id}: ${publisher}`).toBeDefined();
      expect({ kind: source?.kind, date: source?.date }, id).toEqual({ kind, date });
      // A deal that got a report no longer rests on copies alone.
      if (kind === 'report') expect(deal?.sources.some((s) => s.kind !== 'copy'), id).toBe(true);
    }
    const update = data.changes?.find((c) => c.date === '2026-12-07');
    expect(update?.changed).toEqual(ADDED_SOURCES.map(([id]) => id).sort());
    expect(data.asOf).toBe('2026-12-07');
  });

  it('names for every source who reported it and what kind of source it is, with a real headline, and says when it was checked', () => {
    expect(data.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const deal of data.deals) {
      expect(deal.sources.length, deal.id).toBeGreaterThan(0);
      for (const source of deal.sources) {
        expect(source.publisher, `${deal.id} ${source.url}`).toBeTruthy();
        expect(source.kind, `${deal.id} ${source.url}`).toMatch(/^(primary|report|copy)$/);
        expect(source.title, `${deal.id} ${source.url}`).not.toMatch(/^\[|no title seen/);
      }
      // Publication dates as seen on the page read: every deal has at least one dated source.
      expect(deal.sources.some((s) => s.date !== undefined), `${deal.id} has a dated source`).toBe(true);
    }
  });
});
