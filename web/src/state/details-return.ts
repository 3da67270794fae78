/**
 * Where closing the details panel returns to. An insight view's list sends its rows to the details
 * panel and stays open underneath, so closing the details goes back to that list; otherwise the
 * overview shows again.
 */
import { insight } from './insights/index.svelte';
import { selectionActions } from './selection/index.svelte';
import { viewActions } from './view/index.svelte';

export function closeDetails(): void {
  selectionActions.clear();
  if (insight.subject !== null) viewActions.openPanel('insight');
}

/** Shows an insight view's entity in the details panel, the view kept to return to. */
export function showInsightItem(id: string): void {
  selectionActions.select(id, 'panel');
  viewActions.openPanel(null);
}
