/**
 * The graph for the first view: whole when small, the best-connected part when large (full mode),
 * or one meta-node per entity type with counted meta-edges (summary mode); auto picks full when
 * the graph fits the limit and summary otherwise.
 */
import neo4j from 'neo4j-driver';
import type { EdgeElement, NodeElement, OverviewMode } from '../api/schemas.ts';
import type { GraphDatabase, Row } from '../db/neo4j-client.ts';
import { edgeRecord, nodeRecord, toEdgeElement, toNodeElement } from './graph-elements.ts';
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

async function fullOverview(db: GraphDatabase, limit: number): Promise<FullOverview> {
  const [row] = await db.read('graph/overview', { limit: neo4j.int(limit) });
  const nodes = ((row?.nodes as Row[]) ?? []).map((n) => toNodeElement(nodeRecord(n)));
  const edges = ((row?.edges as Row[]) ?? []).map((e) => toEdgeElement(edgeRecord(e)));
  const total = { nodes: Number(row?.totalNodes ?? 0), edges: Number(row?.totalEdges ?? 0) };
  return { mode: 'full', nodes, edges, total, truncated: nodes.length < total.nodes };
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
