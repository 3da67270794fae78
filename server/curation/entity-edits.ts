/**
 * Editors create, change and delete entities. Every change runs in one write transaction that
 * locks the entity, checks the version the editor read (409 when stale), applies the change with
 * the editor's provenance, and records one audit event.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { UserPrincipal } from '../auth/roles.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { isConstraintViolation } from '../db/retry-policy.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { slugify } from '../importers/resolution/text-normalise.ts';
import { markMetricsStale, SECTOR_PROFILE_PROPERTIES } from '../insights/metrics-service.ts';
import { ID_PREFIX } from '../model/graph-model.ts';
import {
  isEditableType,
  updatePropertiesSchema,
  type CreateEntityBody,
  type EditableType,
} from '../api/curation-schemas.ts';
import { parseInput } from '../api/validate.ts';
import { recordAudit } from './audit-trail.ts';
import { changedValues } from './unchanged-values.ts';
import { AlreadyExistsError, VersionConflictError } from './curation-errors.ts';
import { annotationFromRow } from './annotations.ts';
import { entityDeleteUndoRecord } from './delete-undo-record.ts';
import { stateAsEditor } from './editor-provenance.ts';
import { followRedirects } from './merged-ids.ts';
import { withArticle } from '../model/indefinite-article.ts';

/** Node properties that are bookkeeping, not the entity's own properties. */
const BOOKKEEPING = new Set([
  'id',
  'sources',
  'evidence',
  'aliasText',
  'version',
  'editedProperties',
  '_lock',
  ...SECTOR_PROFILE_PROPERTIES,
]);

export interface EntityState {
  id: string;
  type: string;
  version: number;
  properties: Record<string, unknown>;
  editedProperties: string[];
  provenance: { source: string; evidence: string | null }[];
}

export function toEntityState(node: Record<string, unknown>, type: string): EntityState {
  const sources = (node.sources as string[] | null) ?? [];
  const evidence = (node.evidence as string[] | null) ?? [];
  return {
    id: String(node.id),
    type,
    version: Number(node.version ?? 0),
    properties: Object.fromEntries(Object.entries(node).filter(([k]) => !BOOKKEEPING.has(k))),
    editedProperties: (node.editedProperties as string[] | null) ?? [],
    provenance: sources.map((source, i) => ({ source, evidence: evidence[i] ?? null })),
  };
}

/** The current state of an entity, with the version an edit must quote. */
export async function getEntityState(db: GraphDatabase, id: string): Promise<EntityState> {
  const [row] = await db.read('entity/get-entity', { id });
  if (!row) throw new NotFoundError(`No entity has the id "${id}"`, { id }, [id]);
  return toEntityState(row.node as Record<string, unknown>, String(row.type));
}

/** Locks an entity for the transaction and checks that `version` is still current. */
export async function lockEntity(
  tx: ManagedTransaction,
  id: string,
  version: number,
): Promise<EntityState> {
  const [row] = await run(tx, 'curation/lock-entity', { id });
  if (!row) throw new NotFoundError(`No entity has the id "${id}"`, { id }, [id]);
  const state = toEntityState(row.node as Record<string, unknown>, String(row.type));
  if (state.version !== version) throw new VersionConflictError(id, state.version, state);
  return state;
}

/**
 * The entity's type, where editors may change entities of it; refused for countries and SDGs, at
 * `where` (the request's part that named the entity): an edit, a delete and a merge alike.
 */
export function editableType(state: EntityState, where = 'path.id'): EditableType {
  if (!isEditableType(state.type))
    throw new ValidationError(
      `${state.id} is ${withArticle(state.type)}: countries and SDGs are reference data, not edited`,
      [{ path: where, message: `${state.type} is not editable` }],
    );
  return state.type;
}

/** The id a new entity gets: the one given (with its type's prefix) or `<prefix>:<slug of name>`. */
export function newEntityId(body: CreateEntityBody): string {
  const prefix = ID_PREFIX[body.type];
  if (body.id) {
    if (!body.id.startsWith(`${prefix}:`))
      throw new ValidationError(`An ${body.type} id starts with "${prefix}:"`, [
        { path: 'body.id', message: `must start with "${prefix}:"` },
      ]);
    return body.id;
  }
  const slug = slugify(body.properties.name);
  if (!slug)
    throw new ValidationError('The name has no letters or digits to make an id from', [
      { path: 'body.properties.name', message: 'needs letters or digits' },
    ]);
  return `${prefix}:${slug}`;
}

