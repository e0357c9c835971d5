import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root } from './run-cli.js';



interface CyclesJson {
  count: number;
  truncated: boolean;
  cycles: Array<Record<string, unknown> & { id: string; firms: string[]; hops: Array<{ from: string; to: string; deals: string[] }> }>;
}

describe('roundtrip cycles', () => {
  it('cycles --json prints exactly the documented shape', async () => {
    const result = await cli('cycles', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as CyclesJson;
    expect(Object.keys(json)).toEqual(['count', 'truncated', 'cycles']);
    expect(json.count).toBe(json.cycles.length);
    expect(json.truncated).toBe(false);
    for (const cycle of json.cycles) {
      const keys = ['id', 'firms', 'hops', 'length', 'types', 'bottleneckUsd', 'totalUsd', 'firstDate', 'lastDate', 'closesThrough', 'inOrder'];
      const folded = (cycle as { folded?: Array<{ firm: string; as: string }> }).folded;
      expect(Object.keys(cycle)).toEqual([...keys, ...(cycle.inOrder ? ['orderedHops'] : []), ...(folded ? ['folded'] : [])]);
      // A loop through a firm that another acquired says so: xAI's deals are SpaceX's today.
      if (folded) expect(folded).toEqual([{ firm: 'xai', as: 'spacex' }]);
      expect(cycle.closesThrough).toEqual([]);
      expect(cycle.id).toBe(cycle.firms.join('>'));
      for (const hop of cycle.hops) expect(Object.keys(hop)).toEqual(['from', 'to', 'deals']);
    }
    expect(json.cycles.map((c) => c.id)).toContain('nvidia>openai>oracle');
    expect(json.cycles.some((c) => 'folded' in c)).toBe(true);
  });

  it('cycles --json is compact, --pretty indents it, and both say the same', async () => {
    const compact = await cli('cycles', '--json');
    const pretty = await cli('cycles', '--json', '--pretty');
    expect(compact.out.split('\n')).toHaveLength(1);
    expect(pretty.out.split('\n').length).toBeGreaterThan(10);
    expect(pretty.out).toContain('\n  "count": ');
    expect(JSON.parse(pretty.out)).toEqual(JSON.parse(compact.out));
    expect((await cli('cycles', '--format', 'json')).out).toBe(compact.out);
  });

  it('cycles --format ndjson prints one compact loop object a line, the objects of --json, and nothing else', async () => {
    const json = JSON.parse((await cli('cycles', '--json')).out) as CyclesJson;
    const ndjson = await cli('cycles', '--format', 'ndjson');
    expect(ndjson.code).toBe(0);
    const lines = ndjson.out.split('\n');
    expect(lines).toHaveLength(json.count);
    const objects = lines.map((line) => JSON.parse(line) as CyclesJson['cycles'][number]);
    for (const [i, line] of lines.entries()) expect(line).toBe(JSON.stringify(objects[i]));
    const byId = (list: CyclesJson['cycles']) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(objects)).toEqual(byId(json.cycles));
    // With --sort, in the order --json gives.
    const sorted = (await cli('cycles', '--format', 'ndjson', '--sort', 'bottleneck')).out.split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    expect(sorted).toEqual(json.cycles.map((c) => c.id));
    const capped = (await cli('cycles', '--format', 'ndjson', '--max-cycles', '2')).out.split('\n');
    expect(capped).toHaveLength(2);
    expect((await cli('cycles', '--format', 'ndjson', '--max-length', '2', '--through', 'nobody-at-all')).code).not.toBe(0);
  });

  it('cycles --words tells each loop in a sentence: under its row in the table, a words field in JSON and ndjson', async () => {
    const sentence =
      'Nvidia invested $30B in OpenAI (Feb 2026, confirmed; replacing a non-binding letter of intent of Sept 2025 for up to $100B); OpenAI committed $300B to Oracle for compute (Sept 2025, reported); Oracle is buying about $40B of Nvidia chips (May 2025, reported).';
    const table = (await cli('cycles', '--words', '--through', 'oracle', '--max-length', '3')).out.split('\n');
    const row = table.findIndex((line) => line.startsWith('nvidia → openai → oracle → nvidia '));
    expect(row).toBeGreaterThan(1);
    expect(table[row + 1]).toBe(`  ${sentence}`);
    // Every loop row is followed by its sentence; without --words there is none.
    expect(table.filter((line) => line.startsWith('  ')).length).toBe(table.filter((line) => line.includes(' → ')).length);
    expect((await cli('cycles', '--through', 'oracle', '--max-length', '3')).out).not.toContain('is buying');

    const json = JSON.parse((await cli('cycles', '--words', '--json')).out) as CyclesJson;
    expect(json.cycles.find((c) => c.id === 'nvidia>openai>oracle')?.words).toBe(sentence);
    for (const cycle of json.cycles) expect(cycle.words).toMatch(/\.$/);
    expect(Object.keys(json.cycles[0] ?? {}).at(-1)).toBe('words');
    expect(JSON.parse((await cli('cycles', '--json')).out).cycles[0]).not.toHaveProperty('words');
    const ndjson = (await cli('cycles', '--words', '--format', 'ndjson')).out.split('\n').map((line) => JSON.parse(line) as { id: string; words: string });
    expect(ndjson.find((c) => c.id === 'nvidia>openai>oracle')?.words).toBe(sentence);
  });

  it('cycles --words streamed as a tab-separated table adds a words column', async () => {
    const lines = (await cli('cycles', '--words', '--max-cycles', '2000000', '--max-length', '3')).out.split('\n');
    expect(lines[0]?.split('\t').at(-1)).toBe('words');
    const row = lines.find((line) => line.startsWith('nvidia → openai → oracle → nvidia\t'));
    expect(row?.split('\t').at(-1)).toMatch(/^Nvidia invested \$30B in OpenAI .*Oracle is buying about \$40B of Nvidia chips \(May 2025, reported\)\.$/);
  });

  it('cycles refuses --format values it does not know and --pretty outside --json', async () => {
    const unknown = await cli('cycles', '--format', 'xml');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--format: unknown format "xml"; expected table, json, ndjson');
    expect((await cli('cycles', '--json', '--format', 'ndjson')).code).toBe(2);
    const pretty = await cli('cycles', '--format', 'ndjson', '--pretty');
    expect(pretty.code).toBe(2);
    expect(pretty.err).toContain('--pretty only applies to --json');
  });

  it('cycles --through FIRM keeps only loops through it; filters and caps apply', async () => {
    const through = JSON.parse((await cli('cycles', '--through', 'amd', '--json')).out) as CyclesJson;
    expect(through.count).toBeGreaterThan(0);
    for (const cycle of through.cycles) expect(cycle.firms).toContain('amd');
    const noPurchases = JSON.parse((await cli('cycles', '--types', 'investment,equity,loan', '--json')).out) as CyclesJson;
    expect(noPurchases.count).toBe(0);
    const capped = JSON.parse((await cli('cycles', '--max-cycles', '2', '--json')).out) as CyclesJson;
    expect(capped).toMatchObject({ count: 2, truncated: true });
    const short = JSON.parse((await cli('cycles', '--max-length', '2', '--json')).out) as CyclesJson;
    for (const cycle of short.cycles) expect(cycle.firms.length).toBe(2);
    const recent = JSON.parse((await cli('cycles', '--from', '2025-10', '--min-usd', '1B', '--json')).out) as CyclesJson;
    expect(recent.count).toBeLessThan(short.count + 100);
  });

  it('cycles prints a table with a count line and says when the cap stopped the search', async () => {
    const result = await cli('cycles', '--max-cycles', '3');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toMatch(/^loop\s+hops\s+bottleneck\s+total\s+first\s+last\s+types\s+in date order\s+note$/);
    expect(result.out).toMatch(/\n3 loops \(stopped at the cap of 3; more exist — raise --max-cycles\)\.$/);
  });

  it('cycles rejects unknown firms and bad options with exit 2 and no stack trace', async () => {
    const cases: Array<[string[], string]> = [
      [['--through', 'nvidai'], 'roundtrip cycles: --through: unknown firm "nvidai"; did you mean "nvidia"?'],
      [['--types', 'gift'], 'roundtrip cycles: --types: unknown deal type "gift"; expected investment, purchase, equity, warrants, loan, revenue-share, guarantee, partnership'],
      [['--min-usd', 'lots'], 'roundtrip cycles: --min-usd: "lots" is not an amount (try 1e9, 1B or 500M)'],
      [['--from', '2025-13'], 'roundtrip cycles: --from: "2025-13" is not a date (expected YYYY-MM, YYYY or YYYY-MM-DD)'],
      [['--from', '2026-01', '--to', '2025-01'], 'roundtrip cycles: --from 2026-01 is after --to 2025-01'],
      [['--max-length', '1'], 'roundtrip cycles: --max-length: "1" is not a whole number of at least 2, or all'],
      [['--max-length', 'many'], 'roundtrip cycles: --max-length: "many" is not a whole number of at least 2, or all'],
      [['--flows', 'cash'], 'roundtrip cycles: --flows: unknown flow kind "cash"; expected paid, committed, in-kind, contingent, holding, no-transfer'],
      [['--window-months', '6'], 'roundtrip cycles: --window-months only applies with --in-order'],
      [['--max-cycles=-5'], 'roundtrip cycles: --max-cycles: "-5" is not a whole number ≥ 0'],
      [['--sort', 'size'], 'roundtrip cycles: --sort: unknown key "size"; expected bottleneck, total, length, first, last, id'],
      [['--kinds', 'bank,ufo'], 'roundtrip cycles: --kinds: unknown entity kind "ufo"; expected chipmaker, ai-lab, hyperscaler, neocloud, data-center, asset-manager, bank, spv, market, other'],
    ];
    for (const [args, message] of cases) {
      const result = await cli('cycles', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err, args.join(' ')).toBe(message);
    }
  });

  it('cycles counts money that moves by default; --flows all adds the loops that close only through a stake, guarantee or partnership', async () => {
    const counted = JSON.parse((await cli('cycles', '--json')).out) as CyclesJson;
    const everything = JSON.parse((await cli('cycles', '--flows', 'all', '--json')).out) as CyclesJson;
    const ids = new Set(counted.cycles.map((c) => c.id));
    // Microsoft's $135B stake value is no hop amount: the Microsoft ↔ OpenAI hop is the $13B investment.
    const msft = counted.cycles.find((c) => c.id === 'microsoft>openai');
    expect(msft?.bottleneckUsd).toBe(13_000_000_000);
    const extra = everything.cycles.filter((c) => !ids.has(c.id));
    expect(extra.length).toBeGreaterThan(0);
    for (const cycle of extra) expect((cycle.closesThrough as string[]).length).toBeGreaterThan(0);
    // The AMD loops through Microsoft's partnership close only through it.
    expect(extra.filter((c) => c.firms.includes('amd') && c.firms.includes('microsoft')).map((c) => c.closesThrough)).toContainEqual(['no-transfer']);
    const withGuarantees = JSON.parse((await cli('cycles', '--flows', 'paid,committed,in-kind,contingent', '--json')).out) as CyclesJson;
    expect(withGuarantees.cycles.some((c) => (c.closesThrough as string[]).includes('contingent'))).toBe(false); // CoreWeave ↔ Nvidia closes by money too
  });

  it('cycles --in-order keeps the loops whose deals read forwards in time, with the chosen deal per hop', async () => {
    const all = JSON.parse((await cli('cycles', '--json')).out) as CyclesJson;
    const ordered = JSON.parse((await cli('cycles', '--in-order', '--json')).out) as CyclesJson;
    expect(ordered.count).toBeGreaterThan(0);
    expect(ordered.count).toBeLessThan(all.count);
    expect(ordered.cycles.map((c) => c.id).sort()).toEqual(all.cycles.filter((c) => c.inOrder).map((c) => c.id).sort());
    for (const cycle of ordered.cycles) {
      const hops = cycle.orderedHops as Array<{ deal: string; start: string }>;
      expect(hops).toHaveLength(cycle.hops.length);
      for (let i = 1; i < hops.length; i++) expect(hops[i]!.start >= hops[i - 1]!.start).toBe(true);
    }
    const windowed = JSON.parse((await cli('cycles', '--in-order', '--window-months', '0', '--json')).out) as CyclesJson;
    for (const cycle of windowed.cycles) {
      const hops = cycle.orderedHops as Array<{ start: string }>;
      expect(hops[0]!.start.slice(0, 7)).toBe(hops.at(-1)!.start.slice(0, 7));
    }
    expect(windowed.count).toBeLessThan(ordered.count);
  });

  it('cycles --max-length accepts any bound of at least 2 and all', async () => {
    const unbounded = JSON.parse((await cli('cycles', '--max-length', 'all', '--json')).out) as CyclesJson;
    const huge = JSON.parse((await cli('cycles', '--max-length', '1000', '--json')).out) as CyclesJson;
    const eight = JSON.parse((await cli('cycles', '--json')).out) as CyclesJson;
    expect(huge.count).toBe(unbounded.count);
    expect(unbounded.count).toBeGreaterThanOrEqual(eight.count);
  });

  it('cycles says when a firm exists but the filters removed it', async () => {
    const result = await cli('cycles', '--through', 'pimco', '--kinds', 'chipmaker,ai-lab');
    expect(result.code).toBe(2);
    expect(result.err).toBe('roundtrip cycles: --through: firm "pimco" is removed by the filters');
  });
});

