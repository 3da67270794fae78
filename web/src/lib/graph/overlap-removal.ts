/**
 * Removes node overlaps left by a spring layout. fCoSE keeps nodes apart only on average: after an
 * expansion, new neighbours seeded around the expanded node can end up on top of it or of each
 * other, and their labels then pile up too. A few sweeps that push each overlapping pair apart fix
 * that without changing the picture's shape. O(n²) per sweep, meant for explorations (up to
 * WORKER_LAYOUT_MIN_NODES nodes); the big-graph force layout has its own collision force.
 */

/** A node as a disc: centre, radius, and whether it is pinned (never moved). */
export interface Disc {
  x: number;
  y: number;
  r: number;
  fixed?: boolean;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Moves `discs` (in place) until no two are closer than the sum of their radii plus `gap`, or
 * `sweeps` passes are done. Each overlapping pair moves apart along the line between their centres,
 * half each (all of it for the free one when the other is pinned); coincident centres separate in a
 * direction fixed by their index, so the result is deterministic. Returns whether anything moved.
 */
export function separateDiscs(discs: Disc[], gap = 10, sweeps = 50): boolean {
  let movedAny = false;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let moved = false;
    for (let i = 0; i < discs.length; i++) {
      const a = discs[i]!;
      for (let j = i + 1; j < discs.length; j++) {
        const b = discs[j]!;
        if (a.fixed && b.fixed) continue;
        const min = a.r + b.r + gap;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        const distance = Math.hypot(dx, dy);
        if (distance >= min) continue;
        if (distance < 1e-6) {
          dx = Math.cos(j * GOLDEN_ANGLE);
          dy = Math.sin(j * GOLDEN_ANGLE);
        } else {
          dx /= distance;
          dy /= distance;
        }
        const push = min - distance;
        const shareA = a.fixed ? 0 : b.fixed ? 1 : 0.5;
        const shareB = 1 - shareA;
        a.x -= dx * push * shareA;
        a.y -= dy * push * shareA;
        b.x += dx * push * shareB;
        b.y += dy * push * shareB;
        moved = true;
      }
    }
    if (!moved) break;
    movedAny = true;
  }
  return movedAny;
}
