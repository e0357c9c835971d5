/**
 * The details panel's view of a traced path: every path of money from one firm to another (up to
 * PATH_HOPS hops), hop by hop with the deals and their amounts, and the bottleneck of each.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PathSearchResult } from '../../analysis/paths.js';
import { formatUsd } from '../../data/money.js';
import type { Deal } from '../../data/types.js';
import { PATH_CAP, PATH_HOPS } from '../../state/view-state.js';
import { dealAmount } from '../format.js';

export interface PathViewProps {
  path: { from: string; to: string };
  result: PathSearchResult;
  deals: ReadonlyMap<string, Deal>;
  nameOf: (id: string) => string;
  firmButton: (id: string) => TemplateResult;
  dealButton: (id: string, label: string) => TemplateResult;
  clear: () => void;
}

export function pathView({ path, result, deals, nameOf, firmButton, dealButton, clear }: PathViewProps): TemplateResult {
  const n = result.paths.length;
  return html`
    <h2 data-path=${`${path.from},${path.to}`} tabindex="-1">Money from ${nameOf(path.from)} to ${nameOf(path.to)}</h2>
    <p class="sub" data-path-count=${n}>${n === 0 ? `No path of up to ${PATH_HOPS} hops` : `${n}${result.truncated ? '+' : ''} path${n === 1 ? '' : 's'} of up to ${PATH_HOPS} hops`} with the deals shown</p>
    ${result.truncated ? html`<p class="note">The list stops at ${PATH_CAP} paths; narrow the filters to see them all.</p>` : nothing}
    <p><button class="link" data-clear-path @click=${clear}>Clear the trace</button></p>
    <ol class="paths">${result.paths.map(
      (found) => html`<li data-path-firms=${found.firms.join('>')}>
        ${found.hops.map(
          (hop, i) => html`${i === 0 ? firmButton(hop.from) : nothing} → ${hop.deals.map((id, k) => {
            const deal = deals.get(id);
            return html`${k > 0 ? ', ' : ''}${dealButton(id, deal ? `${deal.type} ${dealAmount(deal)}` : id)}`;
          })} → ${firmButton(hop.to)}`,
        )}
        <small class="loop-meta">${found.length} hop${found.length === 1 ? '' : 's'} · bottleneck ${found.bottleneckUsd === null ? 'undisclosed' : formatUsd(found.bottleneckUsd)}</small>
      </li>`,
    )}</ol>`;
}