export async function createEntity(
  db: GraphDatabase,
  user: UserPrincipal,
  body: CreateEntityBody,
): Promise<EntityState> {
  const id = newEntityId(body);
  try {
    return await db.writeTx(async (tx) => {
      // A merged-away id stays with the entity it was merged into: a new entity taking it would
      // catch its old links and imports, and lose them when deleted.
      const merged = (await followRedirects(tx, [id])).get(id);
      if (merged)
        throw new AlreadyExistsError(
          merged.found
            ? `${id} was merged into ${merged.to}; edit that entity instead`
            : `${id} was merged into ${merged.to}, deleted since; give the new entity another id`,
          { id, mergedInto: merged.to },
        );
      const editor = await stateAsEditor(tx, user);
      await run(tx, 'curation/clear-tombstone', { key: id });
      const [row] = await run(tx, 'curation/create-entity', {
        id,
        label: body.type,
        props: body.properties,
        editor,
      });
      await markMetricsStale(tx);
      const state = toEntityState(row!.node as Record<string, unknown>, body.type);
      await recordAudit(tx, user, {
        action: 'entity.create',
        entityId: id,
        before: null,
        after: state,
      });
      return state;
    });
  } catch (error) {
    if (isConstraintViolation(error))
      throw new AlreadyExistsError(`An entity with the id "${id}" exists already`, { id });
    throw error;
  }
}

export async function updateEntity(
  db: GraphDatabase,
  user: UserPrincipal,
  id: string,
  version: number,
  properties: Record<string, unknown>,
): Promise<EntityState> {
  return db.writeTx(async (tx) => {
    const before = await lockEntity(tx, id, version);
    const type = editableType(before);
    const changes = changedValues(
      before.properties,
      parseInput(updatePropertiesSchema(type), properties, 'body.properties'),
    );
    // Nothing differs from what is stored: nothing is written (unchanged-values.ts says why).
    if (Object.keys(changes).length === 0) return before;
    const editor = await stateAsEditor(tx, user);
    const [row] = await run(tx, 'curation/update-entity', {
      id,
      props: changes,
      edited: Object.keys(changes),
      editor,
    });
    // A DPG's sectors feed the collaborators' sector profiles, stored with the measures.
    if ('sectors' in changes) await markMetricsStale(tx);
    const after = toEntityState(row!.node as Record<string, unknown>, before.type);
    await recordAudit(tx, user, { action: 'entity.update', entityId: id, before, after });
    return after;
  });
}

/**
 * Deletes an entity with its relationships and the annotations naming it (a tombstone keeps
 * imports from stating it again). Its audit event records the entity, every relationship and
 * annotation as they were, with what an exact restore needs (delete-undo-record.ts); answers that
 * event's id, which the undo names.
 */
export async function deleteEntity(
  db: GraphDatabase,
  user: UserPrincipal,
  id: string,
  version: number,
): Promise<{ auditId: string }> {
  return db.writeTx(async (tx) => {
    const before = await lockEntity(tx, id, version);
    editableType(before);
    const relationships = await run(tx, 'curation/entity-relationships', { id });
    const undo = await entityDeleteUndoRecord(tx, before);
    const editor = await stateAsEditor(tx, user);
    const annotations = (await run(tx, 'curation/take-entity-annotations', { id })).map(
      annotationFromRow,
    );
    await run(tx, 'curation/delete-entity', { id, editor });
    await markMetricsStale(tx);
    const auditId = await recordAudit(tx, user, {
      action: 'entity.delete',
      entityId: id,
      entityIds: [
        ...relationships.map((r) => String(r.from === id ? r.to : r.from)),
        ...annotations.flatMap((a) => [a.id, a.topic, a.subject]).filter((other) => other !== id),
      ],
      before: { ...before, relationships, annotations, undo },
      after: null,
    });
    return { auditId };
  });
}
