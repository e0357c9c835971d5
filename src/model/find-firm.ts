/**
 * Finding a firm by what an analyst types: its name, ticker or id, ignoring case, spaces and
 * punctuation ("Open AI", "openai", "OPENAI", "Blue-Owl", "nvda"). An exact match wins, then a name
 * that starts with the query, then one that contains it.
 */
import type { Entity } from '../data/types.js';

/** Lower case, letters and digits only (accents dropped): "Open AI" and "OpenAI" read the same. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function findFirm(entities: readonly Pick<Entity, 'id' | 'name' | 'ticker'>[], query: string): string | null {
  const q = normalizeName(query);
  if (q === '') return null;
  const keys = entities.map((e) => ({ id: e.id, name: normalizeName(e.name), ticker: e.ticker ? normalizeName(e.ticker) : '', slug: normalizeName(e.id) }));
  const exact = keys.find((k) => k.name === q || k.ticker === q || k.slug === q);
  const prefix = keys.find((k) => k.name.startsWith(q));
  const inside = keys.find((k) => k.name.includes(q) || k.slug.includes(q));
  return (exact ?? prefix ?? inside)?.id ?? null;
}
