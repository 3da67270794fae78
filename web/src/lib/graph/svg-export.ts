/**
 * Builds a standalone SVG of the canvas from node positions, sizes and types: a small pure writer
 * instead of a rendering library (cytoscape-svg is unmaintained since 2021). It draws what the
 * screen does: the palette's shapes, the labels given (shortened and wrapped, on the side chosen:
 * the canvas places them for the picture, export-labels.ts), arrowheads, heavier and dashed
 * relationships, the Tree layout's right-angled lines as the canvas routes them (tree-routes.ts), a
 * found path with its relationship names and a faint backdrop, and on request a key to the entity
 * types; the picture is cropped to the nodes and their labels, so no name is
 * cut at its edge. The PNG export is this SVG drawn at twice its size (png-export.ts).
 */
import { ENTITY_TYPES, entityTypeName, isEntityType } from '../vocabulary';
import { LABEL_METRICS, type LabelSide, estimateTextWidth, wrapLabel } from './label-placement';
import { type Outline, nodeOutline, outlinePath, rimDistance } from './node-outline';
import { entityStyle } from './palette';
import { CANVAS_THEME, DASHED_RELATIONSHIPS, STRONG_RELATIONSHIPS } from './stylesheet';
import { routePoints } from './tree-routes';
import type { Point } from './wrapped-tree';

/** A node as the SVG draws it (model coordinates). */
export interface SvgNode {
  id: string;
  /** The label to draw (shortened as the canvas shortens it); empty or absent: none. */
  label?: string;
  type: string;
  x: number;
  y: number;
  size: number;
  /** Label font size (model px); 12 when absent. */
  fontSize?: number;
  /** The side of the node its label is drawn on (label placement chose it); below when absent. */
  labelSide?: LabelSide;
  /** Bold label (the most important tier). */
  bold?: boolean;
  muted?: boolean;
  /** Behind a found path: drawn faint, as the canvas draws it. */
  backdrop?: boolean;
}

/** An edge as the SVG draws it. */
export interface SvgEdge {
  source: string;
  target: string;
  /** Relationship type: heavier or dashed as on the canvas. */
  type?: string;
  onPath?: boolean;
  muted?: boolean;
  /** Behind a found path: drawn faint, as the canvas draws it. */
  backdrop?: boolean;
  /** How the relationship reads ("leads"), written along a found path's edges. */
  label?: string;
  /**
   * A Tree layout's routed edge: where it turns, as a share of the gap between the two bodies
   * (tree-routes.ts `routeShare`). Drawn down, across and down as on the canvas; straight when absent.
   */
  turn?: number;
}

/** Model pixels left round the graph in exported pictures (SVG and PNG). */
export const EXPORT_MARGIN = 24;
/** Pixels per model pixel: twice the screen, sharp on a projector. */
export const PNG_SCALE = 2;

/** The longest side a PNG may have (Chromium refuses canvases past 16,384 px a side). */
export const PNG_MAX_SIDE = 16_384;

/** The most pixels a PNG may have (Safari on iOS refuses canvases past ~16.7 million). */
export const PNG_MAX_AREA = 16_000_000;

/**
 * The scale a picture of `width` × `height` model pixels is drawn at: PNG_SCALE, or less to fit
 * the browsers' canvas limits, on each side and in all.
 */
export function pngScale(width: number, height: number, scale = PNG_SCALE): number {
  const w = Math.max(width, 1);
  const h = Math.max(height, 1);
  return Math.min(scale, PNG_MAX_SIDE / Math.max(w, h), Math.sqrt(PNG_MAX_AREA / (w * h)));
}

const DEFAULT_FONT_SIZE = 12;
/** Font size of a found path's relationship names (the canvas's `edge[?onPath]`). */
const PATH_LABEL_SIZE = 11;
const STRONG = new Set<string>(STRONG_RELATIONSHIPS);
const DASHED = new Set<string>(DASHED_RELATIONSHIPS);

