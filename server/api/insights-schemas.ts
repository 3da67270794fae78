/**
 * Request and response schemas of the insights endpoints (collaborators, stakeholders,
 * organisation networks, gaps, network measures): validation, TypeScript types and the OpenAPI
 * document (insights-openapi.ts) derive from them. Limits are named constants
 * (server/api/limits.ts) so the routes, the services, the document and the explorer agree
 * on defaults and maxima.
 */
import { z } from 'zod';
import { META_PATHS } from '../insights/collaborator-ranking.ts';
import { STAKEHOLDER_ROLES } from '../insights/stakeholder-map.ts';
import {
  STAKEHOLDER_SUBJECTS,
  TOPIC_SUBJECTS,
  type StakeholderSubject,
} from '../insights/stakeholder-service.ts';
import { canonicalEntityId } from '../model/entity-ids.ts';
import { ORGANISATION_KINDS } from '../model/graph-model.ts';
import { INSIGHTS_LIMITS } from './limits.ts';
import { anyCase, entityIdSchema, intParam } from './schemas.ts';

export { INSIGHTS_LIMITS };

const BOOLEAN_WORDS = ['true', 'false', '1', '0'] as const;

/** A country as its id (`country:SL`) or its ISO 3166-1 alpha-2 code (`SL`). */
const countryParam = z
  .string()
  .trim()
  .regex(/^(country:)?[A-Za-z]{2}$/, 'must be a country id like "country:SL" or a code like "SL"')
  .transform((v) => canonicalEntityId(v.startsWith('country:') ? v : `country:${v}`))
  .meta({ description: 'A country: its id (`country:SL`) or ISO code (`SL`)', example: 'SL' });

/**
 * A DPG sector by its name, as the registry spells it (`Health`), in any case; `sector:Health`,
 * the id a sector's map goes by, reads the same. Editors give sectors of up to 100 characters.
 */
const sectorParam = z
  .string()
  .trim()
  // Checked before the transform, so the OpenAPI document states the limit too.
  .max(100, 'is at most 100 characters')
  .transform((v) => v.replace(/^sector:/i, '').trim())
  .pipe(z.string().min(1, 'must name a sector'))
  .meta({
    description:
      'A DPG sector, by its name (`Health`, `Climate`: `/api/facets` lists them), in any case; the map of those who back its DPGs or take part in activities involving them',
    example: 'Health',
  });

/** An SDG as its id (`sdg:3`) or its number (`3`). */
const sdgParam = z
  .string()
  .trim()
  .regex(/^(sdg:)?([1-9]|1[0-7])$/, 'must be an SDG id like "sdg:3" or a number from 1 to 17')
  .transform((v) => `sdg:${v.replace(/^sdg:/, '')}`)
  .meta({ description: 'An SDG: its id (`sdg:3`) or number (`3`)', example: '3' });

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export const collaboratorsParamsSchema = z.object({
  id: entityIdSchema.meta({ description: 'The DPG', example: 'dpg:dhis2' }),
});

/** Filters a ranked list of organisations takes: the list is ranked among those they keep. */
const organisationFilterFields = {
  kind: anyCase(ORGANISATION_KINDS)
    .optional()
    .meta({
      description: `Only organisations of this kind: ${ORGANISATION_KINDS.join(', ')}`,
    }),
  membersOnly: anyCase(BOOLEAN_WORDS)
    .default('false')
    .transform((v) => v === 'true' || v === '1')
    .meta({ description: 'Only DPGA members (true/false, default false)' }),
};

export const collaboratorsQuerySchema = z.object({
  ...organisationFilterFields,
  country: countryParam.optional().meta({
    description:
      'Only candidates active in this country: a DPG of theirs is deployed there, an activity of theirs takes place there, or they are based there (id or ISO code). Their explaining paths through it come first',
  }),
  limit: intParam(
    1,
    INSIGHTS_LIMITS.collaborators.max,
    INSIGHTS_LIMITS.collaborators.default,
    'Candidates returned, best first',
  ),
  paths: intParam(
    1,
    INSIGHTS_LIMITS.collaborators.maxPaths,
    INSIGHTS_LIMITS.collaborators.defaultPaths,
    'Explaining paths per candidate: the strongest of each kind of evidence first',
  ),
});

