/**
 * How firms and deals look: one table per kind and deal type, shared by the graph and its legend.
 * Colours follow the Okabe–Ito palette (distinguishable with common colour-vision deficiencies);
 * shape and line style carry the same information without colour.
 */
import type { DealType, EntityKind } from '../data/types.js';

export type NodeShape = 'ellipse' | 'round-rectangle' | 'hexagon' | 'diamond' | 'rectangle' | 'round-triangle' | 'barrel' | 'round-octagon' | 'tag' | 'round-diamond';

export const KIND_STYLE: Readonly<Record<EntityKind, { color: string; shape: NodeShape; label: string }>> = {
  chipmaker: { color: '#0072B2', shape: 'round-rectangle', label: 'Chipmaker' },
  'ai-lab': { color: '#D55E00', shape: 'ellipse', label: 'AI lab' },
  hyperscaler: { color: '#009E73', shape: 'hexagon', label: 'Hyperscaler' },
  neocloud: { color: '#CC79A7', shape: 'diamond', label: 'Neocloud' },
  'data-center': { color: '#E69F00', shape: 'rectangle', label: 'Data-center developer' },
  'asset-manager': { color: '#56B4E9', shape: 'round-triangle', label: 'Asset manager' },
  bank: { color: '#8C7A00', shape: 'barrel', label: 'Bank' },
  spv: { color: '#8E8E8E', shape: 'round-octagon', label: 'Special-purpose vehicle' },
  market: { color: '#6A6A6A', shape: 'tag', label: 'Market' },
  other: { color: '#B0B0B0', shape: 'round-diamond', label: 'Other' },
};

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export const DEAL_STYLE: Readonly<Record<DealType, { color: string; line: LineStyle; label: string }>> = {
  investment: { color: '#3366CC', line: 'solid', label: 'Investment (investor → investee)' },
  equity: { color: '#3366CC', line: 'dashed', label: 'Equity stake (holder → company)' },
  purchase: { color: '#D04A1E', line: 'solid', label: 'Purchase (buyer → seller)' },
  'revenue-share': { color: '#D04A1E', line: 'dotted', label: 'Revenue share (payer → payee)' },
  loan: { color: '#2E8B3A', line: 'solid', label: 'Loan (lender → borrower)' },
  guarantee: { color: '#2E8B3A', line: 'dashed', label: 'Guarantee (guarantor → beneficiary)' },
  warrants: { color: '#9A3BA6', line: 'dashed', label: 'Warrants (issuer → holder)' },
  partnership: { color: '#7A7A7A', line: 'dotted', label: 'Partnership (provider → recipient, in kind)' },
};

/** Edge width in pixels for an amount: log scale from $100M (thin) to $1T (thick). */
export function edgeWidth(amountUsd: number | null): number {
  if (amountUsd === null || amountUsd <= 0) return 1.5;
  const t = (Math.log10(amountUsd) - 8) / 4;
  return Math.round((2 + 8 * Math.min(1, Math.max(0, t))) * 10) / 10;
}
