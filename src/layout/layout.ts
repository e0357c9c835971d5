/**
 * What a layout of the deal network takes and gives: the request (firms with the box their name
 * needs, and deals), its key, and positions. The same request gives the same positions wherever
 * the layout runs (run-layout.ts) — in the page's worker, on the page, or in the build, which
 * precomputes the shipped data set's picture.
 */
import { hashText } from '../data/fingerprint.js';

export interface LayoutNode {
  id: string;
  /** Box the firm and its label take, in model pixels. */
  width: number;
  height: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

export interface LayoutRequest {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export type Positions = Record<string, { x: number; y: number }>;

/** Layout seed: changing it changes every picture (and every shared link's positions). */
export const LAYOUT_SEED = 20_251_125;

/**
 * The layout request for a data set: every firm and deal, with a box sized for the firm's name
 * below it. It depends on the data alone (not on measures or filters), so it can start as soon as
 * the data is read, and the picture is the same whatever the analyst sizes nodes by.
 */
export function layoutRequestFor(data: { entities: ReadonlyArray<{ id: string; name: string }>; deals: ReadonlyArray<{ id: string; from: string; to: string }> }): LayoutRequest {
  return {
    nodes: data.entities.map((e) => ({ id: e.id, width: Math.max(50, e.name.length * 8.5 + 8), height: 72 })),
    edges: data.deals.map((d) => ({ id: d.id, source: d.from, target: d.to })),
  };
}

/** A short fingerprint of a layout request: precomputed positions are used only for the same request. */
export function layoutKey(request: LayoutRequest): string {
  return `${request.nodes.length}-${request.edges.length}-${hashText(JSON.stringify([LAYOUT_SEED, request.nodes, request.edges]))}`;
}

/** Positions computed ahead of time, with the key of the request they belong to. */
export interface PrecomputedLayout {
  key: string;
  positions: Positions;
}

/** A quick deterministic placement on a grid, for when the analyst cancels a long layout. */
export function gridPositions(ids: readonly string[]): Positions {
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  const positions: Positions = {};
  ids.forEach((id, i) => {
    positions[id] = { x: (i % columns) * 120, y: Math.floor(i / columns) * 90 };
  });
  return positions;
}