const stakeholderSubjectFields = {
  activity: entityIdSchema.optional().meta({
    description: 'An activity id',
    example: 'activity:unicef/co-leading-the-community-of-practice-on-ai',
  }),
  dpg: entityIdSchema.optional().meta({ description: 'A DPG id', example: 'dpg:dhis2' }),
  country: countryParam.optional().meta({
    description:
      'A country (id or ISO code): its map; beside `sector` or `sdg`, that topic’s map in the country (who takes part in an activity there involving a DPG of the sector or advancing the SDG, or backs such a DPG developed or deployed there)',
    example: 'KE',
  }),
  sdg: sdgParam.optional(),
  initiative: entityIdSchema.optional().meta({
    description: 'An initiative id (a programme, fund, campaign…)',
    example: 'initiative:unicef-venture-fund',
  }),
  sector: sectorParam.optional(),
};

export const stakeholdersQuerySchema = z
  .object({
    ...stakeholderSubjectFields,
    ...organisationFilterFields,
    role: anyCase(STAKEHOLDER_ROLES)
      .optional()
      .meta({
        description: `Only stakeholders with this role, among others they may have: ${STAKEHOLDER_ROLES.join(', ')} ("funds": who funds it, or funds what serves it; "based": a country's own organisations, on a country's map only)`,
      }),
    limit: intParam(
      1,
      INSIGHTS_LIMITS.stakeholders.max,
      INSIGHTS_LIMITS.stakeholders.default,
      'Stakeholders returned, innermost ring and most influential first',
    ),
    connections: intParam(
      1,
      INSIGHTS_LIMITS.stakeholders.maxConnections,
      INSIGHTS_LIMITS.stakeholders.defaultConnections,
      'Connecting paths per stakeholder, closest first (with `role`, that role’s first)',
    ),
  })
  .superRefine((query, ctx) => {
    // Beside a topic (a sector or an SDG), a country narrows the topic's map ("Health in Kenya",
    // "SDG 3 in Kenya"): no second subject.
    const topics = TOPIC_SUBJECTS.filter((s) => query[s] !== undefined);
    const given = STAKEHOLDER_SUBJECTS.filter(
      (s) => query[s] !== undefined && !(s === 'country' && topics.length > 0),
    );
    if (given.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `needs exactly one of ${STAKEHOLDER_SUBJECTS.join(', ')}`,
        path: [],
      });
    } else if (given.length > 1) {
      ctx.addIssue({
        code: 'custom',
        // Said after the parameter's name: "query.country cannot go with dpg: a map is of one…".
        message: `cannot go with ${given[0]}: a map is of one of ${STAKEHOLDER_SUBJECTS.join(', ')} (a country may narrow a map of ${TOPIC_SUBJECTS.join(' or ')})`,
        path: [given[1]!],
      });
    }
  })
  .transform(({ limit, connections, kind, membersOnly, role, ...subjects }) => {
    const subject: StakeholderSubject =
      TOPIC_SUBJECTS.find((s) => subjects[s] !== undefined) ??
      STAKEHOLDER_SUBJECTS.find((s) => subjects[s] !== undefined)!;
    return {
      subject,
      id: subjects[subject]!,
      ...(subject !== 'country' && subjects.country !== undefined
        ? { country: subjects.country }
        : {}),
      limit,
      connections,
      kind,
      membersOnly,
      role,
    };
  });

export const networkParamsSchema = z.object({
  id: entityIdSchema.meta({ description: 'The organisation', example: 'org:unicef' }),
});

export const networkQuerySchema = z.object({
  limit: intParam(
    1,
    INSIGHTS_LIMITS.network.max,
    INSIGHTS_LIMITS.network.default,
    'Partners shown, strongest ties first',
  ),
  minStrength: intParam(
    1,
    INSIGHTS_LIMITS.network.maxMinStrength,
    INSIGHTS_LIMITS.network.defaultMinStrength,
    'Only partners sharing at least this many activities and DPGs',
  ),
});

export const gapsQuerySchema = z.object({
  sdg: sdgParam.optional().meta({
    description: 'Only SDG × country pairs and single-owner DPGs of this SDG (id or number)',
  }),
  country: countryParam.optional().meta({
    description: 'Only SDG × country pairs and single-owner DPGs of this country (id or ISO code)',
  }),
  limit: intParam(
    0,
    INSIGHTS_LIMITS.gaps.max,
    INSIGHTS_LIMITS.gaps.default,
    'Items listed per gap (the count is always complete)',
  ),
});

