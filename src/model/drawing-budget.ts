/**
 * Which part of a large network the picture draws. A canvas with hundreds of thousands of arrows
 * takes minutes to lay out and seconds per frame, and shows nothing an analyst can read; above a
 * budget the picture draws the largest deals between the firms with the most money, and says so.
 * Every table, loop search and measure still covers the whole network.
 */
export interface DrawingLimits {
  firms: number;
  deals: number;
}

/**
 * Past these, the picture draws a part. Measured in Chromium on two cores (npm run bench, import
 * row): Cytoscape's first drawing of 6,000 deals held the page for 0.74 s and each redraw for about
 * 0.6 s, so the limit is set where one drawing stays near the page's budget of 200 ms.
 */
export const DRAWING_LIMITS: DrawingLimits = { firms: 3000, deals: 1500 };

export interface DrawnPart {
  /** Firms drawn, in graph order: the firms the drawn deals join. */
  firms: string[];
  /** Deals drawn, in graph order. */
  deals: string[];
  /** How many firms (those with the most money) the deals were chosen among. */
  firmsChosenAmong: number;
  firmsTotal: number;
  dealsTotal: number;
}

/** Larger disclosed amounts first, undisclosed last; ties by id so the choice never varies. */
function byAmountThenId(a: { id: string; usd: number }, b: { id: string; usd: number }): number {
  return b.usd - a.usd || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What the choice reads of a data set (its records, in file order). */
export interface DrawableSet {
  entities: ReadonlyArray<{ id: string }>;
  deals: ReadonlyArray<{ id: string; from: string; to: string; amountUsd: number | null }>;
}

/**
 * The part of a data set to draw: null when it fits the limits. Otherwise, among the firms with the
 * most money in and out (up to `limits.firms`), the largest deals between them (up to
 * `limits.deals`; undisclosed amounts count as the smallest), and the firms those deals join. A
 * chosen firm none of the drawn deals touches is left out: drawn as a dot with no arrow it would
 * read as a firm without deals (at 25,000 deals a quarter of the 3,000 firms). Read from the
 * records, so the layout can start before the network is built.
 */
export function drawnPart(data: DrawableSet, limits: DrawingLimits = DRAWING_LIMITS): DrawnPart | null {
  const { entities, deals } = data;
  if (entities.length <= limits.firms && deals.length <= limits.deals) return null;
  let firms: Set<string>;
  if (entities.length <= limits.firms) {
    firms = new Set(entities.map((e) => e.id));
  } else {
    const money = new Map<string, number>(entities.map((e) => [e.id, 0]));
    for (const deal of deals) {
      const usd = deal.amountUsd ?? 0;
      money.set(deal.from, (money.get(deal.from) ?? 0) + usd);
      money.set(deal.to, (money.get(deal.to) ?? 0) + usd);
    }
    const ranked = entities.map((e) => ({ id: e.id, usd: money.get(e.id) ?? 0 })).sort(byAmountThenId);
    firms = new Set(ranked.slice(0, limits.firms).map((f) => f.id));
  }
  const candidates: Array<{ id: string; usd: number }> = [];
  for (const deal of deals) {
    if (firms.has(deal.from) && firms.has(deal.to)) candidates.push({ id: deal.id, usd: deal.amountUsd ?? -1 });
  }
  const kept = new Set((candidates.length > limits.deals ? candidates.sort(byAmountThenId).slice(0, limits.deals) : candidates).map((d) => d.id));
  const drawnDeals = deals.filter((d) => kept.has(d.id));
  const joined = new Set(drawnDeals.flatMap((d) => [d.from, d.to]));
  return {
    firms: entities.filter((e) => joined.has(e.id)).map((e) => e.id),
    deals: drawnDeals.map((d) => d.id),
    firmsChosenAmong: firms.size,
    firmsTotal: entities.length,
    dealsTotal: deals.length,
  };
}

/** The records of a data set that a part draws (for its layout). */
export function partOf<T extends DrawableSet>(data: T, part: DrawnPart): { entities: T['entities']; deals: T['deals'] } {
  const firms = new Set(part.firms);
  const deals = new Set(part.deals);
  return { entities: data.entities.filter((e) => firms.has(e.id)), deals: data.deals.filter((d) => deals.has(d.id)) };
}
