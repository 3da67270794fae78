/**
 * The graph for the first view: whole when small, the best-connected part when large (full mode),
 * or one meta-node per entity type with counted meta-edges (summary mode); auto picks full when
 * the graph fits the limit and summary otherwise.
 */
import neo4j from 'neo4j-driver';
import type { EdgeElement, NodeElement, OverviewMode } from '../api/schemas.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { toEdgeElement, toNodeElement } from './graph-elements.ts';
import { readGraph } from './graph-reader.ts';
import {
  summaryElements,
  type LinkCount,
  type MetaEdge,
  type MetaNode,
  type TypeCount,
} from './overview-summary.ts';

export interface FullOverview {
  mode: 'full';
  nodes: NodeElement[];
  edges: EdgeElement[];
  total: { nodes: number; edges: number };
  truncated: boolean;
}

export interface SummaryOverview {
  mode: 'summary';
  nodes: MetaNode[];
  edges: MetaEdge[];
  total: { nodes: number; edges: number };
  truncated: false;
}

export type Overview = FullOverview | SummaryOverview;

/** The best-connected `limit` entities and the relationships among them, in one snapshot. */
async function fullOverview(db: GraphDatabase, limit: number): Promise<FullOverview> {
  return db.readTx(async (tx) => {
    const [row] = await run(tx, 'graph/overview', { limit: neo4j.int(limit) });
    const ids = ((row?.ids as string[]) ?? []).map(String);
    const graph = await readGraph(tx, ids);
    const nodes = graph.nodes.map((n) => toNodeElement(n));
    const edges = graph.edges.map(toEdgeElement);
    const total = { nodes: Number(row?.totalNodes ?? 0), edges: Number(row?.totalEdges ?? 0) };
    return { mode: 'full', nodes, edges, total, truncated: nodes.length < total.nodes };
  });
}

async function summaryOverview(db: GraphDatabase): Promise<SummaryOverview> {
  const [row] = await db.read('graph/overview-summary');
  const summary = summaryElements(
    (row?.types as TypeCount[]) ?? [],
    (row?.links as LinkCount[]) ?? [],
  );
  return { mode: 'summary', ...summary, truncated: false };
}

export async function getOverview(
  db: GraphDatabase,
  limit: number,
  mode: OverviewMode = 'full',
): Promise<Overview> {
  if (mode === 'summary') return summaryOverview(db);
  if (mode === 'auto') {
    const [row] = await db.read('admin/count-entities');
    if (Number(row?.count ?? 0) > limit) return summaryOverview(db);
  }
  return fullOverview(db, limit);
}
