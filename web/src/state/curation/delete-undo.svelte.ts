/**
 * Undoing a delete: after an editor deletes an entity or a relationship, a notice says what went
 * and offers Undo; the History of an entity that was at its other end offers it too (audit-format's
 * undoableDelete). Both call POST /api/curation/delete/undo with the delete's audit event; the
 * notice shows how it went (what came back, what could not and why, or the server's refusal).
 * Afterwards a restored entity is explored and selected, or the canvas around a restored
 * relationship is read again.
 */
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
import { graphActions } from '../graph/index.svelte';
import { selection, selectionActions } from '../selection/index.svelte';
import { curationApi, isUndoRefusal } from './curation-api';
import type { UndoableDelete } from './audit-format';
import { history, historyActions } from './history.svelte';
import { mergeActions } from './merge.svelte';
import type { UndoDeleteResult } from './types';

/**
 * The notice after a delete or its undo: which delete, and where its undo stands (idle: deleted,
 * Undo offered; loading; success: back; error: the server's refusal). Null: no notice.
 */
export interface DeleteNotice {
  readonly deleted: UndoableDelete;
  readonly undo: AsyncStatus<UndoDeleteResult>;
}

let notice = $state<DeleteNotice | null>(null);

/** Read-only view of the delete-undo state. */
export const deleteUndo = {
  get notice() {
    return notice;
  },
};

/** Shows on the canvas what came back, and reads again what showed it gone. */
function showRestored(deleted: UndoableDelete): void {
  if (deleted.kind === 'entity') {
    const [id] = deleted.ids;
    // Explored afresh, with its relationships: a delete left it hidden or the overview shown.
    graphActions.focus(id!, { keepChoices: true });
    graphActions.reload(id!);
    selectionActions.select(id!, 'panel');
  } else {
    graphActions.refresh();
    if (selection.id !== null) selectionActions.reselect(selection.id, 'panel');
  }
  if (history.entityId !== null) void historyActions.load(history.entityId);
}

/** The only ways to change the delete-undo state. */
export const deleteUndoActions = {
  /** A delete done: the notice says so and offers to undo it. */
  announce(deleted: UndoableDelete): void {
    // One notice at a time, in one place: the latest change's.
    mergeActions.dismissNotice();
    notice = { deleted, undo: idle() };
  },
  /** Undoes `deleted` (from the notice or a History row); the notice shows how it went. */
  async undo(deleted: UndoableDelete): Promise<void> {
    if (notice?.deleted.auditId === deleted.auditId && notice.undo.state === 'loading') return;
    mergeActions.dismissNotice();
    notice = { deleted, undo: loading() };
    try {
      const answer = await curationApi.undoDelete(deleted.auditId);
      if (notice?.deleted.auditId === deleted.auditId) notice = { deleted, undo: success(answer) };
      // Whether or not its notice was closed meanwhile: the canvas must show it back.
      showRestored(deleted);
    } catch (error) {
      if (notice?.deleted.auditId === deleted.auditId) notice = { deleted, undo: failure(error) };
      // What the history offered was stale (undone by someone else, or changed since): it shows
      // the truth now, the refusal still under its row. So does the page of the deleted entity,
      // which reads the history too: the entity may even be back, and then its details show.
      if (isUndoRefusal(error)) {
        void historyActions.refresh();
        if (deleted.kind === 'entity' && selection.id === deleted.ids[0])
          selectionActions.refresh();
      }
    }
  },
  /** Closes the notice (an undo in flight still lands and reloads the canvas, unannounced). */
  dismissNotice(): void {
    notice = null;
  },
};
