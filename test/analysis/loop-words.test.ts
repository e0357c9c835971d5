import { describe, expect, it } from 'vitest';
import { amountInWords, loopInWords, loopWordsIn, monthInWords } from '../../src/analysis/loop-words.js';
import { findLoops, type Hop, type MoneyLoop } from '../../src/analysis/loops.js';
import { DEFAULT_FLOWS, type Deal, type EntityKind } from '../../src/data/types.js';
import { buildFirmView } from '../../src/model/filter.js';
import { deal } from '../fixtures/datasets.js';
import { shippedDataSet } from '../fixtures/shipped.js';

const KINDS: Record<string, EntityKind> = { chips: 'chipmaker', cloud: 'hyperscaler', neo: 'neocloud', lab: 'ai-lab', dc: 'data-center' };
const NAMES: Record<string, string> = { chips: 'Chipco', cloud: 'Cloudco', neo: 'Neoco', lab: 'Labco', dc: 'Siteco', bank: 'Bankco' };

/** A loop over the given deals, one hop per pair of firms in the order first met, read in that order. */
function words(deals: Deal[], options: { asOf?: string; ordered?: Array<[number, string]> } = {}): string {
  const byId = new Map(deals.map((d) => [d.id, d]));
  const hops: Hop[] = [];
  for (const d of deals) {
    const hop = hops.find((h) => h.from === d.from && h.to === d.to);
    if (hop) (hop.deals as string[]).push(d.id);
    else hops.push({ from: d.from, to: d.to, deals: [d.id], amountUsd: null });
  }
  const orderedHops =
    options.ordered?.map(([hop, id]) => ({ from: (hops[hop] as Hop).from, to: (hops[hop] as Hop).to, deal: id, start: byId.get(id)?.date ?? '' })) ?? null;
  return loopInWords({ hops, orderedHops }, (id) => byId.get(id), (id) => NAMES[id] ?? id, {
    kindOf: (id) => KINDS[id],
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  });
}

