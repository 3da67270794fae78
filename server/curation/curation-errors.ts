/** Errors of curation: a stale version, a duplicate, an edit the model does not allow. */
import { AppError } from '../errors.ts';

/** The caller edited a version that is no longer current; `current` is the version now. */
export class VersionConflictError extends AppError {
  constructor(what: string, current: number, state: unknown) {
    super(
      `${what} changed since you read it (now version ${current}); reload it and apply your change again.`,
      409,
      'VERSION_CONFLICT',
      { current, state },
    );
  }
}

export class AlreadyExistsError extends AppError {
  constructor(message: string, details?: unknown) {
    super(message, 409, 'ALREADY_EXISTS', details);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, details?: unknown) {
    super(message, 403, 'FORBIDDEN', details);
  }
}

/** Why an undo was refused (`details.reason` of UNDO_REFUSED). */
export type UndoRefusalReason =
  'changed' | 'already-undone' | 'in-use' | 'not-recorded' | 'unrestorable';

/** Why a change cannot be undone from its audit record alone, and what the message says. */
export interface RecordRefusal {
  reason: Extract<UndoRefusalReason, 'not-recorded' | 'unrestorable'>;
  message: string;
}

/**
 * 409: a merge or a delete cannot be undone — something it would overwrite changed since, it was
 * undone already, the id it would bring back is taken again, or its record cannot restore it
 * exactly. `details.changes` names each change found.
 */
export class UndoRefusedError extends AppError {
  constructor(
    message: string,
    details: {
      reason: UndoRefusalReason;
      auditId: string;
      changes?: string[];
      /** When the event was undone, for `already-undone` (ISO 8601). */
      undoneAt?: string | null;
    },
  ) {
    super(message, 409, 'UNDO_REFUSED', details);
  }
}
