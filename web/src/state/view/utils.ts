/** Pure helpers for the view domain. */
import type { Insets } from '../../lib/graph/viewport';

/**
 * Canvas space the floating panels cover (px), measured from app layout: legend 244 + 16 margin,
 * toolbar 44 + 16 (a column at the right; on a phone a row at the bottom, 44 px touch targets).
 */
export const PANEL_SPACE = {
  legend: 276,
  collapsedLegend: 60,
  toolbar: 64,
  phoneToolbar: 70,
  edge: 24,
} as const;

/**
 * Insets to keep clear when fitting the graph, given whether the legend is open and whether the
 * toolbar lies in a row along the bottom (a phone's window, GraphToolbar.svelte).
 */
export function canvasInsets(legendOpen: boolean, rowToolbar = false): Insets {
  const legendBottom = legendOpen ? PANEL_SPACE.edge : PANEL_SPACE.collapsedLegend;
  return {
    top: PANEL_SPACE.edge,
    right: rowToolbar ? PANEL_SPACE.edge : PANEL_SPACE.toolbar,
    bottom: rowToolbar ? Math.max(legendBottom, PANEL_SPACE.phoneToolbar) : legendBottom,
    left: legendOpen ? PANEL_SPACE.legend : PANEL_SPACE.edge,
  };
}
