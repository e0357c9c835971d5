import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDataSet } from '../../../src/data/import/import-files.js';
import { formatProblem } from '../../../src/data/problem.js';
import { shippedDataSet } from '../../fixtures/shipped.js';

const root = path.resolve(import.meta.dirname, '../../..');
const shipped = shippedDataSet();
const file = (name: string, text: string) => ({ name, text });

const HEADER = 'id,from,to,type,amountUsd,amountBasis,date,title,sourceUrl,sourceTitle';

function problemsOf(result: ReturnType<typeof importDataSet>): string[] {
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('importDataSet', () => {
  it('importDataSet(the two JSON files of data/) gives back the shipped data set', () => {
    const result = importDataSet([
      file('deals.json', readFileSync(path.join(root, 'data/deals.json'), 'utf8')),
      file('entities.json', readFileSync(path.join(root, 'data/entities.json'), 'utf8')),
    ]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data).toEqual(shipped);
      // Only notes: deals whose every source is a copy.
      for (const warning of result.warnings) expect(warning).toMatch(/^deals\.json, deals\[\d+\] "[a-z0-9-]+", sources: every source is a copy/);
      expect(result.name).toBe('deals.json + entities.json');
    }
  });

  it('reads an optional flow column, and names the row of a flow kind it does not know', () => {
    const rows = (flow: string) =>
      [`${HEADER},flow`, `s1,microsoft,openai,equity,135000000000,estimated,2025-10,Stake value,https://example.com/s,S,${flow}`, 'g1,nvidia,coreweave,guarantee,6300000000,committed,2025-09,Backstop,https://example.com/g,G,'].join('\n');
    const result = importDataSet([file('deals.csv', rows('Holding'))], { knownEntities: shipped.entities });
    expect(problemsOf(result)).toEqual([]);
    if (result.ok) {
      expect(result.data.deals.map((d) => d.flow)).toEqual(['holding', undefined]);
    }
    expect(problemsOf(importDataSet([file('deals.csv', rows('cash'))], { knownEntities: shipped.entities }))).toEqual([
      'deals.csv, row 2 "s1", flow: "cash" is not a known flow kind; expected one of paid, committed, in-kind, contingent, holding, no-transfer',
    ]);
  });

  it('reads an Excel-style deals CSV: BOM, ; separator, quotes with ; and newlines, thousands separators, $10B, 1.5bn, names for firms', () => {
    const csv =
      '\uFEFF' +
      [
        'id;from;to;type;amountUsd;amountBasis;date;title;sourceUrl;sourceTitle;status',
        'a1;Nvidia;OpenAI;investment;"1,500,000";committed;2025-09;"Round; first ""tranche""";https://example.com/a;A story;reported',
        'a2;openai;NVDA;purchase;$10B;up-to;2025-10-01;"Chips,\nmany of them";https://example.com/b;;confirmed',
        'a3;OpenAI;Oracle;purchase;1.5bn;estimated;2025;Compute;https://example.com/c;C;loi',
        ';;;;;;;;;;',
      ].join('\r\n');
    const result = importDataSet([file('deals.csv', csv)], { knownEntities: shipped.entities });
    expect(problemsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.data.deals.map((d) => [d.id, d.from, d.to, d.amountUsd, d.amountBasis, d.status])).toEqual([
      ['a1', 'nvidia', 'openai', 1_500_000, 'committed', 'reported'],
      ['a2', 'openai', 'nvidia', 10e9, 'up-to', 'confirmed'],
      ['a3', 'openai', 'oracle', 1.5e9, 'estimated', 'loi'],
    ]);
    expect(result.data.deals[0]!.title).toBe('Round; first "tranche"');
    expect(result.data.deals[1]!.title).toBe('Chips,\nmany of them');
    expect(result.data.deals[1]!.sources).toEqual([{ url: 'https://example.com/b', title: 'https://example.com/b' }]);
    // Only the firms the deals name are in the set, with their known kinds.
    expect(result.data.entities.map((e) => `${e.id}:${e.kind}`).sort()).toEqual(['nvidia:chipmaker', 'openai:ai-lab', 'oracle:hyperscaler']);
  });

  it('creates firms nobody knows, with kind other, and says so', () => {
    const csv = [HEADER, 'x1,Acme AI,Nvidia,purchase,,,2025-01,GPUs,https://example.com/x,X'].join('\n');
    const result = importDataSet([file('deals.csv', csv)], { knownEntities: shipped.entities });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.entities.find((e) => e.id === 'acme-ai')).toEqual({ id: 'acme-ai', name: 'Acme AI', kind: 'other' });
    expect(result.data.deals[0]).toMatchObject({ from: 'acme-ai', amountUsd: null, amountBasis: 'undisclosed', status: 'unconfirmed' });
    expect(result.warnings).toEqual([
      'deals.csv, row 2, from: "Acme AI" is not a known firm; added as "acme-ai" (kind other)',
      'deals.csv: no status given for 1 deal; recorded as unconfirmed',
    ]);
  });

  it('names the row and field of every problem and loads nothing when any row is bad', () => {
    const csv = [
      HEADER,
      'ok1,nvidia,openai,investment,1B,committed,2025-01,Fine,https://example.com/1,One',
      'bad1,nvidia,openai,gift,lots,committed,2025-13,Bad,javascript:alert(1),Two',
      'bad2,nvidia,nvidia,purchase,-5,committed,2025-01,Self,https://example.com/3,Three',
      'bad3,nvidia,openai,purchase,5B,,2025-01,,https://example.com/4,Four',
    ].join('\n');
    const result = importDataSet([file('my deals.csv', csv)], { knownEntities: shipped.entities });
    expect(result.ok).toBe(false);
    expect(problemsOf(result)).toEqual([
      'my deals.csv, row 3 "bad1", amountUsd: "lots" is not an amount (e.g. 1500000, "1,500,000", $10B, 1.5bn); leave it empty when undisclosed',
      'my deals.csv, row 4 "bad2", amountUsd: "-5" is not an amount (e.g. 1500000, "1,500,000", $10B, 1.5bn); leave it empty when undisclosed',
      'my deals.csv, row 5 "bad3", amountBasis: is missing; say what the amount measures: committed, up-to, estimated or annual',
      'my deals.csv, row 3 "bad1", type: "gift" is not a known deal type; expected one of investment, purchase, equity, warrants, loan, revenue-share, guarantee, partnership',
      'my deals.csv, row 3 "bad1", sourceUrl: must be an http(s) URL (got "javascript:alert(1)")',
      'my deals.csv, row 5 "bad3", title: must not be empty',
      'my deals.csv, row 3 "bad1", date: is not a valid date (expected YYYY-MM-DD, YYYY-MM or YYYY) (got "2025-13")',
      'my deals.csv, row 4 "bad2", to: a deal cannot go from a firm to itself ("nvidia")',
    ]);
  });

  it('reads an entities CSV with the deals CSV', () => {
    const entities = ['id,name,kind,ticker', 'acme,Acme Corp,chipmaker,ACME', ',Beta Labs,ai-lab,'].join('\n');
    const deals = [HEADER, 'd1,Acme Corp,beta-labs,investment,2B,committed,2026-01,Stake,https://example.com/d,D'].join('\n');
    const result = importDataSet([file('firms.csv', entities), file('deals.csv', deals)]);
    expect(problemsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.data.entities).toEqual([
      { id: 'acme', name: 'Acme Corp', kind: 'chipmaker', ticker: 'ACME' },
      { id: 'beta-labs', name: 'Beta Labs', kind: 'ai-lab' },
    ]);
    expect(result.data.deals[0]).toMatchObject({ from: 'acme', to: 'beta-labs', amountUsd: 2e9 });
  });

  it("reads an entities CSV's balance sheets and acquisitions, only book equity required, and names the row and column of a bad figure", () => {
    const entities = [
      'id,name,kind,equityUsd,cashUsd,balanceAsOf,balanceBasis,acquiredBy,acquiredDate',
      'acme,Acme Corp,chipmaker,"$12.5B",1.5bn,2026-03-31,"book equity, 10-Q",,',
      'beta,Beta Labs,ai-lab,-3B,,,,acme,2026-02',
      'gamma,Gamma,other,,500M,,,,',
      'delta,Delta,other,lots,,,,,',
    ].join('\n');
    const deals = [HEADER, 'd1,acme,beta,investment,2B,committed,2026-01,Stake,https://example.com/d,D'].join('\n');
    const bad = importDataSet([file('firms.csv', entities), file('deals.csv', deals)]);
    expect(problemsOf(bad)).toEqual([
      'firms.csv, row 4 "gamma", equityUsd: is missing',
      'firms.csv, row 5 "delta", equityUsd: must be a number (got "lots")',
    ]);
    const good = importDataSet([file('firms.csv', entities.split('\n').slice(0, 3).join('\n')), file('deals.csv', deals)]);
    expect(problemsOf(good)).toEqual([]);
    if (!good.ok) return;
    expect(good.data.entities).toEqual([
      { id: 'acme', name: 'Acme Corp', kind: 'chipmaker', balance: { equityUsd: 12.5e9, cashUsd: 1.5e9, asOf: '2026-03-31', basis: 'book equity, 10-Q' } },
      { id: 'beta', name: 'Beta Labs', kind: 'ai-lab', acquiredBy: 'acme', acquiredDate: '2026-02', balance: { equityUsd: -3e9 } },
    ]);
  });

  it('reports its progress: each file read, then the deals being checked', () => {
    const deals = [HEADER, 'd1,nvidia,openai,investment,2B,committed,2026-01,Stake,https://example.com/d,D', 'd2,openai,nvidia,purchase,,,2026-02,Chips,https://example.com/e,E'].join('\n');
    const seen: unknown[] = [];
    const result = importDataSet([file('deals.csv', deals)], { knownEntities: shippedDataSet().entities }, (progress) => seen.push(progress));
    expect(result.ok).toBe(true);
    expect(seen).toEqual([{ stage: 'reading', file: 'deals.csv' }, { stage: 'checking', deals: 2 }]);
  });

  it('says what is wrong with the files themselves', () => {
    expect(problemsOf(importDataSet([file('deals.csv', 'from,to\n')]))).toEqual([
      'deals.csv: missing columns "type", "amountUsd", "date", "title", "sourceUrl"; the header needs id,from,to,type,amountUsd,amountBasis,date,title,sourceUrl,sourceTitle',
    ]);
    expect(problemsOf(importDataSet([file('notes.txt', 'hello,world\n1,2')]))).toEqual([
      'notes.txt: has neither deal columns (from, to, …) nor entity columns (name, kind, …); its header is "hello,world"',
    ]);
    expect(problemsOf(importDataSet([file('deals.pdf', '%PDF')]))).toEqual(['deals.pdf: is not a .json or .csv file']);
    expect(problemsOf(importDataSet([file('a.json', '{"deals": [}')]))).toEqual(['a.json: malformed JSON at line 1, column 12: expected a value']);
    expect(problemsOf(importDataSet([file('e.json', '{"entities": []}')]))).toEqual(['e.json: no deals file among them; give a deals JSON or CSV']);
    expect(problemsOf(importDataSet([file('empty.csv', '  ')]))).toEqual(['empty.csv: the file is empty']);
    expect(problemsOf(importDataSet([file('x.csv', `${HEADER}\n"unterminated,quote`)]))[0]).toMatch(/^x\.csv: row \d+: /);
  });
});

