/**
 * What the relationships among given entities state (evidence, role, dates, board seat, notes,
 * cited page), and the source documents those entities and relationships cite, for the canvas's
 * exports: the canvas holds ends, types and source ids only.
 */
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { edgeId, relationshipLabel, type DetailedEdgeRecord } from './graph-elements.ts';
import { checkRelationshipTypes } from './graph-filters.ts';
import { readGraph, readRelationshipDetails } from './graph-reader.ts';
import type { EntityDetail } from './entity-service.ts';

/** A source document as entity pages list it. */
type SourceDocument = EntityDetail['sources'][number];

/** A relationship with what it states, named as its edge element is. */
export type RelationshipDetailsItem = DetailedEdgeRecord & { id: string; label: string };

export interface RelationshipDetailsAnswer {
  relationships: RelationshipDetailsItem[];
  /** Every source the entities or the relationships cite, by id. */
  sources: SourceDocument[];
}

export async function getRelationshipDetails(
  db: GraphDatabase,
  ids: readonly string[],
  rels: readonly string[] = [],
): Promise<RelationshipDetailsAnswer> {
  const relTypes = checkRelationshipTypes(rels);
  return db.readTx(async (tx) => {
    const { nodes, edges } = await readGraph(tx, ids, relTypes);
    const rows = await readRelationshipDetails(tx, edges);
    const sourceIds = new Set([
      ...nodes.flatMap((node) => node.sources),
      ...rows.flatMap((row) => row.sources),
    ]);
    const sources = (await run(tx, 'entity/get-sources', {
      ids: [...sourceIds],
    })) as SourceDocument[];
    return {
      relationships: rows.map((row) => ({
        id: edgeId(row.source, row.type, row.target),
        label: relationshipLabel(row.type),
        ...row,
      })),
      sources,
    };
  });
}
