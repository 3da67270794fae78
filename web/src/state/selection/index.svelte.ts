/**
 * Selection domain: which entity the reader selected, where the selection came from, and the details
 * the API returned for it. The canvas, search box, details panel and URL all go through these actions.
 */
import { api } from '../../lib/api';
import {
  type AsyncStatus,
  failure,
  idle,
  isAbort,
  loading,
  success,
} from '../../lib/api/async-status';
import { createLatestRequest } from '../../lib/api/latest-request';
import type { EntityDetails } from '../../lib/api/types';
import { replaceNextUrl } from '../url/replace-next';

/** Where a selection was made; the canvas brings the node into view unless it was clicked there. */
export type SelectionOrigin = 'canvas' | 'keyboard' | 'search' | 'panel' | 'url';

let selectedId = $state<string | null>(null);
let origin = $state<SelectionOrigin>('canvas');
let details = $state<AsyncStatus<EntityDetails>>(idle());
/** The id asked for when the selected entity was reached through a merge (an old link's id). */
let mergedFrom = $state<string | null>(null);
const request = createLatestRequest();

async function loadDetails(id: string): Promise<void> {
  details = loading();
  try {
    const data = await request.run((signal) => api.entity(id, { signal }));
    if (selectedId !== id) return;
    // An id an editor merged into another answers with that one: the selection follows, and says so.
    if (data.id !== id) {
      replaceNextUrl();
      selectedId = data.id;
      mergedFrom = id;
    }
    details = success(data);
  } catch (error) {
    if (!isAbort(error) && selectedId === id) details = failure(error);
  }
}

/** Read-only view of the selection. */
export const selection = {
  get id() {
    return selectedId;
  },
  get origin() {
    return origin;
  },
  get details() {
    return details;
  },
  /** The merged-away id the selection was asked for, when it was (null otherwise). */
  get mergedFrom() {
    return mergedFrom;
  },
};

/** The only ways to change the selection. */
export const selectionActions = {
  /** Selects the entity `id` and loads its details; selecting the current entity again does nothing. */
  select(id: string, from: SelectionOrigin): void {
    if (id.trim() === '') throw new TypeError('selection: id must not be blank');
    origin = from;
    if (id === selectedId && details.state !== 'error') return;
    selectedId = id;
    mergedFrom = null;
    void loadDetails(id);
  },
  /** Clears the selection. */
  clear(): void {
    request.cancel();
    selectedId = null;
    mergedFrom = null;
    details = idle();
  },
  /** Selects `id` with its details read anew, though it be selected already (after a change to it). */
  reselect(id: string, from: SelectionOrigin): void {
    if (id === selectedId) {
      origin = from;
      void loadDetails(id);
    } else selectionActions.select(id, from);
  },
  /** Loads the selected entity's details again (after an error). */
  retry(): void {
    if (selectedId !== null) void loadDetails(selectedId);
  },
};
