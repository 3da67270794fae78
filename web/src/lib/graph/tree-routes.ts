/**
 * The Tree layout's organisation-chart lines (wrapped-tree.ts `TreeRoute`), kept where the
 * stylesheet reads them: an edge from a wrapped level's parent to a child is drawn as a taxi edge
 * (`tree-routed`) that turns at its route's height. The turn is kept as a share of the edge's
 * height, from its source, so it survives the canvas stretching the layout to its frame. It lives
 * in the edge's scratch, as a label's shift does (label-shift.ts): it is the drawing's, not the
 * graph's, and any other layout takes it away.
 */
import type cytoscape from 'cytoscape';
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

/** The stylesheet's `taxi-turn` of a routed edge: its share, in per cent. */
export function treeTurn(edge: cytoscape.EdgeSingular): string {
  const share: unknown = edge.scratch(KEY);
  return `${typeof share === 'number' ? share * 100 : 50}%`;
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
