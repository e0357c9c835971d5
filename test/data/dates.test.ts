import { describe, expect, it } from 'vitest';
import { isValidDate, parseDatePeriod } from '../../src/data/dates.js';

describe('parseDatePeriod', () => {
  it('parseDatePeriod(day) is that day', () => {
    expect(parseDatePeriod('2025-09-22')).toEqual({ start: '2025-09-22', end: '2025-09-22', precision: 'day' });
  });
  it('parseDatePeriod(month) spans the month, leap years included', () => {
    expect(parseDatePeriod('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29', precision: 'month' });
    expect(parseDatePeriod('2025-02')).toEqual({ start: '2025-02-01', end: '2025-02-28', precision: 'month' });
  });
  it('parseDatePeriod(year) spans the year', () => {
    expect(parseDatePeriod('2024')).toEqual({ start: '2024-01-01', end: '2024-12-31', precision: 'year' });
  });
  it('parseDatePeriod answers a date asked again with the same frozen period', () => {
    const first = parseDatePeriod('2023-08');
    expect(parseDatePeriod('2023-08')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(parseDatePeriod('2023-08')).toEqual({ start: '2023-08-01', end: '2023-08-31', precision: 'month' });
    // A malformed date is never remembered as valid.
    expect(parseDatePeriod('2023-8')).toBeNull();
    expect(parseDatePeriod('2023-8')).toBeNull();
  });
  it('rejects impossible and malformed dates', () => {
    for (const bad of ['2025-13', '2025-00', '2025-02-29', '2025-04-31', '2025-1-5', '25-01-01', '2025/01/01', '', '2025-01-01T00:00', '0000', '9999']) {
      expect(isValidDate(bad), bad).toBe(false);
    }
    expect(isValidDate('2024-02-29')).toBe(true);
  });
});
