/**
 * Where a relationship's name lies on screen: Cytoscape turns it along its edge (`autorotate`), so
 * it is a rectangle turned with the edge, not an upright box. Upright boxes of three names along
 * near-parallel edges ("is developed in" Kenya, the USA, India) were far apart while the names lay
 * over each other. Pure geometry, in screen pixels.
 */

/** A label's rectangle: its centre, its direction (a unit vector) and its half sizes. */
export interface EdgeLabelBox {
  cx: number;
  cy: number;
  ux: number;
  uy: number;
  halfLength: number;
  halfHeight: number;
}

interface Point {
  x: number;
  y: number;
}

/** The rectangle of a name `length` px long and `height` px high, at `mid` along `from` → `to`. */
export function edgeLabelBox(
  from: Point,
  to: Point,
  mid: Point,
  length: number,
  height: number,
): EdgeLabelBox {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const norm = Math.hypot(dx, dy);
  // Both ends on one spot: the label is drawn upright.
  const [ux, uy] = norm > 0 ? [dx / norm, dy / norm] : [1, 0];
  return { cx: mid.x, cy: mid.y, ux, uy, halfLength: length / 2, halfHeight: height / 2 };
}

/** Half the extent of `box` along the unit axis (x, y). */
function reach(box: EdgeLabelBox, x: number, y: number): number {
  return (
    box.halfLength * Math.abs(box.ux * x + box.uy * y) +
    box.halfHeight * Math.abs(-box.uy * x + box.ux * y)
  );
}

/** Whether two labels overlap: no axis of either separates them (the separating axis test). */
export function labelsOverlap(a: EdgeLabelBox, b: EdgeLabelBox): boolean {
  const dx = b.cx - a.cx;
  const dy = b.cy - a.cy;
  for (const [x, y] of [
    [a.ux, a.uy],
    [-a.uy, a.ux],
    [b.ux, b.uy],
    [-b.uy, b.ux],
  ] as const) {
    if (Math.abs(dx * x + dy * y) > reach(a, x, y) + reach(b, x, y)) return false;
  }
  return true;
}
