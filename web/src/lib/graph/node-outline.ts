/**
 * The outlines exported pictures draw each node shape with (svg-export.ts), and where a line from
 * a node's centre crosses them: an edge ends on its nodes' real outline, so its arrowhead touches
 * a hexagon's flat side or a star's notch as it touches a circle. Ending every edge at a circle of
 * half the node's size left arrowheads 1–2 px short of hexagons and diamonds, or sunk into them.
 */
import type { Point } from './wrapped-tree';

/** How far in a star's notches lie, as a share of its points' radius. */
export const STAR_INNER = 0.45;

/** A round rectangle's corner radius, as a share of half its side. */
export const ROUND_RECTANGLE_CORNER = 1 / 3;

/** The polygons drawn: corners, and the turn of the first one from the positive x axis. */
const POLYGONS: Partial<Record<string, { sides: number; rotation: number }>> = {
  'round-hexagon': { sides: 6, rotation: 0 },
  'round-diamond': { sides: 4, rotation: 0 },
  'round-pentagon': { sides: 5, rotation: -Math.PI / 2 },
  'round-triangle': { sides: 3, rotation: -Math.PI / 2 },
};

/**
 * The corners of the polygon a `shape` is drawn as around (`cx`, `cy`), its points `r` from the
 * centre; null for the shapes drawn otherwise (a round rectangle, a circle for every other).
 */
export function outlineCorners(shape: string, cx: number, cy: number, r: number): Point[] | null {
  const at = (radius: number, angle: number) => ({
    x: cx + radius * Math.cos(angle),
    y: cy + radius * Math.sin(angle),
  });
  if (shape === 'star') {
    return Array.from({ length: 10 }, (_, i) =>
      at(i % 2 === 0 ? r : r * STAR_INNER, -Math.PI / 2 + (i * Math.PI) / 5),
    );
  }
  const polygon = POLYGONS[shape];
  if (!polygon) return null;
  return Array.from({ length: polygon.sides }, (_, i) =>
    at(r, polygon.rotation + (i * 2 * Math.PI) / polygon.sides),
  );
}

/**
 * Where a ray from the origin along the unit vector `u` leaves a polygon around the origin (the
 * nearest crossing: the polygons drawn are star-shaped from their centre, so it is the only one).
 */
function rayExit(corners: readonly Point[], u: Point): number {
  let nearest = Infinity;
  for (let i = 0; i < corners.length; i += 1) {
    const p = corners[i]!;
    const q = corners[(i + 1) % corners.length]!;
    const e = { x: q.x - p.x, y: q.y - p.y };
    const cross = u.x * e.y - u.y * e.x;
    if (Math.abs(cross) < 1e-12) continue;
    // origin + t·u = p + s·e
    const t = (p.x * e.y - p.y * e.x) / cross;
    const s = (p.x * u.y - p.y * u.x) / cross;
    if (t > 0 && s >= -1e-9 && s <= 1 + 1e-9) nearest = Math.min(nearest, t);
  }
  return nearest;
}

/** Where a ray from its centre along the unit vector `u` leaves a round rectangle of half side `r`. */
function roundRectangleExit(r: number, u: Point): number {
  const t = r / Math.max(Math.abs(u.x), Math.abs(u.y));
  const inner = r * (1 - ROUND_RECTANGLE_CORNER);
  if (Math.abs(t * u.x) <= inner || Math.abs(t * u.y) <= inner) return t;
  // Through a corner: out of the quarter circle there instead, the far root of |t·u − k| = c.
  const c = r * ROUND_RECTANGLE_CORNER;
  const k = { x: Math.sign(u.x) * inner, y: Math.sign(u.y) * inner };
  const along = u.x * k.x + u.y * k.y;
  return along + Math.sqrt(along * along - (k.x * k.x + k.y * k.y) + c * c);
}

/**
 * How far from a node's centre a line heading along `direction` (any length but zero) crosses
 * the outline its `shape` is drawn with at `size` (the side of its box).
 */
export function rimDistance(shape: string, size: number, direction: Point): number {
  const length = Math.hypot(direction.x, direction.y);
  if (!(length > 0)) {
    throw new RangeError(
      `node-outline: a direction needs a length, got ${direction.x},${direction.y}`,
    );
  }
  const u = { x: direction.x / length, y: direction.y / length };
  const r = size / 2;
  if (shape === 'round-rectangle') return roundRectangleExit(r, u);
  const corners = outlineCorners(shape, 0, 0, r);
  return corners ? rayExit(corners, u) : r;
}
