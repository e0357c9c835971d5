import { describe, expect, it } from 'vitest';
import { formatKnownSum, formatUsd, parseUsd } from '../../src/data/money.js';

describe('parseUsd', () => {
  it('parseUsd reads the ways analysts write amounts', () => {
    expect(parseUsd('1e9')).toBe(1e9);
    expect(parseUsd('1B')).toBe(1e9);
    expect(parseUsd('500M')).toBe(5e8);
    expect(parseUsd('$10B')).toBe(1e10);
    expect(parseUsd('1.5bn')).toBe(1.5e9);
    expect(parseUsd('1,500,000')).toBe(1_500_000);
    expect(parseUsd('$1.1B')).toBe(1_100_000_000);
    expect(parseUsd('2 trillion')).toBe(2e12);
    expect(parseUsd('0')).toBe(0);
  });
  it('parseUsd rejects what is not an amount', () => {
    for (const bad of ['', '-5', 'abc', '1X', '1e999', 'NaN', 'Infinity', '1,50', '$', '1..5B', '1'.repeat(50)]) {
      expect(parseUsd(bad), bad).toBeNull();
    }
  });
});

describe('formatUsd', () => {
  it('formatUsd writes short amounts', () => {
    expect(formatUsd(100_000_000_000)).toBe('$100B');
    expect(formatUsd(350_000_000)).toBe('$350M');
    expect(formatUsd(6_300_000_000)).toBe('$6.3B');
    expect(formatUsd(11_900_000_000)).toBe('$11.9B');
    expect(formatUsd(1_234_000_000_000)).toBe('$1.23T');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(null)).toBe('undisclosed');
  });

  it('formatKnownSum marks a sum of some amounts as known and of none as undisclosed', () => {
    expect(formatKnownSum(5e9, 2, 2)).toBe('$5B');
    expect(formatKnownSum(5e9, 1, 2)).toBe('$5B known');
    expect(formatKnownSum(0, 0, 2)).toBe('undisclosed');
    expect(formatKnownSum(0, 1, 1)).toBe('$0');
  });
});
