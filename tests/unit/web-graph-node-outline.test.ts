// Unit tests of where an exported picture's lines meet its node shapes (web/src/lib/graph/node-outline.ts)
// and of the edges svg-export.ts draws to them.
import { describe, expect, it } from 'vitest';
import { ENTITY_STYLES, FALLBACK_STYLE } from '../../web/src/lib/graph/palette.ts';
import {
  ROUND_RECTANGLE_CORNER,
  STAR_INNER,
  rimDistance,
} from '../../web/src/lib/graph/node-outline.ts';
import { graphToSvg, nodeShape, rimToRim } from '../../web/src/lib/graph/svg-export.ts';

const SIZE = 40;
const R = SIZE / 2;
/** A unit direction at `degrees` clockwise from the positive x axis (y points down, as on screen). */
const at = (degrees: number) => ({
  x: Math.cos((degrees * Math.PI) / 180),
  y: Math.sin((degrees * Math.PI) / 180),
});

/** Distance from `p` to the segment `a`–`b`. */
function toSegment(p: { x: number; y: number }, a: number[], b: number[]): number {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const s = Math.max(
    0,
    Math.min(
      1,
      ((p.x - ax) * (bx - ax) + (p.y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
    ),
  );
  return Math.hypot(p.x - (ax + s * (bx - ax)), p.y - (ay + s * (by - ay)));
}

/**
 * How far `p` lies from the outline nodeShape draws for a node of `type` at the origin: read from
 * the SVG itself, so the test checks the line against what the picture shows.
 */
function offOutline(type: string, p: { x: number; y: number }): number {
  const svg = nodeShape({ id: 'n', type, x: 0, y: 0, size: SIZE });
  const polygon = /<polygon points="([^"]+)"/.exec(svg);
  if (polygon) {
    const corners = polygon[1]!.split(' ').map((pair) => pair.split(',').map(Number));
    return Math.min(
      ...corners.map((corner, i) => toSegment(p, corner, corners[(i + 1) % corners.length]!)),
    );
  }
  const rect = /<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="[^"]+" rx="([^"]+)"/.exec(
    svg,
  );
  if (rect) {
    const [x, , width, rx] = rect.slice(1).map(Number) as [number, number, number, number];
    const half = width / 2;
    const inner = half - rx;
    const [ax, ay] = [Math.abs(p.x - (x + half)), Math.abs(p.y - (x + half))];
    if (ax > inner && ay > inner) return Math.abs(Math.hypot(ax - inner, ay - inner) - rx);
    return Math.abs(Math.max(ax, ay) - half);
  }
  const circle = /<circle cx="[^"]+" cy="[^"]+" r="([^"]+)"/.exec(svg);
  return Math.abs(Math.hypot(p.x, p.y) - Number(circle![1]));
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
        // Within the rounding of the SVG's coordinates (0.05 px).
        expect(offOutline(type, { x: u.x * d, y: u.y * d }), `${type} at ${degrees}°`).toBeLessThan(
          0.08,
        );
      }
    },
  );

  it('meets a circle at its radius', () => {
    expect(rimDistance('ellipse', SIZE, at(0))).toBeCloseTo(R, 9);
    expect(rimDistance('ellipse', SIZE, at(45))).toBeCloseTo(R, 9);
  });

  it('meets a hexagon at its corners left and right, and its flat side above and below', () => {
    expect(rimDistance('round-hexagon', SIZE, at(0))).toBeCloseTo(R, 9);
    expect(rimDistance('round-hexagon', SIZE, at(90))).toBeCloseTo(R * Math.cos(Math.PI / 6), 9);
    expect(rimDistance('round-hexagon', SIZE, at(-90))).toBeCloseTo(R * Math.cos(Math.PI / 6), 9);
  });

  it('meets a diamond at its corners, and halfway between them at its sides’ middle', () => {
    expect(rimDistance('round-diamond', SIZE, at(90))).toBeCloseTo(R, 9);
    expect(rimDistance('round-diamond', SIZE, at(45))).toBeCloseTo(R / Math.SQRT2, 9);
    expect(rimDistance('round-diamond', SIZE, { x: -3, y: 3 })).toBeCloseTo(R / Math.SQRT2, 9);
  });

  it('meets an upright triangle at its top corner and its base, half the radius below', () => {
    expect(rimDistance('round-triangle', SIZE, at(-90))).toBeCloseTo(R, 9);
    expect(rimDistance('round-triangle', SIZE, at(90))).toBeCloseTo(R / 2, 9);
  });

  it('meets an upright pentagon at its top corner and the middle of its base', () => {
    expect(rimDistance('round-pentagon', SIZE, at(-90))).toBeCloseTo(R, 9);
    expect(rimDistance('round-pentagon', SIZE, at(90))).toBeCloseTo(R * Math.cos(Math.PI / 5), 9);
  });

  it('meets a star at its points, and in its notches nearer the centre', () => {
    expect(rimDistance('star', SIZE, at(-90))).toBeCloseTo(R, 9);
    expect(rimDistance('star', SIZE, at(-90 + 36))).toBeCloseTo(R * STAR_INNER, 9);
  });

  it('meets a round rectangle at its sides, and on its rounded corner along a diagonal', () => {
    expect(rimDistance('round-rectangle', SIZE, at(0))).toBeCloseTo(R, 9);
    expect(rimDistance('round-rectangle', SIZE, at(90))).toBeCloseTo(R, 9);
    // The corner's circle, centred (1 − c)·R in from each side, crossed at its far side.
    const c = R * ROUND_RECTANGLE_CORNER;
    const diagonal = rimDistance('round-rectangle', SIZE, at(45));
    expect(diagonal).toBeCloseTo((R - c) * Math.SQRT2 + c, 9);
    expect(diagonal).toBeLessThan(R * Math.SQRT2);
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
    // Where a circle of half the size would end it 2.7 px above the hexagon.
    expect(rims[1]!.y).toBeCloseTo(100 - 20 * Math.cos(Math.PI / 6), 9);
  });

  it('draws no arrowhead where the outlines overlap, which their shapes decide', () => {
    const line = [
      { x: 0, y: 0 },
      { x: 0, y: 35 },
    ];
    // Two 40 px hexagons 35 apart, flat side to flat side, leave a gap (2 × 17.3 < 35)...
    expect(
      rimToRim(line, { shape: 'round-hexagon', size: 40 }, { shape: 'round-hexagon', size: 40 }),
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
    // From 40 (the square's side) to 190 (the hexagon's left corner).
    expect(svg).toContain('<text x="115.0" y="0.0"');
  });
});
