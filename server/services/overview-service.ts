/** The graph for the first view: whole when small, the best-connected part when large. */
import neo4j from 'neo4j-driver';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { RELATIONSHIP_PHRASES, isRelationshipType } from '../model/graph-model.ts';

export interface CytoscapeNode {
  data: { id: string; label: string; type: string; kind?: string; degree: number };
}
export interface CytoscapeEdge {
  data: { id: string; source: string; target: string; type: string; label: string };
}
export interface Overview {
  nodes: CytoscapeNode[];
  edges: CytoscapeEdge[];
  total: { nodes: number; edges: number };
  truncated: boolean;
}

export async function getOverview(db: GraphDatabase, limit: number): Promise<Overview> {
  const [row] = await db.read('graph/overview', { limit: neo4j.int(limit) });
  const nodes = ((row?.nodes as CytoscapeNode['data'][]) ?? []).map((n) => ({
    data: { ...n, kind: n.kind ?? undefined },
  }));
  const edges = ((row?.edges as { source: string; target: string; type: string }[]) ?? []).map(
    (e) => ({
      data: {
        id: `${e.source}|${e.type}|${e.target}`,
        source: e.source,
        target: e.target,
        type: e.type,
        label: isRelationshipType(e.type) ? RELATIONSHIP_PHRASES[e.type] : e.type.toLowerCase(),
      },
    }),
  );
  const total = { nodes: Number(row?.totalNodes ?? 0), edges: Number(row?.totalEdges ?? 0) };
  return { nodes, edges, total, truncated: nodes.length < total.nodes };
}
