/**
 * Schemas of the API's response bodies, for the OpenAPI document and for the integration tests
 * that check each endpoint answers what the document says. Graph-holding responses reuse the
 * Cytoscape element schemas of schemas.ts.
 */
import { z } from 'zod';
import { metricsResponseSchema } from './insights-schemas.ts';
import { elementEdgeSchema, elementNodeSchema } from './schemas.ts';

const count = z.number().int().min(0);

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({
        description:
          'MOVED (308, with Location), VALIDATION_ERROR (400), BAD_REQUEST (400), NOT_FOUND (404), METHOD_NOT_ALLOWED (405, with Allow), REQUEST_TIMEOUT (408), PAYLOAD_TOO_LARGE (413), UNSUPPORTED_MEDIA_TYPE (415), RATE_LIMITED (429, with Retry-After), HEADERS_TOO_LARGE (431), DATABASE_UNAVAILABLE (503, with Retry-After), DATABASE_BUSY (503, with Retry-After), INTERNAL (500)',
      }),
      message: z.string(),
      details: z
        .unknown()
        .optional()
        .meta({ description: 'For VALIDATION_ERROR: [{ path: "query.limit", message }]' }),
    }),
  })
  .meta({ id: 'Error', description: 'The one shape of every error response' });

/**
 * The 308 of a GET naming an entity id that a merge moved (server/api/moved-entities.ts), for
 * every route whose 404 is about entity ids.
 */
export const movedEntityResponse = {
  description:
    'An entity id in the request was merged into another entity: `Location` is the same request naming that one (the whole chain of merges followed, the other parameters kept). Body: MOVED, `details: {id, to}`',
  headers: {
    Location: {
      description: 'The same path and query, the moved id replaced',
      schema: { type: 'string' as const },
    },
  },
  content: { 'application/json': { schema: errorResponseSchema } },
};

export const healthResponseSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.object({
      status: z.enum(['up', 'down']),
      version: z.string().optional(),
      edition: z.string().optional(),
      schemaVersion: z.number().int().optional(),
      message: z.string().optional(),
    }),
  })
  .meta({ id: 'Health' });

export const searchResponseSchema = z
  .object({
    query: z.string(),
    total: count.meta({ description: 'Matches in all, of the requested types' }),
    words: z.enum(['all', 'some']).meta({
      description:
        'Which words typed the results match: all of them, or, when no entity matches every ' +
        'word, some of them (those matching more of them rank higher)',
    }),
    offset: count,
    limit: count,
    results: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        type: z.string(),
        kind: z.string().nullable(),
        score: z.number().meta({
          description:
            'The full-text relevance of the match (name, aliases, description). The results are ' +
            'in rank order, which also weighs an exact name, a name match and connections ' +
            '(see the operation), so scores need not fall down the list',
        }),
        snippet: z
          .string()
          .nullable()
          .meta({
            description:
              'Why it matched when the label does not show it: the relationship to an entity ' +
              'the words name ("UNICEF leads this", "is deployed in Kenya"), an alias, or the ' +
              'description around a word',
          }),
      }),
    ),
  })
  .meta({ id: 'SearchResponse' });

const provenanceSchema = z.object({ source: z.string(), evidence: z.string().nullable() });

/**
 * A document that states facts: an import's source, or an editor's statements (kind `editor`).
 * Only these fields, wherever sources are listed (entity details, a relationship's read).
 */
export const sourceSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    uri: z.string(),
    title: z.string().nullable(),
    checksum: z.string(),
    importedAt: z.string(),
  })
  .meta({ id: 'Source' });

export const entityResponseSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    type: z.string(),
    kind: z.string().nullable(),
    properties: z.record(z.string(), z.unknown()),
    degree: z.record(z.string(), count).meta({ description: 'Relationships by relationship type' }),
    provenance: z.array(provenanceSchema),
    neighbours: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        type: z.string(),
        kind: z.string().nullable(),
        relationship: z.string(),
        direction: z.enum(['out', 'in']),
        provenance: z.array(provenanceSchema),
        role: z.string().optional().meta({ description: 'The part played, where stated' }),
        startDate: z.string().optional().meta({ description: 'YYYY[-MM[-DD]], where stated' }),
        endDate: z.string().optional().meta({ description: 'YYYY[-MM[-DD]], where stated' }),
        notes: z
          .string()
          .optional()
          .meta({ description: 'What the editor noted of the relationship (a source, a caveat)' }),
        sourceUrl: z
          .string()
          .optional()
          .meta({ description: 'The web page an editor cites for the relationship, where given' }),
      }),
    ),
    neighbourSummary: z.object({
      total: count.meta({
        description: 'Neighbours in all, each counted once per kind of relationship',
      }),
      truncated: z.boolean().meta({ description: 'True when `neighbours` lists fewer than all' }),
      groups: z.array(
        z.object({
          relationship: z.string(),
          direction: z.enum(['out', 'in']),
          type: z.string().meta({ description: 'Type of the neighbours' }),
          count: count.meta({ description: 'Distinct neighbours of this kind and type' }),
        }),
      ),
    }),
    sources: z.array(sourceSchema),
  })
  .meta({ id: 'Entity' });

const totalSchema = z.object({ nodes: count, edges: count });

const metaNodeSchema = z
  .object({
    data: z.object({
      id: z.string().meta({ description: '`type:<EntityType>`' }),
      label: z.string(),
      type: z.string(),
      count,
      meta: z.literal(true),
      sources: z.array(z.string()),
    }),
  })
  .meta({ id: 'MetaNodeElement', description: 'Stands for every entity of one type' });

