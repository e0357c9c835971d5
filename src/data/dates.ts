/**
 * Deal dates at their reported precision: `YYYY-MM-DD`, `YYYY-MM`, or `YYYY` when only the year is
 * known. A date stands for a period; filters compare periods, so no day or month is ever invented.
 */

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type DatePrecision = 'day' | 'month' | 'year';

export interface DatePeriod {
  /** First day of the period, `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day of the period, `YYYY-MM-DD`. */
  readonly end: string;
  readonly precision: DatePrecision;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Periods already worked out, by date string. Filters, loop searches and the timeline ask for the
 * same few hundred dates thousands of times; valid dates are a bounded set (at most a few hundred
 * thousand strings between 1900 and 2200), and the cache starts over should it ever get that big.
 */
const periods = new Map<string, DatePeriod>();
const MAX_CACHED_PERIODS = 200_000;

/** The period a date string stands for, or null when it is not a real calendar date. */
export function parseDatePeriod(text: string): DatePeriod | null {
  const known = periods.get(text);
  if (known) return known;
  const period = readDatePeriod(text);
  if (period) {
    if (periods.size >= MAX_CACHED_PERIODS) periods.clear();
    periods.set(text, Object.freeze(period));
  }
  return period;
}

function readDatePeriod(text: string): DatePeriod | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2200) return null;
  if (match[2] === undefined) {
    return { start: `${pad(year, 4)}-01-01`, end: `${pad(year, 4)}-12-31`, precision: 'year' };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  const yearMonth = `${pad(year, 4)}-${pad(month)}`;
  if (match[3] === undefined) {
    return { start: `${yearMonth}-01`, end: `${yearMonth}-${pad(last)}`, precision: 'month' };
  }
  const day = Number(match[3]);
  if (day < 1 || day > last) return null;
  const date = `${yearMonth}-${pad(day)}`;
  return { start: date, end: date, precision: 'day' };
}

export function isValidDate(text: string): boolean {
  return parseDatePeriod(text) !== null;
}

/** The first day of a date string's period; throws on an invalid date (validate first). */
export function periodStart(text: string): string {
  const period = parseDatePeriod(text);
  if (!period) throw new Error(`roundtrip/dates: not a date: ${JSON.stringify(text)}`);
  return period.start;
}

/** The last day of a date string's period; throws on an invalid date (validate first). */
export function periodEnd(text: string): string {
  const period = parseDatePeriod(text);
  if (!period) throw new Error(`roundtrip/dates: not a date: ${JSON.stringify(text)}`);
  return period.end;
}
