/**
 * Reads entities and the relationships among them by id, inside a caller's transaction, for a
 * neighbourhood, a subgraph, the overview or an export, and what those relationships state (exports).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../db/neo4j-client.ts';
import type { RelationshipType } from '../model/graph-model.ts';
import {
  detailedEdgeRecord,
  edgeRecord,
  nodeRecord,
  type DetailedEdgeRecord,
  type EdgeRecord,
  type NodeRecord,
} from './graph-elements.ts';

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

/** Entities and the relationships among them, as one read of a caller's transaction. */
export interface GraphRead {
  /** The entities with the ids asked for, in the order given; unknown ids are left out. */
  nodes: NodeRecord[];
  /** The relationships with both ends among them, of the whitelisted types. */
  edges: EdgeRecord[];
}

/**
 * The entities with these ids and the relationships among them, of the whitelisted `rels` (all
 * when empty). The relationships are found by the entities' element ids, valid in this
 * transaction only and never returned.
 */
export async function readGraph(
  tx: ManagedTransaction,
  ids: readonly string[],
  rels: readonly RelationshipType[] = [],
): Promise<GraphRead> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { nodes: [], edges: [] };
  const rows = await run(tx, 'graph/nodes-by-ids', { ids: unique });
  // Keyed by element id: the statement looks each walked relationship's far end up in it.
  const members = Object.fromEntries(rows.map((row) => [String(row.elementId), true]));
  const edges =
    rows.length < 2
      ? []
      : (await run(tx, 'graph/edges-among', { members, rels: [...rels] })).map(edgeRecord);
  return { nodes: rows.map(nodeRecord), edges };
}

/**
 * What the relationships `edges` names state: evidence, role, dates, board seat, notes, cited page
 * (`edges` as readGraph read them, in the same transaction). One that is gone meanwhile is left
 * out.
 */
export async function readRelationshipDetails(
  tx: ManagedTransaction,
  edges: readonly EdgeRecord[],
): Promise<DetailedEdgeRecord[]> {
  if (edges.length === 0) return [];
  const rows = await run(tx, 'graph/relationship-details', {
    edges: edges.map(({ source, type, target }) => ({ source, type, target })),
  });
  return rows.map(detailedEdgeRecord);
}
