/**
 * Text for the panels: amounts with their basis, loops spelled out hop by hop.
 */
import type { MoneyLoop } from '../analysis/loops.js';
import { formatUsd } from '../data/money.js';
import type { Deal } from '../data/types.js';

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

export type NameOf = (firm: string) => string;

/** `Nvidia —investment→ OpenAI —purchase→ Nvidia`; a hop with several deal types lists them. */
export function spellLoop(loop: MoneyLoop, nameOf: NameOf, typesOf: (dealIds: readonly string[]) => string[]): string {
  let text = nameOf(loop.firms[0] ?? '');
  for (const hop of loop.hops) text += ` —${typesOf(hop.deals).join('/')}→ ${nameOf(hop.to)}`;
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
