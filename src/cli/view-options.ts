/**
 * The filter options every analysis command shares, so what the analyst filters is what gets
 * analysed, and the checks that turn option text into a filter or a clear usage error.
 */
import { isValidDate } from '../data/dates.js';
import { parseUsd } from '../data/money.js';
import { DEAL_STATUSES, DEAL_TYPES, DEFAULT_FLOWS, ENTITY_KINDS, FLOW_KINDS, type FlowKind } from '../data/types.js';
import type { DealFilter } from '../model/filter.js';
import type { FirmGraph } from '../model/graph.js';
import { stringOption, UsageError, type OptionSpec, type OptionValues } from './command.js';

export const FILTER_OPTIONS: Record<string, OptionSpec> = {
  types: { type: 'string', value: 'A,B', description: `Deal types to keep (${DEAL_TYPES.join(', ')}).` },
  'min-usd': { type: 'string', value: 'N', description: 'Drop deals whose known amount is below N dollars (1e9, 1B, 500M); undisclosed amounts stay.' },
  from: { type: 'string', value: 'YYYY-MM', description: 'Keep deals dated in or after this month (YYYY, YYYY-MM or YYYY-MM-DD).' },
  to: { type: 'string', value: 'YYYY-MM', description: 'Keep deals dated in or before this month.' },
  kinds: { type: 'string', value: 'A,B', description: `Entity kinds to keep (${ENTITY_KINDS.join(', ')}).` },
  status: { type: 'string', value: 'A,B', description: `Deal statuses to keep (${DEAL_STATUSES.join(', ')}).` },
  flows: {
    type: 'string',
    value: 'A,B|all',
    description: `Flow kinds to count (${FLOW_KINDS.join(', ')}, or all; default ${DEFAULT_FLOWS.join(',')}, except for export and shock: all).`,
  },
};

function listOption<T extends string>(values: OptionValues, name: string, allowed: readonly T[], noun: string): T[] | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0) {
    throw new UsageError(`--${name}: unknown ${noun} ${unknown.map((u) => JSON.stringify(u)).join(', ')}; expected ${allowed.join(', ')}`);
  }
  if (items.length === 0) throw new UsageError(`--${name}: give at least one ${noun}`);
  return items as T[];
}

function dateOption(values: OptionValues, name: string): string | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  if (!isValidDate(raw)) throw new UsageError(`--${name}: ${JSON.stringify(raw)} is not a date (expected YYYY-MM, YYYY or YYYY-MM-DD)`);
  return raw;
}

/**
 * The deal filter the options describe. Without --flows, `defaultFlows` are counted: the money
 * that moves for analyses, every deal ('all') for exports.
 */
export function filterFromOptions(values: OptionValues, defaultFlows: readonly FlowKind[] | 'all' = DEFAULT_FLOWS): DealFilter {
  const filter: DealFilter = {};
  const flows = stringOption(values, 'flows')?.trim() === 'all' ? 'all' : (listOption(values, 'flows', FLOW_KINDS, 'flow kind') ?? defaultFlows);
  if (flows !== 'all' && flows.length < FLOW_KINDS.length) filter.flows = flows;
  const types = listOption(values, 'types', DEAL_TYPES, 'deal type');
  if (types) filter.types = types;
  const kinds = listOption(values, 'kinds', ENTITY_KINDS, 'entity kind');
  if (kinds) filter.kinds = kinds;
  const statuses = listOption(values, 'status', DEAL_STATUSES, 'deal status');
  if (statuses) filter.statuses = statuses;
  const min = stringOption(values, 'min-usd');
  if (min !== undefined) {
    const amount = parseUsd(min);
    if (amount === null) throw new UsageError(`--min-usd: ${JSON.stringify(min)} is not an amount (try 1e9, 1B or 500M)`);
    filter.minUsd = amount;
  }
  const from = dateOption(values, 'from');
  const to = dateOption(values, 'to');
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return filter;
}

/**
 * The longest loop to search: a whole number of at least 2, or `all` (no bound). A bound above the
 * number of firms is no bound at all, since a loop visits each firm once.
 */
export function maxLengthOption(values: OptionValues, fallback: number): number {
  const raw = stringOption(values, 'max-length');
  if (raw === undefined) return fallback;
  const text = raw.trim();
  if (text === 'all') return Number.POSITIVE_INFINITY;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 2) throw new UsageError(`--max-length: ${JSON.stringify(raw)} is not a whole number of at least 2, or all`);
  return Number.isSafeInteger(value) ? value : Number.POSITIVE_INFINITY;
}

/** A whole number option within bounds, or its default. */
export function integerOption(values: OptionValues, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`--${name}: ${JSON.stringify(raw)} is not a whole number ${range}`);
  }
  return value;
}

/** Edit distance, for suggesting the firm id the analyst probably meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * Checks a firm id given on the command line. A firm missing from the data is an error; one the
 * filters removed is reported as such, so the analyst knows why.
 */
export function requireFirm(id: string, option: string, all: FirmGraph, filtered: FirmGraph): string {
  if (filtered.hasNode(id)) return id;
  if (all.hasNode(id)) throw new UsageError(`--${option}: firm ${JSON.stringify(id)} is removed by the filters`);
  const lower = id.toLowerCase();
  const byName = all.findNode((node, entity) => entity.name.toLowerCase() === lower || entity.ticker?.toLowerCase() === lower);
  const near = all.filterNodes((node) => distance(node, lower) <= 2 || (lower.length >= 3 && node.startsWith(lower)));
  const suggestions = [...new Set([...(byName ? [byName] : []), ...near])].slice(0, 3);
  const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => JSON.stringify(s)).join(' or ')}?` : '';
  throw new UsageError(`--${option}: unknown firm ${JSON.stringify(id)}${hint}`);
}