export const metricsQuerySchema = z.object({
  top: intParam(
    1,
    INSIGHTS_LIMITS.metrics.max,
    INSIGHTS_LIMITS.metrics.default,
    'Entities per top list, and communities listed',
  ),
});

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

const count = z.number().int().min(0);
const ref = z.object({ id: z.string(), label: z.string() });
const pathNode = z.object({ id: z.string(), label: z.string(), type: z.string() });
const pathRelationship = z
  .object({
    type: z.string(),
    from: z.string(),
    to: z.string(),
    role: z.string().optional().meta({ description: 'Its role, where an editor stated one' }),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
  })
  .meta({
    description:
      'A relationship as stored: `from` -[type]-> `to`, with its role and dates where stated (the sentence says them)',
  });
const evidencePath = {
  nodes: z.array(pathNode).meta({ description: 'The path’s entities, in order' }),
  relationships: z
    .array(pathRelationship)
    .meta({ description: 'Relationship i joins node i and node i + 1, in its real direction' }),
  sentence: z.string().meta({ description: 'The path in words' }),
};

export const collaboratorsResponseSchema = z
  .object({
    dpg: pathNode.extend({ kind: z.string().nullable() }),
    filters: z.object({
      kind: z.string().nullable(),
      country: pathNode.extend({ kind: z.string().nullable() }).nullable(),
      membersOnly: z.boolean(),
    }),
    method: z.object({
      measure: z.string(),
      weights: z.record(z.string(), z.object({ weight: z.number(), description: z.string() })),
    }),
    total: count.meta({ description: 'Candidates with at least one explaining path' }),
    truncated: z.boolean().meta({
      description:
        'Always false: every evidence path is counted (kept for clients of the earlier, capped answer)',
    }),
    candidates: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        type: z.enum(['Organisation', 'Initiative']),
        kind: z.string().nullable(),
        member: z.boolean().meta({ description: 'A DPGA member' }),
        homeCountry: z.string().nullable().meta({
          description:
            'Where the candidate is based (BASED_IN): its country, or countries joined by " / "; null when not known (initiatives, UN agencies). With `country`, a candidate based there is listed even when none of its paths runs through it',
          example: 'Norway',
        }),
        runBy: z.string().nullable().meta({
          description:
            'For an initiative, who runs it (RUNS): an organisation, or names joined by " / "; null for organisations',
          example: 'UNICEF',
        }),
        score: z.number().min(0),
        parts: z.array(
          z.object({
            metaPath: z.enum(META_PATHS),
            weight: z.number(),
            paths: count.meta({
              description:
                'Paths counted: through a country or an SDG, one per DPG or activity of the candidate (its least connected shared hub); otherwise every path',
            }),
            score: z.number(),
          }),
        ),
        pathCount: count.meta({ description: 'The parts’ `paths` added up' }),
        activeIn: z.object(evidencePath).nullable().meta({
          description:
            'With `country`: how the candidate is active there, one path (based there, else an activity there, else a DPG it backs deployed there; the least connected first). Null without `country`',
        }),
        paths: z.array(
          z.object({
            metaPath: z.enum(META_PATHS),
            hub: z.object({
              id: z.string().nullable(),
              label: z.string(),
              type: z.enum(['SDG', 'Country', 'Sector', 'Activity']),
              degree: count,
            }),
            sectors: z.array(z.string()),
            contribution: z.number().meta({
              description:
                'weight / ln(1 + hub degree). Through a country or an SDG, the path shown for a DPG or activity is the one through its least connected hub, so this is what that DPG or activity adds to the score; a path shown because it runs through the `country` asked for is the exception: its DPG or activity still counts through its least connected hub',
            }),
            ...evidencePath,
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'CollaboratorsResponse' });

const tieCount = z.object({
  relationship: z.string(),
  direction: z.enum(['out', 'in']),
  type: z.string(),
  count,
});

export const stakeholdersResponseSchema = z
  .object({
    subject: pathNode.extend({ kind: z.string().nullable() }).meta({
      description:
        'The entity the map is of; a sector, which is no entity, as `{id: "sector:Health", label: "Health", type: "Sector"}`',
    }),
    roles: z.array(z.enum(STAKEHOLDER_ROLES)).meta({
      description:
        'The roles a stakeholder can have, in a fixed order; `rings` gives the order of this map',
    }),
    rings: z
      .array(
        z.object({
          role: z.enum(STAKEHOLDER_ROLES),
          through: z.string().meta({
            description:
              'The relationship types the ring’s paths go through after the stakeholder’s own, comma-separated; empty for a tie to the subject itself',
          }),
          indirect: z.boolean().meta({
            description:
              'Weak, indirect evidence of involvement (for a country: backing a DPG listed as deployed or developed there), listed after the direct rings',
          }),
          label: z.string().meta({
            example: 'makes a DPG deployed in Kenya',
            description:
              'How the ring’s stakeholders are involved; a country’s map starts with those based there ("is based in Kenya", role `based`)',
          }),
        }),
      )
      .meta({
        description:
          'The map’s rings, innermost first: how a stakeholder is involved (direct involvement first), then its role. `ring` indexes this list',
      }),
    sectors: z
      .array(z.object({ sector: z.string(), dpgs: count }))
      .optional()
      .meta({
        description:
          'On a country’s map only: the DPG sectors at work there (of the DPGs developed or deployed there, or involved in an activity there), with how many such DPGs each has, most first; each is a sector’s map in that country (`?sector=…&country=…`)',
      }),
    sdgs: z
      .array(z.object({ id: z.string(), label: z.string(), dpgs: count }))
      .optional()
      .meta({
        description:
          'On a country’s map only: the SDGs those DPGs advance, with how many of them advance each, most first; each is an SDG’s map in that country (`?sdg=…&country=…`)',
      }),
    metricsComputedAt: z.string().nullable(),
    truncated: z.boolean().meta({
      description:
        'Whether `limit` left stakeholders out: every stakeholder is ranked, `total` counts them all, and a higher `limit` shows more',
    }),
    filters: z
      .object({
        kind: z.string().nullable(),
        membersOnly: z.boolean(),
        role: z.enum(STAKEHOLDER_ROLES).nullable(),
        country: pathNode.extend({ kind: z.string().nullable() }).nullable().meta({
          description: 'The country a sector’s or an SDG’s map is narrowed to; null otherwise',
        }),
      })
      .meta({ description: 'The filters asked for: the map ranks the stakeholders they keep' }),
    total: count.meta({ description: 'Stakeholders the filters keep, before `limit`' }),
    groups: z.array(z.string()).meta({ description: 'Map sectors present, largest first' }),
    byRole: z.record(z.string(), z.array(z.string())),
    byGroup: z.record(z.string(), z.array(z.string())),
    stakeholders: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        type: z.enum(['Organisation', 'Group', 'Initiative']),
        kind: z.string().nullable(),
        member: z.boolean().meta({ description: 'A DPGA member' }),
        homeCountry: z.string().optional().meta({
          description:
            'The name of the organisation’s home country (BASED_IN), when known (names joined by " / " when it has more than one); absent otherwise. On a country’s map, an organisation based elsewhere is a foreign stakeholder',
          example: 'Norway',
        }),
        runBy: z.string().optional().meta({
          description:
            'For an initiative, who runs it (RUNS), names joined by " / "; absent otherwise. The UNICEF Venture Fund beside UNICEF says whose it is',
          example: 'UNICEF',
        }),
        group: z.string(),
        roles: z.array(z.enum(STAKEHOLDER_ROLES)),
        ring: count.meta({
          description:
            'Its innermost ring (with `role`, that role’s innermost): an index in `rings`',
        }),
        direct: z.boolean().meta({
          description:
            'Tied to the subject by one relationship (a path of one hop; for a sector, to one of its DPGs); not the opposite of its ring’s `indirect`, which says how weak the evidence is',
        }),
        influence: z.object({
          pagerank: z.number().nullable(),
          betweenness: z.number().nullable(),
          degree: count,
          community: count.nullable(),
          rank: z.number().int().min(1),
          ring: z.number().int().min(0).max(2),
        }),
        ties: z.object({ total: count, other: count, byType: z.array(tieCount) }),
        pathCount: count,
        connections: z.array(
          z.object({ role: z.enum(STAKEHOLDER_ROLES), ring: count, hops: count, ...evidencePath }),
        ),
      }),
    ),
  })
  .meta({ id: 'StakeholdersResponse' });

