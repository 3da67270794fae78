/**
 * Relationship corrections: the form that changes a relationship's role, dates, notes (and board
 * seat on MEMBER_OF), read first for its version; its field problems (the server's 400 details
 * included); and the "changed by someone else" conflict of a stale change, which can be re-applied
 * onto the current version. After a change the details are reloaded.
 */
import { ApiError } from '../../lib/api/api-error';
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
import { selectionActions } from '../selection/index.svelte';
import { curationApi } from './curation-api';
import {
  type RelationshipDraft,
  fieldProblems,
  relationshipChanges,
  relationshipDraftProblems,
} from './rules';
import type { RelationshipState } from './types';

/** The relationship being corrected, named as the details panel shows it. */
export interface RelationshipTarget {
  from: string;
  type: string;
  to: string;
  fromLabel: string;
  toLabel: string;
}

/** A stale change: the state now on the server and the change the editor made. */
export interface RelationshipConflict {
  state: RelationshipState;
  changes: Record<string, string | boolean | null>;
}

let target = $state<RelationshipTarget | null>(null);
let base = $state<AsyncStatus<RelationshipState>>(idle());
let save = $state<AsyncStatus<RelationshipState>>(idle());
let problems = $state<Record<string, string>>({});
let conflict = $state<RelationshipConflict | null>(null);

const sameTarget = (a: RelationshipTarget | null, b: RelationshipTarget) =>
  a !== null && a.from === b.from && a.type === b.type && a.to === b.to;

/** Read-only view of the relationship form. */
export const relationshipForm = {
  get target() {
    return target;
  },
  /** The state read before editing (its version is quoted). */
  get base() {
    return base;
  },
  get save() {
    return save;
  },
  /** Problems by field (`role`, `startDate`, `endDate`, `notes`, `sourceUrl`, `board`, `form`). */
  get problems() {
    return problems;
  },
  get conflict() {
    return conflict;
  },
};

async function send(version: number, changes: Record<string, string | boolean | null>) {
  if (!target) return;
  const { from, type, to } = target;
  save = loading();
  try {
    const state = await curationApi.updateRelationship(from, type, to, version, changes);
    save = success(state);
    conflict = null;
    target = null;
    selectionActions.retry();
  } catch (error) {
    const details = error instanceof ApiError ? (error.details as { state?: unknown }) : undefined;
    const current =
      error instanceof ApiError && error.status === 409
        ? (details?.state as RelationshipState | undefined)
        : undefined;
    conflict = current && typeof current.version === 'number' ? { state: current, changes } : null;
    problems =
      error instanceof ApiError && error.status === 400 ? fieldProblems(error.details) : {};
    save = failure(error);
  }
}

/** The only ways to change the relationship form. */
export const relationshipFormActions = {
  /** Opens the form on a relationship, reading its state (and version) first. */
  async open(next: RelationshipTarget): Promise<void> {
    target = next;
    save = idle();
    problems = {};
    conflict = null;
    base = loading();
    try {
      const state = await curationApi.relationship(next.from, next.type, next.to);
      if (sameTarget(target, next)) base = success(state);
    } catch (error) {
      if (sameTarget(target, next)) base = failure(error);
    }
  },
  close(): void {
    target = null;
    conflict = null;
  },
  /** Drops the problem shown for `field` (the user is changing it). */
  clearProblem(field: string): void {
    if (!(field in problems)) return;
    const { [field]: _dropped, ...rest } = problems;
    problems = rest;
  },
  /** Saves the change from the state read to `draft`, quoting its version; 409 opens a conflict. */
  async update(before: RelationshipDraft, draft: RelationshipDraft): Promise<void> {
    if (!target || base.state !== 'success') return;
    const local = relationshipDraftProblems(draft);
    problems = local;
    if (Object.keys(local).length > 0) return;
    const changes = relationshipChanges(before, draft, target.type);
    if (Object.keys(changes).length === 0) {
      target = null;
      return;
    }
    await send(base.data.version, changes);
  },
  /** Applies the conflicting change again onto the current state's version. */
  async reapply(): Promise<void> {
    if (!conflict) return;
    await send(conflict.state.version, conflict.changes);
  },
};
