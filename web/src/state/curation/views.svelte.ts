/**
 * Saved views domain: named explorer states stored on the server (the URL fragment and the entities
 * shown), listed in the Views menu, opened by navigating to their URL state, renamed or deleted by
 * their owner.
 */
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
import { curationApi } from './curation-api';
import type { SavedView, SavedViewState, SavedViewSummary } from './types';

let list = $state<AsyncStatus<SavedViewSummary[]>>(idle());
let save = $state<AsyncStatus<SavedView>>(idle());
let change = $state<AsyncStatus<null>>(idle());

/** The saved state of the page as it is now: its fragment and the entities on the canvas. */
export function currentViewState(entities: readonly string[], layout: string): SavedViewState {
  return {
    entities: entities.slice(0, 500),
    filters: { url: window.location.hash },
    layout,
    positions: {},
  };
}

/** Navigates to a saved view's URL state (the explorer restores itself from the fragment). */
function navigateTo(state: SavedViewState): void {
  const hash = state.filters.url ?? '';
  window.history.pushState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Read-only view of the saved views. */
export const views = {
  get list() {
    return list;
  },
  get save() {
    return save;
  },
  get change() {
    return change;
  },
};

/** The only ways to change the saved views state. */
export const viewsActions = {
  async load(): Promise<void> {
    list = loading();
    try {
      list = success(await curationApi.views());
    } catch (error) {
      list = failure(error);
    }
  },
  /** Saves the current page state under `name`. */
  async saveCurrent(name: string, state: SavedViewState): Promise<boolean> {
    save = loading();
    try {
      save = success(await curationApi.createView(name.trim(), state));
      void viewsActions.load();
      return true;
    } catch (error) {
      save = failure(error);
      return false;
    }
  },
  /** Opens a saved view. */
  async open(id: string): Promise<void> {
    change = loading();
    try {
      const view = await curationApi.view(id);
      change = success(null);
      navigateTo(view.state);
    } catch (error) {
      change = failure(error);
    }
  },
  async rename(view: SavedViewSummary, name: string): Promise<void> {
    change = loading();
    try {
      await curationApi.renameView(view.id, view.version, name.trim());
      change = success(null);
      void viewsActions.load();
    } catch (error) {
      change = failure(error);
    }
  },
  async remove(view: SavedViewSummary): Promise<void> {
    change = loading();
    try {
      await curationApi.deleteView(view.id, view.version);
      change = success(null);
      void viewsActions.load();
    } catch (error) {
      change = failure(error);
    }
  },
};
