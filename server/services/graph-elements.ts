/**
 * Turns rows of the graph statements into Cytoscape elements (`{ data: { … } }`), the one shape
 * every graph-returning endpoint answers with: ids, labels, types and provenance (`sources`).
 */
import type { EdgeElement, NodeElement } from '../api/schemas.ts';
import type { Row } from '../db/neo4j-client.ts';
import { RELATIONSHIP_PHRASES, isRelationshipType } from '../model/graph-model.ts';

/** An entity as the graph statements return it (cypher/graph/nodes-by-ids.cypher). */
export interface NodeRecord {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  description: string | null;
  degree: number;
  sources: string[];
}

/** A relationship as the graph statements return it (cypher/graph/edges-among.cypher). */
export interface EdgeRecord {
  source: string;
  target: string;
  type: string;
  sources: string[];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** Reads a node row; throws when the row lacks an id (a statement and this module disagree). */
export function nodeRecord(row: Row): NodeRecord {
  if (typeof row.id !== 'string')
    throw new Error(`graph-elements: node row without id: ${JSON.stringify(row)}`);
  return {
    id: row.id,
    label: typeof row.label === 'string' ? row.label : row.id,
    type: String(row.type ?? 'Entity'),
    kind: typeof row.kind === 'string' ? row.kind : null,
    description: typeof row.description === 'string' ? row.description : null,
    degree: Number(row.degree ?? 0),
    sources: strings(row.sources),
  };
}

/** Reads an edge row. */
export function edgeRecord(row: Row): EdgeRecord {
  return {
    source: String(row.source),
    target: String(row.target),
    type: String(row.type),
    sources: strings(row.sources),
  };
}

/** The id of an edge element: unique because the graph holds one relationship per (a, type, b). */
export function edgeId(source: string, type: string, target: string): string {
  return `${source}|${type}|${target}`;
}

/** How a relationship type reads in the UI ("leads"); unknown types read as lower-case words. */
export function relationshipLabel(type: string): string {
  return isRelationshipType(type)
    ? RELATIONSHIP_PHRASES[type]
    : type.toLowerCase().replace(/_/g, ' ');
}

export function toNodeElement(node: NodeRecord, extra: { distance?: number } = {}): NodeElement {
  return {
    data: {
      id: node.id,
      label: node.label,
      type: node.type,
      ...(node.kind ? { kind: node.kind } : {}),
      degree: node.degree,
      sources: node.sources,
      ...(extra.distance !== undefined ? { distance: extra.distance } : {}),
    },
  };
}

export function toEdgeElement(edge: EdgeRecord): EdgeElement {
  return {
    data: {
      id: edgeId(edge.source, edge.type, edge.target),
      source: edge.source,
      target: edge.target,
      type: edge.type,
      label: relationshipLabel(edge.type),
      sources: edge.sources,
    },
  };
}
