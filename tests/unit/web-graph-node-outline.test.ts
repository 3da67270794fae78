// Unit tests of where an exported picture's lines meet its node shapes (web/src/lib/graph/node-outline.ts),
// of the edges svg-export.ts draws to them, and of the type glyphs drawn with the same outlines.
import { describe, expect, it } from 'vitest';
import { ENTITY_STYLES, FALLBACK_STYLE, entityStyle } from '../../web/src/lib/graph/palette.ts';
import { nodeOutline, rimDistance } from '../../web/src/lib/graph/node-outline.ts';
import { graphToSvg, nodeShape, rimToRim } from '../../web/src/lib/graph/svg-export.ts';
import { GLYPH_BOX, GLYPH_SIZE, glyphGeometry } from '../../web/src/lib/graph/glyph.ts';
import { NODE_SIZE } from '../../web/src/lib/graph/elements.ts';

const SIZE = 40;
const R = SIZE / 2;
type Pt = { x: number; y: number };
/** A unit direction at `degrees` clockwise from the positive x axis (y points down, as on screen). */
const at = (degrees: number) => ({
  x: Math.cos((degrees * Math.PI) / 180),
  y: Math.sin((degrees * Math.PI) / 180),
});
const cross = (a: Pt, b: Pt) => a.x * b.y - a.y * b.x;

/** Distance from `p` to the segment `a`–`b`. */
function toSegment(p: Pt, a: Pt, b: Pt): number {
  const length = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
  if (length === 0) return Math.hypot(p.x - a.x, p.y - a.y);
  const s = Math.max(
    0,
    Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / length),
  );
  return Math.hypot(p.x - (a.x + s * (b.x - a.x)), p.y - (a.y + s * (b.y - a.y)));
}

/**
 * The centre of the short clockwise (SVG sweep 1, y down) arc of `radius` from `a` to `b`: it lies
 * on the right of the chord, as the path travels.
 */
function arcCentre(a: Pt, b: Pt, radius: number): Pt {
  const chord = Math.hypot(b.x - a.x, b.y - a.y);
  const t = { x: (b.x - a.x) / chord, y: (b.y - a.y) / chord };
  const inward = Math.sqrt(Math.max(0, radius ** 2 - (chord / 2) ** 2));
  return { x: (a.x + b.x) / 2 - t.y * inward, y: (a.y + b.y) / 2 + t.x * inward };
}

/** Distance from `p` to the short clockwise arc of `radius` from `a` to `b`. */
function toArc(p: Pt, a: Pt, b: Pt, radius: number): number {
  const c = arcCentre(a, b, radius);
  const [ca, cb, cp] = [a, b, p].map((q) => ({ x: q.x - c.x, y: q.y - c.y })) as [Pt, Pt, Pt];
  const onArc = cross(ca, cp) >= 0 && cross(cp, cb) >= 0;
  return onArc
    ? Math.abs(Math.hypot(cp.x, cp.y) - radius)
    : Math.min(Math.hypot(p.x - a.x, p.y - a.y), Math.hypot(p.x - b.x, p.y - b.y));
}

/** The pieces of an SVG path as nodeShape writes it (M, L and A commands, then Z). */
function pathPieces(d: string) {
  const pieces: Array<{ from: Pt; to: Pt; radius: number }> = [];
  let here: Pt = { x: 0, y: 0 };
  for (const [, command, args] of d.matchAll(/([MLA])([^MLAZ]*)/g)) {
    const numbers = args!.trim().split(/[ ,]+/).map(Number);
    const to = { x: numbers.at(-2)!, y: numbers.at(-1)! };
    if (command !== 'M') pieces.push({ from: here, to, radius: command === 'A' ? numbers[0]! : 0 });
    here = to;
  }
  // Z closes the path back to where M started it.
  pieces.push({ from: here, to: pieces[0]!.from, radius: 0 });
  return pieces;
}

type Piece = ReturnType<typeof pathPieces>[number];

/** How far `p` lies from an outline's pieces (pathPieces). */
function offPieces(pieces: readonly Piece[], p: Pt): number {
  return Math.min(
    ...pieces.map(({ from, to, radius }) =>
      radius > 0 ? toArc(p, from, to, radius) : toSegment(p, from, to),
    ),
  );
}

/** Points all round an outline's pieces: along each side, and each arc's ends and middle. */
function samples(pieces: readonly Piece[]): Pt[] {
  return pieces.flatMap(({ from, to, radius }) => {
    if (radius === 0) {
      return [0, 0.25, 0.5, 0.75].map((s) => ({
        x: from.x + s * (to.x - from.x),
        y: from.y + s * (to.y - from.y),
      }));
    }
    const c = arcCentre(from, to, radius);
    const middle = { x: (from.x + to.x) / 2 - c.x, y: (from.y + to.y) / 2 - c.y };
    const length = Math.hypot(middle.x, middle.y);
    return [from, { x: c.x + (middle.x / length) * radius, y: c.y + (middle.y / length) * radius }];
  });
}

