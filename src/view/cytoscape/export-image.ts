/**
 * The current view as a picture ready for an article: a title, the graph as shown, a legend of the
 * kinds and deal types in it, an optional caption (a story step's) and a source line. PNG at twice
 * the screen's resolution, and SVG that stays editable (text is text; each firm and deal is a group,
 * see graph-svg.ts). Both lay the picture out from the same numbers, so they match. Optionally every
 * deal carries its amount. Browser only: it draws with Cytoscape and a canvas.
 */
import type { Core } from 'cytoscape';
import type { DealType, EntityKind } from '../../data/types.js';
import { DEAL_STYLE, KIND_STYLE } from '../palette.js';
import { wrapText } from '../wrap-text.js';
import { EXPORT_AMOUNTS_CLASS } from './graph-stylesheet.js';
import { graphAsSvg } from './graph-svg.js';

export interface PictureText {
  title: string;
  /** Where the data comes from and how it was filtered, one line. */
  source: string;
  kinds: readonly EntityKind[];
  types: readonly DealType[];
  /** Plain text written under the picture in a few wrapped lines (a story step's caption); never markup. */
  caption?: string | null;
}

export interface PictureOptions {
  /** Write every shown deal's amount on its arrow (`?` when undisclosed), whatever the zoom. */
  amounts?: boolean;
}

/** Height of the title band above the graph, CSS pixels (the graph starts there). */
export const PICTURE_HEADER = 56;
const HEADER = PICTURE_HEADER;
const FOOTER = 34;
const LEGEND = 300;
const CAPTION_SIZE = 14;
const CAPTION_LINE = 19;
const INK = '#1d1d1f';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Legend rows: a swatch and a label each, kinds first. */
function legendRows(text: PictureText): Array<{ kind: 'node' | 'edge'; color: string; dash: number[]; label: string }> {
  return [
    ...text.kinds.map((k) => ({ kind: 'node' as const, color: KIND_STYLE[k].color, dash: [], label: KIND_STYLE[k].label })),
    ...text.types.map((t) => ({
      kind: 'edge' as const,
      color: DEAL_STYLE[t].color,
      dash: DEAL_STYLE[t].line === 'dashed' ? [6, 4] : DEAL_STYLE[t].line === 'dotted' ? [2, 3] : [],
      label: DEAL_STYLE[t].label,
    })),
  ];
}

/** Where everything goes, in CSS pixels: the same for the PNG (scaled) and the SVG. */
interface PictureLayout {
  graphWidth: number;
  graphHeight: number;
  width: number;
  height: number;
  /** Baselines of the caption's lines. */
  caption: Array<{ text: string; y: number }>;
}

function pictureLayout(cy: Core, text: PictureText): PictureLayout {
  const graphWidth = Math.round(cy.width());
  const graphHeight = Math.round(cy.height());
  const width = graphWidth + LEGEND;
  const measure = document.createElement('canvas').getContext('2d');
  if (measure) measure.font = `${CAPTION_SIZE}px ${FONT}`;
  const lines = text.caption ? wrapText(text.caption, width - 32, (line) => (measure ? measure.measureText(line).width : line.length * 8)) : [];
  const top = HEADER + graphHeight + 6;
  const caption = lines.map((line, i) => ({ text: line, y: top + CAPTION_SIZE + i * CAPTION_LINE }));
  const captionHeight = lines.length === 0 ? 0 : lines.length * CAPTION_LINE + 10;
  return { graphWidth, graphHeight, width, height: HEADER + graphHeight + captionHeight + FOOTER, caption };
}

/**
 * Runs `draw` with every shown deal labelled with its amount, when asked, and takes the labels off
 * again before the page draws its next frame (the screen keeps its own labels).
 */
function withAmounts<T>(cy: Core, amounts: boolean | undefined, draw: () => T): T {
  if (!amounts) return draw();
  const deals = cy.edges(':visible');
  // A class change alone does not have the renderer measure and turn the labels again (it waits
  // for the elements' bounds to change): the 'bounds' event it listens to marks them, and asking
  // for each midpoint has it place them now, before the picture is drawn, and again after.
  const relabel = (): void => {
    deals.emit('bounds');
    deals.forEach((deal) => void deal.midpoint());
  };
  deals.addClass(EXPORT_AMOUNTS_CLASS);
  relabel();
  try {
    return draw();
  } finally {
    deals.removeClass(EXPORT_AMOUNTS_CLASS);
    relabel();
  }
}

