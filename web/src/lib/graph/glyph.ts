/**
 * SVG outlines of the Cytoscape node shapes the palette uses, so legend entries and type badges show
 * the same silhouette as the canvas. Drawn in a 16×16 box; "round-" shapes are rounded by the caller
 * with a round stroke join.
 */
import type cytoscape from 'cytoscape';

/** An SVG shape to draw: a circle, a rounded square, or a polygon's `points`. */
export type GlyphGeometry =
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'rect'; x: number; y: number; size: number; radius: number }
  | { kind: 'polygon'; points: string; rounded: boolean };

const CENTER = 8;

function polygon(vertices: Array<[number, number]>): string {
  return vertices.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' ');
}

/** Vertices of a regular n-gon of radius `r`, the first at angle `start` (radians, 0 = right). */
export function regularPolygon(sides: number, r: number, start: number): Array<[number, number]> {
  return Array.from({ length: sides }, (_, i) => {
    const angle = start + (i * 2 * Math.PI) / sides;
    return [CENTER + r * Math.cos(angle), CENTER + r * Math.sin(angle)] as [number, number];
  });
}

/** Vertices of a five-pointed star, point up. */
export function starPolygon(outer: number, inner: number): Array<[number, number]> {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [CENTER + r * Math.cos(angle), CENTER + r * Math.sin(angle)] as [number, number];
  });
}

/** Geometry for a node shape; shapes without a dedicated outline fall back to a circle. */
export function glyphGeometry(shape: cytoscape.Css.NodeShape): GlyphGeometry {
  const rounded = shape.startsWith('round-');
  switch (shape) {
    case 'rectangle':
    case 'round-rectangle':
    case 'roundrectangle':
      return { kind: 'rect', x: 2, y: 2, size: 12, radius: rounded ? 3 : 0 };
    case 'triangle':
    case 'round-triangle':
      return {
        kind: 'polygon',
        points: polygon([
          [8, 1.8],
          [14.6, 13.6],
          [1.4, 13.6],
        ]),
        rounded,
      };
    case 'diamond':
    case 'round-diamond':
      return {
        kind: 'polygon',
        points: polygon([
          [8, 1.2],
          [14.8, 8],
          [8, 14.8],
          [1.2, 8],
        ]),
        rounded,
      };
    case 'pentagon':
    case 'round-pentagon':
      return { kind: 'polygon', points: polygon(regularPolygon(5, 6.8, -Math.PI / 2)), rounded };
    case 'hexagon':
    case 'round-hexagon':
      return { kind: 'polygon', points: polygon(regularPolygon(6, 6.8, 0)), rounded };
    case 'octagon':
    case 'round-octagon':
      return { kind: 'polygon', points: polygon(regularPolygon(8, 6.6, Math.PI / 8)), rounded };
    case 'star':
      return { kind: 'polygon', points: polygon(starPolygon(7.4, 3.2)), rounded: false };
    default:
      return { kind: 'circle', cx: CENTER, cy: CENTER, r: 6.2 };
  }
}
