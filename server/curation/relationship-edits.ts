/**
 * Editors state, correct and delete relationships. The type comes from the model's whitelist and
 * must join the right entity types (relationship-rules.ts). Stating a relationship that a source
 * already states adds the editor's provenance; changing one quotes the version read (409 when
 * stale) and marks the properties set as the editor's, which re-imports keep; deleting one leaves
 * a tombstone that re-imports respect. Every change records one audit event whose before/after
 * name both ends, so the history reads as a sentence.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { UserPrincipal } from '../auth/roles.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import type { EntityDetail } from '../services/entity-service.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { markMetricsStale } from '../insights/metrics-service.ts';
import type { EntityType, RelationshipType } from '../model/graph-model.ts';
import { relationshipKey } from '../importers/graph/graph-facts.ts';
import { endsBeforeStart, type RelationshipProperties } from '../api/curation-schemas.ts';
import { recordAudit } from './audit-trail.ts';
import { changedValues } from './unchanged-values.ts';
import { AlreadyExistsError, VersionConflictError } from './curation-errors.ts';
import { relationshipDeleteUndoRecord } from './delete-undo-record.ts';
import { EDITOR_SOURCE_PREFIX, stateAsEditor } from './editor-provenance.ts';
import { endpointProblem } from './relationship-rules.ts';

type EntitySource = EntityDetail['sources'][number];

export interface RelationshipRef {
  from: string;
  type: RelationshipType;
  to: string;
}

export interface RelationshipState extends RelationshipRef {
  /** The ends' names (their ids when they have none). */
  fromLabel: string;
  toLabel: string;
  /** 0 for an imported relationship no editor changed. */
  version: number;
  /** role, startDate, endDate, notes, sourceUrl, board where set, with `sources` and `evidence`. */
  properties: Record<string, unknown>;
  /** Properties an editor set (re-imports keep the editor's value). */
  editedProperties: string[];
}

/** A relationship as `GET /api/curation/relationships` answers: its state and who states it. */
export interface RelationshipRead extends RelationshipState {
  /** The Source documents its provenance names, by id (the entity details' `sources` shape). */
  sources: EntitySource[];
}

/** A change to a relationship: a value sets a property, null removes it. */
export type RelationshipChanges = {
  [K in keyof RelationshipProperties]?: RelationshipProperties[K] | null;
};

/** Relationship properties that are bookkeeping, not the relationship's own. */
const BOOKKEEPING = new Set(['version', 'editedProperties', '_lock']);

/** A relationship's state from a row of its properties and both ends' names. */
export function toRelationshipState(
  ref: RelationshipRef,
  row: Record<string, unknown>,
): RelationshipState {
  const all = row.properties as Record<string, unknown>;
  return {
    ...ref,
    fromLabel: String(row.fromLabel ?? ref.from),
    toLabel: String(row.toLabel ?? ref.to),
    version: Number(all.version ?? 0),
    properties: Object.fromEntries(Object.entries(all).filter(([k]) => !BOOKKEEPING.has(k))),
    editedProperties: (all.editedProperties as string[] | null) ?? [],
  };
}

const describe = (ref: RelationshipRef) => `${ref.from} ${ref.type} ${ref.to}`;

async function checkEnds(tx: ManagedTransaction, ref: RelationshipRef): Promise<void> {
  const rows = await run(tx, 'curation/entity-types', { ids: [ref.from, ref.to] });
  const types = new Map(rows.map((r) => [String(r.id), r.type as EntityType]));
  const missing = [ref.from, ref.to].filter((id) => !types.has(id));
  if (missing.length > 0)
    throw new NotFoundError(
      `No entity has the id ${missing.map((m) => `"${m}"`).join(' or ')}`,
      { ids: missing },
      missing,
    );
  const problem = endpointProblem(ref.type, types.get(ref.from)!, types.get(ref.to)!);
  if (problem) throw new ValidationError(problem, [{ path: 'body.type', message: problem }]);
}

/** `board` says whether a member sits on the board: it belongs to MEMBER_OF only. */
function checkBoard(ref: RelationshipRef, props: RelationshipChanges): void {
  if (props.board !== undefined && props.board !== null && ref.type !== 'MEMBER_OF')
    throw new ValidationError('`board` belongs to MEMBER_OF only', [
      { path: 'body.properties.board', message: 'only on MEMBER_OF' },
    ]);
}

async function findRelationship(
  tx: ManagedTransaction,
  ref: RelationshipRef,
): Promise<RelationshipState | null> {
  const [row] = await run(tx, 'curation/find-relationship', { ...ref });
  return row ? toRelationshipState(ref, row) : null;
}

/**
 * A relationship's editable state, with the version a change must quote, and the sources stating
 * it: a reader's panel names them without reading both ends' details, which for a hub may not list
 * them.
 */
export async function getRelationship(
  db: GraphDatabase,
  ref: RelationshipRef,
): Promise<RelationshipRead> {
  const [row] = await db.read('curation/get-relationship', { ...ref });
  // Either end may have been merged away, the relationship moving with it.
  if (!row)
    throw new NotFoundError(`No relationship ${describe(ref)}`, { ...ref }, [ref.from, ref.to]);
  return { ...toRelationshipState(ref, row), sources: row.sources as EntitySource[] };
}

