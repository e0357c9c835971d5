import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDataSet } from '../../../src/data/import/import-files.js';
import { shippedDataSet } from '../../fixtures/shipped.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');

describe('importDataSet(Excel-style CSV fixture)', () => {
  it('importDataSet(excel-deals.csv) equals the expected JSON fixture', () => {
    const result = importDataSet([{ name: 'excel-deals.csv', text: readFileSync(path.join(fixtures, 'excel-deals.csv'), 'utf8') }], {
      knownEntities: shippedDataSet().entities,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const expected = JSON.parse(readFileSync(path.join(fixtures, 'excel-deals.expected.json'), 'utf8')) as unknown;
    expect(result.data).toEqual(expected);
    expect(result.warnings).toEqual(['excel-deals.csv, row 4, to: "New Cloud Co" is not a known firm; added as "new-cloud-co" (kind other)']);
  });
});
