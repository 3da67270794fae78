/**
 * Undoes a merge named by its audit event, in one write transaction: the removed entity comes back
 * with its id, labels, properties, sources and relationships; the kept entity gets back its own
 * aliases, sources, edited marks and its own versions of the relationships both had; the Redirect
 * goes. Refused (409, nothing written) when anything it would overwrite changed since the merge.
 * The plan is plain data (merge-undo-plan.ts); this module reads, checks and writes it.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { UserPrincipal } from '../auth/roles.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { isConstraintViolation } from '../db/retry-policy.ts';
import { markMetricsStale } from '../insights/metrics-service.ts';
import { recordAudit } from './audit-trail.ts';
import { alreadyUndoneMessage, lockUndoableEvent } from './undo-event.ts';
import { UndoRefusedError } from './curation-errors.ts';
import { toEntityState, type EntityState } from './entity-edits.ts';
import {
  differingProperties,
  keepChanges,
  planUndo,
  readRecordedMerge,
  relationshipKey,
  type UndoPlan,
} from './merge-undo-plan.ts';
import { driverProperties, driverRelationships } from './recorded-values.ts';

export interface UndoMergeResult {
  /** The kept entity, as before the merge. */
  entity: EntityState;
  /** The removed entity, back. */
  restored: EntityState;
  /** The undo's own audit event. */
  auditId: string;
}

/** Bookkeeping a relationship carries while locked: not part of what it states. */
const LOCK = new Set(['_lock']);

/** The changes since the merge that the undo would overwrite, as sentences; none: go ahead. */
async function changesSinceMerge(
  tx: ManagedTransaction,
  plan: UndoPlan,
  keepNow: EntityState,
): Promise<string[]> {
  const changes: string[] = [];
  const keepLabel = String(plan.keepAfter.properties.name ?? plan.keep);
  const changed = keepChanges(plan.keepAfter, keepNow);
  if (changed.length > 0)
    changes.push(
      `${keepLabel} was edited since the merge (version ${keepNow.version}, the merge left ${plan.keepAfter.version}; changed: ${changed.join(', ')})`,
    );
  const rows = await run(tx, 'curation/unmerge-lock-relationships', {
    keys: plan.expected.map(({ from, type, to }) => ({ from, type, to })),
  });
  const now = new Map(rows.map((r) => [relationshipKey(r as never), r.properties]));
  for (const rel of plan.expected) {
    const sentence = `${rel.from} ${rel.type} ${rel.to}`;
    const current = now.get(relationshipKey(rel)) as Record<string, unknown> | null | undefined;
    if (!current) changes.push(`the relationship ${sentence} was removed since the merge`);
    else {
      const props = differingProperties(rel.properties, current, LOCK);
      if (props.length > 0)
        changes.push(
          `the relationship ${sentence} was changed since the merge (${props.join(', ')})`,
        );
    }
  }
  return changes;
}

/**
 * Undoes the merge recorded by audit event `auditId`. 404 for an unknown event, 400 for an event
 * that is not a merge, 409 UNDO_REFUSED when the merge cannot be undone exactly (`details.reason`).
 */
export async function undoMerge(
  db: GraphDatabase,
  user: UserPrincipal,
  auditId: string,
): Promise<UndoMergeResult> {
  try {
    return await db.writeTx(async (tx) => {
      const event = await lockUndoableEvent(tx, auditId, ['entity.merge'], 'a merge');
      const read = readRecordedMerge(event);
      if ('refusal' in read)
        throw new UndoRefusedError(read.refusal.message, {
          reason: read.refusal.reason,
          auditId,
        });
      const plan = planUndo(read.merge);
      const keepLabel = String(plan.keepAfter.properties.name ?? plan.keep);
      const removeLabel = String(read.merge.remove.properties.name ?? plan.remove);

      // The kept entity's lock first: a second undo of this merge, or an edit, waits here.
      const [locked] = await run(tx, 'curation/lock-entity', { id: plan.keep });
      if (!locked)
        throw new UndoRefusedError(
          `${keepLabel} (${plan.keep}) no longer exists: it was deleted or merged away since.`,
          { reason: 'changed', auditId, changes: [`${plan.keep} is gone`] },
        );
      // The event was locked before anything else (lockUndoableEvent): an undo of it that ran
      // meanwhile committed before this one read it, so what it said then still holds.
      if (event.undoneBy)
        throw new UndoRefusedError(alreadyUndoneMessage('merge', event.undoneAt), {
          reason: 'already-undone',
          auditId,
          undoneAt: event.undoneAt,
        });
      const [state] = await run(tx, 'curation/unmerge-state', { remove: plan.remove });
      if (state!.inUse)
        throw new UndoRefusedError(
          `The id ${plan.remove} is in use again: an entity holds it, so ${removeLabel} cannot come back.`,
          { reason: 'in-use', auditId, changes: [`${plan.remove} exists`] },
        );
      const keepNow = toEntityState(locked.node as Record<string, unknown>, String(locked.type));
      const changes = await changesSinceMerge(tx, plan, keepNow);
      if (changes.length > 0)
        throw new UndoRefusedError(
          `The merge of ${removeLabel} into ${keepLabel} cannot be undone: ${changes.join('; ')}.`,
          { reason: 'changed', auditId, changes },
        );

      await run(tx, 'curation/unmerge-relationships-of-keep', {
        moved: plan.deleteMoved,
        shared: driverRelationships(plan.restoreShared),
      });
      const [restoredRow] = await run(tx, 'curation/unmerge-restore-entity', {
        id: plan.remove,
        keep: plan.keep,
        labels: plan.removed.labels,
        props: {
          ...driverProperties(plan.removed.properties, plan.removed.propertyTypes),
          // Moved on, as by any change: whoever read it before the merge reads it again.
          version: neo4j.int(read.merge.remove.version + 1),
        },
        redirects: plan.redirects,
        topics: plan.annotations.topic,
        subjects: plan.annotations.subject,
      });
      await run(tx, 'curation/unmerge-restore-relationships', {
        relationships: driverRelationships(plan.restoreRemoved),
      });
      const [keepRow] = await run(tx, 'curation/unmerge-keep', {
        id: plan.keep,
        props: plan.keepProperties,
        version: neo4j.int(keepNow.version + 1),
      });
      await markMetricsStale(tx);
      const entity = toEntityState(keepRow!.node as Record<string, unknown>, keepNow.type);
      const restored = toEntityState(
        restoredRow!.node as Record<string, unknown>,
        read.merge.remove.type,
      );
      const undoId = await recordAudit(tx, user, {
        action: 'entity.unmerge',
        entityId: plan.keep,
        entityIds: [plan.remove],
        before: { merge: auditId, keep: keepNow },
        after: { merge: auditId, keep: entity, restored },
      });
      await run(tx, 'curation/mark-undone', { id: auditId, undoneBy: undoId });
      return { entity, restored, auditId: undoId };
    });
  } catch (error) {
    // Two undos racing past the checks: the second's CREATE meets the id constraint.
    if (isConstraintViolation(error))
      throw new UndoRefusedError('The removed id was taken meanwhile.', {
        reason: 'in-use',
        auditId,
      });
    throw error;
  }
}
