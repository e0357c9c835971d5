/**
 * The view state in the URL's query string: readable, short, hand-editable. One table of parameters
 * drives both reading and writing; defaults are left out; unknown parameters are ignored; a value
 * that cannot be read is dropped with a notice saying what was ignored.
 *
 *   types=investment,purchase  min=1B  from=2025-01  to=2025-12  kinds=chipmaker,ai-lab
 *   status=confirmed,reported  flows=paid,committed,in-kind,contingent (or all)  order=dated  window=12
 *   new=2026-06  width=circular  isolated=hide  firm=nvidia  deal=<deal id>  loop=amd>openai
 *   path=nvidia,oracle (the money traced from one firm to another)
 *   size=betweenness  sort=length  view=1.25,-340,120 (zoom, pan x, pan y)
 *   pos=nvidia:120:-40,openai:300:20 (firms dragged away from the layout: firm:x:y)
 *   data=1tf1gd-1a2b3c4d (an imported data set's fingerprint)
 *   asof=2025-06 (timeline)  shock=openai:0.5,nvidia:1  model=linear  round=2 (shock scenario)
 *   story=five-loops (a shipped story) or story=~… (a story carried in the link)  step=3  embed=1
 *
 * Why one long file: the table of parameters is the whole link format in one place, each entry
 * reading and writing its value, so the two can never drift apart.
 */
import { LOOP_SORT_KEYS, type LoopSortKey } from '../analysis/loops.js';
import { isValidDate } from '../data/dates.js';
import { parseUsd } from '../data/money.js';
import { showValue } from '../data/problem.js';
import { DEAL_STATUSES, DEAL_TYPES, DEFAULT_FLOWS, ENTITY_KINDS, FLOW_KINDS, type FlowKind } from '../data/types.js';
import { MAX_STORY_LINK_LENGTH, storyRefOf } from './story-link.js';
import { DEFAULT_VIEW_STATE, EDGE_WIDTHS, MAX_MOVED_FIRMS, SIZE_MEASURES, type EdgeWidth, type MovedFirm, type SizeMeasure, type ViewState, type Viewport } from './view-state.js';

/** Values longer than this are refused: no view needs them, and they make hostile links cheap. */
export const MAX_VALUE_LENGTH = 400;
/** Query strings longer than this are not read at all. */
export const MAX_QUERY_LENGTH = 8000;

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MONTH_PATTERN = /^\d{4}-\d{2}$/;

/** A value read from the link, a notice about what was ignored, or both (a list keeps its known items). */
type Parsed<T> = { ok: true; value: T; notice?: string } | { ok: false; reason: string };

interface Param<K extends keyof ViewState> {
  key: K;
  name: string;
  parse(text: string): Parsed<ViewState[K]>;
  /** The text for a value; null leaves the parameter out (the default). */
  format(value: ViewState[K]): string | null;
  /** Longest value read, when not MAX_VALUE_LENGTH (a story carried in the link). */
  maxLength?: number;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

function list<T extends string>(name: string, allowed: readonly T[], noun: string, plural = `${noun}s`): (text: string) => Parsed<T[] | null> {
  return (text: string) => {
    const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (items.length === 0) return fail(`${name}: empty list`);
    const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
    const set = new Set(items);
    const kept = allowed.filter((value) => set.has(value));
    const reason = `${name}: ${unknown.map((u) => showValue(u, 40)).join(', ')} ${unknown.length === 1 ? `is not a ${noun}` : `are not ${plural}`}`;
    if (kept.length === 0) return fail(reason);
    const value = kept.length === allowed.length ? null : kept;
    return unknown.length > 0 ? { ok: true, value, notice: reason } : ok(value);
  };
}

function formatList<T extends string>(value: readonly T[] | null): string | null {
  return value === null ? null : value.join(',');
}

/** The shortest text for an amount that reads back to exactly the same number: 1B, 1.5B, 500M. */
export function formatAmount(amount: number): string {
  for (const [size, unit] of [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ] as const) {
    if (amount >= size) {
      const text = `${String(Math.round((amount / size) * 1e6) / 1e6)}${unit}`;
      if (parseUsd(text) === amount) return text;
    }
  }
  return String(amount);
}

function parseViewport(text: string): Parsed<Viewport> {
  const parts = text.split(',');
  if (parts.length !== 3 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p.trim()))) return fail(`view: ${showValue(text, 40)} is not zoom,x,y`);
  const [zoom, x, y] = parts.map(Number) as [number, number, number];
  if (!(zoom > 0.01 && zoom <= 20) || Math.abs(x) > 1e7 || Math.abs(y) > 1e7) return fail(`view: ${showValue(text, 40)} is out of range`);
  return ok({ zoom, x, y });
}