describe('loopInWords, rule by rule', () => {
  it('monthInWords writes AP-style months and keeps a year alone', () => {
    expect(['2025-01', '2025-03-10', '2025-06', '2025-07', '2025-09-22', '2025-12'].map(monthInWords)).toEqual(['Jan 2025', 'March 2025', 'June 2025', 'July 2025', 'Sept 2025', 'Dec 2025']);
    expect(monthInWords('2024')).toBe('2024');
  });

  it('amountInWords says up to, about, a year, and an undisclosed amount', () => {
    expect(amountInWords({ amountUsd: 300e9, amountBasis: 'committed' })).toBe('$300B');
    expect(amountInWords({ amountUsd: 100e9, amountBasis: 'up-to' })).toBe('up to $100B');
    expect(amountInWords({ amountUsd: 40e9, amountBasis: 'estimated' })).toBe('about $40B');
    expect(amountInWords({ amountUsd: 1e9, amountBasis: 'annual' })).toBe('$1B a year');
    expect(amountInWords({ amountUsd: null, amountBasis: 'undisclosed' })).toBe('an undisclosed amount');
  });

  it('an investment paid is invested, a committed one agreed, and a purchase buys chips or compute by the seller', () => {
    expect(
      words([
        deal('chips', 'lab', { id: 'a', amountUsd: 13e9, date: '2023-01' }),
        deal('lab', 'cloud', { id: 'b', type: 'purchase', amountUsd: 300e9, date: '2025-09-10', status: 'reported' }),
        deal('cloud', 'chips', { id: 'c', type: 'purchase', amountUsd: 40e9, amountBasis: 'estimated', date: '2025-05-23', status: 'reported' }),
      ]),
    ).toBe('Chipco invested $13B in Labco (Jan 2023, confirmed); Labco committed $300B to Cloudco for compute (Sept 2025, reported); Cloudco is buying about $40B of Chipco chips (May 2025, reported).');
    expect(words([deal('chips', 'lab', { id: 'a', flow: 'committed', amountBasis: 'up-to' }), deal('lab', 'neo', { id: 'b', type: 'purchase' })])).toBe(
      'Chipco agreed to invest up to $1B in Labco (Jan 2025, confirmed); Labco committed $1B to Neoco for compute (Jan 2025, confirmed).',
    );
  });

  it('a purchase from a seller of no known kind is a commitment to it, with nothing said about what is bought', () => {
    expect(words([deal('bank', 'lab', { id: 'a', type: 'loan' }), deal('lab', 'bank', { id: 'b', type: 'purchase' })])).toBe(
      'Bankco lent $1B to Labco (Jan 2025, confirmed); Labco committed $1B to Bankco (Jan 2025, confirmed).',
    );
  });

  it('an undisclosed amount says so', () => {
    expect(words([deal('chips', 'lab', { id: 'a', type: 'warrants', amountUsd: null }), deal('lab', 'chips', { id: 'b', type: 'purchase', amountUsd: null })])).toBe(
      'Chipco granted Labco warrants worth an undisclosed amount (Jan 2025, confirmed); Labco is buying an undisclosed amount of Chipco chips (Jan 2025, confirmed).',
    );
  });

  it('a letter of intent is non-binding, and a superseded deal says what replaced it', () => {
    const loi = deal('chips', 'lab', { id: 'loi', flow: 'committed', amountUsd: 100e9, amountBasis: 'up-to', date: '2025-09-22', status: 'loi', supersededBy: 'final' });
    const final = deal('chips', 'lab', { id: 'final', amountUsd: 30e9, date: '2026-02-27' });
    const back = deal('lab', 'chips', { id: 'back', type: 'purchase', amountUsd: null, date: '2025-09-22', status: 'loi' });
    // Told by the date order's choice, the letter of intent says what replaced it.
    expect(words([loi, final, back], { ordered: [[0, 'loi'], [1, 'back']] })).toBe(
      'Chipco agreed to invest up to $100B in Labco (Sept 2025, non-binding letter of intent; later replaced by $30B in Feb 2026) and one other deal; Labco is buying an undisclosed amount of Chipco chips (Sept 2025, non-binding letter of intent).',
    );
    // Told by the largest amount that counts, the final deal says what it replaced, and nothing else is counted.
    expect(words([loi, final, back])).toBe(
      'Chipco invested $30B in Labco (Feb 2026, confirmed; replacing a non-binding letter of intent of Sept 2025 for up to $100B); Labco is buying an undisclosed amount of Chipco chips (Sept 2025, non-binding letter of intent).',
    );
  });

  it('a superseded deal whose successor is not in view is told as it stands', () => {
    const loi = deal('chips', 'lab', { id: 'loi', amountBasis: 'up-to', status: 'loi', supersededBy: 'elsewhere' });
    expect(words([loi, deal('lab', 'chips', { id: 'back', type: 'purchase' })])).toBe(
      'Chipco invested up to $1B in Labco (Jan 2025, non-binding letter of intent); Labco is buying $1B of Chipco chips (Jan 2025, confirmed).',
    );
  });

  it('an ended deal says when it ended, a running one until when, and without a date of reading only until', () => {
    const share = deal('chips', 'lab', { id: 'share', type: 'revenue-share', flow: 'paid', amountUsd: null, date: '2019', endDate: '2026-04-27' });
    const back = deal('lab', 'chips', { id: 'back', type: 'revenue-share', amountUsd: 38e9, amountBasis: 'up-to', date: '2026-04-27', endDate: '2030' });
    expect(words([share, back], { asOf: '2026-12-02' })).toBe(
      'Chipco paid a revenue share of an undisclosed amount to Labco (2019, confirmed; ended Apr 2026); Labco agreed to pay a revenue share of up to $38B to Chipco (Apr 2026, confirmed; runs until 2030).',
    );
    expect(words([share, back])).toBe(
      'Chipco paid a revenue share of an undisclosed amount to Labco (2019, confirmed; until Apr 2026); Labco agreed to pay a revenue share of up to $38B to Chipco (Apr 2026, confirmed; until 2030).',
    );
  });

  it('a hop of several deals is told by the largest and counts the others', () => {
    const deals = [
      deal('lab', 'neo', { id: 'small', type: 'purchase', amountUsd: 4e9, date: '2025-05' }),
      deal('lab', 'neo', { id: 'large', type: 'purchase', amountUsd: 11.9e9, amountBasis: 'up-to', date: '2025-03-10' }),
      deal('lab', 'neo', { id: 'hidden', type: 'purchase', amountUsd: null, date: '2025-09' }),
      deal('neo', 'lab', { id: 'back', type: 'equity', amountUsd: 350e6, date: '2025-03' }),
      deal('neo', 'lab', { id: 'back2', amountUsd: 2e9, date: '2026-01-26' }),
    ];
    expect(words(deals)).toBe('Labco committed up to $11.9B to Neoco for compute (March 2025, confirmed) and two other deals; Neoco invested $2B in Labco (Jan 2026, confirmed) and one other deal.');
  });

  it('a loop in date order starts at the first hop of the chain and tells the chosen deals', () => {
    const deals = [
      deal('lab', 'dc', { id: 'lease', type: 'purchase', amountUsd: null, date: '2025-10' }),
      deal('dc', 'lab', { id: 'old', type: 'equity', amountUsd: 5e9, date: '2025-01' }),
      deal('dc', 'lab', { id: 'new', type: 'equity', amountUsd: 1e9, date: '2025-11' }),
    ];
    expect(words(deals, { ordered: [[0, 'lease'], [1, 'new']] })).toBe(
      'Labco committed an undisclosed amount to Siteco for data-centre capacity (Oct 2025, confirmed); Siteco bought $1B of shares in Labco (Nov 2025, confirmed) and one other deal.',
    );
    expect(words(deals, { ordered: [[1, 'old'], [0, 'lease']] })).toBe(
      'Siteco bought $5B of shares in Labco (Jan 2025, confirmed) and one other deal; Labco committed an undisclosed amount to Siteco for data-centre capacity (Oct 2025, confirmed).',
    );
  });

  it('flows outside the default have words of their own: a stake held, a guarantee, a partnership, a contingent investment', () => {
    expect(words([deal('chips', 'lab', { id: 'a', type: 'equity', flow: 'holding', amountBasis: 'estimated' }), deal('lab', 'chips', { id: 'b', type: 'guarantee', flow: 'contingent' })])).toBe(
      'Chipco holds a stake in Labco worth about $1B (Jan 2025, confirmed); Labco gave Chipco a guarantee of $1B, paid only if called on (Jan 2025, confirmed).',
    );
    expect(words([deal('chips', 'lab', { id: 'a', type: 'partnership', amountUsd: null }), deal('lab', 'chips', { id: 'b', flow: 'contingent', amountBasis: 'up-to' })])).toBe(
      'Chipco partnered with Labco (no money moves) (Jan 2025, confirmed); Labco would invest up to $1B in Chipco only if conditions are met (Jan 2025, confirmed).',
    );
  });
});