const metaEdgeSchema = z
  .object({
    data: z.object({
      id: z.string(),
      source: z.string(),
      target: z.string(),
      type: z.string(),
      label: z.string(),
      count,
      meta: z.literal(true),
      sources: z.array(z.string()),
    }),
  })
  .meta({
    id: 'MetaEdgeElement',
    description: 'Counts the relationships of one type between two entity types',
  });

export const overviewResponseSchema = z
  .discriminatedUnion('mode', [
    z.object({
      mode: z.literal('full'),
      nodes: z.array(elementNodeSchema),
      edges: z.array(elementEdgeSchema),
      total: totalSchema,
      truncated: z.boolean(),
    }),
    z.object({
      mode: z.literal('summary'),
      nodes: z.array(metaNodeSchema),
      edges: z.array(metaEdgeSchema),
      total: totalSchema,
      truncated: z.literal(false),
    }),
  ])
  .meta({ id: 'Overview' });

const omittedSchema = z.object({
  total: count,
  byType: z
    .record(z.string(), count)
    .meta({ description: 'Left-out entities by type, e.g. { "Organisation": 40 }' }),
  exact: z.boolean().meta({
    description: 'False when expansion stopped at the reach cap, so the counts are a lower bound',
  }),
});

export const neighbourhoodResponseSchema = z
  .object({
    centre: z.string(),
    depth: z.number().int(),
    nodes: z.array(elementNodeSchema),
    edges: z.array(elementEdgeSchema),
    truncated: z.boolean(),
    omitted: omittedSchema,
  })
  .meta({ id: 'Neighbourhood' });

export const subgraphResponseSchema = z
  .object({
    nodes: z.array(elementNodeSchema),
    edges: z.array(elementEdgeSchema),
    missing: z.array(z.string()).meta({ description: 'Requested ids that name no entity' }),
  })
  .meta({ id: 'Subgraph' });

export const relationshipDetailsResponseSchema = z
  .object({
    relationships: z.array(
      z
        .object({
          id: z.string().meta({ description: '`<source>|<type>|<target>`, as the edge element' }),
          source: z.string(),
          target: z.string(),
          type: z.string(),
          label: z.string().meta({ description: 'How the relationship reads, e.g. "leads"' }),
          sources: z.array(z.string()),
          evidence: z.array(z.string()).meta({
            description: 'What each source quotes as stating it, in the order of `sources`',
          }),
          role: z.string().optional(),
          startDate: z.string().optional(),
          endDate: z.string().optional(),
          board: z.boolean().optional().meta({ description: 'MEMBER_OF only: a board seat' }),
          notes: z.string().optional(),
          sourceUrl: z.string().optional().meta({ description: 'A page an editor cites for it' }),
        })
        .meta({ id: 'RelationshipDetails' }),
    ),
    sources: z.array(sourceSchema).meta({
      description: 'Every source document the given entities or these relationships cite',
    }),
  })
  .meta({ id: 'RelationshipDetailsList' });

export const pathsResponseSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    paths: z.array(
      z.object({
        length: z.number().int(),
        nodes: z.array(z.string()).meta({ description: 'Entity ids from `from` to `to`' }),
        steps: z.array(
          z.object({
            source: z.string(),
            target: z.string(),
            type: z.string(),
            label: z.string(),
            forward: z.boolean().meta({ description: 'The relationship points along the path' }),
          }),
        ),
        relationshipTypes: z.array(z.string()),
        sentence: z.string().meta({
          example:
            'Google participates in “Co-leading the Community of Practice on AI”, which UNICEF leads',
        }),
      }),
    ),
    nodes: z.array(elementNodeSchema),
    edges: z.array(elementEdgeSchema),
    isolated: z.array(z.string()).meta({
      description: 'The ends (from, to) with no relationship at all: no path can reach them',
    }),
  })
  .meta({ id: 'Paths' });

const typeCountSchema = z.object({ type: z.string(), count });
const entityRefSchema = z.object({
  id: z.string(),
  label: z.string(),
  type: z.string(),
  count: count.optional(),
});
const coverageSchema = z.object({
  count,
  items: z.array(
    entityRefSchema.extend({
      count: count
        .optional()
        .meta({ description: 'Of a country with DPGs deployed but no activity: how many DPGs' }),
    }),
  ),
});

export const statsResponseSchema = z
  .object({
    totals: z.object({ entities: count, relationships: count, sources: count }),
    entities: z.array(typeCountSchema),
    relationships: z.array(typeCountSchema),
    topByDegree: z.array(entityRefSchema.extend({ degree: count })),
    coverage: z.object({
      sdgsWithoutDpg: coverageSchema,
      countriesWithDeploymentsButNoActivity: coverageSchema,
      entitiesWithoutRelationships: coverageSchema,
    }),
    metrics: metricsResponseSchema.meta({
      description: 'Network measures: degree, betweenness, PageRank, Louvain communities',
    }),
  })
  .meta({ id: 'Stats' });

const facetSchema = z.array(z.object({ value: z.string(), label: z.string(), count }));

export const facetsResponseSchema = z
  .object({
    entityTypes: facetSchema,
    organisationKinds: facetSchema,
    sdgs: facetSchema,
    countries: facetSchema.meta({
      description:
        'Countries by how many entities are tied to each: DPGs developed or deployed there, activities taking place there, organisations based there (each counted once)',
    }),
    sectors: facetSchema,
    dpgTypes: facetSchema,
    licences: facetSchema,
    stages: facetSchema,
    activityTypes: facetSchema,
    membership: facetSchema.meta({ description: 'Groups with their member counts' }),
  })
  .meta({ id: 'Facets' });
