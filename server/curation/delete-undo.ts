/**
 * Undoes an entity or relationship delete named by its audit event, in one write transaction: the
 * entity comes back with its id, labels, properties (each with its Neo4j type), sources and edited
 * marks, and those of its relationships and annotations whose other end is still there; a
 * relationship comes back as it was. The delete's tombstone goes, so imports state it again;
 * network measures go stale.
 * Refused (409, nothing written) when the id or relationship is taken again, the delete was undone
 * already or superseded, or its record cannot restore it exactly. The plan is plain data
 * (delete-undo-plan.ts); this module reads, checks and writes it.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { UserPrincipal } from '../auth/roles.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { isConstraintViolation } from '../db/retry-policy.ts';
import { markMetricsStale } from '../insights/metrics-service.ts';
import type { RelationshipType } from '../model/graph-model.ts';
import { recordAudit } from './audit-trail.ts';
import { UndoRefusedError } from './curation-errors.ts';
import { annotationFromRow, type Annotation } from './annotations.ts';
import {
  annotationEnds,
  entityRestoreRefusal,
  DELETE_ACTIONS,
  planEntityRestore,
  planRelationshipRestore,
  readRecordedDelete,
  relationshipKey,
  relationshipRestoreRefusal,
  type EntityNow,
  type LaterEvent,
  type NotRestored,
  type NotRestoredAnnotation,
  type RecordedEntityDelete,
  type RecordedRelationshipDelete,
  type RestoredAnnotation,
  type RestoredRelationship,
  type RestoreRefusal,
} from './delete-undo-plan.ts';
import { toEntityState, type EntityState } from './entity-edits.ts';
import { driverProperties, driverRelationships } from './recorded-values.ts';
import { toRelationshipState, type RelationshipState } from './relationship-edits.ts';
import { alreadyUndoneMessage, lockUndoableEvent } from './undo-event.ts';

export interface UndoDeleteResult {
  /** The entity back; null when a relationship delete was undone. */
  entity: EntityState | null;
  /** The relationships back: the one deleted, or those of the entity whose other end is there. */
  relationships: RelationshipState[];
  /** The entity's relationships that could not come back, each with why. */
  notRestored: NotRestored[];
  /** The annotations the entity's delete took, back: those whose other end is there. */
  annotations: Annotation[];
  /** Those that could not come back, each with why. */
  annotationsNotRestored: NotRestoredAnnotation[];
  /** The undo's own audit event. */
  auditId: string;
}

const refuse = (auditId: string, refusal: RestoreRefusal): never => {
  throw new UndoRefusedError(refusal.message, {
    reason: refusal.reason,
    auditId,
    ...(refusal.changes ? { changes: refusal.changes } : {}),
  });
};

const entityNow = (row: Record<string, unknown> | null | undefined): EntityNow => ({
  type: typeof row?.type === 'string' ? row.type : null,
  mergedInto: typeof row?.mergedInto === 'string' ? row.mergedInto : null,
});

/** Creates `list` again; the states of those created (an end gone meanwhile leaves one out). */
async function createRelationships(
  tx: ManagedTransaction,
  list: readonly RestoredRelationship[],
): Promise<RelationshipState[]> {
  if (list.length === 0) return [];
  const rows = await run(tx, 'curation/restore-relationships', {
    relationships: driverRelationships(list),
  });
  return rows.map((row) =>
    toRelationshipState(
      { from: String(row.from), type: row.type as RelationshipType, to: String(row.to) },
      row,
    ),
  );
}

/** Creates the planned annotations again (their other ends are locked by the state read). */
async function restoreAnnotations(
  tx: ManagedTransaction,
  list: readonly RestoredAnnotation[],
): Promise<Annotation[]> {
  if (list.length === 0) return [];
  const rows = await run(tx, 'curation/restore-annotations', {
    annotations: list.map((a) => ({
      ...a,
      properties: { ...a.properties, version: neo4j.int(a.properties.version) },
    })),
  });
  return rows.map(annotationFromRow);
}

