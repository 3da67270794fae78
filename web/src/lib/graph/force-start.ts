/**
 * What the big-graph force layout works on, and where it starts: plain node and edge records (what
 * the canvas sends to the layout worker) and the starting arrangement of a fresh layout. No d3 here,
 * so the canvas can draw the starting arrangement at once without loading the simulation.
 */

/** A node as the layout sees it. */
export interface ForceLayoutNode {
  id: string;
  /** Width and height on the canvas, in model pixels. */
  size: number;
  /** Connections in the graph shown; hubs start in the middle. */
  degree: number;
  /** Current position (incremental runs); ignored for initial runs unless `fixed`. */
  x?: number;
  y?: number;
  /** Pinned: stays exactly at (x, y). */
  fixed?: boolean;
}

/** An edge as the layout sees it (ids of its end nodes). */
export interface ForceLayoutEdge {
  source: string;
  target: string;
}

/**
 * How a run starts: `initial` from the starting arrangement (a fresh graph); `full` from the current
 * positions at full temperature (the reader switched back to the force layout); `incremental` from
 * the current positions, cool, so what is on screen moves little (nodes added or shown again).
 */
export type ForceLayoutMode = 'initial' | 'full' | 'incremental';

/** One layout job. */
export interface ForceLayoutRequest {
  nodes: ForceLayoutNode[];
  edges: ForceLayoutEdge[];
  mode: ForceLayoutMode;
  /** Width / height of the canvas area the picture goes in: where small components are packed. */
  aspect?: number;
}

/** A point in model coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** Spacing of the starting spiral, in model pixels. */
export const SPIRAL_SPACING = 26;
/** Nodes with more connections than this go on the spiral even when a neighbour is placed. */
const SPIRAL_MIN_DEGREE = 8;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Orders records by id (code-unit order, the same in every locale). */
export const byId = (a: { id: string }, b: { id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The `index`-th point of a sunflower spiral around the origin. */
export function spiralPoint(index: number, spacing = SPIRAL_SPACING): Point {
  const r = spacing * Math.sqrt(index + 0.5);
  const a = index * GOLDEN_ANGLE;
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

/**
 * The starting arrangement of an initial run: a sunflower spiral with the best-connected nodes in the
 * middle, then each remaining node beside its best-connected neighbour already placed. Cheap (linear)
 * and deterministic, and close enough to the result that the canvas can show it while the layout runs.
 */
export function startPositions(
  nodes: readonly Pick<ForceLayoutNode, 'id' | 'degree'>[],
  edges: readonly ForceLayoutEdge[],
): Map<string, Point> {
  const order = [...nodes].sort((a, b) => b.degree - a.degree || byId(a, b));
  const degree = new Map(order.map((node) => [node.id, node.degree]));
  const neighbours = new Map<string, string[]>();
  for (const { source, target } of edges) {
    if (!degree.has(source) || !degree.has(target) || source === target) continue;
    (neighbours.get(source) ?? neighbours.set(source, []).get(source)!).push(target);
    (neighbours.get(target) ?? neighbours.set(target, []).get(target)!).push(source);
  }
  const placed = new Map<string, Point>();
  /** How many nodes were put beside each anchor, to fan them out around it. */
  const satellites = new Map<string, number>();
  let spiral = 0;
  for (const node of order) {
    let anchor: string | undefined;
    for (const other of neighbours.get(node.id) ?? []) {
      if (!placed.has(other)) continue;
      if (
        anchor === undefined ||
        degree.get(other)! > degree.get(anchor)! ||
        (degree.get(other) === degree.get(anchor) && other < anchor)
      )
        anchor = other;
    }
    // Hubs (and nodes with no placed neighbour) go on the spiral; the rest ring their anchor.
    if (anchor === undefined || node.degree > SPIRAL_MIN_DEGREE) {
      placed.set(node.id, spiralPoint(spiral, SPIRAL_SPACING * 2.2));
      spiral += 1;
    } else {
      const k = satellites.get(anchor) ?? 0;
      satellites.set(anchor, k + 1);
      const at = placed.get(anchor)!;
      const r = 40 + 9 * Math.sqrt(k);
      const a = k * GOLDEN_ANGLE;
      placed.set(node.id, { x: at.x + r * Math.cos(a), y: at.y + r * Math.sin(a) });
    }
  }
  return placed;
}

/** An element definition as the canvas derives it (see elements.ts): what a request is built from. */
interface ElementLike {
  group: 'nodes' | 'edges';
  data: { id: string; size?: number; source?: string; target?: string };
}

/**
 * The layout request for a graph that is not on the canvas yet: its nodes with their sizes and
 * their degrees in this graph (not in the whole database), and its edges.
 */
export function requestFromElements(
  elements: readonly ElementLike[],
  mode: ForceLayoutMode,
  aspect?: number,
): ForceLayoutRequest {
  const degree = new Map<string, number>();
  const edges: ForceLayoutEdge[] = [];
  for (const element of elements) {
    if (element.group !== 'edges') continue;
    const { source, target } = element.data;
    if (source === undefined || target === undefined) continue;
    edges.push({ source, target });
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
  }
  const nodes: ForceLayoutNode[] = [];
  for (const element of elements) {
    if (element.group !== 'nodes') continue;
    const { id, size } = element.data;
    nodes.push({ id, size: size ?? 30, degree: degree.get(id) ?? 0 });
  }
  return { mode, nodes, edges, ...(aspect !== undefined ? { aspect } : {}) };
}
