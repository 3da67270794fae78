/**
 * The outlines the canvas draws each node shape with, as SVG path data for exported pictures
 * (svg-export.ts) and type glyphs (glyph.ts), and where a line from a node's centre crosses them:
 * an edge ends on its nodes' real outline, so its arrowhead touches a hexagon's flat side or a
 * star's notch as it touches a circle. Ending every edge at a circle of half the node's size left
 * arrowheads 1–2 px short of hexagons and diamonds, or sunk into them.
 *
 * The outlines are Cytoscape's (3.35, `renderer/base/node-shapes`), derived rather than copied:
 * each polygon stretched to fill the node's box, its top on the box's top, and a "round-" shape's
 * corners turned by an arc tangent to both sides. A picture of regular polygons with sharp corners
 * showed flatter hexagons and shorter triangles than the canvas, and arrowheads ended on corners
 * the canvas does not draw.
 */
import type { Point } from './wrapped-tree';

/**
 * One corner of an outline: the side before it ends at `from`, an arc of `radius` about `centre`
 * turns it to `to`, where the next side starts. At a sharp corner (radius 0) all three are the
 * corner itself.
 */
export interface OutlineCorner {
  from: Point;
  to: Point;
  centre: Point;
  radius: number;
}

/**
 * A node's outline: a circle, or a polygon (corners clockwise on screen, y down) whose corners may
 * be rounded.
 */
export type Outline =
  { kind: 'circle'; centre: Point; radius: number } | { kind: 'polygon'; corners: OutlineCorner[] };

/** A corner radius rule: the arc's radius for a node of side `size` (Cytoscape's 'auto'). */
type CornerRadius = (size: number) => number;

/** Cytoscape's `getRoundRectangleRadius`: a quarter of the side, at most 8 px. */
const ROUND_RECTANGLE_RADIUS: CornerRadius = (size) => Math.min(size / 4, 8);
/** Cytoscape's `getRoundPolygonRadius`: a tenth of the side, at most 8 px. */
const ROUND_POLYGON_RADIUS: CornerRadius = (size) => Math.min(size / 10, 8);
const SHARP: CornerRadius = () => 0;

/**
 * How far in a star's notches lie, as a share of its points' radius, before it is stretched to
 * its box: Cytoscape's (3 − √5) / 2 · 1.57.
 */
const STAR_INNER = ((3 - Math.sqrt(5)) / 2) * 1.57;

/** `count` points round the unit circle, clockwise on screen from `start` (radians), at `radius(i)`. */
const ring = (count: number, start: number, radius: (i: number) => number = () => 1): Point[] =>
  Array.from({ length: count }, (_, i) => {
    const angle = start + (i * 2 * Math.PI) / count;
    return { x: radius(i) * Math.cos(angle), y: radius(i) * Math.sin(angle) };
  });

/**
 * A polygon stretched to span the box from −1 to 1 each way and, where it then pokes out above,
 * moved down to its top (Cytoscape's `fitPolygonToSquare`): a triangle's base lies on the box's
 * bottom, so its centre is not the node's.
 */
function fitToBox(points: readonly Point[]): Point[] {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const down = Math.max(0, -1 - Math.min(...ys) * sy);
  return points.map((p) => ({ x: p.x * sx, y: p.y * sy + down }));
}

const UP = -Math.PI / 2;

/** The polygon shapes in a box from −1 to 1, and the radius their corners are turned with. */
const POLYGONS: Partial<Record<string, { points: Point[]; corner: CornerRadius }>> = {
  'round-rectangle': {
    points: [
      { x: -1, y: -1 },
      { x: 1, y: -1 },
      { x: 1, y: 1 },
      { x: -1, y: 1 },
    ],
    corner: ROUND_RECTANGLE_RADIUS,
  },
  'round-diamond': { points: ring(4, UP), corner: ROUND_POLYGON_RADIUS },
  'round-hexagon': { points: fitToBox(ring(6, 0)), corner: ROUND_POLYGON_RADIUS },
  'round-pentagon': { points: fitToBox(ring(5, UP)), corner: ROUND_POLYGON_RADIUS },
  'round-triangle': { points: fitToBox(ring(3, UP)), corner: ROUND_POLYGON_RADIUS },
  star: { points: fitToBox(ring(10, UP, (i) => (i % 2 === 0 ? 1 : STAR_INNER))), corner: SHARP },
};

const minus = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
const cross = (a: Point, b: Point) => a.x * b.y - a.y * b.x;
const unit = (v: Point): Point => {
  const length = Math.hypot(v.x, v.y);
  return { x: v.x / length, y: v.y / length };
};

/**
 * Corner `p`, between `before` and `after`, turned by an arc of `radius` tangent to both sides,
 * as Cytoscape rounds a polygon (`getRoundCorner`): the arc starts `radius / tan(half the corner's
 * angle)` along each side, but no further than half way, where a smaller arc fits instead.
 */
