/**
 * Defaults and maxima of every limit the API takes; the OpenAPI document shows them. A module of
 * its own, without zod, so the front end sizes its inputs by the same numbers.
 */
export const LIMITS = {
  search: { default: 10, max: 50, maxOffset: 1000, maxQueryChars: 200 },
  entityNeighbours: { default: 100, max: 500 },
  overview: { default: 500, max: 2000 },
  neighbourhood: { defaultDepth: 1, maxDepth: 3, default: 100, max: 1000 },
  subgraph: { maxIds: 500 },
  // The canvas's exports ask for every shown entity: a body of ~45 bytes an id, well inside 1 MB.
  relationshipDetails: { maxIds: 10000 },
  paths: { defaultMaxHops: 4, maxHops: 6, defaultK: 3, maxK: 10 },
  stats: { defaultTop: 10, maxTop: 100, defaultExamples: 50, maxExamples: 500 },
  facets: { default: 200, max: 1000 },
  export: { default: 5000, max: 20000 },
} as const;

/**
 * What the explorer asks for: the overview at the API's maximum, an entity's neighbourhood 40 at
 * a time, "show more" up to 400. Here, not in the front end alone, so that the server's warm-up
 * (services/query-warm-up.ts) asks as the explorer does: Neo4j plans a list of 41 ids apart from
 * one of 101.
 */
export const EXPLORER_LIMITS = {
  overview: LIMITS.overview.max,
  expansion: 40,
  expansionMax: 400,
} as const;

/**
 * Defaults and maxima of every limit the insights endpoints take; the explorer pages through the
 * ranked lists ("Show more") by the same numbers.
 */
export const INSIGHTS_LIMITS = {
  collaborators: { default: 20, max: 200, defaultPaths: 3, maxPaths: 10 },
  stakeholders: { default: 100, max: 500, defaultConnections: 3, maxConnections: 10 },
  network: { default: 50, max: 200, defaultMinStrength: 1, maxMinStrength: 50 },
  gaps: { default: 20, max: 500 },
  metrics: { default: 10, max: 100 },
} as const;