/** A node's label as lines with the box they take (model coordinates), or null without one. */
function labelBlock(node: SvgNode) {
  if (!node.label || node.muted) return null;
  const fontSize = node.fontSize ?? DEFAULT_FONT_SIZE;
  const { lines, width } = wrapLabel(node.label, fontSize);
  const lineHeight = fontSize * LABEL_METRICS.lineHeight;
  const height = lines.length * lineHeight;
  const gap = node.size / 2 + LABEL_METRICS.margin;
  const side = node.labelSide ?? 'below';
  // Where the lines start (their `x`, with the anchor that aligns them away from a node beside
  // them) and the top of the first, as the canvas draws each side.
  const placing = {
    below: { x: node.x, anchor: 'middle', top: node.y + gap, x1: node.x - width / 2 },
    above: { x: node.x, anchor: 'middle', top: node.y - gap - height, x1: node.x - width / 2 },
    left: { x: node.x - gap, anchor: 'end', top: node.y - height / 2, x1: node.x - gap - width },
    right: { x: node.x + gap, anchor: 'start', top: node.y - height / 2, x1: node.x + gap },
  }[side];
  // Glyph widths are estimated: a little slack on each side keeps a long name inside the frame.
  const slack = fontSize;
  return {
    node,
    fontSize,
    lines,
    lineHeight,
    top: placing.top,
    x: placing.x,
    anchor: placing.anchor,
    box: {
      x1: placing.x1 - slack,
      y1: placing.top,
      x2: placing.x1 + width + slack,
      y2: placing.top + height,
    },
  };
}

/**
 * Characters XML 1.0 cannot hold, escaped or not: control characters but tab and line breaks, and
 * the two non-characters. Text quoted from documents (a relationship's evidence) may carry a form
 * feed, and one made the whole file unreadable to every XML parser.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML content and attribute values, dropping what XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const pointList = (points: readonly Point[]) =>
  points.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');

/** An outline as SVG: a circle, or a path along its sides and round its corners. */
function outlineElement(outline: Outline, paint: string): string {
  if (outline.kind === 'polygon') return `<path d="${outlinePath(outline.corners)}" ${paint}/>`;
  const { centre, radius } = outline;
  return `<circle cx="${centre.x.toFixed(2)}" cy="${centre.y.toFixed(2)}" r="${radius.toFixed(2)}" ${paint}/>`;
}

/** The SVG element for one node's shape, the outline the canvas draws it with (node-outline.ts). */
export function nodeShape(node: SvgNode): string {
  const style = entityStyle(node.type);
  const faint = node.muted ? ' opacity="0.15"' : node.backdrop ? ' opacity="0.3"' : '';
  const paint = `fill="${style.color}" stroke="${style.border}" stroke-width="1.5"${faint}`;
  return outlineElement(nodeOutline(style.shape, node.x, node.y, node.size), paint);
}

/** Height of the key beneath a picture, and the size of its glyphs and names (model px). */
const KEY_HEIGHT = 36;
const KEY_GLYPH = 12;
const KEY_FONT = 12;
/** Room between one entry of the key and the next (model px). */
const KEY_GAP = 18;

/**
 * The key to a picture: one entry per entity type drawn in full, in the vocabulary's order, its
 * glyph and plural name in a row from `left` at `y` (its middle). A picture pasted into a slide
 * had no way to tell a DPG's hexagon from an SDG's star (QA).
 */
function pictureKey(nodes: readonly SvgNode[], left: number, y: number) {
  const drawn = new Set(nodes.filter((node) => !node.muted).map((node) => node.type));
  const types = [
    ...ENTITY_TYPES.filter((type) => drawn.has(type)),
    ...[...drawn].filter((type) => !isEntityType(type)).sort(),
  ];
  let x = left;
  const parts = types.flatMap((type) => {
    const name = entityTypeName(type, 'plural');
    const glyph = nodeShape({ id: `key:${type}`, type, x: x + KEY_GLYPH / 2, y, size: KEY_GLYPH });
    const text = `<text x="${(x + KEY_GLYPH + 6).toFixed(1)}" y="${y.toFixed(1)}" dy="0.35em" font-size="${KEY_FONT}">${escapeXml(name)}</text>`;
    x += KEY_GLYPH + 6 + estimateTextWidth(name, KEY_FONT, 500) + KEY_GAP;
    return [glyph, text];
  });
  return { parts, width: Math.max(0, x - KEY_GAP - left) };
}

/**
 * The points an edge is drawn through, centre to centre: straight, or routed as the canvas's taxi
 * edge is (a picture of a Tree showed its organisation chart as a fan of diagonals).
 */
function edgePoints(a: SvgNode, b: SvgNode, turn: number | undefined): Point[] {
  if (turn === undefined) return [a, b];
  return routePoints({ x: a.x, y: a.y, height: a.size }, { x: b.x, y: b.y, height: b.size }, turn);
}

