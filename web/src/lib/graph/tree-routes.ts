/**
 * The Tree layout's organisation-chart lines (wrapped-tree.ts `TreeRoute`), kept where the
 * stylesheet reads them: an edge from a wrapped level's parent to a child is drawn as a taxi edge
 * (`tree-routed`) that turns at its route's height. The turn is kept as a share of the edge's
 * height, from its source, so it survives the canvas stretching the layout to its frame. It lives
 * in the edge's scratch, as a label's shift does (label-shift.ts): it is the drawing's, not the
 * graph's, and any other layout takes it away.
 */
import type cytoscape from 'cytoscape';
import type { LineSegment } from './label-placement';
import type { Point, TreeRoute } from './wrapped-tree';

const KEY = '_treeTurn';
/** The class of edges drawn as routed. */
export const TREE_ROUTED_CLASS = 'tree-routed';

/**
 * Where an edge from `source` to `target` turns, as a share of the way down from its source (0
 * to 1), for a route turning at `turnY`; undefined when the two are on one height.
 */
export function turnShare(source: Point, target: Point, turnY: number): number | undefined {
  const height = target.y - source.y;
  if (height === 0) return undefined;
  return Math.min(1, Math.max(0, (turnY - source.y) / height));
}

/** The turn share of a routed edge; undefined for one drawn straight. */
export function routeShare(edge: cytoscape.EdgeSingular): number | undefined {
  const share: unknown = edge.scratch(KEY);
  return typeof share === 'number' ? share : undefined;
}

/** The stylesheet's `taxi-turn` of a routed edge: its share, in per cent. */
export function treeTurn(edge: cytoscape.EdgeSingular): string {
  return `${(routeShare(edge) ?? 0.5) * 100}%`;
}

/** A node's centre and drawn height, which a taxi edge's turn is measured from. */
export interface RouteEnd extends Point {
  height: number;
}

/**
 * The points a routed edge is drawn through, from centre to centre, as Cytoscape draws a vertical
 * taxi edge turning at `share`: the share is of the gap between the two nodes' bodies (not between
 * their centres), measured from the source's rim. Where the turn would fall on a body (no gap, or
 * a share of 0 or 1), Cytoscape draws an L instead: down to the target's height, then across.
 * Exported pictures draw the same line (svg-export.ts).
 */
export function routePoints(source: RouteEnd, target: RouteEnd, share: number): Point[] {
  const dy = target.y - source.y;
  const bodies = (source.height + target.height) / 2;
  const gap = dy > 0 ? Math.max(dy - bodies, 0) : Math.min(dy + bodies, 0);
  const turn = share * gap;
  if (turn === 0 || Math.abs(turn) >= Math.abs(gap)) {
    return [
      { x: source.x, y: source.y },
      { x: source.x, y: target.y },
      { x: target.x, y: target.y },
    ];
  }
  const turnY = source.y + turn + (Math.sign(dy) * source.height) / 2;
  return [
    { x: source.x, y: source.y },
    { x: source.x, y: turnY },
    { x: target.x, y: turnY },
    { x: target.x, y: target.y },
  ];
}

/**
 * The lines a routed edge is drawn as (routePoints, segment by segment). Label placement keeps
 * names off them: a name above its node in a routed row lay across the line coming down to it, or
 * the run along the row.
 */
export function routeSegments(source: RouteEnd, target: RouteEnd, share: number): LineSegment[] {
  const path = routePoints(source, target, share);
  return path.slice(1).map((end, i) => ({ ax: path[i]!.x, ay: path[i]!.y, bx: end.x, by: end.y }));
}

/** Routes the edges `routes` names with the layout's `positions`; every other edge is drawn straight. */
export function setTreeRoutes(
  cy: cytoscape.Core,
  routes: readonly TreeRoute[],
  positions: ReadonlyMap<string, Point>,
): void {
  const turns = new Map<string, number>();
  for (const route of routes) turns.set(`${route.parent}\n${route.child}`, route.turnY);
  cy.batch(() => {
    cy.edges().forEach((edge) => {
      const source = edge.source().id();
      const target = edge.target().id();
      const turnY = turns.get(`${source}\n${target}`) ?? turns.get(`${target}\n${source}`);
      const from = positions.get(source);
      const to = positions.get(target);
      const share = turnY === undefined || !from || !to ? undefined : turnShare(from, to, turnY);
      if (share === undefined) {
        edge.removeScratch(KEY);
        edge.removeClass(TREE_ROUTED_CLASS);
      } else {
        edge.scratch(KEY, share);
        edge.addClass(TREE_ROUTED_CLASS);
      }
    });
  });
}

/** Draws every edge straight again (another layout took over). */
export function clearTreeRoutes(cy: cytoscape.Core): void {
  const routed = cy.edges(`.${TREE_ROUTED_CLASS}`);
  if (routed.empty()) return;
  cy.batch(() => {
    routed.forEach((edge) => {
      edge.removeScratch(KEY);
    });
    routed.removeClass(TREE_ROUTED_CLASS);
  });
}
