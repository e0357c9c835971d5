// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findLoops, sortLoops } from '../../src/analysis/loops.js';
import { firmMeasures } from '../../src/analysis/centrality.js';
import '../../src/view/components/rt-about.js';
import '../../src/view/components/rt-timeline.js';
import '../../src/view/components/rt-cycles.js';
import '../../src/view/components/rt-filters.js';
import '../../src/view/components/rt-inspector.js';
import '../../src/view/components/rt-measures.js';
import type { FilterChangeEvent } from '../../src/view/components/rt-filters.js';
import type { SortChangeEvent } from '../../src/view/components/rt-cycles.js';
import type { FirmSelectEvent, LoopSelectEvent, DealSelectEvent } from '../../src/view/events.js';
import { DEFAULT_VIEW_STATE } from '../../src/state/view-state.js';
import { shippedDataSet, shippedGraph } from '../fixtures/shipped.js';

const graph = shippedGraph();
const loops = sortLoops(findLoops(graph).loops);

afterEach(() => {
  document.body.replaceChildren();
});

/** Adds an element, lets it render, and records the events of the given types it fires. */
async function mount<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>, eventTypes: string[] = []) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  const events: Event[] = [];
  for (const type of eventTypes) el.addEventListener(type, (e) => events.push(e));
  document.body.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { el, events, root: el.shadowRoot as ShadowRoot };
}

describe('rt-cycles', () => {
  it('lists every loop with its hops spelled out and a count', async () => {
    const { root } = await mount('rt-cycles', { loops, total: loops.length, nameOf: (id: string) => id.toUpperCase(), typesOf: () => ['x'] });
    expect(root.querySelector('.count')?.getAttribute('data-count')).toBe(String(loops.length));
    const items = root.querySelectorAll('li[data-loop]');
    expect([...items].map((li) => li.getAttribute('data-loop'))).toEqual(loops.map((l) => l.id));
    const nvidiaLoop = root.querySelector('li[data-loop="nvidia>openai>oracle"] .hops')?.textContent;
    expect(nvidiaLoop).toBe('NVIDIA —x→ OPENAI —x→ ORACLE —x→ NVIDIA');
  });

  it('gives a loop\'s total as a sum, a lower bound (known) or undisclosed, never an invented $0', async () => {
    const { root } = await mount('rt-cycles', { loops, total: loops.length });
    const total = (id: string) => root.querySelector(`li[data-loop="${id}"] .meta span:nth-child(3)`)?.textContent;
    // Every hop disclosed: Nvidia invests, OpenAI buys from Oracle, Oracle buys from Nvidia.
    expect(total('nvidia>openai>oracle')).toBe('total $370B');
    // No hop disclosed: AMD's warrants for OpenAI and OpenAI's AMD chip purchase.
    expect(total('amd>openai')).toBe('total undisclosed');
    const partly = loops.find((l) => l.hops.some((h) => h.amountUsd === null) && l.hops.some((h) => h.amountUsd !== null));
    if (!partly) throw new Error('the shipped data has a partly disclosed loop');
    expect(total(partly.id)).toMatch(/^total \$[\d.]+[KMBT]? known$/);
  });

  it('fires rt-loop-select on click and on Enter, and toggles off a selected loop', async () => {
    const { el, root, events } = await mount('rt-cycles', { loops }, ['rt-loop-select']);
    (root.querySelector('li[data-loop="amd>openai"]') as HTMLElement).click();
    expect((events[0] as LoopSelectEvent).loop).toBe('amd>openai');
    el.selected = 'amd>openai';
    await el.updateComplete;
    (root.querySelector('li[data-loop="amd>openai"]') as HTMLElement).click();
    expect((events[1] as LoopSelectEvent).loop).toBeNull();
    const list = root.querySelector('ol') as HTMLElement;
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect((events[2] as LoopSelectEvent).loop).toBe(loops[(loops.findIndex((l) => l.id === 'amd>openai') + 1)]!.id);
  });

  it('does not fire events when the app sets its properties', async () => {
    const { el, events } = await mount('rt-cycles', { loops }, ['rt-loop-select', 'rt-loop-preview', 'rt-sort-change']);
    el.selected = loops[0]!.id;
    el.sort = 'length';
    el.loops = loops.slice(1);
    await el.updateComplete;
    expect(events).toEqual([]);
  });

  it('marks each loop in date order or not, and a loop that closes only through a partnership', async () => {
    const { root } = await mount('rt-cycles', { loops, total: loops.length });
    for (const loop of loops) {
      const li = root.querySelector(`li[data-loop="${loop.id}"]`);
      expect(li?.querySelector('.order')?.getAttribute('data-order')).toBe(loop.inOrder ? 'yes' : 'no');
      expect(li?.querySelector('.through')?.getAttribute('data-through') ?? '').toBe(loop.closesThrough.join(' '));
    }
    // The shipped data (all flows) has both kinds of loop, and loops that need a partnership to close.
    expect(root.querySelector('.order[data-order="yes"]')).not.toBeNull();
    expect(root.querySelector('.order[data-order="no"]')).not.toBeNull();
    expect(root.querySelector('.through[data-through~="no-transfer"]')?.textContent).toBe('closes only through a partnership');
  });

  it('marks the loops that need a deal added after the "new since" date, and says which firms it passes as part of another', async () => {
    const loop = loops[0]!;
    const newDeals = new Set(loop.hops[0]!.deals);
    const { root } = await mount('rt-cycles', { loops, total: loops.length, newDeals, notesOf: (l: (typeof loops)[number]) => (l.id === loop.id ? ['xAI (part of SpaceX since 2026-02-02)'] : []) });
    const marked = [...root.querySelectorAll('li[data-loop]')].filter((li) => li.querySelector('[data-new]')).map((li) => li.getAttribute('data-loop'));
    expect(marked).toContain(loop.id);
    for (const id of marked) expect(loops.find((l) => l.id === id)!.hops.some((h) => h.deals.every((d) => newDeals.has(d)))).toBe(true);
    expect(root.querySelector(`li[data-loop="${loop.id}"] .folded`)?.textContent).toBe('through xAI (part of SpaceX since 2026-02-02)');
  });

  it('says when the cap truncated the search, and fires rt-sort-change', async () => {
    const { root, events } = await mount('rt-cycles', { loops, total: 10_000, truncated: true }, ['rt-sort-change']);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('stopped at 10,000 loops');
    const select = root.querySelector('select') as HTMLSelectElement;
    select.value = 'length';
    select.dispatchEvent(new Event('change'));
    expect((events[0] as SortChangeEvent).sort).toBe('length');
  });
});