describe('loopInWords on the shipped data: the loops the seed article describes', () => {
  const view = buildFirmView(shippedDataSet(), { flows: DEFAULT_FLOWS });
  const loops = new Map<string, MoneyLoop>(findLoops(view, { maxLength: 4 }).loops.map((loop) => [loop.id, loop]));
  const told = loopWordsIn(view);
  const sentence = (id: string): string => {
    const loop = loops.get(id);
    if (!loop) throw new Error(`no loop ${id}`);
    return told(loop);
  };

  it('"Nvidia invests in OpenAI, and OpenAI plans to buy millions of Nvidia chips"', () => {
    expect(sentence('nvidia>openai')).toBe(
      'OpenAI is buying an undisclosed amount of Nvidia chips (Sept 2025, non-binding letter of intent); Nvidia invested $30B in OpenAI (Feb 2026, confirmed; replacing a non-binding letter of intent of Sept 2025 for up to $100B).',
    );
  });

  it('"OpenAI buys computing power from Oracle, which buys GPUs from Nvidia"', () => {
    expect(sentence('nvidia>openai>oracle')).toBe(
      'Nvidia invested $30B in OpenAI (Feb 2026, confirmed; replacing a non-binding letter of intent of Sept 2025 for up to $100B); OpenAI committed $300B to Oracle for compute (Sept 2025, reported); Oracle is buying about $40B of Nvidia chips (May 2025, reported).',
    );
  });

  it('"Nvidia owns five percent of CoreWeave and sells chips to CoreWeave"', () => {
    expect(sentence('coreweave>nvidia')).toBe(
      'CoreWeave is buying an undisclosed amount of Nvidia chips (Aug 2023, unconfirmed); Nvidia bought $350M of shares in CoreWeave (March 2025, confirmed) and one other deal.',
    );
  });

  it('"Microsoft invests in OpenAI, shares its revenue with OpenAI, buys chips from Nvidia" and is CoreWeave\'s largest customer', () => {
    expect(sentence('microsoft>openai')).toBe(
      'Microsoft paid a revenue share of an undisclosed amount to OpenAI (2019, confirmed; ended Apr 2026) and one other deal; OpenAI committed $250B to Microsoft for compute (Oct 2025, confirmed) and two other deals.',
    );
    expect(sentence('microsoft>nvidia>openai')).toBe(
      'Microsoft is buying an undisclosed amount of Nvidia chips (Dec 2024, unconfirmed); Nvidia invested $30B in OpenAI (Feb 2026, confirmed; replacing a non-binding letter of intent of Sept 2025 for up to $100B); OpenAI agreed to pay a revenue share of up to $38B to Microsoft (Apr 2026, confirmed; replacing a deal of May 2025 for an undisclosed amount; runs until 2030) and one other deal.',
    );
    expect(sentence('coreweave>nvidia>openai>microsoft')).toBe(
      'CoreWeave is buying an undisclosed amount of Nvidia chips (Aug 2023, unconfirmed); Nvidia invested $30B in OpenAI (Feb 2026, confirmed; replacing a non-binding letter of intent of Sept 2025 for up to $100B); OpenAI committed $250B to Microsoft for compute (Oct 2025, confirmed) and two other deals; Microsoft committed about $10B to CoreWeave for compute (2024, reported).',
    );
  });

  it('"AMD issued OpenAI warrants for ten percent of AMD at a cent a share" to win it as a customer', () => {
    expect(sentence('amd>openai')).toBe(
      'AMD granted OpenAI warrants worth an undisclosed amount (Oct 2025, confirmed); OpenAI is buying an undisclosed amount of AMD chips (Oct 2025, confirmed).',
    );
  });

  it('"OpenAI is a customer of CoreWeave"', () => {
    expect(sentence('coreweave>nvidia>openai')).toBe(
      'CoreWeave is buying an undisclosed amount of Nvidia chips (Aug 2023, unconfirmed); Nvidia invested $30B in OpenAI (Feb 2026, confirmed; replacing a non-binding letter of intent of Sept 2025 for up to $100B); OpenAI committed up to $11.9B to CoreWeave for compute (March 2025, confirmed) and two other deals.',
    );
  });

  it('"Nvidia has invested in xAI and supplies it with processors" (xAI now part of SpaceX; the up-to-$2B went into the GPU vehicle)', () => {
    expect(sentence('nvidia>spacex')).toBe(
      'xAI (part of SpaceX) is buying an undisclosed amount of Nvidia chips (Sept 2024, unconfirmed); Nvidia invested an undisclosed amount in xAI (part of SpaceX) (Jan 2026, confirmed).',
    );
    expect(sentence('nvidia>xai-colossus2-spv')).toBe(
      'Nvidia invested up to $2B in xAI Colossus 2 GPU vehicle (Oct 2025, reported); xAI Colossus 2 GPU vehicle is buying an undisclosed amount of Nvidia chips (Oct 2025, reported).',
    );
    expect(sentence('nvidia>spacex>xai-colossus2-spv')).toBe(
      'xAI (part of SpaceX) committed an undisclosed amount to xAI Colossus 2 GPU vehicle (Oct 2025, reported); xAI Colossus 2 GPU vehicle is buying an undisclosed amount of Nvidia chips (Oct 2025, reported); Nvidia invested an undisclosed amount in xAI (part of SpaceX) (Jan 2026, confirmed).',
    );
  });
});
