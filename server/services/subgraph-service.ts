/** The elements among a given set of entities: reloads a saved or shared view. */
import type { EdgeElement, NodeElement } from '../api/schemas.ts';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { toEdgeElement, toNodeElement } from './graph-elements.ts';
import { checkRelationshipTypes } from './graph-filters.ts';
import { readGraph } from './graph-reader.ts';

export interface Subgraph {
  nodes: NodeElement[];
  edges: EdgeElement[];
  /** Requested ids that name no entity (removed since the view was saved, or mistyped). */
  missing: string[];
}

export async function getSubgraph(
  db: GraphDatabase,
  ids: readonly string[],
  rels: readonly string[] = [],
): Promise<Subgraph> {
  const relTypes = checkRelationshipTypes(rels);
  return db.readTx(async (tx) => {
    const { nodes, edges } = await readGraph(tx, ids, relTypes);
    const found = new Set(nodes.map((n) => n.id));
    return {
      nodes: nodes.map((n) => toNodeElement(n)),
      edges: edges.map(toEdgeElement),
      missing: [...new Set(ids)].filter((id) => !found.has(id)),
    };
  });
}
