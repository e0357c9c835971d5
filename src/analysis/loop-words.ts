/**
 * A money loop in words, as a reporter could print it: one clause per hop, with the amount, what
 * kind of value moves (said by the verb), the month and the status of the deal. For example:
 * "OpenAI committed $300B to Oracle for compute (Sept 2025, reported); Oracle is buying about $40B
 * of Nvidia chips (May 2025, reported); …". Everything said comes from the deal records: the verb
 * from the deal's type and flow, what is bought from the seller's kind of firm (a chipmaker sells
 * chips, a cloud sells compute), nothing else.
 */
import { formatUsd } from '../data/money.js';
import { parseDatePeriod, periodEnd } from '../data/dates.js';
import { flowOf, type Deal, type DealStatus, type EntityKind, type FlowKind } from '../data/types.js';
import type { FirmGraph } from '../model/graph.js';
import type { Hop, MoneyLoop } from './loops.js';

export interface LoopWordsOptions {
  /** The kind of a firm, to say what a purchase buys (chips, compute); without it a purchase is a commitment to the seller. */
  kindOf?: (firm: string) => EntityKind | undefined;
  /**
   * The day the sentence is read at (YYYY-MM-DD), for deals with an end date: "ended Apr 2026" when
   * it has passed, "runs until 2030" when not. Without it: "until Apr 2026".
   */
  asOf?: string;
}

/** AP-style month abbreviations (without the full stop): "Sept 2025", "March 2026". */
const MONTHS = ['Jan', 'Feb', 'March', 'Apr', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;

/** "Sept 2025" for 2025-09 or 2025-09-22, "2024" for a year; the text as given when it is no date. */
export function monthInWords(date: string): string {
  const period = parseDatePeriod(date);
  if (!period) return date;
  const year = period.start.slice(0, 4);
  if (period.precision === 'year') return year;
  return `${MONTHS[Number(period.start.slice(5, 7)) - 1]} ${year}`;
}

const STATUS_WORDS: Readonly<Record<DealStatus, string>> = {
  confirmed: 'confirmed',
  reported: 'reported',
  loi: 'non-binding letter of intent',
  unconfirmed: 'unconfirmed',
};

/** "$300B", "up to $100B", "about $40B", "$1B a year", "an undisclosed amount". */
export function amountInWords(deal: Pick<Deal, 'amountUsd' | 'amountBasis'>): string {
  if (deal.amountUsd === null) return 'an undisclosed amount';
  const amount = formatUsd(deal.amountUsd);
  switch (deal.amountBasis) {
    case 'up-to':
      return `up to ${amount}`;
    case 'estimated':
      return `about ${amount}`;
    case 'annual':
      return `${amount} a year`;
    default:
      return amount;
  }
}

/** A clause of a deal, from its parties' names and the amount in words. */
type Clause = (from: string, to: string, amount: string) => string;

/** What anything of a flow says when its type has no wording of its own. */
const BY_FLOW: Readonly<Record<FlowKind, Clause>> = {
  paid: (f, t, a) => `${f} paid ${a} to ${t}`,
  committed: (f, t, a) => `${f} committed ${a} to ${t}`,
  'in-kind': (f, t, a) => `${f} gave ${t} ${a} in kind`,
  contingent: (f, t, a) => `${f} would pay ${t} ${a} only if called on`,
  holding: (f, t, a) => `${f} holds a stake in ${t} worth ${a}`,
  'no-transfer': (f, t) => `${f} works with ${t} (no money moves)`,
};

/** Type and flow together: the verbs a reporter would use. */
const BY_TYPE: Readonly<Partial<Record<Deal['type'], Partial<Record<FlowKind, Clause>>>>> = {
  investment: {
    paid: (f, t, a) => `${f} invested ${a} in ${t}`,
    committed: (f, t, a) => `${f} agreed to invest ${a} in ${t}`,
    contingent: (f, t, a) => `${f} would invest ${a} in ${t} only if conditions are met`,
  },
  equity: {
    paid: (f, t, a) => `${f} bought ${a} of shares in ${t}`,
    committed: (f, t, a) => `${f} agreed to buy ${a} of shares in ${t}`,
  },
  loan: {
    paid: (f, t, a) => `${f} lent ${a} to ${t}`,
    committed: (f, t, a) => `${f} agreed to lend ${a} to ${t}`,
  },
  'revenue-share': {
    paid: (f, t, a) => `${f} paid a revenue share of ${a} to ${t}`,
    committed: (f, t, a) => `${f} agreed to pay a revenue share of ${a} to ${t}`,
  },
  warrants: {
    'in-kind': (f, t, a) => `${f} granted ${t} warrants worth ${a}`,
  },
  guarantee: {
    contingent: (f, t, a) => `${f} gave ${t} a guarantee of ${a}, paid only if called on`,
  },
  partnership: {
    'no-transfer': (f, t) => `${f} partnered with ${t} (no money moves)`,
  },
};

/** What a purchase buys, by the seller's kind: chips from a chipmaker, compute from a cloud. */
const PURCHASE_BY_SELLER: Readonly<Partial<Record<EntityKind, Partial<Record<FlowKind, Clause>>>>> = {
  chipmaker: {
    paid: (f, t, a) => `${f} bought ${a} of ${t} chips`,
    committed: (f, t, a) => `${f} is buying ${a} of ${t} chips`,
  },
  hyperscaler: {
    paid: (f, t, a) => `${f} paid ${a} to ${t} for compute`,
    committed: (f, t, a) => `${f} committed ${a} to ${t} for compute`,
  },
  neocloud: {
    paid: (f, t, a) => `${f} paid ${a} to ${t} for compute`,
    committed: (f, t, a) => `${f} committed ${a} to ${t} for compute`,
  },
  'data-center': {
    paid: (f, t, a) => `${f} paid ${a} to ${t} for data-centre capacity`,
    committed: (f, t, a) => `${f} committed ${a} to ${t} for data-centre capacity`,
  },
};

/** The clause of one deal, without its date and status. */
export function dealClause(deal: Deal, firmName: (id: string) => string, kindOf?: (firm: string) => EntityKind | undefined): string {
  const flow = flowOf(deal);
  const bySeller = deal.type === 'purchase' ? PURCHASE_BY_SELLER[kindOf?.(deal.to) ?? 'other']?.[flow] : undefined;
  const clause = bySeller ?? BY_TYPE[deal.type]?.[flow] ?? BY_FLOW[flow];
  return clause(firmName(deal.from), firmName(deal.to), amountInWords(deal));
}

/** "one", "two" … "nine", then figures. */
function count(n: number): string {
  return ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][n] ?? String(n);
}

