/**
 * Types of the DPG Explorer HTTP API's JSON bodies, as the front end consumes them. `type` and
 * `relationship` stay plain strings on the wire so a newer server with a new type does not break the
 * page; the vocabulary module narrows them where the UI needs to.
 */

/** `GET /api/health`: answered with 200 when the database is up and 503 when it is down. */
export interface HealthResponse {
  status: 'ok' | 'degraded';
  version: string;
  database: {
    status: 'up' | 'down';
    version?: string;
    edition?: string;
    schemaVersion?: number;
    message?: string;
  };
}

/** A node of a graph answer, in Cytoscape's `{ data }` element shape. */
export interface OverviewNode {
  data: {
    id: string;
    label: string;
    type: string;
    kind?: string;
    degree: number;
    sources?: string[];
    /** Neighbourhood answers: hops from the centre. */
    distance?: number;
    /** DPG facets (registry): sectors, DPG types, SPDX licences, stage. */
    sectors?: string[];
    types?: string[];
    licenses?: string[];
    stage?: string;
    /** An activity's types (funding, advocacy…). */
    activityTypes?: string[];
    /** DPGA membership (present for members and the board): member, and on the board. */
    member?: boolean;
    board?: boolean;
    /** Stored network measures (absent until computed). */
    pagerank?: number;
    betweenness?: number;
    community?: number;
  };
}

/** A relationship of a graph answer; `label` is a human phrase such as "leads". */
export interface OverviewEdge {
  data: {
    id: string;
    source: string;
    target: string;
    type: string;
    label: string;
    sources?: string[];
  };
}

/** Any answer that carries graph elements (overview, neighbourhood, subgraph, paths). */
export interface GraphChunk {
  nodes: OverviewNode[];
  edges: OverviewEdge[];
}

/** `GET /api/graph/neighbourhood`: `omitted` says what the cap left out, by type. */
export interface NeighbourhoodResponse extends GraphChunk {
  centre: string;
  depth: number;
  truncated: boolean;
  omitted: { total: number; byType: Record<string, number>; exact: boolean };
}

/** One path of `GET /api/graph/paths`, with the sentence it reads as. */
export interface GraphPath {
  length: number;
  nodes: string[];
  steps: { source: string; target: string; type: string; label: string; forward: boolean }[];
  relationshipTypes: string[];
  sentence: string;
}

/** `GET /api/graph/paths?from=&to=`. */
export interface PathsResponse extends GraphChunk {
  from: string;
  to: string;
  paths: GraphPath[];
  /** The ends with no relationship at all (absent from answers of older servers). */
  isolated?: string[];
}

/** One value of a facet with the number of entities that have it. */
export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** `GET /api/facets`. */
export interface FacetsResponse {
  entityTypes: FacetValue[];
  organisationKinds: FacetValue[];
  sdgs: FacetValue[];
  countries: FacetValue[];
  sectors: FacetValue[];
  dpgTypes: FacetValue[];
  licences: FacetValue[];
  stages: FacetValue[];
  activityTypes: FacetValue[];
  membership: FacetValue[];
}

/** An entity reference in the stats answer. */
export interface EntityRef {
  id: string;
  label: string;
  type: string;
  count?: number;
}

/** `GET /api/stats`. */
export interface StatsResponse {
  totals: { entities: number; relationships: number; sources: number };
  entities: { type: string; count: number }[];
  relationships: { type: string; count: number }[];
  topByDegree: (EntityRef & { degree: number })[];
  coverage: {
    sdgsWithoutDpg: { count: number; items: EntityRef[] };
    countriesWithDeploymentsButNoActivity: { count: number; items: EntityRef[] };
    entitiesWithoutRelationships: { count: number; items: EntityRef[] };
  };
}

/** `GET /api/overview?limit=`. `truncated` is true when `total` exceeds what was returned. */
export interface OverviewResponse {
  nodes: OverviewNode[];
  edges: OverviewEdge[];
  total: { nodes: number; edges: number };
  truncated: boolean;
}

/** One hit of `GET /api/search`. */
export interface SearchResult {
  id: string;
  label: string;
  type: string;
  /** An organisation's kind (`un-agency`); null for other entities. */
  kind?: string | null;
  score: number;
  snippet?: string;
}

/** `GET /api/search?q=&limit=`. */
export interface SearchResponse {
  query: string;
  results: SearchResult[];
  /** `some` when no entity matched every word typed, and the results match some of them. */
  words: 'all' | 'some';
}

/** A property value as stored on a node. */
export type PropertyValue = string | number | boolean | string[] | null;

/** A node adjacent to an entity; `direction` is `out` when the entity is the relationship's source. */
export interface Neighbour {
  id: string;
  label: string;
  type: string;
  relationship: string;
  direction: 'out' | 'in';
  provenance?: Provenance[];
  /** What an editor stated about the relationship, where set. */
  role?: string;
  startDate?: string;
  endDate?: string;
  /** The editor's note on the relationship (a source, a caveat). */
  notes?: string;
}

/** One source stating a fact, and where it states it. */
export interface Provenance {
  source: string;
  evidence: string | null;
}

/** Where a fact came from: an imported document. */
export interface Source {
  id: string;
  kind: string;
  uri: string;
  title?: string | null;
  checksum: string;
  importedAt: string;
}

/** `GET /api/entities/:id`. `degree` counts relationships per relationship type. */
export interface EntityDetails {
  id: string;
  label: string;
  type: string;
  kind?: string;
  properties: Record<string, PropertyValue>;
  degree: Record<string, number>;
  neighbours: Neighbour[];
  sources: Source[];
  provenance?: Provenance[];
  neighbourSummary?: {
    total: number;
    truncated: boolean;
    groups: { relationship: string; direction: 'out' | 'in'; type: string; count: number }[];
  };
}

/** The body of every API error response. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** `POST /api/console/query`'s answer. */
export interface ConsoleAnswer {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
  truncatedBy: 'rows' | 'bytes' | null;
  elapsedMs: number;
  graph: { nodes: string[]; edges: { source: string; target: string; type: string }[] };
}
