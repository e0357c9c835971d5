import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOOP_SORT_KEYS } from '../../src/analysis/loops.js';
import { DEAL_STATUSES, DEAL_TYPES, ENTITY_KINDS, FLOW_KINDS } from '../../src/data/types.js';
import { formatAmount, formatViewUrl, parseViewUrl } from '../../src/state/url.js';
import { DEFAULT_VIEW_STATE, EDGE_WIDTHS, SIZE_MEASURES, type ViewState } from '../../src/state/view-state.js';

const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}$/);

/** A strict, non-empty part of a canonical list, in canonical order; null stands for all. */
function subset<T extends string>(all: readonly T[]) {
  return fc.option(
    fc.subarray([...all], { minLength: 1, maxLength: all.length - 1 }).map((items) => all.filter((v) => items.includes(v))),
    { nil: null },
  );
}

const month = fc.record({ y: fc.integer({ min: 1900, max: 2200 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);

const viewState: fc.Arbitrary<ViewState> = fc
  .record({
    types: subset(DEAL_TYPES),
    minUsd: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000_000_000_000 }), fc.integer({ min: 1, max: 9999 }).map((k) => k * 1e8)),
    dates: fc.tuple(fc.option(month, { nil: null }), fc.option(month, { nil: null })),
    kinds: subset(ENTITY_KINDS),
    statuses: subset(DEAL_STATUSES),
    flows: fc.subarray([...FLOW_KINDS], { minLength: 1 }).map((items) => FLOW_KINDS.filter((f) => items.includes(f))),
    inOrder: fc.boolean(),
    windowMonths: fc.option(fc.integer({ min: 0, max: 240 }), { nil: null }),
    width: fc.constantFrom(...EDGE_WIDTHS),
    hideIsolated: fc.boolean(),
    firm: fc.option(slug, { nil: null }),
    deal: fc.option(slug, { nil: null }),
    loop: fc.option(fc.uniqueArray(slug, { minLength: 2, maxLength: 5 }).map((f) => f.join('>')), { nil: null }),
    path: fc.option(fc.uniqueArray(slug, { minLength: 2, maxLength: 2 }).map(([from, to]) => ({ from: from!, to: to! })), { nil: null }),
    size: fc.constantFrom(...SIZE_MEASURES),
    sort: fc.constantFrom(...LOOP_SORT_KEYS),
    view: fc.option(
      fc.record({ zoom: fc.integer({ min: 20, max: 20_000 }).map((z) => z / 1000), x: fc.integer({ min: -100_000, max: 100_000 }).map((x) => x / 10), y: fc.integer({ min: -100_000, max: 100_000 }).map((y) => y / 10) }),
      { nil: null },
    ),
    moved: fc.uniqueArray(fc.record({ firm: slug, x: fc.integer({ min: -99_999, max: 99_999 }), y: fc.integer({ min: -99_999, max: 99_999 }) }), { maxLength: 8, selector: (m) => m.firm }),
    asOf: fc.option(month, { nil: null }),
    newSince: fc.option(fc.oneof(month, month.map((m) => `${m}-15`), month.map((m) => m.slice(0, 4))), { nil: null }),
    shock: fc.option(
      fc.uniqueArray(fc.tuple(slug, fc.integer({ min: 0, max: 20 }).map((k) => k / 20)), { minLength: 1, maxLength: 4, selector: ([firm]) => firm }).map((pairs) => Object.fromEntries(pairs)),
      { nil: null },
    ),
    model: fc.constantFrom('original' as const, 'linear' as const),
    lgd: fc.option(fc.integer({ min: 0, max: 100 }).map((k) => k / 100), { nil: null }),
    called: fc.boolean(),
    buffers: fc.constantFrom('balance' as const, 'proxy' as const),
    theme: fc.constantFrom('auto' as const, 'light' as const, 'dark' as const),
    round: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
    story: fc.option(fc.oneof(slug, fc.stringMatching(/^~[A-Za-z0-9_-]{1,80}$/)), { nil: null }),
    step: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
    embed: fc.boolean(),
    data: fc.option(fc.tuple(fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.stringMatching(/^[0-9a-f]{8}$/)).map(([a, b]) => `${a}-${b}`), { nil: null }),
  })
  .map(({ dates: [a, b], ...rest }) => {
    const [from, to] = a !== null && b !== null && a > b ? [b, a] : [a, b];
    return { ...rest, from, to };
  });

