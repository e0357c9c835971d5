/**
 * The Cytoscape stylesheet for the firm graph, for light and dark pages.
 */
import type cytoscape from 'cytoscape';
import { DEAL_TYPES, ENTITY_KINDS } from '../../data/types.js';
import { DEAL_STYLE, KIND_STYLE } from '../palette.js';

/** Firm names: font size and gap below the node, model pixels. */
export const NODE_FONT_SIZE = 15;
export const NODE_LABEL_GAP = 4;

/** The class a picture export puts on every deal for a moment to write its amount on it. */
export const EXPORT_AMOUNTS_CLASS = 'export-amounts';

/** The page's own font: firm names and deal labels alike. */
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Above this many deals, edges are drawn straight: bezier bundles cost too much to draw. */
export const STRAIGHT_EDGES_ABOVE = 1000;

export function graphStylesheet(dark: boolean, edgeCount = 0): cytoscape.StylesheetJson {
  const large = edgeCount > STRAIGHT_EDGES_ABOVE;
  const text = dark ? '#e8e8e8' : '#1d1d1f';
  const textBackground = dark ? '#1b1b1d' : '#ffffff';
  const accent = dark ? '#ffd24d' : '#1a56db';
  const edgeLabel = {
    'font-size': 12,
    'font-family': FONT_FAMILY,
    color: text,
    'text-background-color': textBackground,
    'text-background-opacity': 0.85,
    'text-background-padding': '1px',
    'text-rotation': 'autorotate',
    // Edge labels are skipped when too small to read, which also saves drawing them.
    'min-zoomed-font-size': 8,
  } as const;
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        'font-size': NODE_FONT_SIZE,
        'font-family': FONT_FAMILY,
        color: text,
        'text-valign': 'bottom',
        'text-margin-y': NODE_LABEL_GAP,
        'text-background-color': textBackground,
        'text-background-opacity': 0.75,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'border-width': 1.5,
        'border-color': dark ? '#f0f0f0' : '#333333',
        'border-opacity': 0.6,
        // Names smaller than this on screen are not drawn: unreadable, and costly on large networks.
        // 6.5 px still names every firm of the shipped network fitted into a 1280 × 720 window.
        'min-zoomed-font-size': 6.5,
      },
    },
    ...ENTITY_KINDS.map((kind) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': KIND_STYLE[kind].color, shape: KIND_STYLE[kind].shape },
    })),
    {
      selector: 'edge',
      // Only what every deal needs: each declared property costs a little per deal when thousands
      // are styled, so label properties sit with the rules that show a label.
      style: {
        width: 'data(width)',
        'curve-style': large ? 'straight' : 'bezier',
        ...(large ? {} : { 'control-point-step-size': 28 }),
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
      },
    },
    ...DEAL_TYPES.map((type) => ({
      selector: `edge[type = "${type}"]`,
      style: {
        'line-color': DEAL_STYLE[type].color,
        'target-arrow-color': DEAL_STYLE[type].color,
        'line-style': DEAL_STYLE[type].line,
      },
    })),
    { selector: 'edge[?undisclosed]', style: { ...edgeLabel, label: '?' } },
    { selector: 'node.distressed', style: { 'background-color': 'data(distressColor)', 'border-color': dark ? '#f0f0f0' : '#555555', 'border-opacity': 1 } },
    { selector: '.dimmed', style: { opacity: 0.12, 'text-opacity': 0.25 } },
    { selector: 'node.highlighted', style: { 'border-width': 3, 'border-opacity': 1, 'z-index': 10 } },
    { selector: 'edge.highlighted', style: { opacity: 1, 'z-index': 10 } },
    // Amounts on a few highlighted deals only: dozens of labels in a dense centre stack unreadably
    // (the panels list them, and hovering a deal shows its amount).
    { selector: 'edge.highlighted.labelled', style: { ...edgeLabel, label: 'data(amount)', 'font-weight': 'bold' } },
    // A loop's hop numbers are drawn above the firms, so none hides under one.
    { selector: 'edge.highlighted[step]', style: { ...edgeLabel, label: 'data(stepLabel)', 'font-weight': 'bold', 'z-index-compare': 'manual', 'z-index': 20 } },
    // The element under the pointer: a halo, and a deal's amount (hover feedback before a click).
    { selector: 'node.hover', style: { 'underlay-color': accent, 'underlay-opacity': 0.25, 'underlay-padding': 6 } },
    { selector: 'edge.hover', style: { ...edgeLabel, label: 'data(amount)', 'font-weight': 'bold', 'underlay-color': accent, 'underlay-opacity': 0.3, 'underlay-padding': 4, 'z-index-compare': 'manual', 'z-index': 30 } },
    {
      selector: 'node:selected',
      style: { 'border-width': 5, 'border-color': accent, 'border-opacity': 1, 'overlay-opacity': 0 },
    },
    {
      selector: 'edge:selected',
      style: { ...edgeLabel, 'overlay-color': accent, 'overlay-opacity': 0.3, 'overlay-padding': 5, opacity: 1, label: 'data(amount)' },
    },
    { selector: 'node:active, edge:active', style: { 'overlay-opacity': 0.15 } },
    // Set only while a picture is exported with "amounts on every arrow": every deal's amount, at any zoom.
    { selector: `edge.${EXPORT_AMOUNTS_CLASS}`, style: { ...edgeLabel, label: 'data(amount)', 'min-zoomed-font-size': 0 } },
  ];
}
