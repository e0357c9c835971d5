/**
 * Text for the panels: amounts with their basis, loops spelled out hop by hop.
 */
import type { MoneyLoop } from '../analysis/loops.js';
import { formatUsd } from '../data/money.js';
import { FLOW_LABEL } from '../data/flows.js';
import { flowOf, type Deal, type Entity } from '../data/types.js';
import { foldedParties, partOf } from '../model/acquisitions.js';

/** `$30B (estimated)`, `up to $100B`, `undisclosed`. */
export function dealAmount(deal: Pick<Deal, 'amountUsd' | 'amountBasis'>): string {
  if (deal.amountUsd === null) return 'undisclosed';
  const amount = formatUsd(deal.amountUsd);
  switch (deal.amountBasis) {
    case 'up-to':
      return `up to ${amount}`;
    case 'estimated':
      return `~${amount} (estimated)`;
    case 'annual':
      return `${amount} a year`;
    default:
      return amount;
  }
}

/** Flows whose amount is no payment: said so beside the figure. */
const NOT_A_PAYMENT = new Set(['contingent', 'holding']);

/**
 * The amount with the kind of value it is: `$13B paid`, `up to $100B committed`, `$6.3B contingent —
 * not a payment`, `$135B stake value — not a payment`, `undisclosed, in kind`, `no value moves`.
 */
export function flowAmount(deal: Pick<Deal, 'amountUsd' | 'amountBasis' | 'flow' | 'type'>): string {
  const flow = flowOf(deal);
  if (flow === 'no-transfer') return deal.amountUsd === null ? 'no value moves' : `${dealAmount(deal)} — no value moves`;
  const label = FLOW_LABEL[flow];
  let text: string;
  if (deal.amountUsd === null) text = `undisclosed, ${label}`;
  else {
    const amount = formatUsd(deal.amountUsd);
    if (deal.amountBasis === 'up-to') text = `up to ${amount} ${label}`;
    else if (deal.amountBasis === 'estimated') text = `~${amount} ${label} (estimated)`;
    else if (deal.amountBasis === 'annual') text = `${amount} a year, ${label}`;
    else text = `${amount} ${label}`;
  }
  return NOT_A_PAYMENT.has(flow) ? `${text} — not a payment` : text;
}

export type NameOf = (firm: string) => string;

/** `Nvidia —investment→ OpenAI —purchase→ Nvidia`; a hop with several deal types lists them. */
export function spellLoop(loop: MoneyLoop, nameOf: NameOf, typesOf: (dealIds: readonly string[]) => string[], from?: string): string {
  // Read from the firm asked for (a firm's own list starts each loop at it), else from the loop's first firm.
  const start = from !== undefined ? Math.max(0, loop.hops.findIndex((hop) => hop.from === from)) : 0;
  const hops = [...loop.hops.slice(start), ...loop.hops.slice(0, start)];
  let text = nameOf(hops[0]?.from ?? loop.firms[0] ?? '');
  for (const hop of hops) text += ` —${typesOf(hop.deals).join('/')}→ ${nameOf(hop.to)}`;
  return text;
}

/** `2025-09 – 2026-02`, or one date when both ends are the same. */
export function dateSpan(first: string, last: string): string {
  return first === last ? first : `${first} – ${last}`;
}

/** " · 16% of the known money goes round" for a circularity index, or nothing without known money. */
export function roundShare(index: number | null): string {
  return index === null ? '' : ` · ${Math.round(index * 100)}% of the known money goes round`;
}

/**
 * What a loop's reader must know about its firms: "xAI (part of SpaceX since 2026-02-02)" for each
 * firm the loop passes only as part of its acquirer.
 */
export function foldedNotes(
  loop: Pick<MoneyLoop, 'hops'>,
  deals: ReadonlyMap<string, Pick<Deal, 'from' | 'to'>>,
  entities: ReadonlyMap<string, Pick<Entity, 'name' | 'acquiredDate'>>,
): string[] {
  return foldedParties(loop.hops, (id) => deals.get(id)).map(({ firm, as }) => {
    const entity = entities.get(firm);
    return entity ? partOf(entity, entities.get(as)?.name ?? as) : `${firm} (part of ${as})`;
  });
}
