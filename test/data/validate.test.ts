import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problem.js';
import { validateDataSet } from '../../src/data/validate.js';
import { validDocuments } from '../fixtures/datasets.js';

type Docs = ReturnType<typeof validDocuments>;

/** Validates documents after a mutation and returns the formatted problems. */
function problemsAfter(mutate: (docs: Docs) => void): string[] {
  const docs = validDocuments();
  mutate(docs);
  const result = validateDataSet(docs.entities, docs.deals);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** Sets a field on a record without the type system's help: tests feed in what users might write. */
function setField(record: object, field: string, value: unknown): void {
  (record as Record<string, unknown>)[field] = value;
}

describe('validateDataSet', () => {
  it('validateDataSet(valid documents) returns the data set', () => {
    const docs = validDocuments();
    const result = validateDataSet(docs.entities, docs.deals);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data.entities.map((e) => e.id)).toEqual(['nvidia', 'openai']);
      expect(result.data.deals.map((d) => d.id)).toEqual(['nvidia-openai', 'openai-nvidia']);
    }
  });

  it('names an unknown firm in from', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'from', 'nvidai'))).toEqual([
      'deals.json, deals[0] "nvidia-openai", from: unknown firm "nvidai"; add it to entities.json first',
    ]);
  });

  it('names an unknown firm in to', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[1]!, 'to', 'intel'))).toEqual([
      'deals.json, deals[1] "openai-nvidia", to: unknown firm "intel"; add it to entities.json first',
    ]);
  });

  it('names a duplicate deal id and where it was first used', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[1]!, 'id', 'nvidia-openai'))).toEqual([
      'deals.json, deals[1] "nvidia-openai", id: duplicate id; first used by deals[0]',
    ]);
  });

  it('refuses a deal whose id is also a firm id, naming both records (one id space in the graph)', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[1]!, 'id', 'openai'))).toEqual([
      'deals.json, deals[1] "openai", id: is also the id of a firm (entities.json, entities[1] "openai"); firms and deals share one id space, so give the deal another id',
    ]);
  });

  it('refuses an amount above $100 trillion (1.7e308 would print as $InfinityT in totals)', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'amountUsd', 1.7e308))).toEqual([
      'deals.json, deals[0] "nvidia-openai", amountUsd: is above $100 trillion (got 1.7e+308); give the amount in US dollars, at most 1e14',
    ]);
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'amountUsd', 1e14))).toEqual([]);
  });

  it('names a duplicate entity id', () => {
    expect(problemsAfter((d) => d.entities.entities.push({ id: 'openai', name: 'Open AI', kind: 'ai-lab' }))).toEqual([
      'entities.json, entities[2] "openai", id: duplicate id; first used by entities[1]',
    ]);
  });

  it('rejects a self-loop', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'to', 'nvidia'))).toEqual([
      'deals.json, deals[0] "nvidia-openai", to: a deal cannot go from a firm to itself ("nvidia")',
    ]);
  });

  it('rejects a negative amount', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'amountUsd', -5))).toEqual([
      'deals.json, deals[0] "nvidia-openai", amountUsd: must not be negative (got -5)',
    ]);
  });

  it('rejects NaN and infinite amounts in parsed objects', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'amountUsd', Number.NaN))).toEqual([
      'deals.json, deals[0] "nvidia-openai", amountUsd: must be a number or null (got NaN)',
    ]);
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'amountUsd', Number.POSITIVE_INFINITY))).toEqual([
      'deals.json, deals[0] "nvidia-openai", amountUsd: must be a number or null (got Infinity)',
    ]);
  });

  it('rejects an amount written as text', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'amountUsd', '$10B'))).toEqual([
      'deals.json, deals[0] "nvidia-openai", amountUsd: must be a number or null (got "$10B")',
    ]);
  });

  it('rejects a malformed date', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'date', '15/01/2025'))).toEqual([
      'deals.json, deals[0] "nvidia-openai", date: is not a valid date (expected YYYY-MM-DD, YYYY-MM or YYYY) (got "15/01/2025")',
    ]);
  });

  it('rejects a date that is not on the calendar', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'date', '2025-02-30'))).toEqual([
      'deals.json, deals[0] "nvidia-openai", date: is not a valid date (expected YYYY-MM-DD, YYYY-MM or YYYY) (got "2025-02-30")',
    ]);
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'date', '2025-13'))).toEqual([
      'deals.json, deals[0] "nvidia-openai", date: is not a valid date (expected YYYY-MM-DD, YYYY-MM or YYYY) (got "2025-13")',
    ]);
  });

  it('accepts a month or a year when the day is not known', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'date', '2025-05'))).toEqual([]);
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'date', '2024'))).toEqual([]);
  });

  it('rejects an unknown deal type and lists the known ones', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'type', 'gift'))).toEqual([
      'deals.json, deals[0] "nvidia-openai", type: "gift" is not a known deal type; expected one of investment, purchase, equity, warrants, loan, revenue-share, guarantee, partnership',
    ]);
  });

  it('rejects an unknown entity kind', () => {
    expect(problemsAfter((d) => setField(d.entities.entities[0]!, 'kind', 'foundry'))).toEqual([
      'entities.json, entities[0] "nvidia", kind: "foundry" is not a known entity kind; expected one of chipmaker, ai-lab, hyperscaler, neocloud, data-center, asset-manager, bank, spv, market, other',
    ]);
  });

  it('rejects an unknown status', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'status', 'rumoured'))).toEqual([
      'deals.json, deals[0] "nvidia-openai", status: "rumoured" is not a known deal status; expected one of confirmed, reported, loi, unconfirmed',
    ]);
  });

  it('rejects missing sources', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'sources', []))).toEqual([
      'deals.json, deals[0] "nvidia-openai", sources: must list at least one source',
    ]);
    expect(problemsAfter((d) => delete (d.deals.deals[0] as unknown as Record<string, unknown>).sources)).toEqual([
      'deals.json, deals[0] "nvidia-openai", sources: is missing',
    ]);
  });

  it('rejects a source URL that is not http(s)', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!.sources[0]!, 'url', 'javascript:alert(1)'))).toEqual([
      'deals.json, deals[0] "nvidia-openai", sources[0].url: must be an http(s) URL (got "javascript:alert(1)")',
    ]);
    expect(problemsAfter((d) => setField(d.deals.deals[0]!.sources[0]!, 'url', 'https://'))).toEqual([
      'deals.json, deals[0] "nvidia-openai", sources[0].url: must be an http(s) URL (got "https://")',
    ]);
  });

  it('rejects a figure for an undisclosed amount, and null with a basis other than undisclosed', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[1]!, 'amountUsd', 5))).toEqual([
      'deals.json, deals[1] "openai-nvidia", amountBasis: is "undisclosed" but amountUsd gives a figure; use null for an undisclosed amount',
    ]);
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'amountUsd', null))).toEqual([
      'deals.json, deals[0] "nvidia-openai", amountBasis: must be "undisclosed" when amountUsd is null (got "committed")',
    ]);
  });

  it('checks that a superseding deal exists and links the same two firms', () => {
    const supersede = (d: Docs, successor: string) => setField(d.deals.deals[0]!, 'supersededBy', successor);
    expect(problemsAfter((d) => supersede(d, 'nope'))).toEqual(['deals.json, deals[0] "nvidia-openai", supersededBy: unknown deal "nope"']);
    expect(problemsAfter((d) => supersede(d, 'nvidia-openai'))).toEqual(['deals.json, deals[0] "nvidia-openai", supersededBy: a deal cannot supersede itself']);
    expect(problemsAfter((d) => supersede(d, 'openai-nvidia'))).toEqual([
      'deals.json, deals[0] "nvidia-openai", supersededBy: "openai-nvidia" is between other firms; a deal can only be superseded by one from the same firm to the same firm',
    ]);
    expect(
      problemsAfter((d) => {
        d.deals.deals.push({ ...d.deals.deals[0]!, id: 'nvidia-openai-final', amountUsd: 5 });
        supersede(d, 'nvidia-openai-final');
      }),
    ).toEqual([]);
  });

  it('names a missing field, an unknown field and a record without an id', () => {
    expect(problemsAfter((d) => delete (d.deals.deals[0] as unknown as Record<string, unknown>).title)).toEqual([
      'deals.json, deals[0] "nvidia-openai", title: is missing',
    ]);
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'amountUSD', 5))).toEqual([
      'deals.json, deals[0] "nvidia-openai", amountUSD: is not a known field',
    ]);
    expect(problemsAfter((d) => delete (d.deals.deals[0] as unknown as Record<string, unknown>).id)).toEqual([
      'deals.json, deals[0], id: is missing',
    ]);
  });

  it('rejects an id that is not a lowercase slug', () => {
    expect(problemsAfter((d) => setField(d.entities.entities[0]!, 'id', 'Blue Owl'))).toEqual([
      'entities.json, entities[0] "Blue Owl", id: must be a lowercase slug (letters, digits and single hyphens, e.g. "blue-owl") (got "Blue Owl")',
      'deals.json, deals[0] "nvidia-openai", from: unknown firm "nvidia"; add it to entities.json first',
      'deals.json, deals[1] "openai-nvidia", to: unknown firm "nvidia"; add it to entities.json first',
    ]);
  });

  it('rejects documents of the wrong shape', () => {
    const docs = validDocuments();
    const result = validateDataSet([], { deals: 'none' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map(formatProblem)).toEqual([
        'entities.json: must be a JSON object like {"entities": [...]}',
        'deals.json, deals: must be a list (got "none")',
      ]);
    }
    expect(validateDataSet(docs.entities, docs.deals).ok).toBe(true);
  });

  it('reports every problem at once, across both files', () => {
    const problems = problemsAfter((d) => {
      setField(d.entities.entities[1]!, 'kind', 'lab');
      setField(d.deals.deals[0]!, 'amountUsd', -1);
      setField(d.deals.deals[0]!, 'date', '2025-00');
      setField(d.deals.deals[1]!, 'to', 'nobody');
      setField(d.deals.deals[1]!, 'type', 'swap');
    });
    expect(problems).toHaveLength(5);
    expect(problems).toContain('entities.json, entities[1] "openai", kind: "lab" is not a known entity kind; expected one of chipmaker, ai-lab, hyperscaler, neocloud, data-center, asset-manager, bank, spv, market, other');
    expect(problems).toContain('deals.json, deals[0] "nvidia-openai", date: is not a valid date (expected YYYY-MM-DD, YYYY-MM or YYYY) (got "2025-00")');
    expect(problems).toContain('deals.json, deals[1] "openai-nvidia", to: unknown firm "nobody"; add it to entities.json first');
  });

  it('cuts hostile values short in messages', () => {
    const [problem] = problemsAfter((d) => setField(d.deals.deals[0]!, 'type', `<script>${'x'.repeat(500)}</script>`));
    expect(problem).toBeDefined();
    expect(problem!.length).toBeLessThan(320);
    expect(problem).toContain('"<script>xxxx');
  });
});

