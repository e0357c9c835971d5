import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/run.js';
import { cli, root } from './run-cli.js';
import { validDocuments } from '../fixtures/datasets.js';



function dataDir(entities: unknown, deals: unknown | string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundtrip-'));
  writeFileSync(path.join(dir, 'entities.json'), JSON.stringify(entities));
  writeFileSync(path.join(dir, 'deals.json'), typeof deals === 'string' ? deals : JSON.stringify(deals));
  return dir;
}

describe('roundtrip validate', () => {
  it('validate exits 0 with a one-line summary on the shipped data (the default --data)', async () => {
    const shipped = JSON.parse(readFileSync(path.join(root, 'data/deals.json'), 'utf8')) as { deals: unknown[] };
    const result = await cli('validate');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`^valid: \\d+ entities, ${shipped.deals.length} deals, \\d+ sources, checked \\d{4}-\\d{2}-\\d{2}(; \\d+ notes?)?$`));
    // Notes are worth knowing, not problems: each names its deal and field.
    for (const line of result.err.split('\n').filter((l) => l !== '')) expect(line).toMatch(/^note: data\/deals\.json, deals\[\d+\] "[a-z0-9-]+", sources: every source is a copy/);
  });

  it('validate exits 1 and prints every problem to stderr', async () => {
    const docs = validDocuments();
    (docs.deals.deals[0] as unknown as Record<string, unknown>).amountUsd = -1;
    (docs.deals.deals[1] as unknown as Record<string, unknown>).to = 'ghost';
    const dir = dataDir(docs.entities, docs.deals);
    const result = await cli('validate', '--data', dir);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err.split('\n')).toEqual([
      `${path.join(dir, 'deals.json')}, deals[0] "nvidia-openai", amountUsd: must not be negative (got -1)`,
      `${path.join(dir, 'deals.json')}, deals[1] "openai-nvidia", to: unknown firm "ghost"; add it to ${path.join(dir, 'entities.json')} first`,
      '2 problems found.',
    ]);
  });

  it('validate names the line and column of malformed JSON', async () => {
    const dir = dataDir(validDocuments().entities, '{"deals": [\n  {"id": "x",}\n]}');
    const result = await cli('validate', '--data', dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${path.join(dir, 'deals.json')}: malformed JSON at line 2, column 14: expected a property name in double quotes`);
  });

  it('validate names a missing folder or file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundtrip-'));
    mkdirSync(path.join(dir, 'deals.json'));
    const result = await cli('validate', '--data', dir);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toEqual([
      `${path.join(dir, 'entities.json')}: file not found`,
      `${path.join(dir, 'deals.json')}: is a folder, expected a JSON file`,
    ]);
  });
});

describe('roundtrip summary', () => {
  it('summary --json counts firms and deals and sums known amounts', async () => {
    const docs = validDocuments();
    const dir = dataDir(docs.entities, docs.deals);
    const result = await cli('summary', '--data', dir, '--json');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out) as { firms: number; deals: number; total: unknown; dealsByType: Record<string, unknown> };
    expect(summary.firms).toBe(2);
    expect(summary.deals).toBe(2);
    expect(summary.total).toEqual({ deals: 2, knownUsd: 1_000_000_000, undisclosed: 1, superseded: 0 });
    expect(summary.dealsByType.purchase).toEqual({ deals: 1, knownUsd: 0, undisclosed: 1, superseded: 0 });
  });

  it('summary prints a text report with the known total', async () => {
    const result = await cli('summary');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^\d+ firms: chipmaker \d+/);
    expect(result.out).toMatch(/\n\d+ deals; known amounts total \$[\d.]+[TB]; \d+ undisclosed; \d+ superseded by later deals \(amounts not counted\)\.$/);
  });
});

describe('roundtrip (usage)', () => {
  it('prints help for the program and for each command, exit 0', async () => {
    const main = await cli('--help');
    expect(main.code).toBe(0);
    expect(main.out).toContain('validate');
    expect(main.out).toContain('summary');
    const help = await cli('summary', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('--data PATH');
    expect(help.out).toContain('--json');
  });

  it('the registry names each command as its module does, with the same summary', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary, entry.name).toBe(entry.summary);
    }
  });

  it('the built CLI loads a command only when it runs (no Cytoscape, exporters or CSV reader before)', () => {
    const built = path.join(root, 'dist', 'cli.mjs');
    if (!existsSync(built)) return;
    const entry = readFileSync(built, 'utf8');
    expect(entry).not.toMatch(/cytoscape|papaparse|xmldom|graphology/i);
    expect(entry.length).toBeLessThan(20_000);
  });

  it('exits 2 with a clear message on an unknown command or option', async () => {
    const unknown = await cli('cycles-please');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "cycles-please"');
    const badOption = await cli('validate', '--colour');
    expect(badOption.code).toBe(2);
    expect(badOption.err).toContain("Unknown option '--colour'");
    expect(badOption.err).not.toMatch(/\n\s+at /);
  });
});

describe('roundtrip --data with files', () => {
  const header = 'id,from,to,type,amountUsd,amountBasis,date,title,sourceUrl,sourceTitle,status';

  it('validate --data deals.csv,entities.csv reads CSV files, with warnings on stderr', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundtrip-'));
    writeFileSync(path.join(dir, 'entities.csv'), 'id,name,kind\nnvidia,Nvidia,chipmaker\nopenai,OpenAI,ai-lab\n');
    writeFileSync(path.join(dir, 'deals.csv'), `${header}\nd1,Nvidia,OpenAI,investment,"$30B",estimated,2026-02,Round,https://example.com/a,A,reported\nd2,OpenAI,Acme,purchase,,,2026-03,Chips,https://example.com/b,B,reported\n`);
    const result = await cli('validate', '--data', `${path.join(dir, 'deals.csv')},${path.join(dir, 'entities.csv')}`);
    expect(result.code).toBe(0);
    expect(result.out).toBe('valid: 3 entities, 2 deals, 2 sources');
    expect(result.err).toBe(`warning: ${path.join(dir, 'deals.csv')}, row 3, to: "Acme" is not a known firm; added as "acme" (kind other)`);
  });

  it('validate --data the two JSON files by name, and cycles on them', async () => {
    const files = `${path.join(root, 'data/deals.json')},${path.join(root, 'data/entities.json')}`;
    expect((await cli('validate', '--data', files)).code).toBe(0);
    const cycles = JSON.parse((await cli('cycles', '--data', files, '--json')).out) as { count: number };
    const fromDir = JSON.parse((await cli('cycles', '--json')).out) as { count: number };
    expect(cycles.count).toBe(fromDir.count);
  });

  it('validate --data names every bad row of a CSV and exits 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roundtrip-'));
    const deals = path.join(dir, 'deals.csv');
    writeFileSync(deals, `${header}\nd1,nvidia,openai,investment,abc,committed,2026-02,Round,https://example.com/a,A,reported\n`);
    const result = await cli('validate', '--data', `${deals},${path.join(root, 'data/entities.json')}`);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toEqual([
      `${deals}, row 2 "d1", amountUsd: "abc" is not an amount (e.g. 1500000, "1,500,000", $10B, 1.5bn); leave it empty when undisclosed`,
      '1 problem found.',
    ]);
  });
});
