/**
 * The Tree layout's positions: levels by hops from a root, each level a block of rows under the
 * one before it. Cytoscape's breadthfirst layout puts a whole level on one row, so a hub's
 * neighbourhood (one root, forty children) became a strip forty nodes wide and two high that a
 * fit shrinks to dots. Here a level wider than the drawing should be wraps into rows, the number
 * of columns chosen so the whole tree has about the frame's shape. Straight lines from one parent
 * to a block of rows crossed every row above the one they went to (Kenya's forty DPGs: 107 lines
 * through a node, 145 through a label), and no stagger or spacing got them clear: the lines meet
 * at the parent. So a wrapped level with one parent is drawn as an organisation chart: its rows
 * part around an alley under the parent, and each line runs down the alley and along the gap
 * above its child's row ({@link TreeRoute}, drawn as a taxi edge). A wrapped level with several
 * parents keeps straight lines, its alternate rows staggered by half a column so the lines from
 * above pass between nodes. Children sit in their parent's order, then by type and connections,
 * so a level reads as groups (a hub's activities together, then its DPGs, then its countries).
 *
 * Pure: ids in, positions out, unit-tested without a renderer (layout.ts hands the result to
 * Cytoscape's preset layout).
 */
import { entityTypeOrder } from '../vocabulary/entity-types';
import { LABEL_METRICS } from './label-placement';

export interface TreeNode {
  id: string;
  type?: string;
  degree?: number;
  label?: string;
  /** Drawn width, for the column width. */
  size?: number;
}

export interface TreeEdge {
  source: string;
  target: string;
}

export interface WrappedTreeOptions {
  /** The entity explored from: the first tree's root. Unset or absent: each part's best-connected. */
  root: string | null;
  /** Width ÷ height of the frame the tree should fill. */
  aspect: number;
}

export interface Point {
  x: number;
  y: number;
}

/** How the line from a wrapped level's parent to a child is drawn: down, across at `turnY`, down. */
export interface TreeRoute {
  parent: string;
  child: string;
  /** Height of the horizontal run: in the gap above the child's row, clear of the row above. */
  turnY: number;
}

/** The Tree layout: where each node goes, and the lines drawn as an organisation chart's. */
export interface WrappedTree {
  positions: Map<string, Point>;
  routes: TreeRoute[];
}

/**
 * Room per column: a label under its node is wrapped at this width. Narrower columns sent every
 * other label of a wrapped row above its node, onto the line running along the row.
 */
const COLUMN_WIDTH = LABEL_METRICS.maxWidth;
/** Between rows of one level, and between one level's last row and the next level. */
const ROW_HEIGHT = 66;
const LEVEL_GAP = 130;
/**
 * Trees no level of which is wider than this never wrap: a small tree keeps the shape of a tree.
 * A wider one may wrap down to {@link FEWEST_COLUMNS} columns (a phone held upright).
 */
const MIN_COLUMNS = 6;
const FEWEST_COLUMNS = 3;
/** Between unconnected parts of the graph. */
const PART_GAP = 90;
/**
 * Room a routed row keeps between the row above's labels (up to three lines under the node) and its own
 * nodes, for the horizontal runs of the lines to it.
 */
const LABEL_ROOM = 50;
const RUN_ROOM = 16;

/** Neighbours in the order children are placed: by type, best-connected first, then by name. */
function childOrder(byId: Map<string, TreeNode>): (a: string, b: string) => number {
  return (a, b) => {
    const na = byId.get(a)!;
    const nb = byId.get(b)!;
    return (
      entityTypeOrder(na.type ?? '') - entityTypeOrder(nb.type ?? '') ||
      (nb.degree ?? 0) - (na.degree ?? 0) ||
      (na.label ?? na.id).localeCompare(nb.label ?? nb.id) ||
      (na.id < nb.id ? -1 : na.id > nb.id ? 1 : 0)
    );
  };
}

/** Breadth-first levels from `root`, each child after its parent's earlier children. */
function levelsFrom(
  root: string,
  adjacency: Map<string, string[]>,
  placed: Set<string>,
  parents: Map<string, string>,
): string[][] {
  placed.add(root);
  const levels = [[root]];
  for (;;) {
    const next: string[] = [];
    for (const parent of levels[levels.length - 1]!) {
      for (const child of adjacency.get(parent) ?? []) {
        if (placed.has(child)) continue;
        placed.add(child);
        parents.set(child, parent);
        next.push(child);
      }
    }
    if (next.length === 0) return levels;
    levels.push(next);
  }
}

interface Shape {
  columns: number;
  width: number;
  height: number;
}

/**
 * The drawing's size with `columns` columns. `wrappedRow`: the height of each further row of a
 * wrapped level (a routed row keeps room for the runs above it).
 */