/**
 * How far `p` lies from the outline nodeShape draws for a node of `type` at the origin: read from
 * the SVG itself, so the test checks the line against what the picture shows.
 */
function offOutline(type: string, p: Pt, size = SIZE): number {
  const svg = nodeShape({ id: 'n', type, x: 0, y: 0, size });
  const path = /<path d="([^"]+)"/.exec(svg);
  if (path) return offPieces(pathPieces(path[1]!), p);
  const circle = /<circle cx="[^"]+" cy="[^"]+" r="([^"]+)"/.exec(svg);
  return Math.abs(Math.hypot(p.x, p.y) - Number(circle![1]));
}

/** The radii of the arcs nodeShape rounds a `type`'s corners with at `size`. */
function arcRadii(type: string, size: number): number[] {
  const svg = nodeShape({ id: 'n', type, x: 0, y: 0, size });
  return [...svg.matchAll(/A([\d.]+),/g)].map((match) => Number(match[1]));
}

const TYPES = [...Object.keys(ENTITY_STYLES), 'Unknown'];

describe('node outlines in exported pictures', () => {
  it('covers every shape the canvas draws a type with', () => {
    const shapes = new Set([...Object.values(ENTITY_STYLES), FALLBACK_STYLE].map((s) => s.shape));
    expect([...shapes].sort()).toEqual(
      [
        'ellipse',
        'round-diamond',
        'round-hexagon',
        'round-pentagon',
        'round-rectangle',
        'round-triangle',
        'star',
      ].sort(),
    );
  });

  it.each(TYPES)(
    'ends a line from the centre on the drawn outline of a %s, at every angle',
    (type) => {
      const shape = (ENTITY_STYLES as Record<string, { shape: string }>)[type]?.shape ?? 'ellipse';
      for (let degrees = 0; degrees < 360; degrees += 7.5) {
        const u = at(degrees);
        const d = rimDistance(shape, SIZE, u);
        // Within the rounding of the SVG's coordinates (0.005 px).
        expect(offOutline(type, { x: u.x * d, y: u.y * d }), `${type} at ${degrees}°`).toBeLessThan(
          0.01,
        );
      }
    },
  );

  it('meets a circle at its radius', () => {
    expect(rimDistance('ellipse', SIZE, at(0))).toBeCloseTo(R, 9);
    expect(rimDistance('ellipse', SIZE, at(45))).toBeCloseTo(R, 9);
  });

  /**
   * How far in a corner's arc cuts it, along the corner's bisector: the arc (radius `radius`,
   * tangent to both sides of a corner of `angle` radians) lies radius / sin(angle / 2) − radius
   * inside the sharp corner.
   */
  const cut = (angle: number, radius: number) => radius / Math.sin(angle / 2) - radius;

  it('draws a hexagon filling its box as the canvas does, flat sides on its top and bottom', () => {
    // Corners (±R, 0) and (±R/2, ±R): each side corner's two sides run R/2 across for R up or
    // down, 126.9° apart; rounded with Cytoscape's radius, a tenth of the side (4 px).
    const angle = Math.PI - 2 * Math.atan(1 / 2);
    expect(rimDistance('round-hexagon', SIZE, at(0))).toBeCloseTo(R - cut(angle, 4), 9);
    expect(rimDistance('round-hexagon', SIZE, at(180))).toBeCloseTo(R - cut(angle, 4), 9);
    expect(rimDistance('round-hexagon', SIZE, at(90))).toBeCloseTo(R, 9);
    expect(rimDistance('round-hexagon', SIZE, at(-90))).toBeCloseTo(R, 9);
  });

  it('meets a diamond on its rounded corners, and halfway between them at its sides’ middle', () => {
    expect(rimDistance('round-diamond', SIZE, at(90))).toBeCloseTo(R - cut(Math.PI / 2, 4), 9);
    expect(rimDistance('round-diamond', SIZE, at(45))).toBeCloseTo(R / Math.SQRT2, 9);
    expect(rimDistance('round-diamond', SIZE, { x: -3, y: 3 })).toBeCloseTo(R / Math.SQRT2, 9);
  });

  it('draws an upright triangle from the top of its box to a base along its bottom', () => {
    // The top corner, between sides falling 2R over R each way, rounded.
    const top = 2 * Math.atan(1 / 2);
    expect(rimDistance('round-triangle', SIZE, at(-90))).toBeCloseTo(R - cut(top, 4), 9);
    expect(rimDistance('round-triangle', SIZE, at(90))).toBeCloseTo(R, 9);
  });

  it('draws an upright pentagon from the top of its box to a base along its bottom', () => {
    expect(rimDistance('round-pentagon', SIZE, at(-90))).toBeLessThan(R - 1);
    expect(rimDistance('round-pentagon', SIZE, at(90))).toBeCloseTo(R, 9);
  });

  it('meets a star at its sharp points, and in its notches nearer the centre', () => {
    expect(rimDistance('star', SIZE, at(-90))).toBeCloseTo(R, 9);
    // The notch straight below: Cytoscape's inner radius, (3 − √5)/2 · 1.57 of the points', with
    // the star stretched to fill its box (its lower points lie cos 36° below its centre) and moved
    // down to its top.
    const stretch = 2 / (1 + Math.cos(Math.PI / 5));
    const inner = ((3 - Math.sqrt(5)) / 2) * 1.57;
    expect(rimDistance('star', SIZE, at(90))).toBeCloseTo(R * (inner * stretch + stretch - 1), 9);
    expect(arcRadii('SDG', SIZE)).toEqual([]);
  });

  it('meets a round rectangle at its sides, and on its rounded corner along a diagonal', () => {
    expect(rimDistance('round-rectangle', SIZE, at(0))).toBeCloseTo(R, 9);
    expect(rimDistance('round-rectangle', SIZE, at(90))).toBeCloseTo(R, 9);
    // Cytoscape's corner: a quarter of the side, at most 8 px (8 here).
    const diagonal = rimDistance('round-rectangle', SIZE, at(45));
    expect(diagonal).toBeCloseTo(R * Math.SQRT2 - cut(Math.PI / 2, 8), 9);
  });

  it('rounds corners with Cytoscape’s radius: a tenth of a polygon’s side, a quarter of a square’s, at most 8 px', () => {
    for (const [type, corners] of [
      ['DPG', 6],
      ['Initiative', 4],
      ['Group', 5],
      ['Country', 3],
    ] as const) {
      expect(arcRadii(type, 40), type).toEqual(Array(corners).fill(4));
      expect(arcRadii(type, 120), type).toEqual(Array(corners).fill(8));
    }
    expect(arcRadii('Organisation', 20)).toEqual([5, 5, 5, 5]);
    expect(arcRadii('Organisation', 120)).toEqual([8, 8, 8, 8]);
  });

  it('turns each rounded corner by an arc tangent to both its sides', () => {
    for (const shape of ['round-hexagon', 'round-diamond', 'round-pentagon', 'round-triangle']) {
      const outline = nodeOutline(shape, 5, -3, SIZE);
      if (outline.kind !== 'polygon') throw new Error(`${shape} is no polygon`);
      outline.corners.forEach((corner, i) => {
        const next = outline.corners[(i + 1) % outline.corners.length]!;
        // The side from this arc's end to the next arc's start keeps `radius` from both centres,
        // touching each arc where it ends.
        for (const [centre, radius] of [
          [corner.centre, corner.radius],
          [next.centre, next.radius],
        ] as const) {
          expect(toSegment(centre, corner.to, next.from), `${shape} ${i}`).toBeCloseTo(radius, 9);
        }
      });
    }
  });

  it('refuses a direction of no length, naming the module', () => {
    expect(() => rimDistance('ellipse', SIZE, { x: 0, y: 0 })).toThrow(RangeError);
  });
});