/** The deal a hop is told by: the one the date order chose, else the largest amount that counts. */
function hopDeal(hop: Hop, chosen: string | undefined, deals: (id: string) => Deal | undefined): Deal | undefined {
  if (chosen !== undefined) {
    const deal = deals(chosen);
    if (deal) return deal;
  }
  let best: Deal | undefined;
  let bestAmount = -1;
  for (const id of hop.deals) {
    const deal = deals(id);
    if (!deal) continue;
    // A deal replaced by one in view does not count (like the hop's amount); it is told only if alone.
    const replaced = deal.supersededBy !== undefined && deals(deal.supersededBy) !== undefined;
    const amount = replaced ? -0.5 : (deal.amountUsd ?? 0);
    if (best === undefined || amount > bestAmount) {
      best = deal;
      bestAmount = amount;
    }
  }
  return best;
}

/** "up to $100B in Feb 2026": a deal in a few words, for what replaced it or what it replaced. */
function shortDeal(deal: Deal): string {
  return `${amountInWords(deal)} in ${monthInWords(deal.date)}`;
}

/** "a non-binding letter of intent of Sept 2025 for up to $100B", "a deal of Jan 2026 for about $10B". */
function replacedDeal(deal: Deal): string {
  const what = deal.status === 'loi' ? 'a non-binding letter of intent' : 'a deal';
  return `${what} of ${monthInWords(deal.date)} for ${amountInWords(deal)}`;
}

/**
 * "(Sept 2025, non-binding letter of intent; later replaced by $30B in Feb 2026)": the month and
 * status, what replaced the deal or what it replaced (when in view), and when it ends.
 */
