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
      expect(Object.keys(cycle)).toEqual(['id', 'firms', 'hops', 'length', 'types', 'bottleneckUsd', 'totalUsd', 'firstDate', 'lastDate']);
      expect(cycle.id).toBe(cycle.firms.join('>'));
      for (const hop of cycle.hops) expect(Object.keys(hop)).toEqual(['from', 'to', 'deals']);
    }
    expect(json.cycles.map((c) => c.id)).toContain('nvidia>openai>oracle');
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
    expect(result.out.split('\n')[0]).toMatch(/^loop\s+hops\s+bottleneck\s+total\s+first\s+last\s+types$/);
    expect(result.out).toMatch(/\n3 loops \(stopped at the cap of 3; more exist — raise --max-cycles\)\.$/);
  });

  it('cycles rejects unknown firms and bad options with exit 2 and no stack trace', async () => {
    const cases: Array<[string[], string]> = [
      [['--through', 'nvidai'], 'roundtrip cycles: --through: unknown firm "nvidai"; did you mean "nvidia"?'],
      [['--types', 'gift'], 'roundtrip cycles: --types: unknown deal type "gift"; expected investment, purchase, equity, warrants, loan, revenue-share, guarantee, partnership'],
      [['--min-usd', 'lots'], 'roundtrip cycles: --min-usd: "lots" is not an amount (try 1e9, 1B or 500M)'],
      [['--from', '2025-13'], 'roundtrip cycles: --from: "2025-13" is not a date (expected YYYY-MM, YYYY or YYYY-MM-DD)'],
      [['--from', '2026-01', '--to', '2025-01'], 'roundtrip cycles: --from 2026-01 is after --to 2025-01'],
      [['--max-length', '1'], 'roundtrip cycles: --max-length: "1" is not a whole number from 2 to 64'],
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
