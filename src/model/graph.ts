/**
 * The firm graph: entities are nodes, deals are edges keyed by deal id, pointing the way money or
 * value moves. Parallel deals between one pair of firms stay separate edges.
 */
import { MultiDirectedGraph } from 'graphology';
import type { DataSet, Deal, Entity } from '../data/types.js';

export type FirmGraph = MultiDirectedGraph<Entity, Deal>;

/** Builds the multigraph of a validated data set. */
export function buildFirmGraph(data: DataSet): FirmGraph {
  const graph: FirmGraph = new MultiDirectedGraph<Entity, Deal>();
  for (const entity of data.entities) graph.addNode(entity.id, { ...entity });
  for (const deal of data.deals) graph.addDirectedEdgeWithKey(deal.id, deal.from, deal.to, { ...deal });
  return graph;
}
