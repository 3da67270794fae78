/**
 * What a delete records for its undo, read in the delete's own transaction before anything goes:
 * what the states in its audit event do not hold (labels, the properties an EntityState leaves
 * out, the Neo4j types JSON blurs, the kinds of entity at the other ends). See delete-undo-plan.ts.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../db/neo4j-client.ts';
import {
  DELETE_UNDO_FORMAT,
  RESTORE_SETS,
  type EntityDeleteUndoRecord,
  type RelationshipDeleteUndoRecord,
} from './delete-undo-plan.ts';
import type { EntityState } from './entity-edits.ts';
import { JSON_SAFE_TYPES, typesByProperty } from './recorded-values.ts';

/** The undo record of deleting `state`'s entity (locked by the caller). */
export async function entityDeleteUndoRecord(
  tx: ManagedTransaction,
  state: EntityState,
): Promise<EntityDeleteUndoRecord> {
  const [row] = await run(tx, 'curation/entity-delete-undo-record', {
    id: state.id,
    jsonSafe: [...JSON_SAFE_TYPES],
  });
  const node = row!.node as Record<string, unknown>;
  return {
    format: DELETE_UNDO_FORMAT,
    labels: (row!.labels as unknown[]).map(String),
    bookkeeping: Object.fromEntries(
      Object.entries(node).filter(([key]) => !(key in state.properties) && !RESTORE_SETS.has(key)),
    ),
    propertyTypes: typesByProperty(row!.propertyTypes),
    relationshipPropertyTypes: Object.fromEntries(
      (row!.relationshipTypes as [string, unknown][]).map(([key, types]) => [
        key,
        typesByProperty(types),
      ]),
    ),
    ends: Object.fromEntries((row!.ends as [string, unknown][]).map(([id, t]) => [id, String(t)])),
  };
}

/** The undo record of deleting a relationship; null when it is gone already. */
export async function relationshipDeleteUndoRecord(
  tx: ManagedTransaction,
  ref: { from: string; type: string; to: string },
): Promise<RelationshipDeleteUndoRecord | null> {
  const [row] = await run(tx, 'curation/relationship-delete-undo-record', {
    ...ref,
    jsonSafe: [...JSON_SAFE_TYPES],
  });
  if (!row) return null;
  return {
    format: DELETE_UNDO_FORMAT,
    properties: row.properties as Record<string, unknown>,
    propertyTypes: typesByProperty(row.propertyTypes),
    fromType: String(row.fromType),
    toType: String(row.toType),
  };
}
