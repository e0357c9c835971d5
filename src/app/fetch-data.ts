/**
 * Fetching the shipped data set in the browser; every failure becomes a problem naming the file.
 */
import { loadDataSetFromText } from '../data/load.js';
import type { Problem } from '../data/problem.js';
import type { ValidationResult } from '../data/validate.js';

async function fetchText(url: string, name: string): Promise<{ text: string } | { problem: Problem }> {
  const fail = (message: string) => ({ problem: { file: name, record: null, recordId: null, field: null, message } });
  try {
    const response = await fetch(url);
    if (!response.ok) return fail(`could not be loaded (HTTP ${response.status})`);
    return { text: await response.text() };
  } catch (error) {
    return fail(`could not be loaded (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Loads `data/entities.json` and `data/deals.json` relative to the page. */
export async function fetchShippedDataSet(base = 'data/'): Promise<ValidationResult> {
  performance.mark('roundtrip:fetch-start');
  const [entities, deals] = await Promise.all([
    fetchText(`${base}entities.json`, 'entities.json'),
    fetchText(`${base}deals.json`, 'deals.json'),
  ]);
  const problems = [entities, deals].flatMap((r) => ('problem' in r ? [r.problem] : []));
  if (problems.length > 0 || !('text' in entities) || !('text' in deals)) return { ok: false, problems };
  return loadDataSetFromText({ name: 'entities.json', text: entities.text }, { name: 'deals.json', text: deals.text });
}