function roundCorner(before: Point, p: Point, after: Point, radius: number): OutlineCorner {
  const back = minus(before, p);
  const on = minus(after, p);
  const v1 = unit(back);
  const v2 = unit(on);
  const half = Math.acos(Math.max(-1, Math.min(1, v1.x * v2.x + v1.y * v2.y))) / 2;
  if (!(radius > 0) || Math.sin(half) < 1e-9) return { from: p, to: p, centre: p, radius: 0 };
  const limit = Math.min(Math.hypot(back.x, back.y), Math.hypot(on.x, on.y)) / 2;
  const along = Math.min(radius / Math.tan(half), limit);
  const arc = along * Math.tan(half);
  const bisector = unit({ x: v1.x + v2.x, y: v1.y + v2.y });
  const out = arc / Math.sin(half);
  return {
    from: { x: p.x + v1.x * along, y: p.y + v1.y * along },
    to: { x: p.x + v2.x * along, y: p.y + v2.y * along },
    centre: { x: p.x + bisector.x * out, y: p.y + bisector.y * out },
    radius: arc,
  };
}

/**
 * The outline the canvas draws a node of `shape` with, around (`cx`, `cy`) in a box of side
 * `size`; a circle for the shapes not drawn as polygons (an ellipse and any unknown shape).
 */
export function nodeOutline(shape: string, cx: number, cy: number, size: number): Outline {
  const half = size / 2;
  const polygon = POLYGONS[shape];
  if (!polygon) return { kind: 'circle', centre: { x: cx, y: cy }, radius: half };
  const points = polygon.points.map((p) => ({ x: cx + p.x * half, y: cy + p.y * half }));
  const radius = polygon.corner(size);
  return {
    kind: 'polygon',
    corners: points.map((p, i) =>
      roundCorner(points.at(i - 1)!, p, points[(i + 1) % points.length]!, radius),
    ),
  };
}

/**
 * SVG path data for a polygon outline: along each side and round each rounded corner's arc (the
 * corners run clockwise on screen, SVG's positive sweep). Two decimals: an arrowhead's tip lies on
 * the outline to well under a pixel even in the PNG, drawn at twice the size.
 */
export function outlinePath(corners: readonly OutlineCorner[]): string {
  const n = (value: number) => value.toFixed(2);
  const last = corners.at(-1)!;
  const steps = corners.map(({ from, to, radius }) =>
    radius === 0
      ? `L${n(from.x)},${n(from.y)}`
      : `L${n(from.x)},${n(from.y)} A${n(radius)},${n(radius)} 0 0 1 ${n(to.x)},${n(to.y)}`,
  );
  return `M${n(last.to.x)},${n(last.to.y)} ${steps.join(' ')} Z`;
}

/** How far along the unit ray `u` from the origin it crosses the segment `p`–`q`, or Infinity. */
function segmentCrossing(u: Point, p: Point, q: Point): number {
  const e = minus(q, p);
  const denominator = cross(u, e);
  if (Math.abs(denominator) < 1e-12) return Infinity;
  // origin + t·u = p + s·e
  const t = cross(p, e) / denominator;
  const s = cross(p, u) / denominator;
  return t > 0 && s >= -1e-9 && s <= 1 + 1e-9 ? t : Infinity;
}

/** How far along the unit ray `u` from the origin (inside the outline) it leaves a corner's arc. */
function arcCrossing(u: Point, corner: OutlineCorner): number {
  if (corner.radius === 0) return Infinity;
  const c = corner.centre;
  // The far root of |t·u − c| = radius: the ray starts inside the arc's circle or before it.
  const along = u.x * c.x + u.y * c.y;
  const discriminant = along * along - (c.x * c.x + c.y * c.y) + corner.radius ** 2;
  if (discriminant < 0) return Infinity;
  const t = along + Math.sqrt(discriminant);
  // On the arc when the hit lies between the arc's two ends, as seen from its centre.
  const hit = minus({ x: t * u.x, y: t * u.y }, c);
  const start = minus(corner.from, c);
  const end = minus(corner.to, c);
  const turn = Math.sign(cross(start, end));
  const between = cross(start, hit) * turn >= -1e-9 && cross(hit, end) * turn >= -1e-9;
  return t > 0 && between ? t : Infinity;
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
  const outline = nodeOutline(shape, 0, 0, size);
  if (outline.kind === 'circle') return outline.radius;
  // The outlines are star-shaped from the node's centre: the nearest crossing is the only one.
  const { corners } = outline;
  return Math.min(
    ...corners.flatMap((corner, i) => [
      arcCrossing(u, corner),
      segmentCrossing(u, corner.to, corners[(i + 1) % corners.length]!.from),
    ]),
  );
}
