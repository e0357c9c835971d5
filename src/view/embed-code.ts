/**
 * What a page needs to show a Roundtrip view inside its own: the link of the embedded view, the
 * `<iframe>` snippet around it, and the caption of a view that is not a story's step (its loop in
 * words). Pure, so the snippet's escaping is tested without a browser.
 */
import { loopWordsIn } from '../analysis/loop-words.js';
import type { Derived } from '../state/derive.js';

/** The chosen loop told in words, as the embedded view's caption; '' when the view does not hold it. */
export function loopSentence(derived: Derived, loopId: string): string {
  const loop = derived.loopById.get(loopId);
  return loop ? loopWordsIn(derived.graph)(loop) : '';
}

/** The link of the same view, embedded (`embed=1`): the graph and the caption only. */
export function embedUrl(href: string): string {
  return withQuery(href, [...queryParts(href), 'embed=1']);
}

/** The link of the same view in the full app (the embedded view's "Open in Roundtrip"). */
export function fullAppUrl(href: string): string {
  return withQuery(href, queryParts(href));
}

/** The query's parts other than `embed`, as written (no re-encoding of what the link already says). */
function queryParts(href: string): string[] {
  return new URL(href).search.slice(1).split('&').filter((part) => part !== '' && !/^embed(=|$)/.test(part));
}

function withQuery(href: string, parts: readonly string[]): string {
  const url = new URL(href);
  url.hash = '';
  url.search = parts.length > 0 ? `?${parts.join('&')}` : '';
  return url.toString();
}

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `<iframe>` snippet for a page: the embedded view, a title for screen readers, a size. */
export function embedCode(href: string, title: string, size: { width: number; height: number } = { width: 900, height: 560 }): string {
  return `<iframe src="${escapeAttribute(embedUrl(href))}" title="${escapeAttribute(title)}" width="${size.width}" height="${size.height}" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}
