/**
 * Where closing the details panel returns to. An insight view's list sends its rows to the details
 * panel and stays open underneath, so closing the details goes back to that list, however they
 * are closed (the close button, Escape, a tap on the empty canvas, Hide); otherwise the overview
 * shows again.
 */
import { graphActions } from './graph/index.svelte';
import { highlightActions } from './highlight/index.svelte';
import { insight } from './insights/index.svelte';
import { selectionActions } from './selection/index.svelte';
import { view, viewActions } from './view/index.svelte';

export function closeDetails(): void {
  selectionActions.clear();
  // Only where the details were showing: another open panel (filters, paths) stays.
  if (insight.subject !== null && view.panel === null) viewActions.openPanel('insight');
}

/**
 * Selects an entity from a row of a panel's list (the overview's most connected, the details'
 * neighbours, an insight view's items). The row goes as the details open and never hears the
 * pointer leave: its highlight goes now, or the canvas stayed dimmed round the entity instead of
 * showing the selection's story (QA).
 */
export function selectFromList(id: string): void {
  highlightActions.clear();
  selectionActions.select(id, 'panel');
}

/** Explores from an entity chosen in a panel (a chart's bar, a suggestion), its details open. */
export function exploreFromPanel(id: string): void {
  selectionActions.select(id, 'panel');
  graphActions.focus(id);
}

/** Shows an insight view's entity in the details panel, the view kept to return to. */
export function showInsightItem(id: string): void {
  selectFromList(id);
  viewActions.openPanel(null);
}
