/**
 * What the relationships among given entities state (evidence, role, dates, board seat, notes,
 * cited page), for the canvas's exports: the canvas holds ends, types and sources only.
 */
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { edgeId, relationshipLabel, type DetailedEdgeRecord } from './graph-elements.ts';
import { checkRelationshipTypes } from './graph-filters.ts';
import { readRelationshipDetails } from './graph-reader.ts';

/** A relationship with what it states, named as its edge element is. */
export type RelationshipDetailsItem = DetailedEdgeRecord & { id: string; label: string };

export async function getRelationshipDetails(
  db: GraphDatabase,
  ids: readonly string[],
  rels: readonly string[] = [],
): Promise<{ relationships: RelationshipDetailsItem[] }> {
  const relTypes = checkRelationshipTypes(rels);
  const rows = await db.readTx((tx) => readRelationshipDetails(tx, ids, relTypes));
  return {
    relationships: rows.map((row) => ({
      id: edgeId(row.source, row.type, row.target),
      label: relationshipLabel(row.type),
      ...row,
    })),
  };
}