describe('importDataSet with very many bad rows', () => {
  it('importDataSet(200,000 bad CSV rows) lists the first 50 of each kind and counts the rest, without overflowing the stack', () => {
    const rows = [HEADER];
    for (let i = 0; i < 200_000; i++) rows.push(`d${i},nvidia,openai,investment,-5,committed,2025-01,T,https://example.com,S`);
    const result = importDataSet([file('deals.csv', rows.join('\n'))], { knownEntities: shipped.entities });
    const problems = problemsOf(result);
    expect(problems.filter((p) => p.includes(', amountUsd: "-5" is not an amount'))).toHaveLength(50);
    expect(problems).toContain('deals.csv, amountUsd: … and 199,950 more of the same kind');
    expect(problems.length).toBeLessThan(200);
  });
});

describe('importDataSet of an exported CSV', () => {
  it("strips the formula guard ' before =, +, -, @, tab or CR, and keeps any other leading '", () => {
    const csv = [
      `${HEADER},note`,
      `d1,nvidia,openai,investment,1B,committed,2025-01,'=SUM(A1),https://example.com/1,S,'-5% after the IPO`,
      `d2,openai,nvidia,purchase,1B,committed,2025-02,'90s style,https://example.com/2,S,'@home`,
    ].join('\n');
    const result = importDataSet([file('deals.csv', csv)], { knownEntities: shipped.entities });
    expect(problemsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.data.deals.map((d) => [d.title, d.note])).toEqual([
      ['=SUM(A1)', '-5% after the IPO'],
      ["'90s style", '@home'],
    ]);
  });
});