function shapeOf(
  levels: string[][],
  columns: number,
  columnWidth: number,
  wrappedRow: number,
): Shape {
  let rows = 0;
  let wrappedRows = 0;
  let staggered = false;
  let widest = 0;
  for (const level of levels) {
    const levelRows = Math.ceil(level.length / columns);
    rows += levelRows;
    wrappedRows += levelRows - 1;
    if (levelRows > 1) staggered = true;
    widest = Math.max(widest, Math.min(columns, level.length));
  }
  return {
    columns,
    // A wrapped level's alley (or stagger) takes up to a column more.
    width: widest * columnWidth + (staggered ? columnWidth : 0),
    height:
      rows * ROW_HEIGHT +
      wrappedRows * (wrappedRow - ROW_HEIGHT) +
      (levels.length - 1) * (LEVEL_GAP - ROW_HEIGHT),
  };
}

/** The column count whose drawing comes closest to the frame's shape. */
function bestShape(
  levels: string[][],
  aspect: number,
  columnWidth: number,
  wrappedRow: number,
): Shape {
  const widest = Math.max(...levels.map((level) => level.length));
  const target = Math.log(aspect);
  let best = shapeOf(levels, widest, columnWidth, wrappedRow);
  const fewest = widest > MIN_COLUMNS ? FEWEST_COLUMNS : widest;
  for (let columns = fewest; columns < widest; columns += 1) {
    const shape = shapeOf(levels, columns, columnWidth, wrappedRow);
    const miss = Math.abs(Math.log(shape.width / shape.height) - target);
    if (miss < Math.abs(Math.log(best.width / best.height) - target)) best = shape;
  }
  return best;
}

/** The one parent of every node of `level`, if they have one. */
function soleParent(level: readonly string[], parents: ReadonlyMap<string, string>): string | null {
  const parent = parents.get(level[0]!);
  return parent !== undefined && level.every((id) => parents.get(id) === parent) ? parent : null;
}

/**
 * The levels reordered so that, in a level that wraps, the nodes with children of their own come
 * last, in its bottom row, just above the level their lines go to; each next level follows its
 * parents' new order. First, a hub's partner (Norad, two hops from DHIS2 among 36 countries) sat
 * in the top row, and the lines to its twelve activities ran down through every row of countries
 * under it (QA). `columns`: the chosen shape's; a level of one row keeps its order.
 */
function parentsLast(
  levels: readonly string[][],
  columns: number,
  parents: ReadonlyMap<string, string>,
): string[][] {
  const hasChildren = new Set(parents.values());
  const out: string[][] = [];
  for (const level of levels) {
    const before = out[out.length - 1];
    // Children in their parents' order, as levelsFrom placed them, against the parents' new one.
    const rank = new Map((before ?? []).map((id, index) => [id, index]));
    const ordered = before
      ? [...level].sort(
          (a, b) => (rank.get(parents.get(a)!) ?? 0) - (rank.get(parents.get(b)!) ?? 0),
        )
      : [...level];
    out.push(
      ordered.length > columns
        ? [
            ...ordered.filter((id) => !hasChildren.has(id)),
            ...ordered.filter((id) => hasChildren.has(id)),
          ]
        : ordered,
    );
  }
  return out;
}

/** One part's positions, its top row at y = 0 and centred on x = 0, and its routed lines. */
function placeLevels(
  levels: string[][],
  columns: number,
  columnWidth: number,
  parents: ReadonlyMap<string, string>,
  sizeOf: (id: string) => number,
): WrappedTree {
  const positions = new Map<string, Point>();
  const routes: TreeRoute[] = [];
  const tallest = (ids: readonly string[]) => Math.max(0, ...ids.map(sizeOf));
  let y = 0;
  let previous: string[] = [];
  for (const level of levels) {
    const rows: string[][] = [];
    for (let start = 0; start < level.length; start += columns)
      rows.push(level.slice(start, start + columns));
    const parent = rows.length > 1 ? soleParent(level, parents) : null;
    const alley = parent === null ? undefined : positions.get(parent)!.x;
    // The line to a row runs along the gap above it: that gap must clear the labels over it.
    let above = { y: y - (LEVEL_GAP - ROW_HEIGHT), size: tallest(previous) };
    rows.forEach((members, row) => {
      const size = tallest(members);
      if (row > 0 && alley !== undefined)
        y = Math.max(y, above.y + above.size / 2 + LABEL_ROOM + 2 * RUN_ROOM + size / 2);
      if (alley !== undefined) {
        // Split around the alley under the parent, a column's room either side of its line.
        const left = Math.ceil(members.length / 2);
        members.forEach((id, index) => {
          const x =
            index < left
              ? alley - (left - index) * columnWidth
              : alley + (index - left + 1) * columnWidth;
          positions.set(id, { x, y });
        });
        const runAt =
          row === 0
            ? (positions.get(parent!)!.y + sizeOf(parent!) / 2 + y - size / 2) / 2
            : y - size / 2 - RUN_ROOM;
        for (const child of members) routes.push({ parent: parent!, child, turnY: runAt });
      } else {
        // Staggered rows of a wrapped level: the block stays centred on its parent.
        const shift = rows.length > 1 ? (row % 2 === 1 ? columnWidth / 4 : -columnWidth / 4) : 0;
        members.forEach((id, index) => {
          positions.set(id, { x: (index - (members.length - 1) / 2) * columnWidth + shift, y });
        });
      }
      above = { y, size };
      y += ROW_HEIGHT;
    });
    y += LEVEL_GAP - ROW_HEIGHT;
    previous = rows[rows.length - 1]!;
  }
  return { positions, routes };
}

