/**
 * Labels at a reader's size, whatever the zoom. Labels are sized in model units, so they shrink and
 * grow with the zoom: the overview's fitted view (zoom ~0.3) drew its hubs' names at ~5 px, a grey
 * speckle nobody could read, and zoomed in to 2.4× a name took three times the room it needed, so
 * placement hid names beside empty space (QA). Zoomed out past the point where the biggest labels
 * read at {@link READABLE_LABEL_PX}, every label grows by one factor (font, wrap width, margin and
 * outline alike); zoomed in past the point where the smallest read at {@link SMALLEST_LABEL_PX}, they
 * shrink by one factor as far as that; label placement then works with the boxes as drawn, so
 * fewer names show far out, each legible, and more show close up — as Gephi Lite and sigma.js keep
 * labels at a screen size.
 *
 * The factor is kept per Cytoscape instance (a WeakMap here, not the instance's scratch: setting the
 * core's scratch restyles every element, edges too), where the stylesheet's functions and label
 * placement both read it; one controller (LabelPlacement) sets it when the zoom settles.
 */
import type cytoscape from 'cytoscape';
import { TIER_FONT_SIZE } from './elements';

/** On-screen size (CSS px) the biggest labels keep, at the least, however far out the reader zooms. */
export const READABLE_LABEL_PX = 12;

/** On-screen size (CSS px) the smallest labels keep when the reader zooms in and they shrink. */
export const SMALLEST_LABEL_PX = 11;

/**
 * The factor moves in steps of this ratio, so a small zoom does not restyle every node and place
 * every label again; rounded up, so labels are never smaller than the sizes above.
 */
export const LABEL_SCALE_STEP = 1.1;

/** The factor of each Cytoscape instance that has one other than 1. */
const scales = new WeakMap<cytoscape.Core, number>();

/** The Cytoscape event emitted on the instance when the label scale changes. */
export const LABEL_SCALE_EVENT = 'labelscale';

/** The factor labels are drawn at for `zoom`: more than 1 far out, less close up, else 1. */
export function labelScale(
  zoom: number,
  largestFont: number = TIER_FONT_SIZE[1],
  smallestFont: number = TIER_FONT_SIZE[3],
): number {
  if (!(zoom > 0) || !(largestFont > 0) || !(smallestFont > 0)) return 1;
  const grow = READABLE_LABEL_PX / (largestFont * zoom);
  const shrink = SMALLEST_LABEL_PX / (smallestFont * zoom);
  const wanted = grow > 1 ? grow : shrink < 1 ? shrink : 1;
  if (wanted === 1) return 1;
  // Up to the next step: never below the size asked for.
  const steps = Math.ceil(Math.log(wanted) / Math.log(LABEL_SCALE_STEP) - 1e-9);
  return LABEL_SCALE_STEP ** steps;
}

/** The factor the canvas draws labels at now (1 until one is set). */
export function currentLabelScale(cy: cytoscape.Core): number {
  return scales.get(cy) ?? 1;
}

/**
 * Sets the factor; true when it changed. The nodes are then marked for restyling (the stylesheet's
 * label metrics are functions of the factor); the caller places the labels again.
 */
export function setLabelScale(cy: cytoscape.Core, scale: number): boolean {
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new RangeError(`label-scale: a scale must be a positive number, got ${scale}`);
  if (currentLabelScale(cy) === scale) return false;
  // Not `cy.scratch(key, scale)`: setting the core's scratch runs `cy.updateStyle()`, marking all
  // elements, the edges too, for restyling.
  scales.set(cy, scale);
  // Nodes only: `cy.style().update()` would restyle every edge too, thousands in a big graph, none
  // with a label metric. Cytoscape's collections have `updateStyle()` (what that call runs for each
  // element), missing from its type declarations.
  (cy.nodes() as unknown as { updateStyle(): void }).updateStyle();
  // For what sizes labels by the zoom as well (PathLabels): the scale changes after the zoom did.
  cy.emit(LABEL_SCALE_EVENT);
  return true;
}
