/**
 * The Cytoscape stylesheet, as typed data. Per-node encodings come from element data (`data(size)`,
 * `data(fontSize)`, `data(shortLabel)`); per-type colour and shape come from the palette, one selector
 * per type. Interaction states are classes the controllers toggle: `context`, `faded`, `dimmed`, `emphasised`,
 * `labelled`, `hovered`, `pointed` (an edge under the pointer), `end` (an end of the selected edge), `lod-hidden`,
 * `label-above`, `label-left`, `label-right`, `label-culled`, `label-compact`, `label-over`, and Cytoscape's own `:selected`.
 */
import type cytoscape from 'cytoscape';
import { ENTITY_TYPES } from '../vocabulary';
import { LABEL_METRICS } from './label-placement';
import { currentLabelScale } from './label-scale';
import { labelShift } from './label-shift';
import { TREE_ROUTED_CLASS, treeTurn } from './tree-routes';
import { ENTITY_STYLES, FALLBACK_STYLE } from './palette';

/** Colours of the canvas chrome, shared with the CSS (see app.css `--canvas-bg`). */
export const CANVAS_THEME = {
  background: '#F6F8FB',
  ink: '#17212E',
  mutedInk: '#4A5768',
  edge: '#BCC6D2',
  edgeEmphasised: '#4A5768',
  selection: '#17212E',
  focusRing: '#0072B2',
  /** Found paths: a purple no entity type uses. */
  path: '#7B2FBE',
} as const;

/** Font stack of canvas labels; matches the page's. */
export const CANVAS_FONT =
  'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Font weights of node labels: label placement measures the text in the weight it is drawn in. */
export const LABEL_WEIGHT = { normal: 500, key: 600, selected: 700 } as const;

/** The weight a node's label is drawn in: the selected node's bold, the key nodes' semibold. */
export function labelWeight(tier: unknown, selected: boolean): number {
  if (selected) return LABEL_WEIGHT.selected;
  return tier === 1 ? LABEL_WEIGHT.key : LABEL_WEIGHT.normal;
}

/** Relationship types drawn heavier: leadership and ownership. */
export const STRONG_RELATIONSHIPS = ['LEADS', 'CO_LEADS', 'RUNS', 'OWNS', 'MAINTAINS'] as const;
/** Relationship types drawn dashed: membership, classification and home rather than work. */
export const DASHED_RELATIONSHIPS = ['MEMBER_OF', 'ADVANCES', 'BASED_IN'] as const;

const typeBlocks: cytoscape.StylesheetStyle[] = ENTITY_TYPES.map((type) => ({
  selector: `node[type = "${type}"]`,
  style: { 'background-color': ENTITY_STYLES[type].color, shape: ENTITY_STYLES[type].shape },
}));

/** Options of {@link createStylesheet}. */
export interface StylesheetOptions {
  /** Animate opacity and colour changes; off when the reader prefers reduced motion. */
  motion: boolean;
}

const TRANSITION_PROPERTIES = new Set(['transition-property', 'transition-duration']);

/** Builds the stylesheet. A function so each Cytoscape instance gets its own copy. */
export function createStylesheet(
  options: StylesheetOptions = { motion: true },
): cytoscape.StylesheetStyle[] {
  const sheet = baseStylesheet();
  if (options.motion) return sheet;
  return sheet.map((block) => ({
    selector: block.selector,
    style: Object.fromEntries(
      Object.entries(block.style).filter(([property]) => !TRANSITION_PROPERTIES.has(property)),
    ) as cytoscape.StylesheetStyle['style'],
  }));
}

/** A label measure in model units, grown with the label scale as the font is. */
function scaledLabelMetric(value: number): (node: cytoscape.NodeSingular) => number {
  return (node) => value * currentLabelScale(node.cy());
}