describe('edges of an exported picture', () => {
  it('ends an edge on each node’s outline, whatever its shape', () => {
    // Straight down from an organisation into a DPG's flat-topped hexagon.
    const rims = rimToRim(
      [
        { x: 0, y: 0 },
        { x: 0, y: 100 },
      ],
      { shape: 'round-rectangle', size: 40 },
      { shape: 'round-hexagon', size: 40 },
    )!;
    expect(rims[0]!.y).toBeCloseTo(20, 9);
    // On the hexagon's flat top, which lies on its box's top as on the canvas.
    expect(rims[1]!.y).toBeCloseTo(80, 9);
    // Into its left corner: on the corner's arc, short of the sharp corner.
    const across = rimToRim(
      [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ],
      { shape: 'round-rectangle', size: 40 },
      { shape: 'round-hexagon', size: 40 },
    )!;
    expect(across[1]!.x).toBeGreaterThan(80.4);
    expect(offOutline('DPG', { x: across[1]!.x - 100, y: 0 })).toBeLessThan(0.01);
  });

  it('draws no arrowhead where the outlines overlap, which their shapes decide', () => {
    const line = [
      { x: 0, y: 0 },
      { x: 30 / Math.SQRT2, y: 30 / Math.SQRT2 },
    ];
    // Two 40 px diamonds 30 apart, side to side, leave a gap (2 × 14.1 < 30)...
    expect(
      rimToRim(line, { shape: 'round-diamond', size: 40 }, { shape: 'round-diamond', size: 40 }),
    ).not.toBeNull();
    // ...where two circles overlap.
    expect(
      rimToRim(line, { shape: 'ellipse', size: 40 }, { shape: 'ellipse', size: 40 }),
    ).toBeNull();
  });

  it('writes the line of the SVG to each node’s outline, a diamond’s and a star’s', () => {
    const svg = graphToSvg(
      [
        { id: 'initiative:a', type: 'Initiative', x: 0, y: 0, size: 40 },
        { id: 'sdg:3', type: 'SDG', x: 100, y: 100, size: 40 },
      ],
      [{ source: 'initiative:a', target: 'sdg:3' }],
    );
    const [x1, y1, x2, y2] = /<line x1="([^"]+)" y1="([^"]+)" x2="([^"]+)" y2="([^"]+)"/
      .exec(svg)!
      .slice(1)
      .map(Number) as [number, number, number, number];
    expect(offOutline('Initiative', { x: x1, y: y1 })).toBeLessThan(0.1);
    expect(offOutline('SDG', { x: x2 - 100, y: y2 - 100 })).toBeLessThan(0.1);
    // The diamond's side is met halfway to its corners' circle (14.1 px out, not 20).
    expect(Math.hypot(x1, y1)).toBeCloseTo(20 / Math.SQRT2, 1);
  });

  it('names a found path’s relationship halfway between the outlines, as Cytoscape does', () => {
    // A big organisation and a small DPG: halfway between where the line leaves one and meets the
    // other, not between their centres.
    const svg = graphToSvg(
      [
        { id: 'org:a', type: 'Organisation', x: 0, y: 0, size: 80 },
        { id: 'dpg:b', type: 'DPG', x: 200, y: 0, size: 20 },
      ],
      [{ source: 'org:a', target: 'dpg:b', onPath: true, label: 'owns' }],
    );
    // From 40 (the square's side) to 190.2 (the hexagon's rounded left corner).
    expect(svg).toContain('<text x="115.1" y="0.0"');
  });
});

