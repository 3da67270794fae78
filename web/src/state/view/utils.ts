/** Pure helpers for the view domain. */
import type { Insets } from '../../lib/graph/viewport';

/** Canvas space the floating panels cover (px), measured from app layout: legend 244 + 16 margin, toolbar 44 + 16. */
export const PANEL_SPACE = { legend: 276, collapsedLegend: 60, toolbar: 64, edge: 24 } as const;

/** Insets to keep clear when fitting the graph, given whether the legend is open. */
export function canvasInsets(legendOpen: boolean): Insets {
  return {
    top: PANEL_SPACE.edge,
    right: PANEL_SPACE.toolbar,
    bottom: legendOpen ? PANEL_SPACE.edge : PANEL_SPACE.collapsedLegend,
    left: legendOpen ? PANEL_SPACE.legend : PANEL_SPACE.edge,
  };
}
