import { describe, expect, it } from 'vitest';
import dealsSchema from '../../data/schema/deals.schema.json';
import entitiesSchema from '../../data/schema/entities.schema.json';
import { AMOUNT_BASES, DEAL_STATUSES, DEAL_TYPES, DEFAULT_FLOW_OF_TYPE, DIRECTION_RULE, ENTITY_KINDS, FLOW_KINDS, MAX_AMOUNT_USD } from '../../src/data/types.js';

describe('the JSON Schemas and the TypeScript types', () => {
  it('list the same entity kinds', () => {
    expect(entitiesSchema.definitions.entity.properties.kind.enum).toEqual([...ENTITY_KINDS]);
  });
  it('list the same deal types, statuses and amount bases', () => {
    const deal = dealsSchema.definitions.deal.properties;
    expect(deal.type.enum).toEqual([...DEAL_TYPES]);
    expect(deal.status.enum).toEqual([...DEAL_STATUSES]);
    expect(deal.amountBasis.enum).toEqual([...AMOUNT_BASES]);
    expect(deal.flow.enum).toEqual([...FLOW_KINDS]);
  });
  it('documents the default flow of every deal type as the code applies it', () => {
    const documented = dealsSchema.definitions.deal.properties.flow.description;
    for (const [type, flow] of Object.entries(DEFAULT_FLOW_OF_TYPE)) {
      expect(documented).toMatch(new RegExp(`(^|[ ;:,])${type}(, [a-z-]+)* -> ${flow}`));
    }
  });
  it('cap amounts at the same maximum', () => {
    expect(dealsSchema.definitions.deal.properties.amountUsd.maximum).toBe(MAX_AMOUNT_USD);
  });
  it('has a direction rule for every deal type, and the schema documents each', () => {
    expect(Object.keys(DIRECTION_RULE).sort()).toEqual([...DEAL_TYPES].sort());
    for (const [type, [from, to]] of Object.entries(DIRECTION_RULE)) {
      expect(dealsSchema.description).toContain(`${type} ${from}->${to}`);
    }
  });
});

describe('the generated validators', () => {
  it('are up to date with data/schema/ (run node scripts/generate-validators.mjs after editing a schema)', async () => {
    const { readFileSync } = await import('node:fs');
    // @ts-expect-error: a plain ES module without type declarations
    const { generateValidators, GENERATED_PATH } = (await import('../../scripts/generate-validators.mjs')) as { generateValidators(): string; GENERATED_PATH: string };
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(generateValidators());
  });
});
