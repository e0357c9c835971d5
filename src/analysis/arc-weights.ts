/** The known money of each arc of the indexed graph: the counted amounts of its pair's deals. */
import { countedAmount } from '../model/amounts.js';
import type { FirmGraph } from '../model/graph.js';
import { arcIndex, type IndexedGraph } from './indexed-graph.js';

export function arcWeights(graph: FirmGraph, indexed: IndexedGraph): Float64Array {
  const weights = new Float64Array(indexed.targets.length);
  graph.forEachEdge((_id, deal, from, to) => {
    const amount = countedAmount(deal, graph);
    if (amount === null) return;
    const arc = arcIndex(indexed, indexed.indexOf.get(from) as number, indexed.indexOf.get(to) as number);
    weights[arc] = (weights[arc] as number) + amount;
  });
  return weights;
}
