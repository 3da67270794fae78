/**
 * The graph as a summary for when it is too large to draw: one meta-node per entity type and one
 * meta-edge per (source type, relationship type, target type), each with its count and sources.
 * Pure: turns the counts of cypher/graph/overview-summary.cypher into Cytoscape elements.
 */
import { relationshipLabel } from './graph-elements.ts';

export interface TypeCount {
  type: string;
  count: number;
  sources: string[];
}

export interface LinkCount {
  sourceType: string;
  type: string;
  targetType: string;
  count: number;
  sources: string[];
}

export interface MetaNode {
  data: { id: string; label: string; type: string; count: number; meta: true; sources: string[] };
}

export interface MetaEdge {
  data: {
    id: string;
    source: string;
    target: string;
    type: string;
    label: string;
    count: number;
    meta: true;
    sources: string[];
  };
}

/** The id of the meta-node that stands for every entity of a type. */
export function metaNodeId(type: string): string {
  return `type:${type}`;
}

export function summaryElements(
  types: readonly TypeCount[],
  links: readonly LinkCount[],
): { nodes: MetaNode[]; edges: MetaEdge[]; total: { nodes: number; edges: number } } {
  const nodes = types.map((t) => ({
    data: {
      id: metaNodeId(t.type),
      label: `${t.type} (${t.count})`,
      type: t.type,
      count: t.count,
      meta: true as const,
      sources: t.sources,
    },
  }));
  const edges = links.map((l) => ({
    data: {
      id: `${metaNodeId(l.sourceType)}|${l.type}|${metaNodeId(l.targetType)}`,
      source: metaNodeId(l.sourceType),
      target: metaNodeId(l.targetType),
      type: l.type,
      label: `${relationshipLabel(l.type)} (${l.count})`,
      count: l.count,
      meta: true as const,
      sources: l.sources,
    },
  }));
  return {
    nodes,
    edges,
    total: {
      nodes: types.reduce((sum, t) => sum + t.count, 0),
      edges: links.reduce((sum, l) => sum + l.count, 0),
    },
  };
}
