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

/** Where a selection was made; the canvas brings the node into view unless it was clicked there. */
export type SelectionOrigin = 'canvas' | 'keyboard' | 'search' | 'panel' | 'url';

let selectedId = $state<string | null>(null);
let origin = $state<SelectionOrigin>('canvas');
let details = $state<AsyncStatus<EntityDetails>>(idle());
const request = createLatestRequest();

async function loadDetails(id: string): Promise<void> {
  details = loading();
  try {
    const data = await request.run((signal) => api.entity(id, { signal }));
    if (selectedId === id) details = success(data);
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
};

/** The only ways to change the selection. */
export const selectionActions = {
  /** Selects the entity `id` and loads its details; selecting the current entity again does nothing. */
  select(id: string, from: SelectionOrigin): void {
    if (id.trim() === '') throw new TypeError('selection: id must not be blank');
    origin = from;
    if (id === selectedId && details.state !== 'error') return;
    selectedId = id;
    void loadDetails(id);
  },
  /** Clears the selection. */
  clear(): void {
    request.cancel();
    selectedId = null;
    details = idle();
  },
  /** Loads the selected entity's details again (after an error). */
  retry(): void {
    if (selectedId !== null) void loadDetails(selectedId);
  },
};
