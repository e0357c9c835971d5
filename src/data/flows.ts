/**
 * Flow kinds in words, for every place that names them (app, CLI, exports): what kind of value an
 * amount is, and what a loop needs to close.
 */
import type { FlowKind } from './types.js';

/** A short label per flow kind. */
export const FLOW_LABEL: Readonly<Record<FlowKind, string>> = {
  paid: 'paid',
  committed: 'committed',
  'in-kind': 'in kind',
  contingent: 'contingent',
  holding: 'stake value',
  'no-transfer': 'no transfer',
};

/** What an amount of this flow kind is, said beside the figure ("$135B stake value — not a payment"). */
export const FLOW_MEANING: Readonly<Record<FlowKind, string>> = {
  paid: 'paid: money or goods that changed hands',
  committed: 'committed: a promise to pay, not yet all paid',
  'in-kind': 'in kind: shares, warrants or credits, no money',
  contingent: 'contingent: paid only if it is called — not a payment',
  holding: 'stake value — not a payment',
  'no-transfer': 'no value moves',
};

/** The thing a loop closes through, with its article: "a guarantee", "a stake's value". */
const THROUGH: Readonly<Record<FlowKind, string>> = {
  paid: 'a payment',
  committed: 'a commitment',
  'in-kind': 'value in kind',
  contingent: 'a guarantee',
  holding: "a stake's value",
  'no-transfer': 'a partnership',
};

/** "closes only through a guarantee", "closes only through a stake's value or a partnership". */
export function closesOnlyThrough(flows: readonly FlowKind[]): string {
  const names = flows.map((flow) => THROUGH[flow]);
  const listed = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return `closes only through ${listed}`;
}
