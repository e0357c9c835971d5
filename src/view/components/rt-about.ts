/**
 * "About the data": where the deals come from, what an arrow means, the context figures, and the
 * caveats an analyst must know before quoting a number.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DataChange } from '../../data/types.js';

@customElement('rt-about')
export class RtAbout extends LitElement {
  static override styles = css`
    dialog { max-width: 46rem; width: calc(100% - 2rem); border: 1px solid color-mix(in srgb, CanvasText 25%, transparent); border-radius: 8px; padding: 1.2rem 1.4rem; background: Canvas; color: CanvasText; }
    dialog::backdrop { background: rgb(0 0 0 / 0.45); }
    h2 { margin-top: 0; font-size: 1.25rem; }
    h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
    p, li { line-height: 1.45; font-size: 0.92rem; }
    a { color: LinkText; }
    .close { float: right; font: inherit; }
    :focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
  `;

  /** Number of deals and firms, shown in the text. */
  @property({ type: Number }) deals = 0;
  @property({ type: Number }) firms = 0;
  /** The data set's last update, with the titles of the deals it added. */
  @property({ attribute: false }) lastUpdate: { change: DataChange; added: readonly string[] } | null = null;
  /** When the data set was last checked against its sources. */
  @property({ attribute: false }) asOf: string | null = null;

  show(): void {
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private renderUpdate({ change, added }: { change: DataChange; added: readonly string[] }): TemplateResult {
    return html`<section data-last-update>
      <h3>Last update: ${change.date}</h3>
      <p>${change.summary}</p>
      <p>${change.added.length} deals added, ${change.changed.length} changed, ${change.removed.length} removed. "What is new" in the filters marks them on the graph and in the loops.</p>
      <details><summary>Deals added</summary><ul>${added.map((title) => html`<li>${title}</li>`)}</ul></details>
    </section>`;
  }

  override render(): TemplateResult {
    return html`<dialog aria-labelledby="about-title">
      <button class="close" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>Close</button>
      <h2 id="about-title">About the data</h2>
      <p>The shipped data set holds ${this.deals} deals between ${this.firms} firms, lenders, vehicles and markets of the AI
        boom, compiled from public reporting${this.asOf ? html`, <strong data-as-of>last checked ${this.asOf}</strong>` : ''}. Each source
        names who reported it, the headline, the date and whether the page is a filing or company release, a news
        organisation's own page, or a copy of a report on another site; click an arrow to read them. Where reporting corrects the commentary that started this
        map, the record follows the reporting and its note says so.</p>
      ${this.lastUpdate ? this.renderUpdate(this.lastUpdate) : nothing}
      <h3>What an arrow means</h3>
      <p>An arrow points the way money or value moves: an investment from investor to investee, a purchase from buyer to
        seller, an equity stake from holder to company, warrants from issuer to holder, a loan from lender to borrower, a
        revenue share from payer to payee, a guarantee from guarantor to beneficiary, a partnership from provider to
        recipient (value in kind). A <em>money loop</em> is a chain of arrows that comes back to where it started:
        Nvidia invests in OpenAI, OpenAI buys Nvidia chips.</p>
      <h3>Amounts</h3>
      <ul>
        <li>An undisclosed amount is shown as undisclosed, never estimated. A loop's bottleneck (the smallest hop) is
          unknown as soon as one hop is undisclosed.</li>
        <li>Amounts have a basis: committed, up to (a ceiling), estimated, or a year's worth. Totals add known amounts of
          any basis and are lower bounds wherever an amount is missing.</li>
        <li>A deal replaced by a later one between the same firms stays visible, but its amount is not added while the
          later deal is shown.</li>
      </ul>
      <h3>Caveats</h3>
      <ul>
        <li>Nvidia's headline $100B for OpenAI (September 2025) was only ever a non-binding letter of intent; Nvidia's
          10-Q (November 2025) and its CFO (December 2025) said no definitive agreement existed. In February 2026 the FT
          reported about $30B of equity instead. Both records are kept, with their status.</li>
        <li>Nvidia's CoreWeave stake was about 6% in the IPO filing and about 7% (24.3M shares) after the IPO, not 5%.</li>
        <li>Nvidia's up-to-$2B for xAI went into the vehicle that buys the Colossus 2 GPUs, not into xAI itself.</li>
        <li>Loan amounts for the vehicles (Beignet Investor, the Colossus 2 vehicle, Vantage) are the whole debt
          packages, not the named lender's share.</li>
        <li>Microsoft's partnership with AMD has no dollar figure anywhere.</li>
      </ul>
      <h3>Context (not drawn as deals)</h3>
      <ul>
        <li>JPMorgan (10 Nov 2025): $5–7T of AI data-center spending over five years, about $1.5T of it from
          investment-grade bonds. <a href="https://www.gmteight.com/content/detail/329384" target="_blank" rel="noopener noreferrer">source</a></li>
        <li>Morgan Stanley (July 2025): $2.9T of data-center spending through 2028, with a $1.5T financing gap.
          <a href="https://www.gurufocus.com/news/2990827" target="_blank" rel="noopener noreferrer">source</a></li>
        <li>US investment-grade bond issuance reached $1.7T in 2025 through November, against the 2020 record of $1.8T.
          <a href="https://www.semafor.com/article/12/23/2025/corporate-debt-issuance-nears-record-highs-on-ai-investment" target="_blank" rel="noopener noreferrer">source</a></li>
        <li>More than $120B of off-balance-sheet financing for data centers through special-purpose vehicles, from Pimco,
          BlackRock, Apollo, Blue Owl and JPMorgan (FT, December 2025).
          <a href="https://www.catenaa.com/industries/financials/tech-companies-moved-over-120bn-data-centre-debt-off-books" target="_blank" rel="noopener noreferrer">source</a></li>
        <li>On the circular deals themselves: Servaas Storm (INET).
          <a href="https://www.ineteconomics.org/research/research-papers/the-u-s-is-betting-the-economy-on-scaling-ai-where-is-the-intelligence-when-one-needs-it" target="_blank" rel="noopener noreferrer">source</a></li>
      </ul>
      <h3>Measures</h3>
      <p>PageRank shows where money ends up; betweenness, who sits on the routes between others; circularity, the share of
        a firm's known inflow that lies on a loop. The README of the project documents each measure and the contagion model.</p>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rt-about': RtAbout;
  }
}
