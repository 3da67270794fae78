/**
 * Curation domain: the entity form (create, optionally linked to the entity being viewed, or edit
 * with the version read first), its field problems (the server's 400 details included), the
 * "changed by someone else" conflict of a stale edit, and entity and relationship deletes. After a
 * change the graph and the details are reloaded so the canvas shows it.
 */
import { ApiError } from '../../lib/api/api-error';
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
import { graph, graphActions } from '../graph/index.svelte';
import { selection, selectionActions } from '../selection/index.svelte';
import { relationshipSentence } from '../../lib/vocabulary/relationship-sentence';
import { curationApi } from './curation-api';
import { deleteUndoActions } from './delete-undo.svelte';
import {
  type EditableType,
  type EntityDraft,
  type LinkOption,
  type PropertyChanges,
  changedProperties,
  createProperties,
  draftProblems,
  fieldProblems,
  nextFreeId,
} from './rules';
import type { EntityState } from './types';

/** The entity an added stakeholder gets linked to. */
export interface LinkTarget {
  id: string;
  type: string;
  label: string;
}

/** What the entity form is doing. */
export type EntityForm =
  | { readonly mode: 'create'; readonly linkTo: LinkTarget | null }
  | { readonly mode: 'edit'; readonly id: string; readonly type: EditableType };

/** A stale edit: the state now on the server and the change the editor made. */
export interface Conflict {
  state: EntityState;
  changes: PropertyChanges;
}

let form = $state<EntityForm | null>(null);
/** Edit mode: the state read before editing (its version is quoted). */
let base = $state<AsyncStatus<EntityState>>(idle());
let save = $state<AsyncStatus<EntityState>>(idle());
let problems = $state<Record<string, string>>({});
let conflict = $state<Conflict | null>(null);
/** Create mode: the entity made, when linking it failed afterwards (linking is then retried alone). */
let created = $state<EntityState | null>(null);
let removal = $state<AsyncStatus<null>>(idle());
/**
 * What the last save did, in a sentence for screen readers ("Created Acme."): the form closes and
 * the panel shows the entity, which a sighted editor sees and a screen reader did not say.
 */
let done = $state<{ text: string; at: number } | null>(null);
const said = (text: string) => (done = { text, at: Date.now() });
const nameOf = (entity: EntityState) => String(entity.properties.name ?? entity.id);
/**
 * Create mode: the id offered once the one made from the name was taken (another entity by that
 * name, which the form lists above); null while the server makes the id.
 */
let suggestedId = $state<string | null>(null);

/**
 * The id a create was refused for, when it was refused for being taken, and what by: another
 * entity, or one merged into `mergedInto` (which keeps its old id, so links to it still lead there).
 */
function takenId(error: unknown): { id: string; mergedInto: string | null } | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'ALREADY_EXISTS')
    return null;
  const details = error.details as { id?: unknown; mergedInto?: unknown } | undefined;
  if (typeof details?.id !== 'string') return null;
  return {
    id: details.id,
    mergedInto: typeof details.mergedInto === 'string' ? details.mergedInto : null,
  };
}

function problemsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError && error.status === 400 ? fieldProblems(error.details) : {};
}

function conflictState(error: unknown): EntityState | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.details as { state?: EntityState } | undefined;
  return details?.state && typeof details.state.version === 'number' ? details.state : null;
}

function afterChange(selectId: string | null, around: string | null): void {
  if (around !== null) graphActions.reload(around);
  else graphActions.refresh();
  if (selectId === null) selectionActions.clear();
  else selectionActions.reselect(selectId, 'panel');
}

async function link(entity: EntityState, target: LinkTarget, option: LinkOption): Promise<void> {
  const [from, to] = option.direction === 'out' ? [entity.id, target.id] : [target.id, entity.id];
  try {
    await curationApi.createRelationship(from, option.type, to);
  } catch (error) {
    created = entity;
    const found = problemsOf(error);
    problems =
      Object.keys(found).length > 0 ? { relationship: Object.values(found).join(' ') } : {};
    save = failure(error);
    return;
  }
  created = null;
  save = success(entity);
  form = null;
  said(`Created ${nameOf(entity)}, linked to ${target.label}.`);
  afterChange(entity.id, target.id);
}

/** Read-only view of the curation state. */
export const curation = {
  get form() {
    return form;
  },
  /** What the last save did, as a sentence, and when (a new object each time). */
  get done() {
    return done;
  },
  get base() {
    return base;
  },
  get save() {
    return save;
  },
  /** Problems by field (`name`, `website`, `relationship`, `form`…). */
  get problems() {
    return problems;
  },
  get conflict() {
    return conflict;
  },
  get created() {
    return created;
  },
  get removal() {
    return removal;
  },
  get suggestedId() {
    return suggestedId;
  },
};

