/**
 * Merge domain: an editor folds a duplicate into the entity being viewed (or the other way round).
 * Both are read first, for their versions and for what the editor is shown before confirming (the
 * names, how many relationships and sources each brings); the merge quotes those versions, so a
 * change made meanwhile answers 409 and nothing is merged. Afterwards the kept entity is explored
 * and selected, and the merged id redirects to it; a notice says so and offers to undo it (as does
 * the kept entity's history, through the same action), which brings both back on the canvas.
 */
import { api } from '../../lib/api';
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
import { graphActions } from '../graph/index.svelte';
import { selectionActions } from '../selection/index.svelte';
import { curationApi, isUndoRefusal } from './curation-api';
import { history, historyActions } from './history.svelte';
import { keptOverLines } from './merge-notice-text';
import type { UndoableMerge } from './audit-format';
import type { MergeResult, UndoMergeResult } from './types';

/** One side of a merge, as the editor is shown it. */
export interface MergeSide {
  id: string;
  label: string;
  type: string;
  version: number;
  /** Its properties as the editing API reads them: what the merge would take from it. */
  properties: Record<string, unknown>;
  relationships: number;
  sources: number;
}

/** What the merge dialog is doing. */
export interface MergeForm {
  /** The entity the dialog was opened on. */
  readonly subject: { id: string; label: string; type: string };
  /** The duplicate chosen, read whole; idle until one is chosen. */
  readonly other: AsyncStatus<MergeSide>;
  /** Whether the subject is kept (the default) or merged into the other. */
  readonly keepSubject: boolean;
}

let form = $state<MergeForm | null>(null);
let subjectSide = $state<AsyncStatus<MergeSide>>(idle());
let result = $state<AsyncStatus<MergeResult>>(idle());

/**
 * The notice after a merge or its undo: which merge, and where its undo stands (idle: merged,
 * Undo offered; loading; success: undone; error: the server's refusal). Null: no notice.
 */
export interface MergeNotice {
  readonly merge: UndoableMerge;
  readonly undo: AsyncStatus<UndoMergeResult>;
  /** What the merge dropped where both said differently, as sentences (none from the history). */
  readonly dropped?: readonly string[];
}
let notice = $state<MergeNotice | null>(null);

async function readSide(id: string): Promise<MergeSide> {
  const [state, details] = await Promise.all([curationApi.entity(id), api.entity(id)]);
  // The id answered, not the one asked: a stale suggestion may name an id merged away since,
  // which the API follows to the entity it now lives in.
  return {
    id: state.id,
    label: details.label,
    type: state.type,
    version: state.version,
    properties: state.properties,
    relationships: Object.values(details.degree).reduce((sum, count) => sum + count, 0),
    sources: state.provenance.length,
  };
}

/** The duplicate's id being read: an earlier choice's answer arriving later is not shown. */
let reading: string | null = null;

/** Read-only view of the merge state. */
export const merge = {
  get form() {
    return form;
  },
  get subject() {
    return subjectSide;
  },
  get result() {
    return result;
  },
  get notice() {
    return notice;
  },
  /** The two sides in merge order, once both are read: the one kept, then the one merged away. */
  get sides(): { keep: MergeSide; remove: MergeSide } | null {
    if (!form || form.other.state !== 'success' || subjectSide.state !== 'success') return null;
    const [keep, remove] = form.keepSubject
      ? [subjectSide.data, form.other.data]
      : [form.other.data, subjectSide.data];
    return { keep, remove };
  },
};

