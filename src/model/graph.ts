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

/** Builds the multigraph of a validated data set. */
export function buildFirmGraph(data: DataSet): FirmGraph {
  const graph: FirmGraph = new MultiDirectedGraph<Entity, Deal, DataSetMeta>();
  if (data.asOf !== undefined) graph.setAttribute('asOf', data.asOf);
  if (data.changes !== undefined) graph.setAttribute('changes', data.changes);
  for (const entity of data.entities) graph.addNode(entity.id, { ...entity });
  for (const deal of data.deals) graph.addDirectedEdgeWithKey(deal.id, deal.from, deal.to, { ...deal });
  return graph;
}
