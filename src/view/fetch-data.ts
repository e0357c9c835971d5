/**
 * Fetching the shipped data set in the browser; every failure becomes a problem naming the file.
 */
import { loadDataSetFromText } from '../data/load.js';
import type { Problem } from '../data/problem.js';
import type { ValidationResult } from '../data/validate.js';
import type { PrecomputedLayout, Positions } from '../layout/layout.js';

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

function isPositions(value: unknown): value is Positions {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every(
    (p) => typeof p === 'object' && p !== null && Number.isFinite((p as { x: unknown }).x) && Number.isFinite((p as { y: unknown }).y),
  );
}

/**
 * The shipped data set's precomputed layout (`data/layout.json`, written by the build), or null when
 * it is missing or malformed — the app then lays the graph out itself, with the same result.
 */
export async function fetchPrecomputedLayout(base = 'data/'): Promise<PrecomputedLayout | null> {
  try {
    const response = await fetch(`${base}layout.json`);
    if (!response.ok) return null;
    const value: unknown = await response.json();
    if (typeof value !== 'object' || value === null) return null;
    const { key, positions } = value as { key?: unknown; positions?: unknown };
    return typeof key === 'string' && isPositions(positions) ? { key, positions } : null;
  } catch {
    return null;
  }
}
