/**
 * Editors state and delete relationships. The type comes from the model's whitelist and must join
 * the right entity types (relationship-rules.ts). Stating a relationship that a source already
 * states adds the editor's provenance; deleting one leaves a tombstone that re-imports respect.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { UserPrincipal } from '../auth/roles.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { EntityType, RelationshipType } from '../model/graph-model.ts';
import { relationshipKey } from '../importers/graph/graph-facts.ts';
import { recordAudit } from './audit-trail.ts';
import { AlreadyExistsError } from './curation-errors.ts';
import { EDITOR_SOURCE_PREFIX, stateAsEditor } from './editor-provenance.ts';
import { endpointProblem } from './relationship-rules.ts';

export interface RelationshipRef {
  from: string;
  type: RelationshipType;
  to: string;
}

export interface RelationshipState extends RelationshipRef {
  properties: Record<string, unknown>;
}

async function checkEnds(tx: ManagedTransaction, ref: RelationshipRef): Promise<void> {
  const rows = await run(tx, 'curation/entity-types', { ids: [ref.from, ref.to] });
  const types = new Map(rows.map((r) => [String(r.id), r.type as EntityType]));
  const missing = [ref.from, ref.to].filter((id) => !types.has(id));
  if (missing.length > 0)
    throw new NotFoundError(`No entity has the id ${missing.map((m) => `"${m}"`).join(' or ')}`, {
      ids: missing,
    });
  const problem = endpointProblem(ref.type, types.get(ref.from)!, types.get(ref.to)!);
  if (problem) throw new ValidationError(problem, [{ path: 'body.type', message: problem }]);
}

async function findRelationship(
  tx: ManagedTransaction,
  ref: RelationshipRef,
): Promise<RelationshipState | null> {
  const [row] = await run(tx, 'curation/find-relationship', { ...ref });
  return row ? { ...ref, properties: row.properties as Record<string, unknown> } : null;
}

/** States a relationship; `created` is false when a source stated it already. */
export async function stateRelationship(
  db: GraphDatabase,
  user: UserPrincipal,
  ref: RelationshipRef,
  props: { board?: boolean },
): Promise<{ created: boolean; relationship: RelationshipState }> {
  return db.writeTx(async (tx) => {
    await checkEnds(tx, ref);
    if (props.board !== undefined && !(ref.type === 'MEMBER_OF'))
      throw new ValidationError('`board` belongs to MEMBER_OF only', [
        { path: 'body.properties.board', message: 'only on MEMBER_OF' },
      ]);
    const before = await findRelationship(tx, ref);
    const editor = await stateAsEditor(tx, user);
    const stated = ((before?.properties.sources as string[] | undefined) ?? []).includes(
      editor.sourceId,
    );
    if (stated)
      throw new AlreadyExistsError('You have stated this relationship already', {
        relationship: before,
      });
    const key = relationshipKey(ref);
    await run(tx, 'curation/clear-tombstone', { key });
    const [row] = await run(tx, 'curation/state-relationship', { ...ref, props, editor });
    const after = { ...ref, properties: row!.properties as Record<string, unknown> };
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

/** Deletes a relationship, whoever stated it, and keeps a tombstone against re-imports. */
export async function deleteRelationship(
  db: GraphDatabase,
  user: UserPrincipal,
  ref: RelationshipRef,
): Promise<void> {
  await db.writeTx(async (tx) => {
    const before = await findRelationship(tx, ref);
    if (!before)
      throw new NotFoundError(`No relationship ${ref.from} ${ref.type} ${ref.to}`, { ...ref });
    const key = relationshipKey(ref);
    const deleted = await run(tx, 'curation/delete-relationship', {
      ...ref,
      key,
      editor: { userId: user.id },
    });
    // A concurrent delete got there first: nothing left to delete or record.
    if (deleted.length === 0)
      throw new NotFoundError(`No relationship ${ref.from} ${ref.type} ${ref.to}`, { ...ref });
    await recordAudit(tx, user, {
      action: 'relationship.delete',
      entityId: key,
      entityIds: [ref.from, ref.to],
      before,
      after: null,
    });
  });
}

export const isEditorSource = (source: string) => source.startsWith(EDITOR_SOURCE_PREFIX);
