/**
 * Labels that stay readable when zoomed out. Labels are sized in model units, so they shrink with the
 * zoom: the overview's fitted view (zoom ~0.3) drew its hubs' names at ~5 px, a grey speckle nobody
 * could read. Below the zoom at which the biggest labels reach {@link READABLE_LABEL_PX} on screen,
 * every label grows by the same factor (font, wrap width, margin and outline alike), and label
 * placement makes room for the bigger boxes, so fewer names show, each one legible — as Gephi Lite
 * and sigma.js draw labels at a constant screen size. Zoomed in past that point, nothing changes.
 *
 * The factor lives on the Cytoscape instance (its scratch), where the stylesheet's functions and
 * label placement both read it; one controller (LabelPlacement) sets it when the zoom settles.
 */
import type cytoscape from 'cytoscape';
import { TIER_FONT_SIZE } from './elements';

/** On-screen size (CSS px) the biggest labels keep, at the least, however far out the reader zooms. */
export const READABLE_LABEL_PX = 12;

/**
 * The factor moves in steps of this ratio, so a small zoom does not restyle every node and place
 * every label again; rounded up, so labels are never smaller than readable.
 */
export const LABEL_SCALE_STEP = 1.1;

const SCRATCH_KEY = 'dpgExplorerLabelScale';

/** The factor labels are drawn at for `zoom`: 1 when zoomed in enough, more the further out. */
export function labelScale(zoom: number, largestFont: number = TIER_FONT_SIZE[1]): number {
  if (!(zoom > 0) || !(largestFont > 0)) return 1;
  const needed = READABLE_LABEL_PX / (largestFont * zoom);
  if (needed <= 1) return 1;
  const steps = Math.ceil(Math.log(needed) / Math.log(LABEL_SCALE_STEP) - 1e-9);
  return LABEL_SCALE_STEP ** steps;
}

/** The factor the canvas draws labels at now (1 until one is set). */
export function currentLabelScale(cy: cytoscape.Core): number {
  const scale: unknown = cy.scratch(SCRATCH_KEY);
  return typeof scale === 'number' && scale > 0 ? scale : 1;
}

/**
 * Sets the factor; true when it changed. The nodes are then marked for restyling (the stylesheet's
 * label metrics are functions of the factor); the caller places the labels again.
 */
export function setLabelScale(cy: cytoscape.Core, scale: number): boolean {
  if (currentLabelScale(cy) === scale) return false;
  cy.scratch(SCRATCH_KEY, scale);
  // Nodes only: `cy.style().update()` would restyle every edge too, thousands in a big graph, none
  // with a label metric. Cytoscape's collections have `updateStyle()` (what that call runs for each
  // element), missing from its type declarations.
  (cy.nodes() as unknown as { updateStyle(): void }).updateStyle();
  return true;
}