/** `from` moved `distance` towards `to`. */
function towards(from: Point, to: Point, distance: number): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  return {
    x: from.x + ((to.x - from.x) * distance) / length,
    y: from.y + ((to.y - from.y) * distance) / length,
  };
}

/** What an edge's end needs of its node to find the node's outline. */
export interface Outlined {
  /** The Cytoscape shape the node is drawn as (palette.ts). */
  shape: string;
  size: number;
}

/**
 * An edge's points from the source's outline to the target's, each end where the line crosses
 * the shape its node is drawn as (node-outline.ts), so the arrowhead touches it; null where the
 * first or last run lies inside its node (overlapping nodes), which is then drawn centre to centre
 * without an arrowhead that would point backwards.
 */
export function rimToRim(points: readonly Point[], source: Outlined, target: Outlined) {
  const [start, second] = points as [Point, Point];
  const [beforeLast, last] = points.slice(-2) as [Point, Point];
  const first = Math.hypot(second.x - start.x, second.y - start.y);
  const final = Math.hypot(last.x - beforeLast.x, last.y - beforeLast.y);
  if (!(first > 0) || !(final > 0)) return null;
  const out = rimDistance(source.shape, source.size, {
    x: second.x - start.x,
    y: second.y - start.y,
  });
  const into = rimDistance(target.shape, target.size, {
    x: beforeLast.x - last.x,
    y: beforeLast.y - last.y,
  });
  const apart = points.length === 2 ? first > out + into : first > out && final > into;
  if (!apart) return null;
  return [towards(start, second, out), ...points.slice(1, -1), towards(last, beforeLast, into)];
}

/**
 * Where an edge's label sits and the angle it runs at, as Cytoscape places it, from the points the
 * edge is drawn through (outline to outline, as rimToRim ends them): the middle of the middle run
 * of an even number of points (a straight edge between its two ends, a routed one's run across),
 * else the middle point, along the run coming to it.
 */
export function edgeLabelAnchor(points: readonly Point[]): Point & { angle: number } {
  const half = points.length / 2;
  const [from, to] =
    points.length % 2 === 0
      ? [points[half - 1]!, points[half]!]
      : [points[Math.floor(half) - 1]!, points[Math.floor(half)]!];
  const at = points.length % 2 === 0 ? { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 } : to;
  return { ...at, angle: (Math.atan2(to.y - from.y, to.x - from.x) * 180) / Math.PI };
}

/** A node's shape and size, for rimToRim. */
const outlined = (node: SvgNode): Outlined => ({
  shape: entityStyle(node.type).shape,
  size: node.size,
});

/**
 * A complete SVG document of the given nodes and edges, cropped to their extent plus a margin;
 * with `key`, a key to the entity types drawn beneath them.
 */