describe('rt-filters', () => {
  it('unchecking a deal type emits the other types; re-checking all emits null (all)', async () => {
    const { el, root, events } = await mount('rt-filters', { state: { ...DEFAULT_VIEW_STATE } }, ['rt-filter-change']);
    const purchase = root.querySelector('input[name="type"][value="purchase"]') as HTMLInputElement;
    purchase.checked = false;
    purchase.dispatchEvent(new Event('change'));
    const patch = (events[0] as FilterChangeEvent).patch;
    expect(patch.types).toEqual(['investment', 'equity', 'warrants', 'loan', 'revenue-share', 'guarantee', 'partnership']);
    el.state = { ...DEFAULT_VIEW_STATE, types: patch.types ?? null };
    await el.updateComplete;
    const again = root.querySelector('input[name="type"][value="purchase"]') as HTMLInputElement;
    expect(again.checked).toBe(false);
    again.checked = true;
    again.dispatchEvent(new Event('change'));
    expect((events[1] as FilterChangeEvent).patch).toEqual({ types: null });
  });

  it('reads amounts as analysts write them and rejects what is not an amount', async () => {
    const { root, events } = await mount('rt-filters', { state: { ...DEFAULT_VIEW_STATE } }, ['rt-filter-change']);
    const input = root.querySelector('input[type="text"]') as HTMLInputElement;
    input.value = '1.5bn';
    input.dispatchEvent(new Event('change'));
    expect((events[0] as FilterChangeEvent).patch).toEqual({ minUsd: 1.5e9 });
    input.value = 'lots';
    input.dispatchEvent(new Event('change'));
    expect(events).toHaveLength(1);
    await (root.host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('"lots" is not an amount');
  });

  it('takes a date-order window in months, empties it to no limit, and refuses what is not a number', async () => {
    const { root, events } = await mount('rt-filters', { state: { ...DEFAULT_VIEW_STATE } }, ['rt-filter-change']);
    const input = root.querySelector('input[name="window"]') as HTMLInputElement;
    input.value = '18';
    input.dispatchEvent(new Event('change'));
    input.value = '';
    input.dispatchEvent(new Event('change'));
    input.value = '1.5';
    input.dispatchEvent(new Event('change'));
    expect(events.map((e) => (e as FilterChangeEvent).patch)).toEqual([{ windowMonths: 18 }, { windowMonths: null }]);
    await (root.host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('1.5 is not a number of months');
  });

  it('asks what is new since a month, or since the last update', async () => {
    const { root, events } = await mount('rt-filters', { state: { ...DEFAULT_VIEW_STATE }, lastUpdate: '2026-12-02' }, ['rt-filter-change']);
    const input = root.querySelector('input[name="new-since"]') as HTMLInputElement;
    input.value = '2026-06';
    input.dispatchEvent(new Event('change'));
    (root.querySelector('[data-last-update]') as HTMLButtonElement).click();
    expect(events.map((e) => (e as FilterChangeEvent).patch)).toEqual([{ newSince: '2026-06' }, { newSince: '2026-11' }]);
  });

  it('does not fire when the app sets the state', async () => {
    const { el, events } = await mount('rt-filters', { state: { ...DEFAULT_VIEW_STATE } }, ['rt-filter-change']);
    el.state = { ...DEFAULT_VIEW_STATE, types: ['loan'], minUsd: 1e9, from: '2025-01' };
    await el.updateComplete;
    expect(events).toEqual([]);
  });
});

describe('rt-measures', () => {
  const measures = firmMeasures(graph, { loops: loops });

  it('sorts by PageRank first and by any column on click; a row selects its firm', async () => {
    const { el, root, events } = await mount('rt-measures', { measures }, ['rt-firm-select']);
    const order = () => [...root.querySelectorAll('tr[data-firm]')].map((tr) => tr.getAttribute('data-firm'));
    const byRank = [...measures].sort((a, b) => b.pagerank - a.pagerank || (a.id < b.id ? -1 : 1)).map((m) => m.id);
    expect(order()).toEqual(byRank);
    const loopsHeader = [...root.querySelectorAll('th button')].find((b) => b.textContent?.startsWith('Loops')) as HTMLButtonElement;
    loopsHeader.click();
    await el.updateComplete;
    const counts = order().map((id) => measures.find((m) => m.id === id)!.loops ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    (root.querySelector('tr[data-firm="oracle"]') as HTMLElement).click();
    expect((events[0] as FirmSelectEvent).firm).toBe('oracle');
  });
});

describe('rt-inspector', () => {
  const data = shippedDataSet();
  const deals = new Map(data.deals.map((d) => [d.id, d]));
  const entities = new Map(data.entities.map((e) => [e.id, e]));

  it('shows a deal with its amount basis, status and http(s) source links opening in a new tab', async () => {
    const { root } = await mount('rt-inspector', { graph, deals, entities, deal: 'nvidia-openai-loi-2025' });
    // An LOI to invest is a committed flow: the amount says which kind it is.
    expect(root.querySelector('[data-field="amount"]')?.textContent).toBe('up to $100B committed');
    expect(root.querySelector('[data-field="flow"]')?.textContent).toContain('a promise to pay');
    expect(root.textContent).toContain('Letter of intent (non-binding)');
    expect(root.textContent).toContain('Replaced by a later deal');
    const link = root.querySelector('a') as HTMLAnchorElement;
    expect(link.href.startsWith('https://')).toBe(true);
    expect(link.target).toBe('_blank');
    expect(link.rel).toContain('noopener');
  });

  it("says beside each amount which kind of value it is: a stake's value and a guarantee are no payments", async () => {
    const stake = await mount('rt-inspector', { graph, deals, entities, deal: 'microsoft-openai-stake-2025' });
    expect(stake.root.querySelector('[data-field="amount"]')?.textContent).toBe('~$135B stake value (estimated) — not a payment');
    document.body.replaceChildren();
    const guarantee = data.deals.find((d) => d.type === 'guarantee' && d.amountUsd !== null);
    if (!guarantee) throw new Error('the shipped data has a guarantee with an amount');
    const shown = await mount('rt-inspector', { graph, deals, entities, deal: guarantee.id });
    expect(shown.root.querySelector('[data-field="amount"]')?.textContent).toMatch(/contingent — not a payment$/);
  });

  it("shows a loop's date order: the chain of deals that reads forwards, or why none does", async () => {
    const ordered = loops.find((l) => l.inOrder && l.orderedHops);
    const unordered = loops.find((l) => !l.inOrder);
    if (!ordered || !unordered) throw new Error('the shipped data has loops in and out of date order');
    const a = await mount('rt-inspector', { graph, deals, entities, loop: ordered });
    const chain = a.root.querySelector('[data-field="date-order"]');
    expect(chain?.textContent).toContain('In date order');
    expect([...(chain?.querySelectorAll('[data-deal]') ?? [])].map((b) => b.getAttribute('data-deal'))).toEqual(ordered.orderedHops?.map((h) => h.deal));
    document.body.replaceChildren();
    const b = await mount('rt-inspector', { graph, deals, entities, loop: unordered, windowMonths: 6 });
    expect(b.root.querySelector('[data-field="date-order"]')?.textContent).toContain('Not in date order');
    expect(b.root.querySelector('[data-field="date-order"]')?.textContent).toContain('within 6 months');
  });

  it("gives a deal's circular part when the view's circularity is passed", async () => {
    const deal = data.deals.find((d) => d.id === 'nvidia-openai-loi-2025')!;
    const circularity = { method: 'max' as const, index: 0.5, circularUsd: 1, totalUsd: 2, firms: [], deals: [{ id: deal.id, amountUsd: 40e9, circularUsd: 10e9 }] };
    const { root } = await mount('rt-inspector', { graph, deals, entities, deal: deal.id, circularity });
    expect(root.querySelector('[data-field="circular"]')?.textContent).toBe('$10B (25%)');
  });

  it('shows each source by who reported it, its date and headline first, the link second, and marks copies and filings', async () => {
    const copyDeal = data.deals.find((d) => d.sources.some((x) => x.kind === 'copy') && d.sources.some((x) => x.kind !== 'copy'))!;
    const { root } = await mount('rt-inspector', { graph, deals, entities, deal: copyDeal.id });
    const items = [...root.querySelectorAll('ul.sources li')];
    expect(items).toHaveLength(copyDeal.sources.length);
    copyDeal.sources.forEach((source, i) => {
      const item = items[i]!;
      expect(item.querySelector('.byline')?.textContent).toContain(source.publisher!);
      if (source.date) expect(item.querySelector('.byline')?.textContent).toContain(source.date);
      expect(item.querySelector('.headline')?.textContent).toBe(source.title);
      // The link comes after the byline and the headline.
      expect(item.lastElementChild?.tagName).toBe('A');
      expect(item.getAttribute('data-kind')).toBe(source.kind);
      expect(item.querySelector('.kind.copy') !== null).toBe(source.kind === 'copy');
    });
  });

  it('says a deal is new since the date asked, and that a firm was acquired and by whom', async () => {
    const deal = data.deals.find((d) => d.id === 'meta-amd-gpus-2026')!;
    const a = await mount('rt-inspector', { graph, deals, entities, deal: deal.id, newDeals: new Set([deal.id]), newSince: '2026-11' });
    expect(a.root.querySelector('[data-field="new"]')?.textContent).toContain('after 2026-11');
    document.body.replaceChildren();
    const b = await mount('rt-inspector', { graph, deals, entities, firm: 'xai', nameOf: (id: string) => entities.get(id)?.name ?? id });
    expect(b.root.querySelector('[data-field="acquired"]')?.textContent).toContain('Acquired by SpaceX on 2026-02-02');
  });

  it('never links a source whose URL is not http(s)', async () => {
    const tampered = new Map(deals);
    const deal = deals.get('openai-amd-gpus-2025')!;
    tampered.set(deal.id, { ...deal, sources: [{ url: 'javascript:alert(1)', title: 'Bad link' }] });
    const { root } = await mount('rt-inspector', { graph, deals: tampered, entities, deal: deal.id });
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toContain('Bad link');
  });

  it("lists a firm's loops starting at the firm, each with its hops, bottleneck and dates", async () => {
    const through = loops.filter((l) => l.firms.includes('nvidia'));
    const { root } = await mount('rt-inspector', { graph, deals, entities, firm: 'nvidia', firmLoops: through, nameOf: (id: string) => entities.get(id)?.name ?? id, typesOf: () => ['x'] });
    const items = [...root.querySelectorAll('ul.loops li')];
    expect(items).toHaveLength(through.length);
    items.forEach((item, i) => {
      expect(item.querySelector('[data-loop]')?.textContent).toMatch(/^Nvidia —x→ .* —x→ Nvidia$/);
      expect(item.querySelector('.loop-meta')?.textContent).toContain(`${through[i]!.length} hops · bottleneck `);
    });
  });

  it('shows a firm with its flows and loops; clicking a deal or loop fires the event', async () => {
    const { root, events } = await mount(
      'rt-inspector',
      { graph, deals, entities, firm: 'amd', firmLoops: loops.filter((l) => l.firms.includes('amd')), nameOf: (id: string) => entities.get(id)?.name ?? id },
      ['rt-deal-select', 'rt-loop-select'],
    );
    expect(root.querySelector('h2')?.textContent).toBe('AMD');
    const loopButtons = root.querySelectorAll('ul.loops [data-loop]');
    expect(loopButtons.length).toBe(loops.filter((l) => l.firms.includes('amd')).length);
    (loopButtons[0] as HTMLElement).click();
    (root.querySelector('[data-deal="openai-amd-gpus-2025"]') as HTMLElement).click();
    expect(events.map((e) => e.type)).toEqual(['rt-loop-select', 'rt-deal-select']);
    expect((events[1] as DealSelectEvent).deal).toBe('openai-amd-gpus-2025');
  });
});

describe('rt-about', () => {
  it('says when the data was checked and what its last update did', async () => {
    const data = shippedDataSet();
    const change = data.changes![data.changes!.length - 1]!;
    const { root } = await mount('rt-about', { deals: data.deals.length, firms: data.entities.length, asOf: data.asOf!, lastUpdate: { change, added: ['First added', 'Second added'] } });
    expect(root.querySelector('[data-as-of]')?.textContent).toBe(`last checked ${data.asOf}`);
    const update = root.querySelector('[data-last-update]');
    expect(update?.querySelector('h3')?.textContent).toBe(`Last update: ${change.date}`);
    expect(update?.textContent).toContain(`${change.added.length} deals added, ${change.changed.length} changed, ${change.removed.length} removed`);
    expect([...(update?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual(['First added', 'Second added']);
  });
});

describe('rt-timeline', () => {
  it('says there is no loop rather than "max $1" when no quarter has one, and gives the real maxima otherwise', async () => {
    const zero = [{ label: '2025-Q1', month: '2025-03', loops: 0, capped: false, moneyUsd: 0 }, { label: '2025-Q2', month: '2025-06', loops: 0, capped: false, moneyUsd: 0 }];
    const a = await mount('rt-timeline', { months: ['2025-01', '2025-06'], asOf: null, history: zero });
    expect(a.root.querySelector('small')?.textContent).toBe('no loop in any quarter');
    document.body.replaceChildren();
    const some = [zero[0]!, { ...zero[1]!, loops: 3, moneyUsd: 7e9 }];
    const b = await mount('rt-timeline', { months: ['2025-01', '2025-06'], asOf: null, history: some });
    expect(b.root.querySelector('small')?.textContent).toBe('bars: loops (max 3) · line: money on loops (max $7B)');
  });
});
