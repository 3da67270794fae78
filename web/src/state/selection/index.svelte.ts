/**
 * Selection domain: which entity or relationship the reader selected (one thing at a time), where
 * the selection came from, and the details the API returned for it. The canvas, search box, details
 * panel and URL all go through these actions.
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
import type { EntityDetails, Provenance, RelationshipRead } from '../../lib/api/types';
import { replaceNextUrl } from '../url/replace-next';
import {
  type RelationshipRef,
  relationshipKey,
  relationshipProvenance,
  sameRelationship,
} from './utils';

/** A selected relationship as the details panel shows it. */
export interface RelationshipDetails {
  /** Its state and the sources that state it, as the API answers. */
  relationship: RelationshipRead;
  /** Each source stating it, with what the source says. */
  provenance: Provenance[];
}

/** Where a selection was made; the canvas brings the node into view unless it was clicked there. */
export type SelectionOrigin = 'canvas' | 'keyboard' | 'search' | 'panel' | 'url';

let selectedId = $state<string | null>(null);
let origin = $state<SelectionOrigin>('canvas');
let details = $state<AsyncStatus<EntityDetails>>(idle());
/** The id asked for when the selected entity was reached through a merge (an old link's id). */
let mergedFrom = $state<string | null>(null);
const request = createLatestRequest();
let selectedRelationship = $state<RelationshipRef | null>(null);
let relationshipDetails = $state<AsyncStatus<RelationshipDetails>>(idle());
const relationshipRequest = createLatestRequest();

async function fetchRelationship(
  ref: RelationshipRef,
  signal: AbortSignal,
): Promise<RelationshipDetails> {
  const relationship = await api.relationship(ref, { signal });
  return { relationship, provenance: relationshipProvenance(relationship.properties) };
}

async function loadRelationship(ref: RelationshipRef): Promise<void> {
  relationshipDetails = loading();
  try {
    const data = await relationshipRequest.run((signal) => fetchRelationship(ref, signal));
    if (sameRelationship(selectedRelationship, ref)) relationshipDetails = success(data);
  } catch (error) {
    if (!isAbort(error) && sameRelationship(selectedRelationship, ref))
      relationshipDetails = failure(error);
  }
}

/** Drops the selected entity (a relationship is being selected instead). */
function dropEntity(): void {
  request.cancel();
  selectedId = null;
  mergedFrom = null;
  details = idle();
}

/** Drops the selected relationship (an entity is being selected instead). */
function dropRelationship(): void {
  relationshipRequest.cancel();
  selectedRelationship = null;
  relationshipDetails = idle();
}

/** Reads `id`'s details; `quiet`: keeping those shown until the answer comes. */
async function loadDetails(id: string, quiet = false): Promise<void> {
  if (!quiet) details = loading();
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
  /** The selected entity's id; null when nothing or a relationship is selected. */
  get id() {
    return selectedId;
  },
  /** The selected relationship; null when nothing or an entity is selected. */
  get relationship() {
    return selectedRelationship;
  },
  /** The selected relationship's details, with its provenance and the sources that state it. */
  get relationshipDetails() {
    return relationshipDetails;
  },
  /**
   * The id of the selected thing's element on the canvas: the entity's id, or the relationship's
   * key (`from|TYPE|to`, the edge's id); null when nothing is selected.
   */
  get elementId() {
    return selectedRelationship === null ? selectedId : relationshipKey(selectedRelationship);
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
    dropRelationship();
    if (id === selectedId && details.state !== 'error') return;
    selectedId = id;
    mergedFrom = null;
    void loadDetails(id);
  },
  /**
   * Selects the relationship `ref` (the entity selected before, if any, is no longer) and loads
   * its details; selecting the current one again does nothing.
   */
  selectRelationship(ref: RelationshipRef, from: SelectionOrigin): void {
    origin = from;
    dropEntity();
    if (sameRelationship(ref, selectedRelationship) && relationshipDetails.state !== 'error')
      return;
    selectedRelationship = { ...ref };
    void loadRelationship(selectedRelationship);
  },
  /** Clears the selection, entity or relationship. */
  clear(): void {
    dropEntity();
    dropRelationship();
  },
  /** Selects `id` with its details read anew, though it be selected already (after a change to it). */
  reselect(id: string, from: SelectionOrigin): void {
    if (id === selectedId) {
      origin = from;
      void loadDetails(id);
    } else selectionActions.select(id, from);
  },
  /**
   * Reads the selected entity's details again, keeping the panel as it is meanwhile: the page of a
   * deleted entity whose undo the server refused (someone else had restored it) must show it back,
   * and placeholders in the meantime would take the refusal shown on that page away with them.
   */
  refresh(): void {
    if (selectedId !== null) void loadDetails(selectedId, true);
  },
  /** Loads the selected entity's or relationship's details again (after an error or an edit). */
  retry(): void {
    if (selectedId !== null) void loadDetails(selectedId);
    if (selectedRelationship !== null) void loadRelationship(selectedRelationship);
  },
};