export function graphToSvg(
  nodes: readonly SvgNode[],
  edges: readonly SvgEdge[],
  { key = false }: { key?: boolean } = {},
): string {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const blocks = nodes.map(labelBlock).filter((block) => block !== null);
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const node of nodes) {
    x1 = Math.min(x1, node.x - node.size / 2);
    y1 = Math.min(y1, node.y - node.size / 2);
    x2 = Math.max(x2, node.x + node.size / 2);
    y2 = Math.max(y2, node.y + node.size / 2);
  }
  for (const { box } of blocks) {
    x1 = Math.min(x1, box.x1);
    y1 = Math.min(y1, box.y1);
    x2 = Math.max(x2, box.x2);
    y2 = Math.max(y2, box.y2);
  }
  if (nodes.length === 0) [x1, y1, x2, y2] = [0, 0, 0, 0];
  const drawn = key ? pictureKey(nodes, x1, y2 + KEY_HEIGHT / 2 + 8) : null;
  // No key to types of which nothing is drawn in full (every node faded out).
  const legend = drawn && drawn.parts.length > 0 ? drawn : null;
  if (legend) {
    x2 = Math.max(x2, x1 + legend.width);
    y2 += KEY_HEIGHT;
  }
  const width = Math.round(x2 - x1 + 2 * EXPORT_MARGIN);
  const height = Math.round(y2 - y1 + 2 * EXPORT_MARGIN);
  const lines = edges.flatMap((edge) => {
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    if (!a || !b || (a.x === b.x && a.y === b.y)) return [];
    const centres = edgePoints(a, b, edge.turn);
    const rims = rimToRim(centres, outlined(a), outlined(b));
    const points = rims ?? centres;
    const colour = edge.onPath ? CANVAS_THEME.path : CANVAS_THEME.edge;
    const strokeWidth = edge.onPath ? 4 : edge.type && STRONG.has(edge.type) ? 1.9 : 1.25;
    const dashed =
      edge.type && DASHED.has(edge.type) && !edge.onPath ? ' stroke-dasharray="5 4"' : '';
    const extra = edge.muted ? ' opacity="0.1"' : edge.backdrop ? ' opacity="0.18"' : '';
    const marker = !rims
      ? ''
      : edge.onPath
        ? ' marker-end="url(#arrow-path)"'
        : ' marker-end="url(#arrow)"';
    const paint = `stroke="${colour}" stroke-width="${strokeWidth}"${dashed}${marker}${extra}`;
    const [start, end] = [points[0]!, points.at(-1)!];
    return [
      points.length === 2
        ? `<line x1="${start.x.toFixed(1)}" y1="${start.y.toFixed(1)}" x2="${end.x.toFixed(1)}" y2="${end.y.toFixed(1)}" ${paint}/>`
        : `<polyline points="${pointList(points)}" fill="none" stroke-linejoin="round" ${paint}/>`,
    ];
  });
  // A found path's relationships say how each step reads, at their middle, as on the canvas.
  const edgeLabels = edges.flatMap((edge) => {
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    if (!edge.onPath || !edge.label || !a || !b) return [];
    // Cytoscape puts a straight edge's label halfway between where it leaves one outline and
    // meets the other: off the centres' midpoint where the two ends differ in size or shape.
    const centres = edgePoints(a, b, edge.turn);
    const anchor = edgeLabelAnchor(rimToRim(centres, outlined(a), outlined(b)) ?? centres);
    const x = anchor.x.toFixed(1);
    const y = anchor.y.toFixed(1);
    // Along the edge, beside it, and never upside down, as Cytoscape's autorotate draws it: upright names
    // lay across the names of the path's entities.
    let angle = anchor.angle;
    if (angle > 90) angle -= 180;
    else if (angle < -90) angle += 180;
    return [
      `<text x="${x}" y="${y}" dy="-0.45em" transform="rotate(${angle.toFixed(1)} ${x} ${y})" font-size="${PATH_LABEL_SIZE}" font-weight="600" fill="${CANVAS_THEME.path}" text-anchor="middle">${escapeXml(edge.label)}</text>`,
    ];
  });
  const shapes = nodes.map((node) => nodeShape(node));
  const labels = blocks.map(({ node, fontSize, lines: rows, lineHeight, top, x, anchor }) => {
    const weight = node.bold ? ' font-weight="600"' : '';
    const spans = rows
      .map(
        (row, i) =>
          `<tspan x="${x.toFixed(1)}" y="${(top + (i + 0.8) * lineHeight).toFixed(1)}">${escapeXml(row)}</tspan>`,
      )
      .join('');
    return `<text font-size="${fontSize}"${weight} text-anchor="${anchor}">${spans}</text>`;
  });
  // Arrowheads scale with the line (markerUnits strokeWidth), as Cytoscape's arrow-scale does.
  const arrow = (id: string, colour: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" markerUnits="strokeWidth" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${(x1 - EXPORT_MARGIN).toFixed(1)} ${(y1 - EXPORT_MARGIN).toFixed(1)} ${width} ${height}">`,
    `<defs>${arrow('arrow', CANVAS_THEME.edge)}${arrow('arrow-path', CANVAS_THEME.path)}</defs>`,
    `<rect x="${(x1 - EXPORT_MARGIN).toFixed(1)}" y="${(y1 - EXPORT_MARGIN).toFixed(1)}" width="${width}" height="${height}" fill="${CANVAS_THEME.background}"/>`,
    '<g class="edges">',
    ...lines,
    '</g>',
    '<g class="nodes">',
    ...shapes,
    '</g>',
    `<g class="labels" font-family="Inter, system-ui, sans-serif" font-weight="500" fill="${CANVAS_THEME.ink}" stroke="${CANVAS_THEME.background}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`,
    ...labels,
    ...edgeLabels,
    '</g>',
    ...(legend
      ? [
          `<g class="key" font-family="Inter, system-ui, sans-serif" font-weight="500" fill="${CANVAS_THEME.ink}">`,
          ...legend.parts,
          '</g>',
        ]
      : []),
    '</svg>',
    '',
  ].join('\n');
}