describe('the view URL', () => {
  it('path= traces the money from one firm to another, and refuses what it cannot read', () => {
    expect(parseViewUrl('path=nvidia,oracle').state.path).toEqual({ from: 'nvidia', to: 'oracle' });
    expect(formatViewUrl({ ...DEFAULT_VIEW_STATE, path: { from: 'nvidia', to: 'oracle' } })).toBe('path=nvidia,oracle');
    expect(parseViewUrl('path=nvidia,nvidia').notices).toEqual(['path: "nvidia,nvidia" names the same firm twice (a loop is loop=)']);
    expect(parseViewUrl('path=nvidia').notices).toEqual(['path: "nvidia" is not from,to (two firm ids)']);
    expect(parseViewUrl('path=a,b,c').state.path).toBeNull();
  });

  it('pos= keeps dragged firms (firm:x:y, whole numbers) and refuses what it cannot read, saying why', () => {
    expect(parseViewUrl('pos=nvidia:120:-40,openai:300:20').state.moved).toEqual([
      { firm: 'nvidia', x: 120, y: -40 },
      { firm: 'openai', x: 300, y: 20 },
    ]);
    expect(formatViewUrl({ ...DEFAULT_VIEW_STATE, moved: [{ firm: 'nvidia', x: 120, y: -40 }] })).toBe('pos=nvidia:120:-40');
    for (const [query, notice] of [
      ['pos=nvidia:1.5:2', 'pos: "nvidia:1.5:2" is not firm:x:y with whole numbers'],
      ['pos=Nvidia:1:2', 'pos: "Nvidia:1:2" is not firm:x:y with whole numbers'],
      ['pos=nvidia:1:2:3', 'pos: "nvidia:1:2:3" is not firm:x:y with whole numbers'],
      ['pos=nvidia:1:2,nvidia:3:4', 'pos: "nvidia" is given twice'],
      [`pos=${Array.from({ length: 21 }, (_, i) => `f${i}:1:2`).join(',')}`, 'pos: 21 moved firms; a link keeps at most 20'],
    ] as const) {
      const parsed = parseViewUrl(query);
      expect(parsed.state.moved).toEqual([]);
      expect(parsed.notices).toEqual([notice]);
    }
  });

  it('parseViewUrl(formatViewUrl(state)) gives back every state, with no notice', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        const parsed = parseViewUrl(formatViewUrl(state));
        expect(parsed.notices).toEqual([]);
        expect(parsed.state).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('formatViewUrl(parseViewUrl(url)) is stable for any query string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (query) => {
        const once = formatViewUrl(parseViewUrl(query).state);
        expect(formatViewUrl(parseViewUrl(once).state)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves defaults out: the default view is the empty query', () => {
    expect(formatViewUrl({ ...DEFAULT_VIEW_STATE })).toBe('');
    expect(parseViewUrl('')).toEqual({ state: { ...DEFAULT_VIEW_STATE }, notices: [] });
  });

  it('writes readable, hand-editable parameters', () => {
    const url = formatViewUrl({
      ...DEFAULT_VIEW_STATE,
      types: ['investment', 'purchase'],
      minUsd: 1.5e9,
      from: '2025-01',
      to: '2025-12',
      firm: 'nvidia',
      loop: 'nvidia>openai>oracle',
      sort: 'length',
      view: { zoom: 1.25, x: -340, y: 120.5 },
    });
    expect(url).toBe('types=investment,purchase&min=1.5B&from=2025-01&to=2025-12&firm=nvidia&loop=nvidia>openai>oracle&sort=length&view=1.25,-340,120.5');
  });

  it('reads amounts as analysts write them', () => {
    for (const [text, amount] of [
      ['1e9', 1e9],
      ['1B', 1e9],
      ['500M', 5e8],
      ['2.5bn', 2.5e9],
    ] as const) {
      expect(parseViewUrl(`min=${text}`).state.minUsd).toBe(amount);
    }
    expect(formatAmount(123_456_789)).toBe('123.456789M');
    expect(formatAmount(1_000)).toBe('1K');
    expect(formatAmount(7)).toBe('7');
  });

  it('drops what it cannot read and says so, keeping the rest', () => {
    const { state, notices } = parseViewUrl('types=investment,gift&min=lots&from=2025-13&firm=Nvidia!&size=huge&isolated=maybe&view=1,2&loop=a>a&to=2025-06&status=confirmed');
    expect(state).toEqual({ ...DEFAULT_VIEW_STATE, types: ['investment'], to: '2025-06', statuses: ['confirmed'] });
    expect(notices).toEqual([
      'types: "gift" is not a deal type',
      'min: "lots" is not an amount (1e9, 1B, 500M)',
      'from: "2025-13" is not a month (YYYY-MM)',
      'isolated: "maybe" is not hide or show',
      'firm: "Nvidia!" is not an id',
      'loop: "a>a" is not a loop id (firms joined by >)',
      'size: "huge" is not one of pagerank, betweenness, strength, circularity, loops, none',
      'view: "1,2" is not zoom,x,y',
    ]);
  });

  it('keeps the known items of a list and drops a list with none', () => {
    expect(parseViewUrl('kinds=bank,ufo,spv')).toEqual({ state: { ...DEFAULT_VIEW_STATE, kinds: ['bank', 'spv'] }, notices: ['kinds: "ufo" is not a firm kind'] });
    expect(parseViewUrl('status=rumour,maybe')).toEqual({ state: { ...DEFAULT_VIEW_STATE }, notices: ['status: "rumour", "maybe" are not deal statuses'] });
  });

  it('ignores unknown parameters, takes the last of repeated ones, and refuses over-long values', () => {
    expect(parseViewUrl('utm_source=x&firm=amd&firm=nvidia')).toEqual({ state: { ...DEFAULT_VIEW_STATE, firm: 'nvidia' }, notices: [] });
    const long = parseViewUrl(`firm=${'a'.repeat(1000)}`);
    expect(long.state.firm).toBeNull();
    expect(long.notices).toEqual(['firm: the value is too long (1000 characters)']);
    expect(parseViewUrl(`x=${'y'.repeat(9000)}`).notices).toEqual(['the link is too long (9002 characters); it was not read']);
  });

  it('reads a shock scenario and the timeline month', () => {
    expect(parseViewUrl('shock=openai:0.5,nvidia:1&model=linear&round=2&asof=2025-06')).toEqual({
      state: { ...DEFAULT_VIEW_STATE, shock: { openai: 0.5, nvidia: 1 }, model: 'linear', round: 2, asOf: '2025-06' },
      notices: [],
    });
    expect(parseViewUrl('shock=openai:1.5').notices).toEqual(['shock: "openai:1.5" is not firm:distress with a distress from 0 to 1']);
    expect(parseViewUrl('round=0').notices).toEqual(['round: "0" is not a round number (1, 2, …)']);
  });

  it('a date range that ends before it starts is ignored with a notice', () => {
    expect(parseViewUrl('from=2026-01&to=2025-01')).toEqual({
      state: { ...DEFAULT_VIEW_STATE },
      notices: ['from 2026-01 is after to 2025-01; the date range was ignored'],
    });
  });

  it('never throws on hostile input, and nothing it keeps contains markup', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.constantFrom(
        'firm=<script>alert(1)</script>',
        'loop=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
        'min=1e400',
        'min=-5',
        'view=1e400,0,0',
        'view=NaN,0,0',
        '%',
        '%E0%A4%A',
        'types=' + 'investment,'.repeat(100),
        '&&&==&=',
        'firm=nvidia&firm=<b>',
      ),
      fc.array(fc.tuple(fc.constantFrom('types', 'min', 'from', 'to', 'kinds', 'status', 'isolated', 'firm', 'deal', 'loop', 'size', 'sort', 'view', 'data', 'asof', 'shock', 'model', 'round'), fc.string({ maxLength: 40 })), { maxLength: 12 }).map((pairs) =>
        pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'),
      ),
    );
    fc.assert(
      fc.property(hostile, (query) => {
        const { state } = parseViewUrl(query);
        expect(JSON.stringify(state)).not.toContain('<');
        for (const value of [state.firm, state.deal, state.loop]) if (value !== null) expect(value).toMatch(/^[a-z0-9>-]+$/);
        expect(Number.isFinite(state.minUsd)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the view URL and flow kinds', () => {
  it('leaves the default flows out and reads flows=all as every flow kind', () => {
    expect(formatViewUrl(DEFAULT_VIEW_STATE)).toBe('');
    expect(parseViewUrl('flows=all').state.flows).toEqual([...FLOW_KINDS]);
    expect(formatViewUrl({ ...DEFAULT_VIEW_STATE, flows: FLOW_KINDS })).toBe('flows=all');
    expect(parseViewUrl('flows=paid,contingent').state.flows).toEqual(['paid', 'contingent']);
  });
  it('keeps the known flow kinds of a list and says which were ignored', () => {
    const parsed = parseViewUrl('flows=paid,cash');
    expect(parsed.state.flows).toEqual(['paid']);
    expect(parsed.notices).toEqual(['flows: "cash" is not a flow kind']);
  });
  it('reads date order and its window', () => {
    const { state, notices } = parseViewUrl('order=dated&window=12&width=circular');
    expect(notices).toEqual([]);
    expect(state).toMatchObject({ inOrder: true, windowMonths: 12, width: 'circular' });
    expect(parseViewUrl('window=soon').notices).toEqual(['window: "soon" is not a number of months (0, 1, 2, …)']);
  });
});