/** The only ways to change the merge state. */
export const mergeActions = {
  /** Opens the dialog on `subject`, reading it for its version. */
  async open(subject: { id: string; label: string; type: string }): Promise<void> {
    form = { subject, other: idle(), keepSubject: true };
    reading = null;
    result = idle();
    subjectSide = loading();
    try {
      const side = await readSide(subject.id);
      if (form?.subject.id !== subject.id) return;
      // A page still showing an entity merged away meanwhile: the API answers for the one kept.
      subjectSide =
        side.id === subject.id
          ? success(side)
          : failure(
              new Error(
                `${subject.label} was merged into ${side.label} meanwhile: nothing to merge.`,
              ),
            );
    } catch (error) {
      if (form?.subject.id === subject.id) subjectSide = failure(error);
    }
  },
  close(): void {
    form = null;
    reading = null;
    result = idle();
  },
  /** Chooses the duplicate and reads it. */
  async choose(id: string): Promise<void> {
    if (!form) return;
    result = idle();
    if (id === form.subject.id) {
      form = {
        ...form,
        other: failure(new Error('That is the entity itself: choose its duplicate.')),
      };
      return;
    }
    form = { ...form, other: loading() };
    reading = id;
    const subject = form.subject.id;
    const current = () => reading === id && form?.subject.id === subject;
    try {
      const side = await readSide(id);
      if (!current() || !form) return;
      form =
        side.id === subject
          ? { ...form, other: failure(new Error('That was merged into this entity already.')) }
          : { ...form, other: success(side) };
    } catch (error) {
      if (current() && form) form = { ...form, other: failure(error) };
    }
  },
  /**
   * Undoes `merge` (from the notice or the history); the notice shows how it went. Afterwards the
   * canvas explores the kept entity afresh with the one brought back beside it, and the kept
   * entity's details and history are read again.
   */
  async undo(merge: UndoableMerge): Promise<void> {
    if (notice?.merge.auditId === merge.auditId && notice.undo.state === 'loading') return;
    notice = { merge, undo: loading() };
    try {
      const answer = await curationApi.undoMerge(merge.auditId);
      if (notice?.merge.auditId === merge.auditId) notice = { merge, undo: success(answer) };
      // Whether or not its notice was closed meanwhile: the canvas must not show the merge.
      graphActions.focus(merge.keep.id, { keepChoices: true });
      graphActions.reload(merge.keep.id);
      graphActions.expand(merge.remove.id);
      selectionActions.reselect(merge.keep.id, 'panel');
      if (history.entityId === merge.keep.id) void historyActions.load(merge.keep.id);
    } catch (error) {
      if (notice?.merge.auditId === merge.auditId) notice = { merge, undo: failure(error) };
      // What the history offered was stale (undone by someone else, or changed since): it shows
      // the truth now, the refusal still under its row.
      if (isUndoRefusal(error)) void historyActions.refresh();
    }
  },
  /** Closes the notice (an undo in flight still lands and reloads the canvas, unannounced). */
  dismissNotice(): void {
    notice = null;
  },
  /** Keeps the other entity instead (or the subject again). */
  swap(): void {
    if (form) form = { ...form, keepSubject: !form.keepSubject };
  },
  /** Merges, quoting both versions read; explores the kept entity afterwards. */
  async confirm(): Promise<void> {
    const sides = merge.sides;
    if (!sides || result.state === 'loading') return;
    result = loading();
    try {
      const answer = await curationApi.merge({
        keep: sides.keep.id,
        remove: sides.remove.id,
        keepVersion: sides.keep.version,
        removeVersion: sides.remove.version,
      });
      result = success(answer);
      form = null;
      notice = {
        merge: {
          auditId: answer.auditId,
          keep: { id: sides.keep.id, label: sides.keep.label },
          remove: { id: sides.remove.id, label: sides.remove.label },
        },
        undo: idle(),
        dropped: keptOverLines(answer.keptOver ?? []),
      };
      // Explored afresh: a neighbourhood read before the merge lacks what moved. The details are
      // read again too: the entity kept is most often the one already selected.
      graphActions.focus(sides.keep.id);
      graphActions.reload(sides.keep.id);
      selectionActions.reselect(sides.keep.id, 'panel');
    } catch (error) {
      result = failure(error);
      // Read again what the merge quoted, so that "merge again" quotes the versions now; a side
      // that is gone leaves the duplicate to be chosen anew.
      const { subject } = form ?? {};
      if (!subject) return;
      const other = sides.keep.id === subject.id ? sides.remove.id : sides.keep.id;
      try {
        const [again, otherAgain] = await Promise.all([readSide(subject.id), readSide(other)]);
        if (form?.subject.id !== subject.id) return;
        subjectSide = success(again);
        form = { ...form, other: otherAgain.id === again.id ? idle() : success(otherAgain) };
      } catch {
        if (form?.subject.id === subject.id) form = { ...form, other: idle() };
      }
    }
  },
};
