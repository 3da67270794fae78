/**
 * Builds a standalone SVG of the canvas from node positions, sizes and types: a small pure writer
 * instead of a rendering library (cytoscape-svg is unmaintained since 2021). Shapes follow the palette,
 * so the file matches the screen: circles, rounded rectangles, regular polygons and stars.
 */
import { entityStyle } from './palette';

/** A node as the SVG draws it (model coordinates). */
export interface SvgNode {
  id: string;
  label: string;
  type: string;
  x: number;
  y: number;
  size: number;
  /** Whether to print the label. */
  showLabel: boolean;
  muted?: boolean;
}

/** An edge as the SVG draws it. */
export interface SvgEdge {
  source: string;
  target: string;
  onPath?: boolean;
  muted?: boolean;
}

const MARGIN = 40;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function polygon(cx: number, cy: number, r: number, sides: number, rotation: number): string {
  const points: string[] = [];
  for (let i = 0; i < sides; i += 1) {
    const angle = rotation + (i * 2 * Math.PI) / sides;
    points.push(
      `${(cx + r * Math.cos(angle)).toFixed(1)},${(cy + r * Math.sin(angle)).toFixed(1)}`,
    );
  }
  return points.join(' ');
}

function star(cx: number, cy: number, r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(
      `${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`,
    );
  }
  return points.join(' ');
}

/** The SVG element for one node's shape. */
export function nodeShape(node: SvgNode): string {
  const style = entityStyle(node.type);
  const r = node.size / 2;
  const paint = `fill="${style.color}" stroke="${style.border}" stroke-width="1.5"${node.muted ? ' opacity="0.15"' : ''}`;
  const { x, y } = node;
  switch (style.shape) {
    case 'round-rectangle':
      return `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${node.size}" height="${node.size}" rx="${(r / 3).toFixed(1)}" ${paint}/>`;
    case 'round-hexagon':
      return `<polygon points="${polygon(x, y, r, 6, 0)}" ${paint}/>`;
    case 'round-diamond':
      return `<polygon points="${polygon(x, y, r, 4, 0)}" ${paint}/>`;
    case 'round-pentagon':
      return `<polygon points="${polygon(x, y, r, 5, -Math.PI / 2)}" ${paint}/>`;
    case 'round-triangle':
      return `<polygon points="${polygon(x, y, r, 3, -Math.PI / 2)}" ${paint}/>`;
    case 'star':
      return `<polygon points="${star(x, y, r)}" ${paint}/>`;
    default:
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" ${paint}/>`;
  }
}

/** A complete SVG document of the given nodes and edges, cropped to their extent plus a margin. */
export function graphToSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[]): string {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const node of nodes) {
    x1 = Math.min(x1, node.x - node.size / 2);
    y1 = Math.min(y1, node.y - node.size / 2);
    x2 = Math.max(x2, node.x + node.size / 2);
    y2 = Math.max(y2, node.y + node.size / 2 + 18);
  }
  if (nodes.length === 0) [x1, y1, x2, y2] = [0, 0, 0, 0];
  const width = Math.round(x2 - x1 + 2 * MARGIN);
  const height = Math.round(y2 - y1 + 2 * MARGIN);
  const lines = edges.flatMap((edge) => {
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    if (!a || !b) return [];
    const colour = edge.onPath ? '#7B2FBE' : '#BCC6D2';
    const extra = edge.muted ? ' opacity="0.1"' : '';
    return [
      `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${colour}" stroke-width="${edge.onPath ? 4 : 1.4}"${extra}/>`,
    ];
  });
  const shapes = nodes.map((node) => nodeShape(node));
  const labels = nodes
    .filter((node) => node.showLabel && !node.muted)
    .map(
      (node) =>
        `<text x="${node.x.toFixed(1)}" y="${(node.y + node.size / 2 + 14).toFixed(1)}" text-anchor="middle">${escapeXml(node.label)}</text>`,
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${(x1 - MARGIN).toFixed(1)} ${(y1 - MARGIN).toFixed(1)} ${width} ${height}">`,
    `<rect x="${(x1 - MARGIN).toFixed(1)}" y="${(y1 - MARGIN).toFixed(1)}" width="${width}" height="${height}" fill="#F6F8FB"/>`,
    '<g class="edges">',
    ...lines,
    '</g>',
    '<g class="nodes">',
    ...shapes,
    '</g>',
    '<g class="labels" font-family="Inter, system-ui, sans-serif" font-size="12" fill="#17212E" stroke="#F6F8FB" stroke-width="3" paint-order="stroke">',
    ...labels,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
