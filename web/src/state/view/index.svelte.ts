/**
 * View domain: how the workspace chrome is arranged around the canvas (whether the legend is open),
 * and the canvas insets that follow from it, so fitting the graph leaves the floating panels clear.
 */
import type { Insets } from '../../lib/graph/viewport';
import { canvasInsets } from './utils';

/** Below this window width the legend starts collapsed, leaving the narrower canvas to the graph. */
export const COMPACT_WIDTH = 1200;

let legendOpen = $state(typeof window === 'undefined' || window.innerWidth >= COMPACT_WIDTH);
const insets = $derived<Insets>(canvasInsets(legendOpen));

/** Read-only view of the view state. */
export const view = {
  get legendOpen() {
    return legendOpen;
  },
  get insets() {
    return insets;
  },
};

/** The only ways to change the view state. */
export const viewActions = {
  /** Opens or closes the legend. */
  toggleLegend(): void {
    legendOpen = !legendOpen;
  },
};