function idParam<K extends 'firm' | 'deal'>(key: K): Param<K> {
  return {
    key,
    name: key,
    parse: (text) => (ID_PATTERN.test(text) ? ok(text as ViewState[K]) : fail(`${key}: ${showValue(text, 40)} is not an id`)),
    format: (value) => value,
  };
}

function monthParam<K extends 'from' | 'to'>(key: K): Param<K> {
  return {
    key,
    name: key,
    parse: (text) => (MONTH_PATTERN.test(text) && isValidDate(text) ? ok(text as ViewState[K]) : fail(`${key}: ${showValue(text, 40)} is not a month (YYYY-MM)`)),
    format: (value) => value,
  };
}

/** `flows=paid,contingent` or `flows=all`; the default (paid, committed, in-kind) is left out. */
function parseFlows(text: string): Parsed<readonly FlowKind[]> {
  if (text === 'all') return ok(FLOW_KINDS);
  const parsed = list('flows', FLOW_KINDS, 'flow kind')(text);
  if (!parsed.ok) return parsed;
  return { ...parsed, value: parsed.value ?? FLOW_KINDS };
}

function formatFlows(flows: readonly FlowKind[]): string | null {
  const same = (a: readonly FlowKind[], b: readonly FlowKind[]) => a.length === b.length && a.every((f, i) => f === b[i]);
  if (same(flows, DEFAULT_FLOWS)) return null;
  return flows.length === FLOW_KINDS.length ? 'all' : flows.join(',');
}

function choice<K extends 'size' | 'sort' | 'width', T extends string>(key: K, allowed: readonly T[]): Param<K> {
  return {
    key,
    name: key,
    parse: (text) => ((allowed as readonly string[]).includes(text) ? ok(text as ViewState[K]) : fail(`${key}: ${showValue(text, 40)} is not one of ${allowed.join(', ')}`)),
    format: (value) => (value === DEFAULT_VIEW_STATE[key] ? null : (value as string)),
  };
}

