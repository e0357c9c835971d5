import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataSetFromText } from '../../src/data/load.js';
import { validateDataSet } from '../../src/data/validate.js';
import { toDataSetJSON } from '../../src/export/json.js';
import { filterFirmGraph } from '../../src/model/filter.js';
import { buildFirmGraph } from '../../src/model/graph.js';
import { withExplicitFlows } from '../fixtures/datasets.js';
import { shippedDataSet, shippedGraph } from '../fixtures/shipped.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Property order of a record in the JSON Schema, read from data/schema/. */
function schemaOrder(file: string, definition: string): string[] {
  const schema = JSON.parse(readFileSync(path.join(root, 'data/schema', file), 'utf8')) as { definitions: Record<string, { properties: Record<string, unknown> }> };
  return Object.keys(schema.definitions[definition]?.properties ?? {});
}

function parseBoth(files: { entities: string; deals: string }): { entities: unknown; deals: unknown } {
  return { entities: JSON.parse(files.entities) as unknown, deals: JSON.parse(files.deals) as unknown };
}

describe('toDataSetJSON', () => {
  it('toDataSetJSON gives back the shipped data set exactly, and it validates', () => {
    const docs = parseBoth(toDataSetJSON(shippedGraph()));
    const result = validateDataSet(docs.entities, docs.deals);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data).toEqual(withExplicitFlows(shippedDataSet()));
  });

  it('toDataSetJSON writes the files of data/: $schema first, then asOf and the updates, 2-space indent, a final line break', () => {
    const files = toDataSetJSON(shippedGraph());
    expect(files.entities.startsWith('{\n  "$schema": "./schema/entities.schema.json",\n  "entities": [\n    {\n      "id": "nvidia",')).toBe(true);
    // The date the data set was checked travels with it.
    expect(files.deals.startsWith('{\n  "$schema": "./schema/deals.schema.json",\n  "asOf": "2026-12-07",\n  "changes": [\n    {\n      "date": "2026-12-02",')).toBe(true);
    expect(files.deals).toContain('\n  "deals": [\n    {\n      "id": ');
    expect(files.entities.endsWith('}\n')).toBe(true);
    expect(files.deals.endsWith('}\n')).toBe(true);
    expect(loadDataSetFromText({ name: 'entities.json', text: files.entities }, { name: 'deals.json', text: files.deals }).ok).toBe(true);
  });

  it('toDataSetJSON writes keys in the order of the schema', () => {
    const docs = parseBoth(toDataSetJSON(shippedGraph())) as {
      entities: { entities: Array<Record<string, unknown>> };
      deals: { deals: Array<Record<string, unknown> & { sources: Array<Record<string, unknown>> }> };
    };
    const inOrder = (keys: string[], order: string[]) => expect(keys).toEqual(order.filter((k) => keys.includes(k)));
    const entityOrder = schemaOrder('entities.schema.json', 'entity');
    const dealOrder = schemaOrder('deals.schema.json', 'deal');
    const sourceOrder = schemaOrder('deals.schema.json', 'source');
    for (const entity of docs.entities.entities) inOrder(Object.keys(entity), entityOrder);
    for (const deal of docs.deals.deals) {
      inOrder(Object.keys(deal), dealOrder);
      for (const source of deal.sources) inOrder(Object.keys(source), sourceOrder);
    }
  });

  it('toDataSetJSON of a filtered view validates and holds exactly the view, in graph order', () => {
    // Up to 2025 the $100B letter of intent is in view but the round that superseded it is not.
    const view = filterFirmGraph(shippedGraph(), { to: '2025-12', types: ['investment', 'purchase'] });
    const docs = parseBoth(toDataSetJSON(view));
    const result = validateDataSet(docs.entities, docs.deals);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.deals.map((d) => d.id)).toEqual(view.edges());
    expect(result.data.entities.map((e) => e.id)).toEqual(view.nodes());
    const loi = result.data.deals.find((d) => d.id === 'nvidia-openai-loi-2025');
    expect(loi).toBeDefined();
    expect(loi?.supersededBy).toBeUndefined();
    // Everything else about each deal is unchanged.
    const { supersededBy: _dropped, ...rest } = view.getEdgeAttributes('nvidia-openai-loi-2025');
    expect(loi).toEqual(rest);
  });

  it('toDataSetJSON keeps a supersession whose later deal is in view', () => {
    const docs = parseBoth(toDataSetJSON(shippedGraph())) as { deals: { deals: Array<{ id: string; supersededBy?: string }> } };
    expect(docs.deals.deals.find((d) => d.id === 'nvidia-openai-loi-2025')?.supersededBy).toBe('nvidia-openai-round-2026');
  });

  it('toDataSetJSON of an empty graph gives two empty, valid files', () => {
    const docs = parseBoth(toDataSetJSON(buildFirmGraph({ entities: [], deals: [] })));
    expect(docs).toEqual({ entities: { $schema: './schema/entities.schema.json', entities: [] }, deals: { $schema: './schema/deals.schema.json', deals: [] } });
    expect(validateDataSet(docs.entities, docs.deals).ok).toBe(true);
  });
});