describe('roundtrip metrics', () => {
  it('metrics --json has one row per firm with every measure', async () => {
    const result = await cli('metrics', '--json');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.out) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThanOrEqual(29);
    for (const key of ['id', 'pagerank', 'betweenness', 'hub', 'authority', 'inDegree', 'outDegree', 'inStrengthUsd', 'outStrengthUsd', 'circularity', 'loops']) {
      expect(rows[0]).toHaveProperty(key);
    }
    const ranks = rows.map((r) => r.pagerank as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('metrics --sort circularity sorts by that measure, unknown last', async () => {
    const rows = JSON.parse((await cli('metrics', '--sort', 'circularity', '--json')).out) as Array<{ circularity: number | null }>;
    const known = rows.filter((r) => r.circularity !== null).map((r) => r.circularity as number);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(rows.slice(known.length).every((r) => r.circularity === null)).toBe(true);
  });
});

describe('roundtrip paths', () => {
  it('paths --from --to traces the money hop by hop', async () => {
    const result = await cli('paths', '--from', 'nvidia', '--to', 'oracle', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as { count: number; paths: Array<{ firms: string[] }> };
    expect(json.paths.map((p) => p.firms.join('>'))).toContain('nvidia>openai>oracle');
    for (const p of json.paths) {
      expect(p.firms[0]).toBe('nvidia');
      expect(p.firms[p.firms.length - 1]).toBe('oracle');
    }
    const text = await cli('paths', '--from', 'nvidia', '--to', 'oracle', '--max-length', '2');
    expect(text.out).toContain('nvidia → openai → oracle  (2 hops, bottleneck $30B)');
    expect(text.out).toMatch(/1 path from nvidia to oracle within 2 hops\.$/);
  });

  it('paths requires both ends and names unknown firms', async () => {
    expect(await cli('paths', '--from', 'nvidia')).toMatchObject({ code: 2, err: 'roundtrip paths: --from and --to are both required' });
    expect(await cli('paths', '--from', 'nvidia', '--to', 'orcale')).toMatchObject({ code: 2, err: 'roundtrip paths: --to: unknown firm "orcale"; did you mean "oracle"?' });
  });
});

describe('roundtrip shock', () => {
  it('shock --firm X --json runs DebtRank from that firm', async () => {
    const result = await cli('shock', '--firm', 'openai', '--distress', '0.5', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as { mode: string; firms: Array<{ id: string; initial: number; final: number }>; debtRank: number };
    expect(json.mode).toBe('original');
    expect(json.firms.find((f) => f.id === 'openai')?.initial).toBe(0.5);
    expect(json.firms.find((f) => f.id === 'oracle')?.final).toBeGreaterThan(0);
    expect(json.debtRank).toBeGreaterThan(0);
  });

  it('shock takes several firms with one distress each, and the linear mode', async () => {
    const result = await cli('shock', '--firm', 'openai', '--firm', 'nvidia', '--distress', '0.2', '--distress', '0.4', '--mode', 'linear', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as { mode: string; firms: Array<{ id: string; initial: number }> };
    expect(json.mode).toBe('linear');
    expect(json.firms.find((f) => f.id === 'nvidia')?.initial).toBe(0.4);
  });

  it('shock --json traces every loss to its deals, the parts adding up; a firm without a balance sheet has final null', async () => {
    const result = await cli('shock', '--firm', 'openai', '--distress', '0.5', '--json');
    type Part = { deal: string | null; from: string | null; lossUsd: number; round: number };
    const json = JSON.parse(result.out) as { lossShare: Record<string, number>; firms: Array<{ id: string; final: number | null; equityUsd: number | null; lossUsd: number; hitThrough: Part[] }> };
    expect(json.lossShare.committed).toBe(0.3);
    for (const f of json.firms) {
      expect(f.hitThrough.reduce((sum, part) => sum + part.lossUsd, 0), f.id).toBeCloseTo(f.lossUsd, 0);
      if (f.equityUsd === null && f.id !== 'openai') expect(f.final, f.id).toBeNull();
    }
    const oracle = json.firms.find((f) => f.id === 'oracle')!;
    expect(oracle.hitThrough[0]).toMatchObject({ deal: 'openai-oracle-compute-2025', from: 'openai', round: 2 });
    // The whole commitment counted: Oracle's $300B sale to OpenAI is more than its equity, so half of it is lost.
    const whole = JSON.parse((await cli('shock', '--firm', 'openai', '--distress', '0.5', '--lgd', 'committed=1', '--json')).out) as typeof json;
    expect(whole.lossShare.committed).toBe(1);
    const text = await cli('shock', '--firm', 'openai', '--distress', '0.5');
    expect(text.out.split('\n')[0]).toMatch(/^If OpenAI loses 50% of its value, the largest loss falls on \S.*: \$[\d.]+[BT]/);
    expect(text.out).toContain('Committed purchases count at 30% of their amount; guarantees are not called.');
  });

  it('shock takes a buffer for a firm without a balance sheet, and refuses bad loss shares and buffers', async () => {
    const result = JSON.parse((await cli('shock', '--firm', 'beignet-investor', '--equity', 'pimco=36B', '--json')).out) as { firms: Array<{ id: string; final: number | null; buffer: string | null; lossShare: number | null }> };
    expect(result.firms.find((f) => f.id === 'pimco')).toMatchObject({ buffer: 'given', final: 0.5, lossShare: 0.5 });
    expect(await cli('shock', '--firm', 'openai', '--lgd', 'committed=2')).toMatchObject({ code: 2, err: 'roundtrip shock: --lgd: "2" is not a share from 0 to 1' });
    expect(await cli('shock', '--firm', 'openai', '--lgd', 'sold=0.5')).toMatchObject({ code: 2, err: expect.stringContaining('is not FLOW=SHARE with a flow kind') });
    expect(await cli('shock', '--firm', 'openai', '--equity', 'pimco=lots')).toMatchObject({ code: 2, err: expect.stringContaining('is not an amount above 0') });
    expect(await cli('shock', '--firm', 'openai', '--buffers', 'book')).toMatchObject({ code: 2, err: 'roundtrip shock: --buffers: "book" is not balance or proxy' });
  });

  it('shock rejects bad input with exit 2', async () => {
    expect(await cli('shock')).toMatchObject({ code: 2, err: 'roundtrip shock: name at least one firm with --firm' });
    expect(await cli('shock', '--firm', 'openai', '--distress', '1.5')).toMatchObject({ code: 2, err: 'roundtrip shock: --distress: "1.5" is not a number from 0 to 1' });
    expect(await cli('shock', '--firm', 'a', '--firm', 'b', '--distress', '0.1', '--distress', '0.2', '--distress', '0.3')).toMatchObject({
      code: 2,
      err: 'roundtrip shock: give one --distress for all firms, or one per --firm (got 3 for 2 firms)',
    });
    expect(await cli('shock', '--firm', 'openai', '--mode', 'fast')).toMatchObject({ code: 2, err: 'roundtrip shock: --mode: "fast" is not original or linear' });
  });
});

describe('roundtrip circularity', () => {
  it('circularity --json prints the documented shape, and its parts add up', async () => {
    const result = await cli('circularity', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as {
      method: string;
      index: number;
      circularUsd: number;
      totalUsd: number;
      firms: Array<{ id: string; inUsd: number; outUsd: number; circularUsd: number; share: number | null }>;
      deals: Array<{ id: string; amountUsd: number | null; circularUsd: number }>;
    };
    expect(Object.keys(json)).toEqual(['method', 'index', 'circularUsd', 'totalUsd', 'firms', 'deals']);
    expect(json.method).toBe('max');
    expect(json.index).toBeCloseTo(json.circularUsd / json.totalUsd, 12);
    const dealSum = json.deals.reduce((s, d) => s + d.circularUsd, 0);
    expect(dealSum).toBeCloseTo(json.circularUsd, 0);
    // Every firm passes on what comes round: its circular money is at most its inflow and its outflow.
    for (const firm of json.firms) {
      expect(firm.circularUsd).toBeLessThanOrEqual(Math.min(firm.inUsd, firm.outUsd) + 1);
    }
    // The stake value and the backstop are not money that moved: they are not in the default view.
    expect(json.deals.map((d) => d.id)).not.toContain('microsoft-openai-stake-2025');
    const all = JSON.parse((await cli('circularity', '--flows', 'all', '--json')).out) as typeof json;
    expect(all.totalUsd).toBeGreaterThan(json.totalUsd);
  });

  it('circularity prints the index in words, and refuses an unknown method', async () => {
    const result = await cli('circularity');
    expect(result.out).toMatch(/\n\d+\.\d% of the known money goes round: \$[\d.]+[BT] of \$[\d.]+[BT] \(method max; undisclosed amounts carry nothing\)\.$/);
    expect(await cli('circularity', '--method', 'flow')).toMatchObject({ code: 2, err: 'roundtrip circularity: --method: unknown method "flow"; expected max' });
    const bff = await cli('circularity', '--method', 'bff');
    expect(bff.code).toBe(2);
    expect(bff.err).toMatch(/bff \(Balanced Flow Forwarding\) is not offered.*use max$/);
  });
});
