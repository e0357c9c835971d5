import type { ErrorObject } from 'ajv';

/** A validator compiled from a JSON Schema: true when valid, with `errors` set otherwise. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export const validateEntities: CompiledValidator;
export const validateDeals: CompiledValidator;
