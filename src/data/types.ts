/**
 * Roundtrip data types: entities (firms, lenders, vehicles, markets) and the deals between them.
 * The enumerations mirror data/schema/*.schema.json; a test keeps the two in step.
 */

export const ENTITY_KINDS = [
  'chipmaker',
  'ai-lab',
  'hyperscaler',
  'neocloud',
  'data-center',
  'asset-manager',
  'bank',
  'spv',
  'market',
  'other',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The largest amount a deal may carry: $100 trillion, far above any deal, far below overflow. */
export const MAX_AMOUNT_USD = 1e14;

/** Deal types with the direction of the edge: money or value moves from → to. */
export const DEAL_TYPES = [
  'investment', // investor → investee
  'purchase', // buyer → seller
  'equity', // holder → company
  'warrants', // issuer → holder
  'loan', // lender → borrower
  'revenue-share', // payer → payee
  'guarantee', // guarantor → beneficiary
  'partnership', // provider → recipient (value in kind)
] as const;
export type DealType = (typeof DEAL_TYPES)[number];

export const DEAL_STATUSES = ['confirmed', 'reported', 'loi', 'unconfirmed'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/**
 * What kind of value a deal moves (its status says how sure it is). Only `paid`, `committed` and
 * `in-kind` are money or value that moves: they are what loops, totals and measures count by default.
 */
export const FLOW_KINDS = [
  'paid', // money or goods that changed hands
  'committed', // a promise to pay (a multi-year compute contract)
  'in-kind', // value without money: warrants or shares granted, cloud credits
  'contingent', // paid only if something happens: a guarantee, a backstop
  'holding', // the value of a stake someone holds: never a flow
  'no-transfer', // a relationship that moves no value: a partnership
] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** The flows counted when nobody chose: money and value that moves. */
export const DEFAULT_FLOWS: readonly FlowKind[] = Object.freeze(['paid', 'committed', 'in-kind'] as const);

/** The flow of a deal that does not say: by its type. */
export const DEFAULT_FLOW_OF_TYPE: Readonly<Record<DealType, FlowKind>> = {
  investment: 'paid',
  equity: 'paid',
  loan: 'paid',
  purchase: 'committed',
  'revenue-share': 'committed',
  warrants: 'in-kind',
  guarantee: 'contingent',
  partnership: 'no-transfer',
};

export const AMOUNT_BASES = ['committed', 'up-to', 'estimated', 'annual', 'undisclosed'] as const;
export type AmountBasis = (typeof AMOUNT_BASES)[number];

/** Who pays whom in each deal type, for legends and help texts. */
export const DIRECTION_RULE: Readonly<Record<DealType, readonly [from: string, to: string]>> = {
  investment: ['investor', 'investee'],
  purchase: ['buyer', 'seller'],
  equity: ['holder', 'company'],
  warrants: ['issuer', 'holder'],
  loan: ['lender', 'borrower'],
  'revenue-share': ['payer', 'payee'],
  guarantee: ['guarantor', 'beneficiary'],
  partnership: ['provider', 'recipient'],
};

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  ticker?: string;
  country?: string;
  note?: string;
}

export interface Source {
  url: string;
  title: string;
  publisher?: string;
  date?: string;
}

export interface Deal {
  id: string;
  from: string;
  to: string;
  type: DealType;
  /** US dollars; null when undisclosed. */
  amountUsd: number | null;
  amountBasis: AmountBasis;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  status: DealStatus;
  /** What kind of value moves; optional in data files: read it with flowOf (defaults by type). */
  flow?: FlowKind;
  /** A later deal between the same firms that replaces this one; this amount is then not counted. */
  supersededBy?: string;
  statusNote?: string;
  title: string;
  sources: Source[];
  note?: string;
}

/** The flow kind of a deal: its own, or its type's default. */
export function flowOf(deal: Pick<Deal, 'flow' | 'type'>): FlowKind {
  return deal.flow ?? DEFAULT_FLOW_OF_TYPE[deal.type];
}

export interface DataSet {
  entities: Entity[];
  deals: Deal[];
}