/** The only ways to change the curation state. */
export const curationActions = {
  /** Opens the form for a new entity, linked to `linkTo` when given. */
  openCreate(linkTo: LinkTarget | null): void {
    form = { mode: 'create', linkTo };
    save = idle();
    problems = {};
    conflict = null;
    created = null;
    suggestedId = null;
  },
  /** Opens the form on an existing entity, reading its state (and version) first. */
  async openEdit(id: string, type: EditableType): Promise<void> {
    form = { mode: 'edit', id, type };
    save = idle();
    problems = {};
    conflict = null;
    base = loading();
    try {
      const state = await curationApi.entity(id);
      if (form?.mode === 'edit' && form.id === id) base = success(state);
    } catch (error) {
      base = failure(error);
    }
  },
  close(): void {
    form = null;
    conflict = null;
  },
  /**
   * Forgets the id offered after a taken one (the type or name changed: the server makes the id
   * from them again, and offers another if that is taken too).
   */
  forgetSuggestedId(): void {
    if (suggestedId === null) return;
    suggestedId = null;
    curationActions.clearProblem('id');
  },
  /** Drops the problem shown for `field` (the user is changing it). */
  clearProblem(field: string): void {
    if (!(field in problems)) return;
    const { [field]: _dropped, ...rest } = problems;
    problems = rest;
  },
  /**
   * Creates the entity of `draft` (checked here first), then links it when a target is set. `id`
   * is the one the editor gave, once the one made from the name was taken.
   */
  async create(draft: EntityDraft, option: LinkOption | null, id?: string): Promise<void> {
    if (form?.mode !== 'create') return;
    const target = form.linkTo;
    const local = draftProblems(draft);
    if (target && !option) local.relationship = 'Choose how it relates.';
    problems = local;
    if (Object.keys(local).length > 0) return;
    save = loading();
    if (created) {
      if (target && option) await link(created, target, option);
      return;
    }
    let entity: EntityState;
    try {
      entity = await curationApi.createEntity(draft.type, createProperties(draft), id);
    } catch (error) {
      const taken = takenId(error);
      if (taken) {
        const by = taken.mergedInto
          ? `was merged into ${taken.mergedInto}, and leads there`
          : 'is taken by another entity';
        suggestedId = nextFreeId(taken.id, id !== undefined && id === suggestedId);
        problems = {
          id: `${taken.id} ${by}. If yours is a different one, give it an id of its own.`,
        };
      } else problems = problemsOf(error);
      save = failure(error);
      return;
    }
    if (target && option) {
      await link(entity, target, option);
      return;
    }
    save = success(entity);
    form = null;
    said(`Created ${nameOf(entity)}.`);
    graphActions.focus(entity.id);
    selectionActions.select(entity.id, 'panel');
  },
  /**
   * Links an entity already in the graph to the form's target, instead of creating one: the
   * relationship alone is stated.
   */
  async linkExisting(chosen: LinkTarget, option: LinkOption | null): Promise<void> {
    if (form?.mode !== 'create' || !form.linkTo) return;
    const target = form.linkTo;
    if (!option) {
      problems = { relationship: 'Choose how it relates.' };
      return;
    }
    problems = {};
    save = loading();
    const [from, to] = option.direction === 'out' ? [chosen.id, target.id] : [target.id, chosen.id];
    try {
      await curationApi.createRelationship(from, option.type, to);
    } catch (error) {
      const found = problemsOf(error);
      problems =
        Object.keys(found).length > 0 ? { relationship: Object.values(found).join(' ') } : {};
      save = failure(error);
      return;
    }
    save = idle();
    form = null;
    said(`Linked ${chosen.label} to ${target.label}.`);
    afterChange(chosen.id, target.id);
  },
  /** Closes the form and opens an entity already in the graph (one the editor was about to add). */
  open(id: string): void {
    form = null;
    graphActions.focus(id);
    selectionActions.select(id, 'panel');
  },
  /** Saves the change from the state read to `draft`, quoting its version; 409 opens a conflict. */
  async update(before: EntityDraft, draft: EntityDraft): Promise<void> {
    if (form?.mode !== 'edit' || base.state !== 'success') return;
    const local = draftProblems(draft);
    problems = local;
    if (Object.keys(local).length > 0) return;
    const changes = changedProperties(before, draft);
    if (Object.keys(changes).length === 0) {
      form = null;
      return;
    }
    await send(form.id, base.data.version, changes);
  },
  /** Applies the conflicting change again onto the current state's version. */
  async reapply(): Promise<void> {
    if (form?.mode !== 'edit' || !conflict) return;
    await send(form.id, conflict.state.version, conflict.changes);
  },
  /** Deletes the entity after reading its version; a notice then offers to undo it. */
  async deleteEntity(id: string): Promise<void> {
    removal = loading();
    try {
      const state = await curationApi.entity(id);
      const label = graph.labelOf(id) ?? String(state.properties.name ?? id);
      const auditId = await curationApi.deleteEntity(id, state.version);
      removal = success(null);
      form = null;
      // The entity explored from is gone: back to the overview, not to a "no such entity" canvas.
      if (graph.exploration.focus === id) graphActions.showOverview();
      else graphActions.hide([id]);
      afterChange(null, null);
      if (auditId) deleteUndoActions.announce({ auditId, kind: 'entity', label, ids: [id] });
    } catch (error) {
      removal = failure(error);
    }
  },
  /** Deletes one relationship and reloads what shows it; a notice then offers to undo it. */
  async deleteRelationship(from: string, type: string, to: string): Promise<void> {
    removal = loading();
    const label = relationshipSentence(
      graph.labelOf(from) ?? from,
      type,
      graph.labelOf(to) ?? to,
    ).text;
    try {
      const auditId = await curationApi.deleteRelationship(from, type, to);
      removal = success(null);
      afterChange(selection.id, null);
      if (auditId)
        deleteUndoActions.announce({ auditId, kind: 'relationship', label, ids: [from, to] });
    } catch (error) {
      removal = failure(error);
    }
  },
};

async function send(id: string, version: number, changes: PropertyChanges): Promise<void> {
  save = loading();
  try {
    const state = await curationApi.updateEntity(id, version, changes);
    save = success(state);
    conflict = null;
    form = null;
    said(`Saved ${nameOf(state)}.`);
    afterChange(id, null);
  } catch (error) {
    const current = conflictState(error);
    conflict = current ? { state: current, changes } : null;
    problems = problemsOf(error);
    save = failure(error);
  }
}