/** The parameters, in the order they are written. */
const PARAMS: ReadonlyArray<Param<keyof ViewState>> = [
  { key: 'types', name: 'types', parse: list('types', DEAL_TYPES, 'deal type'), format: formatList },
  {
    key: 'minUsd',
    name: 'min',
    parse: (text) => {
      const amount = parseUsd(text);
      return amount === null ? fail(`min: ${showValue(text, 40)} is not an amount (1e9, 1B, 500M)`) : ok(amount);
    },
    format: (value) => (value > 0 ? formatAmount(value) : null),
  } satisfies Param<'minUsd'>,
  monthParam('from'),
  monthParam('to'),
  { key: 'kinds', name: 'kinds', parse: list('kinds', ENTITY_KINDS, 'firm kind'), format: formatList },
  { key: 'statuses', name: 'status', parse: list('status', DEAL_STATUSES, 'deal status', 'deal statuses'), format: formatList },
  { key: 'flows', name: 'flows', parse: parseFlows, format: formatFlows } satisfies Param<'flows'>,
  {
    key: 'inOrder',
    name: 'order',
    parse: (text) => (text === 'dated' ? ok(true) : text === 'any' ? ok(false) : fail(`order: ${showValue(text, 40)} is not dated or any`)),
    format: (value) => (value ? 'dated' : null),
  } satisfies Param<'inOrder'>,
  {
    key: 'windowMonths',
    name: 'window',
    parse: (text) => (/^\d{1,4}$/.test(text) ? ok(Number(text)) : fail(`window: ${showValue(text, 40)} is not a number of months (0, 1, 2, …)`)),
    format: (value) => (value === null ? null : String(value)),
  } satisfies Param<'windowMonths'>,
  {
    key: 'hideIsolated',
    name: 'isolated',
    parse: (text) => (text === 'hide' ? ok(true) : text === 'show' ? ok(false) : fail(`isolated: ${showValue(text, 40)} is not hide or show`)),
    format: (value) => (value ? 'hide' : null),
  } satisfies Param<'hideIsolated'>,
  idParam('firm'),
  idParam('deal'),
  {
    key: 'loop',
    name: 'loop',
    parse: (text) => {
      const firms = text.split('>');
      return firms.length >= 2 && firms.every((f) => ID_PATTERN.test(f)) && new Set(firms).size === firms.length
        ? ok(text)
        : fail(`loop: ${showValue(text, 40)} is not a loop id (firms joined by >)`);
    },
    format: (value) => value,
  } satisfies Param<'loop'>,
  {
    key: 'path',
    name: 'path',
    parse: (text) => {
      const [from, to, extra] = text.split(',');
      if (extra !== undefined || from === undefined || to === undefined || !ID_PATTERN.test(from) || !ID_PATTERN.test(to)) return fail(`path: ${showValue(text, 40)} is not from,to (two firm ids)`);
      if (from === to) return fail(`path: ${showValue(text, 40)} names the same firm twice (a loop is loop=)`);
      return ok({ from, to });
    },
    format: (value) => (value === null ? null : `${value.from},${value.to}`),
  } satisfies Param<'path'>,
  choice('size', SIZE_MEASURES as readonly SizeMeasure[]),
  choice('sort', LOOP_SORT_KEYS as readonly LoopSortKey[]),
  choice('width', EDGE_WIDTHS as readonly EdgeWidth[]),
  {
    key: 'view',
    name: 'view',
    parse: parseViewport,
    format: (value) => (value === null ? null : `${value.zoom},${value.x},${value.y}`),
  } satisfies Param<'view'>,
  {
    key: 'moved',
    name: 'pos',
    parse: parseMoved,
    format: (value) => (value.length === 0 ? null : value.map((m) => `${m.firm}:${m.x}:${m.y}`).join(',')),
  } satisfies Param<'moved'>,
  {
    key: 'data',
    name: 'data',
    parse: (text) => (/^[a-z0-9]{1,12}-[0-9a-f]{8}$/.test(text) ? ok(text) : fail(`data: ${showValue(text, 40)} is not a data set fingerprint`)),
    format: (value) => value,
  } satisfies Param<'data'>,
  {
    key: 'asOf',
    name: 'asof',
    parse: (text) => (MONTH_PATTERN.test(text) && isValidDate(text) ? ok(text) : fail(`asof: ${showValue(text, 40)} is not a month (YYYY-MM)`)),
    format: (value) => value,
  } satisfies Param<'asOf'>,
  {
    key: 'newSince',
    name: 'new',
    parse: (text) => (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text) && isValidDate(text) ? ok(text) : fail(`new: ${showValue(text, 40)} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`)),
    format: (value) => value,
  } satisfies Param<'newSince'>,
  {
    key: 'shock',
    name: 'shock',
    parse: parseShock,
    format: (value) => (value === null ? null : Object.entries(value).map(([firm, level]) => `${firm}:${level}`).join(',')),
  } satisfies Param<'shock'>,
  {
    key: 'model',
    name: 'model',
    parse: (text) => (text === 'original' || text === 'linear' ? ok(text) : fail(`model: ${showValue(text, 40)} is not original or linear`)),
    format: (value) => (value === 'original' ? null : value),
  } satisfies Param<'model'>,
  {
    key: 'lgd',
    name: 'lgd',
    parse: (text) => {
      const share = Number(text);
      return /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/.test(text) && share >= 0 && share <= 1 ? ok(share) : fail(`lgd: ${showValue(text, 40)} is not a share from 0 to 1 (e.g. 0.3)`);
    },
    format: (value) => (value === null ? null : String(value)),
  } satisfies Param<'lgd'>,
  {
    key: 'called',
    name: 'called',
    parse: (text) => (text === 'yes' ? ok(true) : text === 'no' ? ok(false) : fail(`called: ${showValue(text, 40)} is not yes or no`)),
    format: (value) => (value ? 'yes' : null),
  } satisfies Param<'called'>,
  {
    key: 'buffers',
    name: 'buffers',
    parse: (text) => (text === 'balance' || text === 'proxy' ? ok(text) : fail(`buffers: ${showValue(text, 40)} is not balance or proxy`)),
    format: (value) => (value === 'balance' ? null : value),
  } satisfies Param<'buffers'>,
  {
    key: 'theme',
    name: 'theme',
    parse: (text) => (text === 'light' || text === 'dark' || text === 'auto' ? ok(text) : fail(`theme: ${showValue(text, 40)} is not light, dark or auto`)),
    format: (value) => (value === 'auto' ? null : value),
  } satisfies Param<'theme'>,
  {
    key: 'round',
    name: 'round',
    parse: (text) => (/^\d{1,4}$/.test(text) && Number(text) >= 1 ? ok(Number(text)) : fail(`round: ${showValue(text, 40)} is not a round number (1, 2, …)`)),
    format: (value) => (value === null ? null : String(value)),
  } satisfies Param<'round'>,
  {
    key: 'story',
    name: 'story',
    maxLength: MAX_STORY_LINK_LENGTH,
    parse: (text) => (storyRefOf(text) ? ok(text) : fail(`story: ${showValue(text, 40)} is neither a story's name nor a story`)),
    format: (value) => value,
  } satisfies Param<'story'>,
  {
    key: 'step',
    name: 'step',
    parse: (text) => (/^\d{1,2}$/.test(text) && Number(text) >= 1 ? ok(Number(text)) : fail(`step: ${showValue(text, 40)} is not a step number (1, 2, …)`)),
    format: (value) => (value === null ? null : String(value)),
  } satisfies Param<'step'>,
  {
    key: 'embed',
    name: 'embed',
    parse: (text) => (text === '1' ? ok(true) : text === '0' ? ok(false) : fail(`embed: ${showValue(text, 40)} is not 1 or 0`)),
    format: (value) => (value ? '1' : null),
  } satisfies Param<'embed'>,
] as ReadonlyArray<Param<keyof ViewState>>;

