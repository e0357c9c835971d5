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

/**
 * The two files' JSON documents, or every problem: malformed JSON, and then the record problems of
 * the file that did parse (minus references that depend on the other).
 */
export type ParsedFiles = { ok: true; entities: unknown; deals: unknown } | { ok: false; problems: Problem[] };

export function parseDataFiles(entities: TextFile, deals: TextFile): ParsedFiles {
  const entitiesParsed = parseJsonText(entities.text, entities.name);
  const dealsParsed = parseJsonText(deals.text, deals.name);
  if (entitiesParsed.ok && dealsParsed.ok) return { ok: true, entities: entitiesParsed.value, deals: dealsParsed.value };
  const parseProblems: Problem[] = [];
  if (!entitiesParsed.ok) parseProblems.push(entitiesParsed.problem);
  if (!dealsParsed.ok) parseProblems.push(dealsParsed.problem);
  const files = { entities: entities.name, deals: deals.name };
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

/** Parses and validates the two JSON files; reports malformed JSON and invalid records together. */
export function loadDataSetFromText(entities: TextFile, deals: TextFile): ValidationResult {
  const parsed = parseDataFiles(entities, deals);
  return parsed.ok ? validateDataSet(parsed.entities, parsed.deals, { entities: entities.name, deals: deals.name }) : parsed;
}

export { DEFAULT_FILE_NAMES };
