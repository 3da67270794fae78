/**
 * Types of the DPG Explorer HTTP API's JSON bodies, derived from the zod schemas the server
 * validates and documents its answers with (server/api/response-schemas.ts and its neighbours), so
 * the page, the OpenAPI document and the server cannot drift apart. Type-only imports: none of zod
 * reaches the bundle. `type` and `relationship` are plain strings in those schemas, so a newer
 * server with a new type does not break the page; the vocabulary module narrows them where the UI
 * needs to.
 */
import type { z } from 'zod';
import type { consoleAnswerSchema } from '../../../../server/api/console-schemas.ts';
import type { relationshipSchema } from '../../../../server/api/curation-schemas.ts';
import type {
  entityResponseSchema,
  errorResponseSchema,
  facetsResponseSchema,
  healthResponseSchema,
  neighbourhoodResponseSchema,
  overviewResponseSchema,
  pathsResponseSchema,
  relationshipDetailsResponseSchema,
  searchResponseSchema,
  statsResponseSchema,
} from '../../../../server/api/response-schemas.ts';
import type { EdgeElement, NodeElement } from '../../../../server/api/schemas.ts';

/** `GET /api/health`: answered with 200 when the database is up and 503 when it is down. */
export type HealthResponse = z.output<typeof healthResponseSchema>;

/** `POST /api/graph/relationship-details`: what the relationships among some entities state. */
export type RelationshipDetailsResponse = z.output<typeof relationshipDetailsResponseSchema>;
/** One relationship with its evidence, role, dates, board seat, notes and cited page. */
export type RelationshipDetails = RelationshipDetailsResponse['relationships'][number];

/** A node of a graph answer, in Cytoscape's `{ data }` element shape. */
export type OverviewNode = NodeElement;

/** A relationship of a graph answer; `label` is a human phrase such as "leads". */
export type OverviewEdge = EdgeElement;

/** Any answer that carries graph elements (overview, neighbourhood, subgraph, paths). */
export interface GraphChunk {
  nodes: OverviewNode[];
  edges: OverviewEdge[];
}

/** `GET /api/graph/neighbourhood`: `omitted` says what the cap left out, by type. */
export type NeighbourhoodResponse = z.output<typeof neighbourhoodResponseSchema>;

/** `GET /api/graph/paths?from=&to=`. */
export type PathsResponse = z.output<typeof pathsResponseSchema>;

/** One path of `GET /api/graph/paths`, with the sentence it reads as. */
export type GraphPath = PathsResponse['paths'][number];

/** `GET /api/facets`. */
export type FacetsResponse = z.output<typeof facetsResponseSchema>;

/** One value of a facet with the number of entities that have it. */
export type FacetValue = FacetsResponse['entityTypes'][number];

/** `GET /api/stats`. */
export type StatsResponse = z.output<typeof statsResponseSchema>;

/** An entity reference in the stats answer. */
export type EntityRef = StatsResponse['coverage']['sdgsWithoutDpg']['items'][number];

/** `GET /api/overview?limit=` (full mode, the default). `truncated`: `total` exceeds what came. */
export type OverviewResponse = Extract<z.output<typeof overviewResponseSchema>, { mode: 'full' }>;

/** `GET /api/search?q=&limit=`; `words` is `some` when no entity matched every word typed. */
export type SearchResponse = z.output<typeof searchResponseSchema>;

/** One hit of `GET /api/search`. */
export type SearchResult = SearchResponse['results'][number];

/** `GET /api/entities/:id`. `degree` counts relationships per relationship type. */
export type EntityDetails = z.output<typeof entityResponseSchema>;

/** A node adjacent to an entity; `direction` is `out` when the entity is the relationship's source. */
export type Neighbour = EntityDetails['neighbours'][number];

/** One source stating a fact, and where it states it. */
export type Provenance = EntityDetails['provenance'][number];

/** Where a fact came from: an imported document. */
export type Source = EntityDetails['sources'][number];

/**
 * `GET /api/curation/relationships?from=&type=&to=`: one relationship, its ends' names, its
 * properties (role, dates, notes, source page; `sources` and `evidence`, the provenance lists), its
 * version, and the Source documents that state it (`sources`, as entity details list theirs).
 */
export type RelationshipRead = z.output<typeof relationshipSchema>;

/** The body of every API error response. */
export type ApiErrorBody = z.output<typeof errorResponseSchema>;

/** `POST /api/console/query`'s answer. */
export type ConsoleAnswer = z.output<typeof consoleAnswerSchema>;
