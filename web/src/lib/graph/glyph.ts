/**
 * The silhouettes the TypeGlyph component draws an entity type with in the legend, lists and
 * panels: the outline its nodes have on the canvas (node-outline.ts), shrunk into a small box.
 * Regular polygons of the glyphs' own drew a flatter hexagon, a shorter triangle, deeper star
 * notches and other corners than the nodes they stand for.
 */
import { nodeOutline, outlinePath } from './node-outline';

/** An SVG shape to draw: a circle, or a path's data. */
export type GlyphGeometry =
  { kind: 'circle'; cx: number; cy: number; r: number } | { kind: 'path'; d: string };

/** The side of the square a glyph is drawn in (TypeGlyph's viewBox). */
export const GLYPH_BOX = 16;

/**
 * The side of the node a glyph draws, within its box: the size its circle had when each shape
 * had its own, a little room left at the edges so that no side is cut by the box.
 */
export const GLYPH_SIZE = 12.4;

/** A node shape's glyph: the canvas's outline for it, centred in the glyph's box. */
export function glyphGeometry(shape: string): GlyphGeometry {
  const outline = nodeOutline(shape, GLYPH_BOX / 2, GLYPH_BOX / 2, GLYPH_SIZE);
  if (outline.kind === 'polygon') return { kind: 'path', d: outlinePath(outline.corners) };
  return { kind: 'circle', cx: outline.centre.x, cy: outline.centre.y, r: outline.radius };
}