/**
 * Positions for every node: the root's tree first, then each unconnected part as a tree of its
 * own from its best-connected node, packed in shelves about as wide as the frame asks for.
 */
export function wrappedTree(
  nodes: readonly TreeNode[],
  edges: readonly TreeEdge[],
  options: WrappedTreeOptions,
): WrappedTree {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const adjacency = new Map<string, string[]>();
  for (const { source, target } of edges) {
    if (source === target || !byId.has(source) || !byId.has(target)) continue;
    for (const [from, to] of [
      [source, target],
      [target, source],
    ] as const) {
      const list = adjacency.get(from);
      if (list) list.push(to);
      else adjacency.set(from, [to]);
    }
  }
  const order = childOrder(byId);
  for (const [id, neighbours] of adjacency) adjacency.set(id, [...new Set(neighbours)].sort(order));

  const largestSize = Math.max(0, ...nodes.map((node) => node.size ?? 0));
  const columnWidth = Math.max(COLUMN_WIDTH, largestSize + 40);
  const wrappedRow = Math.max(ROW_HEIGHT, largestSize + LABEL_ROOM + 2 * RUN_ROOM);
  const aspect = Number.isFinite(options.aspect) && options.aspect > 0 ? options.aspect : 1.5;
  const starts = [...nodes].sort(
    (a, b) =>
      Number(b.id === options.root) - Number(a.id === options.root) ||
      (adjacency.get(b.id)?.length ?? 0) - (adjacency.get(a.id)?.length ?? 0) ||
      order(a.id, b.id),
  );
  const placed = new Set<string>();
  const parents = new Map<string, string>();
  const sizeOf = (id: string) => byId.get(id)?.size ?? 0;
  const parts: (WrappedTree & { width: number; height: number })[] = [];
  for (const start of starts) {
    if (placed.has(start.id)) continue;
    const levels = levelsFrom(start.id, adjacency, placed, parents);
    const shape = bestShape(levels, aspect, columnWidth, wrappedRow);
    const placedPart = placeLevels(
      parentsLast(levels, shape.columns, parents),
      shape.columns,
      columnWidth,
      parents,
      sizeOf,
    );
    // Routed rows are spaced for their runs: the part is as tall as it is drawn.
    const ys = [...placedPart.positions.values()].map((p) => p.y);
    parts.push({ ...placedPart, width: shape.width, height: Math.max(shape.height, ...ys) });
  }

  // Shelves: parts left to right, a new shelf once a row of them is as wide as the frame asks.
  const area = parts.reduce((sum, part) => sum + part.width * part.height, 0);
  const shelfWidth = Math.max(
    parts[0]?.width ?? 0,
    Math.sqrt(area * aspect) + PART_GAP * Math.sqrt(parts.length),
  );
  const out = new Map<string, Point>();
  const routes: TreeRoute[] = [];
  let x = 0;
  let shelfTop = 0;
  let shelfHeight = 0;
  for (const part of parts) {
    if (x > 0 && x + part.width > shelfWidth) {
      x = 0;
      shelfTop += shelfHeight + PART_GAP;
      shelfHeight = 0;
    }
    for (const [id, p] of part.positions) {
      out.set(id, { x: x + part.width / 2 + p.x, y: shelfTop + p.y });
    }
    for (const route of part.routes) routes.push({ ...route, turnY: shelfTop + route.turnY });
    x += part.width + PART_GAP;
    shelfHeight = Math.max(shelfHeight, part.height);
  }
  return { positions: out, routes };
}

/** {@link wrappedTree}'s positions alone. */
export function wrappedTreePositions(
  nodes: readonly TreeNode[],
  edges: readonly TreeEdge[],
  options: WrappedTreeOptions,
): Map<string, Point> {
  return wrappedTree(nodes, edges, options).positions;
}
