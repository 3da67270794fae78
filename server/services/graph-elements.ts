/**
 * Turns rows of the graph statements into Cytoscape elements (`{ data: { … } }`), the one shape
 * every graph-returning endpoint answers with: ids, labels, types and provenance (`sources`), and,
 * where the entity has them, its DPG facets, its DPGA membership and its stored network measures.
 */
import type { EdgeElement, NodeElement } from '../api/schemas.ts';
import type { Row } from '../db/neo4j-client.ts';
import { RELATIONSHIP_PHRASES, isRelationshipType } from '../model/graph-model.ts';
import { RELATIONSHIP_DETAIL_PROPERTIES } from './export/relationship-detail-fields.ts';

/** An entity as the graph statements return it (cypher/graph/nodes-by-ids.cypher). */
export interface NodeRecord {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  description: string | null;
  degree: number;
  sources: string[];
  /** DPG facets (registry): sectors, DPG types, SPDX licences, stage. */
  sectors?: string[];
  types?: string[];
  licenses?: string[];
  stage?: string;
  /** An activity's types (funding, advocacy…): the importers derive them, editors may set them. */
  activityTypes?: string[];
  /** DPGA membership: `MEMBER_OF org:dpga`, and its board flag (or `MEMBER_OF group:dpga-board`). */
  member?: boolean;
  board?: boolean;
  /** Network measures stored by the metrics service (server/insights/metrics-service.ts). */
  pagerank?: number;
  betweenness?: number;
  community?: number;
}

/** The optional node data, in the order the element carries it. */
const OPTIONAL_NODE_DATA = [
  'sectors',
  'types',
  'licenses',
  'stage',
  'activityTypes',
  'member',
  'board',
  'pagerank',
  'betweenness',
  'community',
] as const;
type OptionalNodeKey = (typeof OPTIONAL_NODE_DATA)[number];

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

/** A non-empty list of strings, or undefined. */
function someStrings(value: unknown): string[] | undefined {
  const list = strings(value);
  return list.length > 0 ? list : undefined;
}

/** A finite number (driver Integers are converted by the client already), or undefined. */
function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Reads a node row; throws when the row lacks an id (a statement and this module disagree). */
export function nodeRecord(row: Row): NodeRecord {
  if (typeof row.id !== 'string')
    throw new Error(`graph-elements: node row without id: ${JSON.stringify(row)}`);
  const record: NodeRecord = {
    id: row.id,
    label: typeof row.label === 'string' ? row.label : row.id,
    type: String(row.type ?? 'Entity'),
    // An organisation an editor added without a kind is unclassified, as the facets count it:
    // without one, hiding every kind but one still showed it (QA).
    kind: typeof row.kind === 'string' ? row.kind : row.type === 'Organisation' ? 'unknown' : null,
    description: typeof row.description === 'string' ? row.description : null,
    degree: Number(row.degree ?? 0),
    sources: strings(row.sources),
  };
  const sectors = someStrings(row.sectors);
  if (sectors) record.sectors = sectors;
  const types = someStrings(row.types);
  if (types) record.types = types;
  const licenses = someStrings(row.licenses);
  if (licenses) record.licenses = licenses;
  if (typeof row.stage === 'string') record.stage = row.stage;
  const activityTypes = someStrings(row.activityTypes);
  if (activityTypes) record.activityTypes = activityTypes;
  if (typeof row.member === 'boolean') record.member = row.member;
  if (typeof row.board === 'boolean') record.board = row.board;
  const pagerank = finite(row.pagerank);
  if (pagerank !== undefined) record.pagerank = pagerank;
  const betweenness = finite(row.betweenness);
  if (betweenness !== undefined) record.betweenness = betweenness;
  const community = finite(row.community);
  if (community !== undefined) record.community = community;
  return record;
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

/**
 * What a relationship states besides its ends and type (cypher/graph/relationship-details.cypher),
 * for the exports: the graph endpoints leave it out (evidence is most of a relationship's bytes).
 */
export interface RelationshipDetails {
  /** What each source quotes as saying so, in the order of `sources`. */
  evidence: string[];
  role?: string;
  startDate?: string;
  endDate?: string;
  /** MEMBER_OF only: a seat on the board. */
  board?: boolean;
  notes?: string;
  /** A web page an editor cites for it. */
  sourceUrl?: string;
}

/** A relationship with what it states: its ends, type, sources and details. */
export type DetailedEdgeRecord = EdgeRecord & RelationshipDetails;

/** Reads a row of relationship-details: absent properties stay absent. */
export function detailedEdgeRecord(row: Row): DetailedEdgeRecord {
  const record: DetailedEdgeRecord = { ...edgeRecord(row), evidence: strings(row.evidence) };
  for (const key of RELATIONSHIP_DETAIL_PROPERTIES) {
    const value = row[key];
    if (key === 'board') {
      if (typeof value === 'boolean') record.board = value;
    } else if (typeof value === 'string' && value !== '') record[key] = value;
  }
  return record;
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

/** The optional node data the record has (absent keys stay absent, keeping responses small). */
function optionalNodeData(node: NodeRecord): Partial<Pick<NodeRecord, OptionalNodeKey>> {
  const data: Partial<Record<OptionalNodeKey, unknown>> = {};
  for (const key of OPTIONAL_NODE_DATA) if (node[key] !== undefined) data[key] = node[key];
  return data as Partial<Pick<NodeRecord, OptionalNodeKey>>;
}

/** A node element; `extra.distance` is a neighbourhood's hop count from the centre. */
export function toNodeElement(node: NodeRecord, extra: { distance?: number } = {}): NodeElement {
  return {
    data: {
      id: node.id,
      label: node.label,
      type: node.type,
      ...(node.kind ? { kind: node.kind } : {}),
      degree: node.degree,
      sources: node.sources,
      ...optionalNodeData(node),
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
