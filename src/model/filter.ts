/**
 * Filtered views of the firm graph: what the analyst filters is what gets analysed.
 */
import { MultiDirectedGraph } from 'graphology';
import { periodEnd } from '../data/dates.js';
import { DEFAULT_FLOWS, type DataSet, type Deal, type Entity, type FlowKind } from '../data/types.js';
import { acquirersAt } from './acquisitions.js';
import { dealMatcher, entityMatcher, type DealFilter } from './deal-filter.js';
import { emptyLike, runSteps, type DataSetMeta, type FirmGraph, type Steps } from './graph.js';

export { dealMatcher, entityMatcher, type DealFilter };

/** True when the filter keeps every firm and deal (so there is nothing to copy). */
export function keepsEverything(filter: DealFilter): boolean {
  return (
    filter.types === undefined &&
    filter.statuses === undefined &&
    filter.flows === undefined &&
    filter.kinds === undefined &&
    (filter.minUsd ?? 0) <= 0 &&
    filter.from === undefined &&
    filter.to === undefined &&
    filter.asOf === undefined &&
    !filter.hideIsolated
  );
}

/** Whether two flow lists name the same kinds. */
export function sameFlows(a: readonly FlowKind[] | undefined, b: readonly FlowKind[]): boolean {
  return a !== undefined && a.length === b.length && b.every((flow) => a.includes(flow));
}

/** True when the filter keeps every firm and only the deals of the default flows (DEFAULT_FLOWS). */
export function keepsDefaultFlowsOnly(filter: DealFilter): boolean {
  return keepsEverything({ ...filter, flows: undefined }) && sameFlows(filter.flows, DEFAULT_FLOWS);
}

/**
 * A new graph holding only the firms and deals the filter keeps, with acquired firms folded into
 * their acquirers as of the filter's month (or today); `acquisitions: false` keeps every firm apart.
 * The input is not changed.
 */
export function filterFirmGraph(graph: FirmGraph, filter: DealFilter, options: { acquisitions?: boolean } = {}): FirmGraph {
  return runSteps(filterFirmGraphSteps(graph, filter, options));
}

/** filterFirmGraph in steps, yielding after every `slice` deals looked at (see model/graph.ts). */
export function* filterFirmGraphSteps(graph: FirmGraph, filter: DealFilter, options: { acquisitions?: boolean } = {}, slice = Number.POSITIVE_INFINITY): Steps<FirmGraph> {
  const keepEntity = entityMatcher(filter);
  const keepDeal = dealMatcher(filter);
  const view = emptyLike(graph);
  graph.forEachNode((id, entity) => {
    if (keepEntity(entity)) view.addNode(id, entity);
  });
  // Acquired firms' deals are their acquirers' (in graph order, so views and exports keep it).
  const into = options.acquisitions ?? true ? acquirersAt(view, filter.asOf !== undefined ? periodEnd(filter.asOf) : null) : new Map<string, string>();
  const add = (id: string, deal: Deal, source: string, target: string): void => {
    if (view.hasNode(source) && view.hasNode(target) && keepDeal(deal)) {
      const from = into.get(source) ?? source;
      const to = into.get(target) ?? target;
      if (from !== to) view.addDirectedEdgeWithKey(id, from, to, deal);
    }
  };
  if (graph.size <= slice) {
    graph.forEachEdge(add);
  } else {
    let seen = 0;
    for (const { edge, attributes, source, target } of graph.edgeEntries()) {
      add(edge, attributes, source, target);
      if (++seen % slice === 0) yield;
    }
  }
  if (filter.hideIsolated) {
    for (const id of view.nodes()) if (view.degree(id) === 0) view.dropNode(id);
  }
  return view;
}

/**
 * The view of a data set: `filterFirmGraph(buildFirmGraph(data), filter, options)` without building
 * the whole graph first (a command that analyses one view needs only it). Firms and deals are
 * copied from the data set as buildFirmGraph copies them, in data order, unless `shareRecords`
 * is set: then the graph holds the data set's own records (for a caller that changes neither, such
 * as a CLI command that reads the files, analyses the view and exits).
 */
export function buildFirmView(data: DataSet, filter: DealFilter, options: { acquisitions?: boolean; shareRecords?: boolean } = {}): FirmGraph {
  const share = options.shareRecords ?? false;
  const keepEntity = entityMatcher(filter);
  const keepDeal = dealMatcher(filter);
  const view: FirmGraph = new MultiDirectedGraph<Entity, Deal, DataSetMeta>();
  if (data.asOf !== undefined) view.setAttribute('asOf', data.asOf);
  if (data.changes !== undefined) view.setAttribute('changes', data.changes);
  for (const entity of data.entities) if (keepEntity(entity)) view.addNode(entity.id, share ? entity : { ...entity });
  const into = options.acquisitions ?? true ? acquirersAt(view, filter.asOf !== undefined ? periodEnd(filter.asOf) : null) : new Map<string, string>();
  for (const deal of data.deals) {
    if (!view.hasNode(deal.from) || !view.hasNode(deal.to) || !keepDeal(deal)) continue;
    const from = into.get(deal.from) ?? deal.from;
    const to = into.get(deal.to) ?? deal.to;
    if (from !== to) view.addDirectedEdgeWithKey(deal.id, from, to, share ? deal : { ...deal });
  }
  if (filter.hideIsolated) {
    for (const id of view.nodes()) if (view.degree(id) === 0) view.dropNode(id);
  }
  return view;
}
