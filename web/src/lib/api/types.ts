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

/** A node of the overview graph, in Cytoscape's `{ data }` element shape. */
export interface OverviewNode {
  data: { id: string; label: string; type: string; kind?: string; degree: number };
}

/** A relationship of the overview graph; `label` is a human phrase such as "leads". */
export interface OverviewEdge {
  data: { id: string; source: string; target: string; type: string; label: string };
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
  score: number;
  snippet?: string;
}

/** `GET /api/search?q=&limit=`. */
export interface SearchResponse {
  query: string;
  results: SearchResult[];
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
}

/** Where a fact came from: an imported document. */
export interface Source {
  id: string;
  kind: string;
  uri: string;
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
}

/** The body of every API error response. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
