/**
 * Label text measured with the browser's own font metrics, as Cytoscape measures it when it draws
 * (a canvas context's `measureText` in the same font), for label placement. Uses the DOM, so it is
 * imported by name where used (the tests and the server-side type check import lib/graph's index
 * without the DOM's types).
 */
import { type TextWidth, estimateTextWidth } from './label-placement';

/** Font size the widths are measured at, then scaled: one measure per word and weight. */
const REFERENCE_PX = 100;

/** A {@link TextWidth} for `fontFamily`; the estimate where no canvas context can be had. */
export function canvasTextWidth(fontFamily: string): TextWidth {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return estimateTextWidth;
  // Words recur (a graph's names share them) and names recur across placements: measured once.
  const widths = new Map<string, number>();
  // Setting a context's font parses the font string: only when the weight changes.
  let weight: number | null = null;
  return (text, fontSize, fontWeight) => {
    const key = `${fontWeight}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      if (weight !== fontWeight) {
        context.font = `${fontWeight} ${REFERENCE_PX}px ${fontFamily}`;
        weight = fontWeight;
      }
      width = context.measureText(text).width;
      widths.set(key, width);
    }
    return (width * fontSize) / REFERENCE_PX;
  };
}