describe('type glyphs', () => {
  /**
   * The canvas's smallest nodes: a square's corners are rounded by a quarter of its side up to 32
   * px, then by 8 px, so the glyphs, small, have the rounding of the small nodes.
   */
  const NODE = NODE_SIZE.min;
  /** A point of a glyph, moved and scaled as its node is drawn at the origin. */
  const asNode = (p: Pt) => ({
    x: ((p.x - GLYPH_BOX / 2) * NODE) / GLYPH_SIZE,
    y: ((p.y - GLYPH_BOX / 2) * NODE) / GLYPH_SIZE,
  });

  it.each(TYPES)('draws a %s’s glyph with its nodes’ outline, shrunk to the glyph', (type) => {
    const glyph = glyphGeometry(entityStyle(type).shape);
    if (glyph.kind === 'circle') {
      expect(asNode({ x: glyph.cx, y: glyph.cy })).toEqual({ x: 0, y: 0 });
      expect(offOutline(type, { x: (glyph.r * NODE) / GLYPH_SIZE, y: 0 }, NODE)).toBeLessThan(0.01);
      return;
    }
    // Both ways round, so that neither outline has a side or corner the other lacks; within the
    // rounding of the glyph's coordinates (0.005 of a 16-unit box), grown to the node's size.
    const tolerance = (0.01 * NODE) / GLYPH_SIZE;
    const pieces = pathPieces(glyph.d).map(({ from, to, radius }) => ({
      from: asNode(from),
      to: asNode(to),
      radius: (radius * NODE) / GLYPH_SIZE,
    }));
    for (const p of samples(pieces)) {
      expect(offOutline(type, p, NODE), `${type} at ${p.x},${p.y}`).toBeLessThan(tolerance);
    }
    const node = /<path d="([^"]+)"/.exec(nodeShape({ id: 'n', type, x: 0, y: 0, size: NODE }));
    for (const p of samples(pathPieces(node![1]!))) {
      expect(offPieces(pieces, p), `${type} at ${p.x},${p.y}`).toBeLessThan(tolerance);
    }
  });

  it('fits every glyph in its box', () => {
    for (const type of TYPES) {
      const glyph = glyphGeometry(entityStyle(type).shape);
      const numbers =
        glyph.kind === 'circle'
          ? [glyph.cx - glyph.r, glyph.cx + glyph.r, glyph.cy - glyph.r, glyph.cy + glyph.r]
          : samples(pathPieces(glyph.d)).flatMap((p) => [p.x, p.y]);
      expect(Math.min(...numbers), type).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers), type).toBeLessThanOrEqual(GLYPH_BOX);
    }
  });
});