const globalMeasures = z.object({
  degree: count,
  pagerank: z.number().nullable(),
  betweenness: z.number().nullable(),
  community: count.nullable(),
});

const sharedDpg = pathNode
  .extend({
    via: z
      .array(
        pathNode.extend({
          runBy: ref.meta({ description: 'The party of the tie that runs the fund' }),
        }),
      )
      .meta({
        description:
          'The funds (initiatives) through which a party of the tie backs the DPG, when it does not back it itself: UNICEF and Avyantra share Avyantra’s DPG through the UNICEF Venture Fund, which UNICEF runs. Empty when both back it themselves',
      }),
    sentence: z.string().meta({
      description: 'The DPG in words, naming the funds in `via`',
      example: 'Avyantra Health Technologies, which UNICEF funds through UNICEF Venture Fund',
    }),
  })
  .meta({ description: 'A DPG both parties own, maintain, fund or implement' });

export const networkResponseSchema = z
  .object({
    organisation: pathNode.extend({ kind: z.string().nullable() }),
    metricsComputedAt: z.string().nullable(),
    totalPartners: count.meta({
      description: 'Partners in all, whatever their strength (before `minStrength` and `limit`)',
    }),
    truncated: z.boolean().meta({
      description:
        'Whether `limit` left out partners at least `minStrength` strong (a higher `limit` shows them)',
    }),
    nodes: z.array(
      z.object({
        data: pathNode.extend({
          kind: z.string().nullable(),
          homeCountry: z.string().nullable().optional().meta({
            description:
              'Where a partner is based (BASED_IN): its country, or countries joined by " / "; null when not known. Absent on the organisation itself',
          }),
          runBy: z.string().nullable().optional().meta({
            description:
              'For a partner that is an initiative, who runs it (RUNS), names joined by " / "; null for organisations. Absent on the organisation itself',
          }),
          ego: z.boolean(),
          strength: count,
          brokerage: z.number().nullable(),
          cluster: count.nullable(),
          global: globalMeasures,
        }),
      }),
    ),
    edges: z.array(
      z.object({
        data: z.object({
          id: z.string(),
          source: z.string(),
          target: z.string(),
          strength: z.number().int().min(1),
          activities: z.array(pathNode),
          dpgs: z.array(sharedDpg),
        }),
      }),
    ),
    brokers: z.array(z.object({ id: z.string(), label: z.string(), brokerage: z.number() })),
    clusters: z.array(
      z.object({
        cluster: count,
        size: z.number().int().min(1),
        members: z.array(z.string()),
        sharedMost: pathNode.extend({ members: count }).nullable(),
      }),
    ),
  })
  .meta({ id: 'OrganisationNetworkResponse' });