/** States a relationship; `created` is false when a source stated it already. */
export async function stateRelationship(
  db: GraphDatabase,
  user: UserPrincipal,
  ref: RelationshipRef,
  props: RelationshipProperties,
): Promise<{ created: boolean; relationship: RelationshipState }> {
  checkBoard(ref, props);
  return db.writeTx(async (tx) => {
    await checkEnds(tx, ref);
    const before = await findRelationship(tx, ref);
    const editor = await stateAsEditor(tx, user);
    const stated = ((before?.properties.sources as string[] | undefined) ?? []).includes(
      editor.sourceId,
    );
    if (stated)
      throw new AlreadyExistsError(
        'You have stated this relationship already: edit it to change its role, dates, notes or source page',
        { relationship: before },
      );
    const key = relationshipKey(ref);
    await run(tx, 'curation/clear-tombstone', { key });
    await run(tx, 'curation/state-relationship', { ...ref, props, editor });
    // A new relationship changes degrees; a further source on an existing one does not.
    if (before === null) await markMetricsStale(tx);
    const after = (await findRelationship(tx, ref))!;
    await recordAudit(tx, user, {
      action: 'relationship.create',
      entityId: key,
      entityIds: [ref.from, ref.to],
      before,
      after,
    });
    return { created: before === null, relationship: after };
  });
}

/** Locks a relationship for the transaction and checks that `version` is still current. */
async function lockRelationship(
  tx: ManagedTransaction,
  ref: RelationshipRef,
  version: number,
): Promise<RelationshipState> {
  const [row] = await run(tx, 'curation/lock-relationship', { ...ref });
  if (!row) throw new NotFoundError(`No relationship ${describe(ref)}`, { ...ref });
  const state = toRelationshipState(ref, row);
  if (state.version !== version)
    throw new VersionConflictError(`Relationship ${describe(ref)}`, state.version, state);
  return state;
}

/**
 * Changes a relationship's properties (null removes one), quoting the version read. The dates are
 * checked against each other as they will stand after the change.
 */
export async function updateRelationship(
  db: GraphDatabase,
  user: UserPrincipal,
  ref: RelationshipRef,
  version: number,
  changes: RelationshipChanges,
): Promise<RelationshipState> {
  checkBoard(ref, changes);
  return db.writeTx(async (tx) => {
    const before = await lockRelationship(tx, ref, version);
    const merged = { ...before.properties, ...changes };
    const start = merged.startDate;
    const end = merged.endDate;
    if (typeof start === 'string' && typeof end === 'string' && endsBeforeStart(start, end)) {
      const field = 'endDate' in changes ? 'endDate' : 'startDate';
      throw new ValidationError(`The end date ${end} is before the start date ${start}`, [
        {
          path: `body.properties.${field}`,
          message:
            field === 'endDate' ? 'must not be before startDate' : 'must not be after endDate',
        },
      ]);
    }
    const changed = changedValues(before.properties, changes);
    // Nothing differs from what is stored: nothing is written (unchanged-values.ts says why).
    if (Object.keys(changed).length === 0) return before;
    const editor = await stateAsEditor(tx, user);
    await run(tx, 'curation/update-relationship', {
      ...ref,
      props: changed,
      edited: Object.keys(changed),
      editor,
    });
    const after = (await findRelationship(tx, ref))!;
    await recordAudit(tx, user, {
      action: 'relationship.update',
      entityId: relationshipKey(ref),
      entityIds: [ref.from, ref.to],
      before,
      after,
    });
    return after;
  });
}

/**
 * Deletes a relationship, whoever stated it, and keeps a tombstone against re-imports. Its audit
 * event records the relationship as it was, with what an exact restore needs; answers that
 * event's id, which the undo names.
 */
export async function deleteRelationship(
  db: GraphDatabase,
  user: UserPrincipal,
  ref: RelationshipRef,
  version?: number,
): Promise<{ auditId: string }> {
  return db.writeTx(async (tx) => {
    // With the version read, a change made since is a conflict, as for an edit; without it (the
    // canvas's remove, older clients) the relationship goes as it is now.
    const before =
      version === undefined
        ? await findRelationship(tx, ref)
        : await lockRelationship(tx, ref, version);
    const undo = before && (await relationshipDeleteUndoRecord(tx, ref));
    if (!before || !undo) throw new NotFoundError(`No relationship ${describe(ref)}`, { ...ref });
    const key = relationshipKey(ref);
    const deleted = await run(tx, 'curation/delete-relationship', {
      ...ref,
      key,
      editor: { userId: user.id },
    });
    // A concurrent delete got there first: nothing left to delete or record.
    if (deleted.length === 0)
      throw new NotFoundError(`No relationship ${describe(ref)}`, { ...ref });
    await markMetricsStale(tx);
    const auditId = await recordAudit(tx, user, {
      action: 'relationship.delete',
      entityId: key,
      entityIds: [ref.from, ref.to],
      before: { ...before, undo },
      after: null,
    });
    return { auditId };
  });
}

export const isEditorSource = (source: string) => source.startsWith(EDITOR_SOURCE_PREFIX);
