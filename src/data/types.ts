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

/** Where a source stands: a filing or the company's release, a news organisation's page, or a copy of one. */
export const SOURCE_KINDS = ['primary', 'report', 'copy'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Source {
  url: string;
  /** The real headline. */
  title: string;
  /** Who reported it; for a copy, the original reporter. */
  publisher?: string;
  kind?: SourceKind;
  /** Publication date. */
  date?: string;
}

/** A balance-sheet snapshot (for the contagion model); only equityUsd is required. */
export interface Balance {
  /** Book equity (may be negative); for a private firm the basis named in `basis`. */
  equityUsd: number;
  cashUsd?: number;
  marketCapUsd?: number;
  asOf?: string;
  basis?: string;
  /** Where the figures were read (a data page may have no headline). */
  source?: Omit<Source, 'title'> & { title?: string };
}

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  ticker?: string;
  country?: string;
  note?: string;
  /** The firm that acquired this one, from acquiredDate on (the two are then one firm: the acquirer). */
  acquiredBy?: string;
  acquiredDate?: string;
  balance?: Balance;
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
  /** When the deal ended (a revenue share stopped, a contract was cancelled); from then on it is gone. */
  endDate?: string;
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

/** One update of the data set: when, what it did, and the deals it added, changed and removed. */
export interface DataChange {
  date: string;
  summary: string;
  added: string[];
  changed: string[];
  removed: string[];
}

export interface DataSet {
  entities: Entity[];
  deals: Deal[];
  /** The updates of the data set, oldest first (a top-level field of the deals file). */
  changes?: DataChange[];
  /** When the data set was last checked against its sources (a top-level field of the deals file). */
  asOf?: string;
}
