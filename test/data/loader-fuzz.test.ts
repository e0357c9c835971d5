/**
 * The loaders on arbitrary input: no exception escapes, and every problem names its file (one of
 * those given), the record (a JSON record or a CSV row) when there is one, and says what is wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDataSet } from '../../src/data/import/import-files.js';
import { loadDataSetFromText } from '../../src/data/load.js';
import type { Problem } from '../../src/data/problem.js';
import { validDocuments } from '../fixtures/datasets.js';

const RECORD = /^((entities|deals|changes)\[\d+\]|row \d+)$/;

function checkProblems(problems: readonly Problem[], files: readonly string[]): void {
  for (const problem of problems) {
    expect(files.some((file) => problem.file === file || problem.file.startsWith(file) || problem.file.includes(file)), problem.file).toBe(true);
    if (problem.record !== null) expect(problem.record).toMatch(RECORD);
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

/** Arbitrary JSON-like values, nested a little, with the keys of the real records among the others. */
const keys = fc.constantFrom('id', 'from', 'to', 'type', 'amountUsd', 'amountBasis', 'date', 'status', 'title', 'sources', 'url', 'flow', 'endDate', 'kind', 'name', 'balance', 'equityUsd', 'acquiredBy', 'constructor', 'x');
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('nvidia', 'openai', 'loan', '2026-01', 'https://example.com')),
  node: fc.oneof({ maxDepth: 3 }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(keys, tie('node'), { maxKeys: 6 })),
})).node;

describe('the loaders on arbitrary input', () => {
  it('JSON: any text, any shape, or a valid data set with one field changed, never throws; problems name file and record', () => {
    const mutated = fc.record({ collection: fc.constantFrom('entities' as const, 'deals' as const), index: fc.nat(1), key: keys, value });
    fc.assert(
      fc.property(fc.oneof(value.map((v) => JSON.stringify(v) ?? 'null'), fc.string({ maxLength: 40 }), mutated.map((m) => {
        const docs = validDocuments() as unknown as Record<string, { [k: string]: Array<Record<string, unknown>> }>;
        const record = docs[m.collection]![m.collection]![m.index];
        if (record) record[m.key] = m.value;
        return JSON.stringify(docs[m.collection]);
      })), fc.boolean(), (text, asDeals) => {
        const valid = validDocuments();
        const entities = asDeals ? JSON.stringify(valid.entities) : text;
        const deals = asDeals ? text : JSON.stringify(valid.deals);
        const result = loadDataSetFromText({ name: 'entities.json', text: entities }, { name: 'deals.json', text: deals });
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          checkProblems(result.problems, ['entities.json', 'deals.json']);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('CSV: any cells under the real header, or any text, never throws; problems name file and row', () => {
    const header = 'id,from,to,type,amountUsd,amountBasis,date,title,sourceUrl,sourceTitle,status,flow,endDate,sourceKind';
    const cell = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('', 'nvidia', 'openai', 'loan', '1B', '-5', 'committed', '2026-13', 'https://x.com', 'javascript:1', '"', ';', '\n', 'constructor', '=1+1'));
    const row = fc.array(cell, { minLength: 0, maxLength: 16 }).map((cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
    fc.assert(
      fc.property(fc.oneof(fc.array(row, { maxLength: 6 }).map((rows) => [header, ...rows].join('\n')), fc.string({ maxLength: 60 })), (text) => {
        const result = importDataSet([{ name: 'fuzz.csv', text }]);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          checkProblems(result.problems, ['fuzz.csv', 'entities']);
        }
      }),
      { numRuns: 400 },
    );
  });
});
