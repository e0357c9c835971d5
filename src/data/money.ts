/**
 * US-dollar amounts as analysts write them: `1e9`, `1B`, `500M`, `$10B`, `1.5bn`, `1,500,000`.
 */

const SUFFIXES: Record<string, number> = {
  '': 1,
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
};

const AMOUNT_PATTERN = /^\$?\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([a-z]*)$/i;
const GROUPED_PATTERN = /^\$?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?)\s*([a-z]*)$/i;

/**
 * Parses an amount in US dollars; returns null for anything that is not a finite, non-negative
 * amount (including negative numbers, NaN and unknown suffixes).
 */
export function parseUsd(text: string): number | null {
  const trimmed = text.trim().replace(/^usd\s*/i, '').replace(/\s*usd$/i, '');
  if (trimmed.length === 0 || trimmed.length > 40) return null;
  const match = AMOUNT_PATTERN.exec(trimmed) ?? GROUPED_PATTERN.exec(trimmed);
  if (!match) return null;
  const multiplier = SUFFIXES[(match[2] ?? '').toLowerCase()];
  if (multiplier === undefined) return null;
  const value = Number((match[1] ?? '').replace(/,/g, '')) * multiplier;
  if (!Number.isFinite(value) || value < 0) return null;
  // Rounding to whole dollars removes float noise such as 1.1 * 1e9 = 1100000000.0000002.
  return value >= 1 ? Math.round(value) : value;
}

/** `$1.5B`, `$350M`, `$300B`, `$1.23T`; `undisclosed` for null. */
export function formatUsd(amount: number | null, options: { undisclosed?: string } = {}): string {
  if (amount === null) return options.undisclosed ?? 'undisclosed';
  const units: Array<[number, string]> = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, unit] of units) {
    if (amount >= size) {
      const scaled = amount / size;
      const digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
      return `$${trimZeros(scaled.toFixed(digits))}${unit}`;
    }
  }
  return `$${trimZeros(amount.toFixed(2))}`;
}

/**
 * A sum of amounts of which only `known` of `count` are disclosed: the sum when all are, the sum
 * marked `known` (a lower bound) when some are, and `undisclosed` when none is — never `$0`.
 */
export function formatKnownSum(sumUsd: number, known: number, count: number): string {
  if (known === 0 && count > 0) return 'undisclosed';
  return known < count ? `${formatUsd(sumUsd)} known` : formatUsd(sumUsd);
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
