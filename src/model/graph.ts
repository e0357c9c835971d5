/**
 * The firm graph: entities are nodes, deals are edges keyed by deal id, pointing the way money or
 * value moves. Parallel deals between one pair of firms stay separate edges.
 */
import { MultiDirectedGraph } from 'graphology';
import type { DataChange, DataSet, Deal, Entity } from '../data/types.js';

/** What the graph knows of its data set as a whole. */
export interface DataSetMeta {
  [key: string]: unknown;
  /** When the data set was last checked against its sources. */
  asOf?: string;
  /** Its updates, oldest first. */
  changes?: DataChange[];
}

export type FirmGraph = MultiDirectedGraph<Entity, Deal, DataSetMeta>;

/** An empty firm graph carrying another's data-set attributes (for views derived from it). */
export function emptyLike(graph: FirmGraph): FirmGraph {
  const view: FirmGraph = new MultiDirectedGraph<Entity, Deal, DataSetMeta>();
  view.replaceAttributes({ ...graph.getAttributes() });
  return view;
}

/**
 * Work done in steps: a generator that yields between slices of its work and returns its result.
 * The same steps run at once (runSteps) or with a pause at each yield (runStepsWithPauses), so a
 * page can build a network of 200,000 deals without holding the page for long.
 */
export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

export async function runStepsWithPauses<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    await pause();
    next = steps.next();
  }
  return next.value;
}

/** Builds the multigraph of a validated data set, yielding after every `slice` deals. */
export function* buildFirmGraphSteps(data: DataSet, slice = Number.POSITIVE_INFINITY): Steps<FirmGraph> {
  const graph: FirmGraph = new MultiDirectedGraph<Entity, Deal, DataSetMeta>();
  if (data.asOf !== undefined) graph.setAttribute('asOf', data.asOf);
  if (data.changes !== undefined) graph.setAttribute('changes', data.changes);
  for (const entity of data.entities) graph.addNode(entity.id, { ...entity });
  const { deals } = data;
  for (let start = 0; start < deals.length; start += slice) {
    if (start > 0) yield;
    const end = Math.min(deals.length, start + slice);
    for (let i = start; i < end; i++) {
      const deal = deals[i] as Deal;
      // The deal itself: records are never changed (filtered views share them too), and a copy of
      // each of 200,000 deals is garbage the page has to collect.
      graph.addDirectedEdgeWithKey(deal.id, deal.from, deal.to, deal);
    }
  }
  return graph;
}

/** Builds the multigraph of a validated data set. */
export function buildFirmGraph(data: DataSet): FirmGraph {
  return runSteps(buildFirmGraphSteps(data));
}
