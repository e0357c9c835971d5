/**
 * The current view as a picture ready for an article: a title, the graph as shown, a legend of the
 * kinds and deal types in it, and a source line. PNG at twice the screen's resolution, and SVG that
 * stays editable (text is text). Browser only: it draws with Cytoscape and a canvas.
 */
import type { Core } from 'cytoscape';
import type { DealType, EntityKind } from '../../data/types.js';
import { DEAL_STYLE, KIND_STYLE } from '../palette.js';

export interface PictureText {
  title: string;
  /** Where the data comes from and how it was filtered, one line. */
  source: string;
  kinds: readonly EntityKind[];
  types: readonly DealType[];
}

const HEADER = 56;
const FOOTER = 34;
const LEGEND = 300;
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

export async function pictureAsPng(cy: Core, text: PictureText): Promise<Blob> {
  const scale = 2;
  const graph = await cy.png({ output: 'blob-promise', scale, full: false, bg: '#ffffff' });
  const bitmap = await createImageBitmap(graph);
  const width = bitmap.width + LEGEND * scale;
  const height = bitmap.height + (HEADER + FOOTER) * scale;
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
    const x = bitmap.width + 12 * scale;
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
  context.fillStyle = '#555555';
  context.font = `${11 * scale}px ${FONT}`;
  context.fillText(text.source, 16 * scale, height - 13 * scale, width - 32 * scale);
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('roundtrip/export: the picture could not be encoded'))), 'image/png'));
}

/**
 * The graph as SVG through cytoscape-svg. Its canvas2svg logs "Attempted to apply path command to
 * node text" when Cytoscape fills after drawing a label; the label is written all the same, so that
 * one message is held back while the SVG is made (any other error still shows).
 */
function graphSvg(cy: Core): string {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Attempted to apply path command to node')) return;
    original(...args);
  };
  try {
    return (cy as Core & { svg(options: object): string }).svg({ full: false, scale: 1, bg: '#ffffff' });
  } finally {
    console.error = original;
  }
}

export function pictureAsSvg(cy: Core, text: PictureText): string {
  const graph = graphSvg(cy);
  const graphWidth = Math.round(cy.width());
  const graphHeight = Math.round(cy.height());
  const width = graphWidth + LEGEND;
  const height = graphHeight + HEADER + FOOTER;
  // The graph's own <svg> is nested, moved below the title; its XML declaration is dropped.
  const inner = graph.replace(/^<\?xml[^>]*>\s*/, '').replace(/^<svg\b/, `<svg x="0" y="${HEADER}"`);
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
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}'>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<title>${escapeXml(text.title)}</title>` +
    `<text x="16" y="34" font-size="20" font-weight="600" fill="${INK}">${escapeXml(text.title)}</text>` +
    inner +
    rows +
    `<text x="16" y="${height - 13}" font-size="11" fill="#555555">${escapeXml(text.source)}</text>` +
    `</svg>\n`
  );
}