function dealNote(deal: Deal, replaced: readonly Deal[], deals: (id: string) => Deal | undefined, asOf: string | undefined): string {
  const parts = [`${monthInWords(deal.date)}, ${STATUS_WORDS[deal.status]}`];
  const successor = deal.supersededBy === undefined ? undefined : deals(deal.supersededBy);
  if (successor) parts.push(`later replaced by ${shortDeal(successor)}`);
  if (replaced.length > 0) parts.push(`replacing ${replaced.map(replacedDeal).join(' and ')}`);
  if (deal.endDate !== undefined) {
    const end = monthInWords(deal.endDate);
    const day = parseDatePeriod(deal.endDate) ? periodEnd(deal.endDate) : deal.endDate;
    const today = asOf !== undefined && parseDatePeriod(asOf) ? periodEnd(asOf) : undefined;
    parts.push(today === undefined ? `until ${end}` : day <= today ? `ended ${end}` : `runs until ${end}`);
  }
  return `(${parts.join('; ')})`;
}

/** A firm named as a deal's party: "xAI (part of SpaceX)" when the loop counts it as its acquirer. */
function partyName(party: string, asFirm: string, firmName: (id: string) => string): string {
  return party === asFirm ? firmName(party) : `${firmName(party)} (part of ${firmName(asFirm)})`;
}

/**
 * The loop in one sentence: a clause per hop, in date order when the loop reads forwards in time
 * (from the hop the chain starts at), otherwise in the loop's order from its first firm. A hop of
 * several deals is told by one ("… and two other deals"). Clauses are joined by "; ".
 */
export function loopInWords(
  loop: Pick<MoneyLoop, 'hops' | 'orderedHops'>,
  deals: (id: string) => Deal | undefined,
  firmName: (id: string) => string,
  options: LoopWordsOptions = {},
): string {
  const hops = loop.hops;
  let start = 0;
  const chosen = new Map<Hop, string>();
  if (loop.orderedHops && loop.orderedHops.length === hops.length) {
    const first = loop.orderedHops[0];
    start = Math.max(0, hops.findIndex((hop) => hop.from === first?.from && hop.to === first?.to));
    loop.orderedHops.forEach((ordered, step) => chosen.set(hops[(start + step) % hops.length] as Hop, ordered.deal));
  }
  const clauses: string[] = [];
  for (let step = 0; step < hops.length; step++) {
    const hop = hops[(start + step) % hops.length] as Hop;
    const deal = hopDeal(hop, chosen.get(hop), deals);
    if (!deal) {
      clauses.push(`${firmName(hop.from)} to ${firmName(hop.to)}: no deal in view`);
      continue;
    }
    const named = (id: string): string => (id === deal.from ? partyName(deal.from, hop.from, firmName) : id === deal.to ? partyName(deal.to, hop.to, firmName) : firmName(id));
    // The hop's deals that the told one replaces are said in its note; the rest are counted.
    const replaced = hop.deals.map(deals).filter((other): other is Deal => other !== undefined && other !== deal && other.supersededBy === deal.id);
    const others = hop.deals.length - 1 - replaced.length;
    const more = others > 0 ? ` and ${count(others)} other deal${others === 1 ? '' : 's'}` : '';
    clauses.push(`${dealClause(deal, named, options.kindOf)} ${dealNote(deal, replaced, deals, options.asOf)}${more}`);
  }
  return `${clauses.join('; ')}.`;
}

/**
 * loopInWords over a firm graph (the view the loops were found in): deals, names and kinds from its
 * records; `asOf` defaults to the data set's date.
 */
export function loopWordsIn(graph: FirmGraph, options: { asOf?: string } = {}): (loop: Pick<MoneyLoop, 'hops' | 'orderedHops'>) => string {
  const deals = (id: string): Deal | undefined => (graph.hasEdge(id) ? graph.getEdgeAttributes(id) : undefined);
  const firmName = (id: string): string => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'name') : id);
  const kindOf = (id: string): EntityKind | undefined => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'kind') : undefined);
  const asOf = options.asOf ?? graph.getAttribute('asOf');
  const resolved: LoopWordsOptions = asOf === undefined ? { kindOf } : { kindOf, asOf };
  return (loop) => loopInWords(loop, deals, firmName, resolved);
}