function baseStylesheet(): cytoscape.StylesheetStyle[] {
  return [
    {
      selector: 'core',
      style: {
        'selection-box-color': CANVAS_THEME.focusRing,
        'selection-box-opacity': 0.12,
        'active-bg-color': CANVAS_THEME.focusRing,
        'active-bg-opacity': 0.08,
        'active-bg-size': 20,
        'selection-box-border-color': CANVAS_THEME.focusRing,
        'selection-box-border-width': 1,
        'outside-texture-bg-color': CANVAS_THEME.background,
        'outside-texture-bg-opacity': 1,
      },
    },
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': FALLBACK_STYLE.color,
        shape: FALLBACK_STYLE.shape,
        'border-width': 2,
        'border-color': '#FFFFFF',
        label: 'data(shortLabel)',
        'font-family': CANVAS_FONT,
        // Label metrics grow together when zoomed far out (label-scale.ts).
        'font-size': (node: cytoscape.NodeSingular) =>
          Number(node.data('fontSize')) * currentLabelScale(node.cy()),
        'font-weight': LABEL_WEIGHT.normal,
        color: CANVAS_THEME.ink,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': scaledLabelMetric(LABEL_METRICS.margin),
        'text-wrap': 'wrap',
        'text-max-width': (node: cytoscape.NodeSingular) =>
          `${LABEL_METRICS.maxWidth * currentLabelScale(node.cy())}px`,
        'line-height': LABEL_METRICS.lineHeight,
        'text-outline-color': CANVAS_THEME.background,
        'text-outline-width': scaledLabelMetric(3),
        'text-outline-opacity': 1,
        'min-zoomed-font-size': 6,
        'overlay-opacity': 0,
        'transition-property': 'opacity',
        'transition-duration': 150,
        'z-index': 10,
      },
    },
    ...typeBlocks,
    { selector: 'node[tier = 1]', style: { 'font-weight': LABEL_WEIGHT.key, 'z-index': 30 } },
    { selector: 'node[tier = 2]', style: { 'z-index': 20 } },
    {
      selector: 'edge',
      style: {
        width: 1.25,
        'line-color': CANVAS_THEME.edge,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': CANVAS_THEME.edge,
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        opacity: 0.9,
        'overlay-opacity': 0,
        'transition-property': 'opacity, line-color, width',
        'transition-duration': 150,
        'z-index': 1,
      },
    },
    // The Tree layout's lines to a wrapped level: down its alley, across above the row (tree-routes.ts).
    {
      selector: `edge.${TREE_ROUTED_CLASS}`,
      style: {
        'curve-style': 'taxi',
        'taxi-direction': 'vertical',
        'taxi-turn': treeTurn,
        'taxi-turn-min-distance': 0,
      },
    },
    ...STRONG_RELATIONSHIPS.map((type) => ({
      selector: `edge[type = "${type}"]`,
      style: { width: 1.9 },
    })),
    ...DASHED_RELATIONSHIPS.map((type) => ({
      selector: `edge[type = "${type}"]`,
      style: { 'line-style': 'dashed' as const, 'line-dash-pattern': [5, 4] },
    })),
    // Label placement (see label-placement.ts) and level of detail: minor labels hidden until the
    // reader zooms in, overlapping ones moved above their node, beside it, or hidden.
    {
      selector: 'node.label-above',
      style: { 'text-valign': 'top', 'text-margin-y': scaledLabelMetric(-LABEL_METRICS.margin) },
    },
    // Below or above a node at the fitted frame's edge, moved sideways inside it (label-shift.ts).
    { selector: 'node.label-shifted', style: { 'text-margin-x': labelShift } },
    // Beside the node, centred on it, the text aligned away from it (Cytoscape justifies a label
    // left of its node to the right, and the other way round).
    {
      selector: 'node.label-left',
      style: {
        'text-halign': 'left',
        'text-valign': 'center',
        'text-margin-x': scaledLabelMetric(-LABEL_METRICS.margin),
        'text-margin-y': 0,
      },
    },
    {
      selector: 'node.label-right',
      style: {
        'text-halign': 'right',
        'text-valign': 'center',
        'text-margin-x': scaledLabelMetric(LABEL_METRICS.margin),
        'text-margin-y': 0,
      },
    },
    { selector: 'node.label-culled', style: { label: '' } },
    // Where only the shorter name found room (label-placement.ts); hover still shows the full one.
    { selector: 'node.label-compact', style: { label: 'data(compactLabel)' } },
    { selector: 'node.lod-hidden', style: { label: '' } },
    // The few biggest nodes' labels may lie over lesser nodes: drawn above them, or they would be
    // cut by whichever node is drawn later (labels are drawn with their node).
    { selector: 'node.label-over', style: { 'z-index': 35 } },
    // Selection context: the selected node's neighbourhood stands out, the rest recedes.
    { selector: 'node.faded', style: { opacity: 0.45 } },
    { selector: 'edge.faded', style: { opacity: 0.3 } },
    // Behind a found path (nothing selected): its labels would pile onto the path's own names.
    { selector: 'node.backdrop', style: { opacity: 0.3, label: '' } },
    { selector: 'edge.backdrop', style: { opacity: 0.18 } },
    {
      selector: 'node.context',
      style: { label: 'data(shortLabel)', 'z-index': 40, 'min-zoomed-font-size': 0 },
    },
    // A neighbour whose label found no free spot (label-placement.ts) stays unlabelled until hovered.
    { selector: 'node.context.label-culled', style: { label: '' } },
    { selector: 'node.context.label-compact', style: { label: 'data(compactLabel)' } },
    // A prominent label lying over lesser neighbours stays above them when all are in context.
    { selector: 'node.context.label-over', style: { 'z-index': 42 } },
    {
      selector: 'edge.context',
      style: {
        'line-color': CANVAS_THEME.edgeEmphasised,
        'target-arrow-color': CANVAS_THEME.edgeEmphasised,
        width: 2.2,
        opacity: 1,
        'z-index': 5,
      },
    },
    // Hover: the hovered node's neighbourhood, everything else dimmed.
    { selector: 'node.dimmed', style: { opacity: 0.16 } },
    { selector: 'edge.dimmed', style: { opacity: 0.06 } },
    {
      selector: 'node.emphasised',
      style: { label: 'data(shortLabel)', 'z-index': 40, 'min-zoomed-font-size': 0 },
    },
    { selector: 'node.emphasised.label-over', style: { 'z-index': 42 } },
    {
      selector: 'edge.emphasised',
      style: {
        'line-color': CANVAS_THEME.edgeEmphasised,
        'target-arrow-color': CANVAS_THEME.edgeEmphasised,
        width: 2.2,
        opacity: 1,
        'z-index': 5,
      },
    },
    { selector: 'edge.labelled', style: { label: 'data(label)' } },
    // Typography of edge labels only where an edge has one (labelled, on a path): Cytoscape applies
    // every property of every matching block to each element, and a big graph has thousands of
    // unlabelled edges (each property costs ~2 ms of style per 1,000 edges).
    {
      selector: 'edge.labelled, edge[?onPath], edge:selected',
      style: {
        'font-family': CANVAS_FONT,
        'font-size': 10,
        color: CANVAS_THEME.mutedInk,
        'text-rotation': 'autorotate',
        'text-background-color': CANVAS_THEME.background,
        'text-background-opacity': 0.92,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
      },
    },
    // Filters in fade mode, pins and found paths: data-driven, set by the element derivation.
    { selector: 'node[?muted]', style: { opacity: 0.13, label: '' } },
    { selector: 'edge[?muted]', style: { opacity: 0.05 } },
    {
      selector: 'node[?pinned]',
      style: {
        'border-width': 3,
        'border-style': 'double',
        'border-color': CANVAS_THEME.selection,
      },
    },
    {
      selector: 'edge[?onPath]',
      style: {
        'line-color': CANVAS_THEME.path,
        'target-arrow-color': CANVAS_THEME.path,
        width: 4,
        opacity: 1,
        'z-index': 8,
        label: 'data(label)',
        // Relationship names where they can be read; at an overview's zoom they were specks.
        'font-size': 11,
        'font-weight': 600,
        color: CANVAS_THEME.path,
        'min-zoomed-font-size': 7,
      },
    },
    {
      selector: 'node[?onPath]',
      style: {
        label: 'data(shortLabel)',
        'border-width': 3,
        'border-color': CANVAS_THEME.path,
        'z-index': 45,
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'node.hovered',
      style: {
        label: 'data(label)',
        'underlay-color': CANVAS_THEME.focusRing,
        'underlay-padding': 6,
        'underlay-opacity': 0.18,
        'underlay-shape': 'ellipse',
        'z-index': 50,
        'min-zoomed-font-size': 0,
      },
    },
    // An edge under the pointer: a halo as around a hovered node says it can be clicked. Its hit
    // area is already wider than its line (Cytoscape: 8 screen px each side, 24 for a finger).
    {
      selector: 'edge.pointed',
      style: {
        'underlay-color': CANVAS_THEME.focusRing,
        'underlay-padding': 5,
        'underlay-opacity': 0.16,
        opacity: 1,
      },
    },
    // The selected relationship: drawn in the selection's ink with its name along it, its ends
    // ringed and named (FocusHighlight marks them `end`), the rest receding as for a node.
    {
      selector: 'edge:selected',
      style: {
        'line-color': CANVAS_THEME.selection,
        'target-arrow-color': CANVAS_THEME.selection,
        width: 3,
        opacity: 1,
        'underlay-color': CANVAS_THEME.focusRing,
        'underlay-padding': 6,
        'underlay-opacity': 0.22,
        label: 'data(label)',
        'font-size': 11,
        'font-weight': 600,
        color: CANVAS_THEME.ink,
        'min-zoomed-font-size': 0,
        'z-index': 60,
      },
    },
    {
      selector: 'node.end',
      style: {
        label: 'data(shortLabel)',
        'border-width': 3,
        'border-color': CANVAS_THEME.selection,
        'font-weight': LABEL_WEIGHT.selected,
        'z-index': 55,
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'node:selected',
      style: {
        label: 'data(shortLabel)',
        'border-width': 3.5,
        'border-color': CANVAS_THEME.selection,
        'underlay-color': CANVAS_THEME.focusRing,
        'underlay-padding': 9,
        'underlay-opacity': 0.22,
        'underlay-shape': 'ellipse',
        'font-weight': LABEL_WEIGHT.selected,
        'z-index': 60,
        'min-zoomed-font-size': 0,
      },
    },
  ];
}
