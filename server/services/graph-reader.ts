/**
 * Reads entities and the relationships among them by id, inside a caller's transaction, so a
 * neighbourhood, a subgraph, a path set or an export is one consistent snapshot.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../db/neo4j-client.ts';
import type { RelationshipType } from '../model/graph-model.ts';
import { edgeRecord, nodeRecord, type EdgeRecord, type NodeRecord } from './graph-elements.ts';

/** The entities with these ids, in the order given; unknown ids are left out. */
export async function readNodes(
  tx: ManagedTransaction,
  ids: readonly string[],
): Promise<NodeRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await run(tx, 'graph/nodes-by-ids', { ids: unique });
  return rows.map(nodeRecord);
}

/** The relationships with both ends among `ids`, of the whitelisted `rels` (all when empty). */
export async function readEdgesAmong(
  tx: ManagedTransaction,
  ids: readonly string[],
  rels: readonly RelationshipType[] = [],
): Promise<EdgeRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length < 2) return [];
  const rows = await run(tx, 'graph/edges-among', { ids: unique, rels: [...rels] });
  return rows.map(edgeRecord);
}