export async function pictureAsPng(cy: Core, text: PictureText, options: PictureOptions = {}): Promise<Blob> {
  const scale = 2;
  // Cytoscape draws into its canvas at once; only the encoding waits.
  const graph = await withAmounts(cy, options.amounts, () => cy.png({ output: 'blob-promise', scale, full: false, bg: '#ffffff' }));
  const bitmap = await createImageBitmap(graph);
  const layout = pictureLayout(cy, text);
  const width = Math.max(bitmap.width + LEGEND * scale, layout.width * scale);
  const height = Math.max(bitmap.height, layout.graphHeight * scale) + (layout.height - layout.graphHeight) * scale;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('roundtrip/export: no 2D canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = INK;
  context.font = `600 ${20 * scale}px ${FONT}`;
  context.fillText(text.title, 16 * scale, 34 * scale, width - 32 * scale);
  context.drawImage(bitmap, 0, HEADER * scale);
  context.font = `${12 * scale}px ${FONT}`;
  legendRows(text).forEach((row, i) => {
    const x = layout.graphWidth * scale + 12 * scale;
    const y = (HEADER + 16 + i * 20) * scale;
    context.strokeStyle = row.color;
    context.fillStyle = row.color;
    if (row.kind === 'node') context.fillRect(x, y - 9 * scale, 12 * scale, 12 * scale);
    else {
      context.lineWidth = 3 * scale;
      context.setLineDash(row.dash.map((d) => d * scale));
      context.beginPath();
      context.moveTo(x, y - 3 * scale);
      context.lineTo(x + 22 * scale, y - 3 * scale);
      context.stroke();
      context.setLineDash([]);
    }
    context.fillStyle = INK;
    context.fillText(row.label, x + 30 * scale, y, (LEGEND - 46) * scale);
  });
  context.fillStyle = INK;
  context.font = `${CAPTION_SIZE * scale}px ${FONT}`;
  for (const line of layout.caption) context.fillText(line.text, 16 * scale, line.y * scale);
  context.fillStyle = '#555555';
  context.font = `${11 * scale}px ${FONT}`;
  context.fillText(text.source, 16 * scale, height - 13 * scale, width - 32 * scale);
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('roundtrip/export: the picture could not be encoded'))), 'image/png'));
}

export function pictureAsSvg(cy: Core, text: PictureText, options: PictureOptions = {}): string {
  const layout = pictureLayout(cy, text);
  const { graphWidth, width, height } = layout;
  const graph = withAmounts(cy, options.amounts, () => graphAsSvg(cy, 0, HEADER));
  const rows = legendRows(text)
    .map((row, i) => {
      const x = graphWidth + 12;
      const y = HEADER + 16 + i * 20;
      const swatch =
        row.kind === 'node'
          ? `<rect x="${x}" y="${y - 9}" width="12" height="12" fill="${row.color}"/>`
          : `<line x1="${x}" y1="${y - 3}" x2="${x + 22}" y2="${y - 3}" stroke="${row.color}" stroke-width="3"${row.dash.length ? ` stroke-dasharray="${row.dash.join(' ')}"` : ''}/>`;
      return `${swatch}<text x="${x + 30}" y="${y}" font-size="12" fill="${INK}">${escapeXml(row.label)}</text>`;
    })
    .join('');
  const caption = layout.caption.map((line) => `<text class="caption" x="16" y="${line.y}" font-size="${CAPTION_SIZE}" fill="${INK}">${escapeXml(line.text)}</text>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}'>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<title>${escapeXml(text.title)}</title>` +
    `<text x="16" y="34" font-size="20" font-weight="600" fill="${INK}">${escapeXml(text.title)}</text>` +
    graph +
    rows +
    caption +
    `<text x="16" y="${height - 13}" font-size="11" fill="#555555">${escapeXml(text.source)}</text>` +
    `</svg>\n`
  );
}
