/**
 * The (filtered) firm graph as the two files of data/: a view an analyst can share, reload in the
 * explorer or pass to `--data`. Keys follow the schema's order so the files diff cleanly against
 * data/ and read like it.
 */
import { flowOf, type Balance, type Deal, type Entity, type Source } from '../data/types.js';
import type { FirmGraph } from '../model/graph.js';

/** The texts of `entities.json` and `deals.json`. */
export interface DataSetJSON {
  entities: string;
  deals: string;
}

/** Copies the keys that are set, in the given order; keys outside the schema are not copied. */
function ordered<T extends object>(record: T, keys: ReadonlyArray<keyof T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
  return out;
}

const ENTITY_KEYS: ReadonlyArray<keyof Entity> = ['id', 'name', 'kind', 'ticker', 'country', 'note', 'acquiredBy', 'acquiredDate', 'balance'];
const BALANCE_KEYS: ReadonlyArray<keyof Balance> = ['equityUsd', 'cashUsd', 'marketCapUsd', 'asOf', 'basis', 'source'];
const DEAL_KEYS: ReadonlyArray<keyof Deal> = [
  'id',
  'from',
  'to',
  'type',
  'amountUsd',
  'amountBasis',
  'date',
  'status',
  'flow',
  'endDate',
  'supersededBy',
  'statusNote',
  'title',
  'sources',
  'note',
];
const SOURCE_KEYS: ReadonlyArray<keyof Source> = ['url', 'title', 'publisher', 'kind', 'date'];

function entityRecord(entity: Entity, graph: FirmGraph): Partial<Entity> {
  const record = ordered(entity, ENTITY_KEYS);
  if (entity.balance) {
    const balance = ordered(entity.balance, BALANCE_KEYS) as Balance;
    if (entity.balance.source) balance.source = ordered(entity.balance.source, SOURCE_KEYS) as NonNullable<Balance['source']>;
    record.balance = balance;
  }
  // An acquirer the filters removed would fail validation ("unknown firm"): the view has no merger then.
  if (record.acquiredBy !== undefined && !graph.hasNode(record.acquiredBy)) {
    delete record.acquiredBy;
    delete record.acquiredDate;
  }
  return record;
}

function dealRecord(deal: Deal, graph: FirmGraph): Partial<Deal> {
  const record = ordered({ ...deal, flow: flowOf(deal), sources: deal.sources.map((s) => ordered(s, SOURCE_KEYS) as Source) }, DEAL_KEYS);
  // A successor the filters removed would fail validation ("unknown deal"); without it in view the
  // earlier deal is the current one anyway (see model/amounts.ts), so the link is dropped.
  if (record.supersededBy !== undefined && !graph.hasEdge(record.supersededBy)) delete record.supersededBy;
  return record;
}

/** The firms and deals of the graph, in graph order, as `entities.json` and `deals.json` texts. */
export function toDataSetJSON(graph: FirmGraph): DataSetJSON {
  const entities = graph.mapNodes((_id, entity) => entityRecord(entity, graph));
  const deals = graph.mapEdges((_id, deal) => dealRecord(deal, graph));
  const asOf = graph.getAttribute('asOf');
  // The updates speak of the deals of the view only: another deal would not validate here.
  const changes = graph.getAttribute('changes')?.map((change) => ({
    ...change,
    added: change.added.filter((id) => graph.hasEdge(id)),
    changed: change.changed.filter((id) => graph.hasEdge(id)),
  }));
  const head = { $schema: './schema/deals.schema.json', ...(asOf !== undefined ? { asOf } : {}), ...(changes !== undefined ? { changes } : {}) };
  return {
    entities: `${JSON.stringify({ $schema: './schema/entities.schema.json', entities }, null, 2)}\n`,
    deals: `${JSON.stringify({ ...head, deals }, null, 2)}\n`,
  };
}
