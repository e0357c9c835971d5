/**
 * A scenario's result in words, as a reporter could print it: who loses most, through which deal,
 * against which buffer, how many firms lose more than a tenth of their equity or fail, and which hit
 * firms have no balance sheet (their distress is not computed).
 */
import { formatUsd } from '../data/money.js';
import { DIRECTION_RULE, type Deal } from '../data/types.js';
import type { DebtRankResult, FirmDistress } from './contagion.js';

export interface SummaryNames {
  firm: (id: string) => string;
  deal: (id: string) => string;
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** "A", "A and B", "A, B and C". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "$24B, 97% of its $24.7B equity", "$3B (no balance sheet: distress not computed)". */
export function lossInWords(f: FirmDistress): string {
  if (f.equityUsd === null || f.lossShare === null) return `${formatUsd(f.lossUsd)} (no balance sheet: distress not computed)`;
  if (f.failed) return `${formatUsd(f.lossUsd)}, all of its ${formatUsd(f.equityUsd)} ${bufferWord(f)} — it fails`;
  return `${formatUsd(f.lossUsd)} of its ${formatUsd(f.equityUsd)} ${bufferWord(f)} (${percent(f.lossShare)})`;
}

function bufferWord(f: FirmDistress): string {
  return f.buffer === 'proxy' ? 'proxy buffer' : f.buffer === 'given' ? 'buffer as given' : 'equity';
}

/** The deal most of a firm's loss came through, in words. */
function mainRoute(f: FirmDistress, names: SummaryNames): string {
  const route = f.hitThrough.find((part) => part.deal !== null);
  if (!route || route.deal === null) return '';
  return `, mostly through ${names.deal(route.deal)}`;
}

/** "OpenAI's", "Investment-grade bond investors'": the possessive of a name as printed. */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** "OpenAI's purchase from Oracle ($300B)": a deal as the summary names it. */
export function dealInWords(deal: Pick<Deal, 'from' | 'to' | 'type' | 'amountUsd'>, firm: (id: string) => string): string {
  const amount = deal.amountUsd === null ? 'amount undisclosed' : formatUsd(deal.amountUsd);
  const [, toRole] = DIRECTION_RULE[deal.type];
  return `${possessive(firm(deal.from))} ${deal.type} (${toRole} ${firm(deal.to)}, ${amount})`;
}

/** One paragraph; the shock itself is said first. */
export function scenarioSummary(result: DebtRankResult, shockWords: string, names: SummaryNames): string {
  const hit = result.firms.filter((f) => f.initial === 0 && f.lossUsd > 0);
  if (hit.length === 0) return `${shockWords}, no other firm loses anything through the deals with known amounts.`;
  const top = hit[0] as FirmDistress;
  // "The largest loss falls on X" reads right for every name ("Investment-grade bond investors" too).
  const sentences = [`${shockWords}, the largest loss falls on ${names.firm(top.id)}: ${lossInWords(top)}${mainRoute(top, names)}.`];
  const withBuffer = hit.filter((f) => f.lossShare !== null);
  const heavy = withBuffer.filter((f) => (f.lossShare as number) > 0.1);
  const failed = withBuffer.filter((f) => f.failed);
  if (withBuffer.length > 0) {
    const lead = heavy.length === 0 ? 'No firm loses' : heavy.length === 1 ? 'One firm loses' : `${heavy.length} firms lose`;
    const failures = failed.length > 0 ? `; ${failed.length === 1 ? 'one fails' : `${failed.length} fail`} (${failed.map((f) => names.firm(f.id)).join(', ')})` : '; none fails';
    sentences.push(`${lead} more than 10% of ${heavy.length <= 1 ? 'its' : 'their'} equity${failures}.`);
  }
  const unbuffered = hit.filter((f) => f.lossShare === null);
  if (unbuffered.length > 0) {
    const one = unbuffered.length === 1;
    sentences.push(`No balance sheet here for ${listInWords(unbuffered.map((f) => names.firm(f.id)))}: ${one ? 'its loss is' : 'their losses are'} shown, ${one ? 'its' : 'their'} distress is not computed.`);
  }
  const committed = result.lossShare.committed;
  sentences.push(`Committed purchases count at ${percent(committed)} of their amount${result.called ? '; guarantees are called' : '; guarantees are not called'}.`);
  return sentences.join(' ');
}

/** "If OpenAI loses 50% of its value", "If Beignet Investor, the Colossus 2 vehicle and Abilene fail". */
export function shockInWords(shock: Readonly<Record<string, number>>, firm: (id: string) => string): string {
  const entries = Object.entries(shock);
  const failing = entries.filter(([, x]) => x >= 1).map(([id]) => firm(id));
  const partial = entries.filter(([, x]) => x < 1).map(([id, x]) => `${firm(id)} loses ${percent(x)} of its value`);
  const parts = [...(failing.length > 0 ? [`${listInWords(failing)} ${failing.length === 1 ? 'fails' : 'fail'}`] : []), ...partial];
  return `If ${listInWords(parts)}`;
}
