/**
 * What a notice floating over the canvas hides of it, as extra insets: the canvas keeps that strip
 * clear as it does the legend's and the toolbar's when it fits the graph or brings a selected
 * entity into view. An undo's notice stays open while the canvas shows what came back, and the
 * entity brought back ended up under it.
 */
import type { Insets } from '../../lib/graph/viewport';

/** How far into the canvas, from its top and from its bottom, something over it reaches (px). */
export interface CanvasCover {
  top: number;
  bottom: number;
}

/** A box in the window's coordinates, as `getBoundingClientRect()` gives it. */
export interface ScreenBox {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Nothing covered. */
export const NO_COVER: CanvasCover = { top: 0, bottom: 0 };

/** Room kept between a notice and the nearest entity brought into view below or above it. */
export const COVER_GAP = 12;

/**
 * How far `floating` reaches into `canvas`, from the edge it is nearer (the top for one whose middle
 * is in the canvas's upper half), with `gap` beyond it; nothing when the two do not overlap.
 */
export function canvasCover(floating: ScreenBox, canvas: ScreenBox, gap = COVER_GAP): CanvasCover {
  const overlaps =
    floating.left < canvas.right &&
    floating.right > canvas.left &&
    floating.top < canvas.bottom &&
    floating.bottom > canvas.top;
  if (!overlaps) return NO_COVER;
  const upper = floating.top + floating.bottom < canvas.top + canvas.bottom;
  return upper
    ? { top: Math.round(floating.bottom - canvas.top + gap), bottom: 0 }
    : { top: 0, bottom: Math.round(canvas.bottom - floating.top + gap) };
}

/** `insets` widened, edge by edge, to what each of `covers` reaches. */
export function coveredInsets(insets: Insets, covers: Iterable<CanvasCover>): Insets {
  let { top, bottom } = insets;
  for (const cover of covers) {
    top = Math.max(top, cover.top);
    bottom = Math.max(bottom, cover.bottom);
  }
  return top === insets.top && bottom === insets.bottom ? insets : { ...insets, top, bottom };
}

/**
 * Where `floating` lies over `canvas`, in px from the canvas's top-left corner, grown by `gap` on
 * every side and cut to the canvas; null when the two do not overlap. What labels keep out of: the
 * legend in the canvas's corner hides what is drawn under it.
 */
export function panelBox(
  floating: ScreenBox,
  canvas: ScreenBox,
  gap = COVER_GAP,
): ScreenBox | null {
  const box = {
    top: Math.max(0, floating.top - gap - canvas.top),
    right: Math.min(canvas.right - canvas.left, floating.right + gap - canvas.left),
    bottom: Math.min(canvas.bottom - canvas.top, floating.bottom + gap - canvas.top),
    left: Math.max(0, floating.left - gap - canvas.left),
  };
  return box.left < box.right && box.top < box.bottom ? box : null;
}