describe('validateDataSet: sources, endings, acquisitions, balances and asOf', () => {
  it("names a source's kind, publisher and date, and refuses a kind it does not know", () => {
    expect(
      problemsAfter((d) => {
        const source = d.deals.deals[0]!.sources[0]!;
        setField(source, 'kind', 'blog');
        setField(source, 'publisher', '');
        setField(source, 'date', '2025-02-30');
      }),
    ).toEqual([
      'deals.json, deals[0] "nvidia-openai", sources[0].publisher: must not be empty',
      'deals.json, deals[0] "nvidia-openai", sources[0].kind: "blog" is not a known source kind; expected one of primary, report, copy',
      'deals.json, deals[0] "nvidia-openai", sources[0].date: is not a valid date (expected YYYY-MM-DD, YYYY-MM or YYYY) (got "2025-02-30")',
    ]);
  });

  it('notes a deal whose every source is a copy, without refusing the data set', () => {
    const docs = validDocuments();
    for (const source of docs.deals.deals[1]!.sources) setField(source, 'kind', 'copy');
    const result = validateDataSet(docs.entities, docs.deals);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.notes.map(formatProblem)).toEqual(['deals.json, deals[1] "openai-nvidia", sources: every source is a copy of a report; add the original report or a primary source']);
    }
  });

  it('refuses an endDate before the deal date or off the calendar', () => {
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'endDate', '2020-01'))).toEqual([
      `deals.json, deals[0] "nvidia-openai", endDate: is before the deal's date ("2020-01" < "${validDocuments().deals.deals[0]!.date}")`,
    ]);
    expect(problemsAfter((d) => setField(d.deals.deals[0]!, 'endDate', '2026-13'))[0]).toContain('endDate: is not a valid date');
  });

  it('checks an acquisition: a known acquirer, not itself, not itself acquired, and a date with it', () => {
    expect(problemsAfter((d) => setField(d.entities.entities[1]!, 'acquiredBy', 'spacex'))).toEqual([
      'entities.json, entities[1] "openai", acquiredBy: unknown firm "spacex"',
      'entities.json, entities[1] "openai", acquiredDate: is missing: an acquisition needs the date it completed',
    ]);
    expect(
      problemsAfter((d) => {
        setField(d.entities.entities[1]!, 'acquiredBy', 'openai');
        setField(d.entities.entities[1]!, 'acquiredDate', '2026-02-02');
      }),
    ).toEqual(['entities.json, entities[1] "openai", acquiredBy: a firm cannot acquire itself']);
    expect(
      problemsAfter((d) => {
        setField(d.entities.entities[0]!, 'acquiredBy', 'openai');
        setField(d.entities.entities[0]!, 'acquiredDate', '2026');
        setField(d.entities.entities[1]!, 'acquiredBy', 'nvidia');
        setField(d.entities.entities[1]!, 'acquiredDate', '2026');
      }),
    ).toEqual([
      'entities.json, entities[0] "nvidia", acquiredBy: "openai" was itself acquired (by "nvidia"); name the last acquirer',
      'entities.json, entities[1] "openai", acquiredBy: "nvidia" was itself acquired (by "openai"); name the last acquirer',
    ]);
    expect(problemsAfter((d) => setField(d.entities.entities[1]!, 'acquiredDate', '2026'))).toEqual([
      'entities.json, entities[1] "openai", acquiredBy: is missing: acquiredDate needs the acquiring firm',
    ]);
  });

  it('takes a balance with only book equity (which may be negative), and checks its figures and dates', () => {
    expect(problemsAfter((d) => setField(d.entities.entities[0]!, 'balance', { equityUsd: -3e9 }))).toEqual([]);
    expect(
      problemsAfter((d) => setField(d.entities.entities[0]!, 'balance', { equityUsd: 1e11, cashUsd: -1, asOf: '2026-02-30', source: { url: 'ftp://x', kind: 'wire' } })),
    ).toEqual([
      'entities.json, entities[0] "nvidia", balance.cashUsd: must not be negative (got -1)',
      'entities.json, entities[0] "nvidia", balance.source.url: must be an http(s) URL (got "ftp://x")',
      'entities.json, entities[0] "nvidia", balance.source.kind: "wire" is not a known source kind; expected one of primary, report, copy',
      'entities.json, entities[0] "nvidia", balance.asOf: is not a valid date (expected YYYY-MM-DD, YYYY-MM or YYYY) (got "2026-02-30")',
    ]);
    expect(problemsAfter((d) => setField(d.entities.entities[0]!, 'balance', { cashUsd: 5 }))).toEqual(['entities.json, entities[0] "nvidia", balance.equityUsd: is missing']);
  });

  it('checks the updates: the deals they added and changed exist, the ones they removed do not', () => {
    const change = { date: '2026-12-02', summary: 'An update', added: ['nvidia-openai'], changed: ['openai-nvidia'], removed: ['gone'] };
    const docs = validDocuments();
    setField(docs.deals, 'changes', [change]);
    const result = validateDataSet(docs.entities, docs.deals);
    expect(result.ok && result.data.changes).toEqual([change]);
    expect(problemsAfter((d) => setField(d.deals, 'changes', [{ ...change, added: ['nvidia-openai', 'no-such-deal'], removed: ['openai-nvidia'] }]))).toEqual([
      'deals.json, changes[0], added: names "no-such-deal", which is not a deal of the data set',
      'deals.json, changes[0], removed: names "openai-nvidia", which is still a deal of the data set',
    ]);
    expect(problemsAfter((d) => setField(d.deals, 'changes', [{ date: '2026-12-02', added: [] }]))).toEqual([
      'deals.json, changes[0].summary: is missing',
      'deals.json, changes[0].changed: is missing',
      'deals.json, changes[0].removed: is missing',
    ]);
  });

  it('reads the date the data set was checked, and refuses one off the calendar', () => {
    const docs = validDocuments();
    setField(docs.deals, 'asOf', '2026-12-02');
    const result = validateDataSet(docs.entities, docs.deals);
    expect(result.ok && result.data.asOf).toBe('2026-12-02');
    expect(problemsAfter((d) => setField(d.deals, 'asOf', '2026-02-31'))).toEqual(['deals.json, asOf: is not a valid date (expected YYYY-MM-DD, YYYY-MM or YYYY) (got "2026-02-31")']);
  });
});

describe('validateDataSet with very many bad records', () => {
  it('validateDataSet(200,000 bad deals) lists the first 50 of each kind and counts the rest', () => {
    const docs = validDocuments();
    const deal = docs.deals.deals[0]!;
    const deals = Array.from({ length: 200_000 }, (_, i) => ({ ...deal, id: `d${i}`, amountUsd: -1 }));
    const result = validateDataSet(docs.entities, { deals });
    const problems = result.ok ? [] : result.problems.map(formatProblem);
    expect(problems.filter((p) => p.includes('amountUsd: must not be negative'))).toHaveLength(50);
    expect(problems).toEqual(expect.arrayContaining(['deals.json, amountUsd: … and 199,950 more of the same kind']));
    expect(problems).toHaveLength(51);
  });
});
