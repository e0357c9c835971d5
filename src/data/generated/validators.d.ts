import type { ErrorObject } from 'ajv';

/** A validator compiled from a JSON Schema: true when valid, with `errors` set otherwise. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export const validateEntities: CompiledValidator;
export const validateDeals: CompiledValidator;
/** One record of the entities list (`#/definitions/entity`). */
export const validateEntity: CompiledValidator;
/** One record of the deals list (`#/definitions/deal`). */
export const validateDeal: CompiledValidator;
/** A story file (`*.story.json`). */
export const validateStory: CompiledValidator;