/** `openai:0.5,nvidia:1` → {openai: 0.5, nvidia: 1}; distress from 0 to 1, at most 50 firms. */
function parseShock(text: string): Parsed<Record<string, number> | null> {
  const entries = text.split(',').filter((part) => part !== '');
  if (entries.length === 0 || entries.length > 50) return fail(`shock: ${showValue(text, 40)} is not a list of firm:distress`);
  const shock: Record<string, number> = {};
  for (const entry of entries) {
    const [firm, level, extra] = entry.split(':');
    const distress = Number(level);
    if (extra !== undefined || firm === undefined || !ID_PATTERN.test(firm) || level === undefined || !/^(0|1|0?\.\d{1,4}|1\.0{1,4})$/.test(level) || !(distress >= 0 && distress <= 1)) {
      return fail(`shock: ${showValue(entry, 40)} is not firm:distress with a distress from 0 to 1`);
    }
    shock[firm] = distress;
  }
  return ok(shock);
}

/** `firm:x:y,…`: firms dragged away from the layout, whole model coordinates. */
function parseMoved(text: string): Parsed<readonly MovedFirm[]> {
  const entries = text.split(',');
  if (entries.length > MAX_MOVED_FIRMS) return fail(`pos: ${entries.length} moved firms; a link keeps at most ${MAX_MOVED_FIRMS}`);
  const moved: MovedFirm[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const [firm, x, y, extra] = entry.split(':');
    if (extra !== undefined || firm === undefined || !ID_PATTERN.test(firm) || x === undefined || y === undefined || !/^-?\d{1,7}$/.test(x) || !/^-?\d{1,7}$/.test(y)) {
      return fail(`pos: ${showValue(entry, 40)} is not firm:x:y with whole numbers`);
    }
    if (seen.has(firm)) return fail(`pos: ${showValue(firm, 40)} is given twice`);
    seen.add(firm);
    moved.push({ firm, x: Number(x), y: Number(y) });
  }
  return ok(moved);
}

export interface ParsedUrl {
  state: ViewState;
  /** What was ignored, in words, for the notice. */
  notices: string[];
}

/** Reads a query string (with or without `?`) into a view state. Never throws. */
export function parseViewUrl(query: string): ParsedUrl {
  const notices: string[] = [];
  const state: ViewState = { ...DEFAULT_VIEW_STATE };
  if (query.length > MAX_QUERY_LENGTH) return { state, notices: [`the link is too long (${query.length} characters); it was not read`] };
  let search: URLSearchParams;
  try {
    search = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  } catch {
    return { state, notices: ['the link could not be read'] };
  }
  const assign = <K extends keyof ViewState>(key: K, value: ViewState[K]): void => {
    state[key] = value;
  };
  for (const param of PARAMS) {
    const values = search.getAll(param.name);
    const text = values[values.length - 1];
    if (text === undefined || text === '') continue;
    if (text.length > (param.maxLength ?? MAX_VALUE_LENGTH)) {
      notices.push(`${param.name}: the value is too long (${text.length} characters)`);
      continue;
    }
    const parsed = param.parse(text.trim());
    if (parsed.ok) {
      assign(param.key, parsed.value);
      if (parsed.notice) notices.push(parsed.notice);
    } else notices.push(parsed.reason);
  }
  if (state.from && state.to && state.from > state.to) {
    notices.push(`from ${state.from} is after to ${state.to}; the date range was ignored`);
    state.from = null;
    state.to = null;
  }
  return { state, notices };
}

/** Writes a view state as a query string without the `?`; defaults are left out. */
export function formatViewUrl(state: ViewState): string {
  const search = new URLSearchParams();
  for (const param of PARAMS) {
    const text = param.format(state[param.key]);
    if (text !== null) search.set(param.name, text);
  }
  // Keep commas, > and : readable: they are safe in a query string.
  return search.toString().replace(/%2C/g, ',').replace(/%3E/g, '>').replace(/%3A/g, ':').replace(/%7E/g, '~');
}
