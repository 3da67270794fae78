/**
 * Saved views domain: named explorer states stored on the server (the URL fragment, the entities
 * shown and where each one was on the canvas), listed in the Views menu, opened by navigating to
 * their URL state with their positions preset on the canvas, renamed or deleted by their owner.
 */
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
import { decodeShareState } from '../url/utils';
import { curationApi } from './curation-api';
import type { SavedView, SavedViewState, SavedViewSummary } from './types';
import {
  type Point,
  type PresetPositions,
  savedPositions,
  savedViewHash,
  viewState,
} from './view-positions';

let list = $state<AsyncStatus<SavedViewSummary[]>>(idle());
let save = $state<AsyncStatus<SavedView>>(idle());
let change = $state<AsyncStatus<null>>(idle());
/** The positions of the view opened last, with the exploration they belong to. */
let preset = $state.raw<PresetPositions | null>(null);
/** Reads the canvas's node positions (the page connects its canvas). */
let readPositions: () => Readonly<Record<string, Point>> = () => ({});

/** The saved state of the page as it is now: its fragment, the entities and their positions. */
export function currentViewState(entities: readonly string[], layout: string): SavedViewState {
  return viewState(entities, window.location.hash, layout, readPositions());
}

/** Navigates to a saved view's URL state (the explorer restores itself from the fragment). */
function navigateTo(hash: string): void {
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
  /** The opened view's positions (see view-positions.ts `presetFor`). */
  get preset() {
    return preset;
  },
};

/** The only ways to change the saved views state. */
export const viewsActions = {
  /**
   * Connects the canvas whose positions a saved view stores; returns the disconnect (for an
   * `$effect` cleanup).
   */
  connectCanvas(read: () => Readonly<Record<string, Point>>): () => void {
    readPositions = read;
    return () => {
      if (readPositions === read) readPositions = () => ({});
    };
  },
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
  /** Opens a saved view: its URL state, with its positions preset on the canvas. */
  async open(id: string): Promise<void> {
    change = loading();
    try {
      const view = await curationApi.view(id);
      change = success(null);
      const hash = savedViewHash(view.state);
      preset = {
        exploration: decodeShareState(hash).exploration,
        positions: savedPositions(view.state.positions),
      };
      navigateTo(hash);
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
