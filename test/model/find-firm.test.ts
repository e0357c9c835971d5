import { describe, expect, it } from 'vitest';
import { findFirm, normalizeName } from '../../src/model/find-firm.js';
import { shippedDataSet } from '../fixtures/shipped.js';

describe('findFirm', () => {
  const entities = shippedDataSet().entities;
  it('reads names as analysts type them: spaces, case, punctuation and accents do not matter', () => {
    expect(findFirm(entities, 'Open AI')).toBe('openai');
    expect(findFirm(entities, 'OPENAI')).toBe('openai');
    expect(findFirm(entities, ' nvda ')).toBe('nvidia');
    expect(findFirm(entities, 'blue owl')).toBe('blue-owl');
    expect(findFirm(entities, 'Blue-Owl')).toBe('blue-owl');
    expect(findFirm(entities, 'core weave')).toBe('coreweave');
    expect(normalizeName('Nébius Group')).toBe('nebiusgroup');
  });

  it('prefers an exact name, ticker or id, then a name that starts with the query, then one that holds it', () => {
    expect(findFirm(entities, 'AMD')).toBe('amd');
    expect(findFirm(entities, 'micro')).toBe('microsoft');
    expect(findFirm(entities, 'weave')).toBe('coreweave');
    expect(findFirm(entities, 'no such firm')).toBeNull();
    expect(findFirm(entities, '  ')).toBeNull();
  });
});