export const gapsResponseSchema = z
  .object({
    sdgCountryWithoutMemberActivity: z.object({
      count,
      items: z.array(
        z.object({ sdg: ref, country: ref, dpgCount: z.number().int().min(1), dpgs: z.array(ref) }),
      ),
    }),
    singleOwnerWithoutFunder: z.object({
      count,
      items: z.array(z.object({ dpg: ref, owner: ref.extend({ kind: z.string().nullable() }) })),
    }),
    membersWithoutDpg: z.object({
      count,
      items: z.array(ref.extend({ kind: z.string().nullable(), activities: count })),
    }),
  })
  .meta({ id: 'GapsResponse' });

const rankedEntity = pathNode.extend({
  degree: count,
  betweenness: z.number(),
  pagerank: z.number(),
  community: count,
});

export const metricsResponseSchema = z
  .object({
    computedAt: z.string().nullable().meta({ description: 'Null when never computed' }),
    stale: z.boolean().meta({
      description:
        'True when entities or relationships changed since the computation (an editor’s edit, an import killed before its recompute): the measures describe the graph at computedAt until the app’s next check recomputes them (METRICS_REFRESH_SECONDS), or the next import or start',
    }),
    nodeCount: count,
    edgeCount: count.meta({ description: 'Pairs of entities joined by a relationship' }),
    relationshipCount: count,
    communityCount: count,
    modularity: z.number().nullable(),
    durationMs: count.nullable(),
    topByPagerank: z.array(rankedEntity),
    topByBetweenness: z.array(rankedEntity),
    communities: z.array(
      z.object({
        community: count,
        size: z.number().int().min(1),
        types: z.array(z.object({ type: z.string(), count })),
        top: z.array(pathNode),
      }),
    ),
  })
  .meta({ id: 'NetworkMetricsResponse' });