async function restoreEntity(
  tx: ManagedTransaction,
  user: UserPrincipal,
  auditId: string,
  recorded: RecordedEntityDelete,
): Promise<UndoDeleteResult> {
  const { id } = recorded.state;
  const others = [
    ...new Set([
      ...recorded.relationships.flatMap((r) => [r.from, r.to]),
      ...annotationEnds(recorded),
    ]),
  ].filter((end) => end !== id);
  const [state] = await run(tx, 'curation/restore-entity-state', {
    eventId: auditId,
    id,
    ends: others,
  });
  const refusal = entityRestoreRefusal(recorded, entityNow(state), state!.later as LaterEvent[]);
  if (refusal) refuse(auditId, refusal);
  const ends = new Map(
    (state!.ends as Record<string, unknown>[]).map((row) => [String(row.id), entityNow(row)]),
  );
  const plan = planEntityRestore(recorded, ends);

  await run(tx, 'curation/clear-tombstone', { key: id });
  const [row] = await run(tx, 'curation/restore-entity', {
    id,
    labels: plan.labels,
    props: {
      ...driverProperties(plan.properties, plan.propertyTypes),
      version: neo4j.int(plan.version),
    },
  });
  const relationships = await createRelationships(tx, plan.relationships);
  const annotations = await restoreAnnotations(tx, plan.annotations);
  const created = new Set(relationships.map(relationshipKey));
  const recordedByKey = new Map(recorded.relationships.map((r) => [relationshipKey(r), r]));
  // An end deleted between the check and the write (it was not locked yet): said, not hidden.
  const notRestored: NotRestored[] = [
    ...plan.notRestored,
    ...plan.relationships
      .filter((r) => !created.has(relationshipKey(r)))
      .map(({ from, type, to }) => {
        const was = recordedByKey.get(relationshipKey({ from, type, to }));
        return {
          from,
          type,
          to,
          fromLabel: was?.fromLabel ?? from,
          toLabel: was?.toLabel ?? to,
          reason: 'its other end went away meanwhile',
        };
      }),
  ];
  await markMetricsStale(tx);
  const entity = toEntityState(row!.node as Record<string, unknown>, recorded.state.type);
  const undoId = await recordAudit(tx, user, {
    action: 'entity.restore',
    entityId: id,
    // Every id it touched, as the delete's event lists them: the annotations and their other ends.
    entityIds: [
      ...relationships.map((r) => (r.from === id ? r.to : r.from)),
      ...annotations.flatMap((a) => [a.id, a.topic, a.subject]).filter((other) => other !== id),
    ],
    before: { delete: auditId },
    after: {
      entity,
      relationships,
      notRestored,
      annotations,
      annotationsNotRestored: plan.annotationsNotRestored,
    },
  });
  await run(tx, 'curation/mark-undone', { id: auditId, undoneBy: undoId });
  return {
    entity,
    relationships,
    notRestored,
    annotations,
    annotationsNotRestored: plan.annotationsNotRestored,
    auditId: undoId,
  };
}

async function restoreRelationship(
  tx: ManagedTransaction,
  user: UserPrincipal,
  auditId: string,
  recorded: RecordedRelationshipDelete,
): Promise<UndoDeleteResult> {
  const key = relationshipKey(recorded);
  const [state] = await run(tx, 'curation/restore-relationship-state', {
    eventId: auditId,
    from: recorded.from,
    type: recorded.type,
    to: recorded.to,
    key,
  });
  const refusal = relationshipRestoreRefusal(
    recorded,
    {
      from: entityNow(state!.fromNow as Record<string, unknown>),
      to: entityNow(state!.toNow as Record<string, unknown>),
      exists: state!.exists === true,
    },
    state!.later as LaterEvent[],
  );
  if (refusal) refuse(auditId, refusal);

  await run(tx, 'curation/clear-tombstone', { key });
  const [relationship] = await createRelationships(tx, [planRelationshipRestore(recorded)]);
  await markMetricsStale(tx);
  const undoId = await recordAudit(tx, user, {
    action: 'relationship.restore',
    entityId: key,
    entityIds: [recorded.from, recorded.to],
    before: { delete: auditId },
    after: { relationship },
  });
  await run(tx, 'curation/mark-undone', { id: auditId, undoneBy: undoId });
  return {
    entity: null,
    relationships: [relationship!],
    notRestored: [],
    annotations: [],
    annotationsNotRestored: [],
    auditId: undoId,
  };
}

/**
 * Undoes the delete recorded by audit event `auditId`. 404 for an unknown event, 400 for an event
 * that is not a delete, 409 UNDO_REFUSED when it cannot come back exactly (`details.reason`).
 */
export async function undoDelete(
  db: GraphDatabase,
  user: UserPrincipal,
  auditId: string,
): Promise<UndoDeleteResult> {
  try {
    return await db.writeTx(async (tx) => {
      // The event's lock first: a second undo of this delete waits here, then sees it undone.
      const event = await lockUndoableEvent(tx, auditId, DELETE_ACTIONS, 'a delete');
      if (event.undoneBy)
        throw new UndoRefusedError(alreadyUndoneMessage('delete', event.undoneAt), {
          reason: 'already-undone',
          auditId,
          undoneAt: event.undoneAt,
        });
      const read = readRecordedDelete(event);
      if ('refusal' in read)
        throw new UndoRefusedError(read.refusal.message, {
          reason: read.refusal.reason,
          auditId,
        });
      return read.recorded.kind === 'entity'
        ? await restoreEntity(tx, user, auditId, read.recorded)
        : await restoreRelationship(tx, user, auditId, read.recorded);
    });
  } catch (error) {
    // An entity created with the id between the check and the restore meets the id constraint.
    if (isConstraintViolation(error))
      throw new UndoRefusedError('The id was taken meanwhile.', { reason: 'in-use', auditId });
    throw error;
  }
}
