/**
 * The export job of the explorer: the view as a picture (PNG, SVG with title, legend, an optional
 * caption and source line; amounts on every arrow when asked), as a network (GraphML, GEXF), as the two data files, or as CSV tables. The writers load
 * on first use.
 */
import type { RtGraph } from '../cytoscape/rt-graph.js';
import type { MoneyLoop } from '../../analysis/loops.js';
import { DEAL_TYPES, ENTITY_KINDS, type DealType, type EntityKind } from '../../data/types.js';
import type { Derived } from '../../state/derive.js';
import { formatViewUrl } from '../../state/url.js';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../state/view-state.js';
import { pictureAsPng, pictureAsSvg, type PictureText } from '../cytoscape/export-image.js';
import { networkDrawing } from '../cytoscape/network-drawing.js';
import { download } from '../download.js';

export type ExportFormat = 'png' | 'svg' | 'graphml' | 'gexf' | 'json' | 'deals' | 'loops' | 'measures';

export interface ExportContext {
  derived: Derived;
  /** The loops in the view's order. */
  sorted: () => MoneyLoop[];
  state: ViewState;
  /** The drawn graph, for pictures; null when none is drawn. */
  cy: RtGraph['cy'];
  nameOf: (firm: string) => string;
  /** The name of an imported data set; null for the shipped one. */
  importedName: string | null;
  /**
   * The caption pictures carry under the graph (plain text, e.g. the story step shown); null for
   * none. Asked at each export.
   */
  caption: () => string | null;
}

/** What the analyst chose in the export menu. */
export interface ExportChoices {
  /** Pictures write every shown deal's amount on its arrow. */
  amounts?: boolean;
}

/** Title, legend and source line of an exported picture, from what is shown. */
export function pictureText({ derived, state: s, nameOf, importedName, caption }: ExportContext): PictureText {
  const loop = s.loop ? derived.loopById.get(s.loop) : undefined;
  const title = loop
    ? `Money loop: ${[...loop.firms, loop.firms[0] ?? ''].map(nameOf).join(' → ')}`
    : s.firm
      ? `Money loops through ${nameOf(s.firm)}`
      : `Circular financing: ${derived.graph.order} firms, ${derived.graph.size} deals, ${derived.loops.count} loops`;
  const kinds = new Set<EntityKind>();
  derived.graph.forEachNode((_id, e) => void kinds.add(e.kind));
  const types = new Set<DealType>();
  derived.graph.forEachEdge((_id, d) => void types.add(d.type));
  const filters = formatViewUrl({ ...DEFAULT_VIEW_STATE, types: s.types, minUsd: s.minUsd, from: s.from, to: s.to, kinds: s.kinds, statuses: s.statuses });
  const data = importedName ? `data: ${importedName}` : 'deals compiled from public reporting; each deal names its source';
  const source = `Roundtrip · ${data} · filters: ${filters ? decodeURIComponent(filters).replace(/&/g, ', ') : 'none'} · ${new Date().toISOString().slice(0, 10)}`;
  return { title, source, kinds: ENTITY_KINDS.filter((k) => kinds.has(k)), types: DEAL_TYPES.filter((t) => types.has(t)), caption: caption() };
}

/** Writes the view in a format and hands the file(s) to the browser's download. */
export async function exportView(format: ExportFormat, context: ExportContext, choices: ExportChoices = {}): Promise<void> {
  const { derived, sorted, cy } = context;
  const base = 'roundtrip';
  const exporters = await import('../../export/index.js');
  switch (format) {
    case 'png':
      if (cy) download(`${base}.png`, await pictureAsPng(cy, pictureText(context), { amounts: choices.amounts ?? false }));
      break;
    case 'svg':
      if (cy) download(`${base}.svg`, new Blob([pictureAsSvg(cy, pictureText(context), { amounts: choices.amounts ?? false })], { type: 'image/svg+xml' }));
      break;
    case 'graphml':
      // The network as drawn: positions (dragged firms included), sizes and colours.
      download(`${base}.graphml`, new Blob([exporters.toGraphML(derived.graph, { title: pictureText(context).title, ...(cy ? { drawing: networkDrawing(cy) } : {}) })], { type: 'application/xml' }));
      break;
    case 'gexf':
      download(`${base}.gexf`, new Blob([exporters.toGEXF(derived.graph, cy ? { drawing: networkDrawing(cy) } : {})], { type: 'application/xml' }));
      break;
    case 'json': {
      const files = exporters.toDataSetJSON(derived.graph);
      download('entities.json', new Blob([files.entities], { type: 'application/json' }));
      download('deals.json', new Blob([files.deals], { type: 'application/json' }));
      break;
    }
    case 'deals':
      download(`${base}-deals.csv`, new Blob([exporters.dealsCsv(derived.graph)], { type: 'text/csv;charset=utf-8' }));
      break;
    case 'loops': {
      const labels = exporters.loopLabels(derived.graph);
      download(`${base}-loops.csv`, new Blob([exporters.loopsCsv(sorted(), labels.nameOf, labels.dealTypeOf, labels.wordsOf)], { type: 'text/csv;charset=utf-8' }));
      break;
    }
    case 'measures':
      download(`${base}-measures.csv`, new Blob([exporters.measuresCsv([...derived.measures.values()])], { type: 'text/csv;charset=utf-8' }));
      break;
  }
}

/** The explorer's export job: what is shown when asked (nothing while no data set is loaded). */
export class ViewExporter {
  constructor(private readonly shown: () => ExportContext | null) {}

  readonly exportAs = async (format: ExportFormat, choices: ExportChoices = {}): Promise<void> => {
    const context = this.shown();
    if (context) await exportView(format, context, choices);
  };
}
