/**
 * Loading a data set from text (files read by the CLI, fetched by the app, or picked by the user).
 * Runs unchanged in Node and in the browser.
 */
import { parseJsonText } from './json-text.js';
import type { Problem } from './problem.js';
import { DEFAULT_FILE_NAMES, validateDataSet, type ValidationResult } from './validate.js';

export interface TextFile {
  /** Name shown in problems, e.g. `deals.json`. */
  name: string;
  text: string;
}

/** Parses and validates the two JSON files; reports malformed JSON and invalid records together. */
export function loadDataSetFromText(entities: TextFile, deals: TextFile): ValidationResult {
  const entitiesParsed = parseJsonText(entities.text, entities.name);
  const dealsParsed = parseJsonText(deals.text, deals.name);
  const parseProblems: Problem[] = [];
  if (!entitiesParsed.ok) parseProblems.push(entitiesParsed.problem);
  if (!dealsParsed.ok) parseProblems.push(dealsParsed.problem);
  const files = { entities: entities.name, deals: deals.name };
  if (parseProblems.length === 0 && entitiesParsed.ok && dealsParsed.ok) {
    return validateDataSet(entitiesParsed.value, dealsParsed.value, files);
  }
  // One file parsed: still report its record problems, minus references that depend on the other.
  const recordProblems: Problem[] = [];
  if (entitiesParsed.ok && !dealsParsed.ok) {
    const result = validateDataSet(entitiesParsed.value, { deals: [] }, files);
    if (!result.ok) for (const problem of result.problems) recordProblems.push(problem);
  }
  if (dealsParsed.ok && !entitiesParsed.ok) {
    const result = validateDataSet({ entities: [] }, dealsParsed.value, files, { checkReferences: false });
    if (!result.ok) for (const problem of result.problems) recordProblems.push(problem);
  }
  return { ok: false, problems: parseProblems.concat(recordProblems) };
}

export { DEFAULT_FILE_NAMES };
