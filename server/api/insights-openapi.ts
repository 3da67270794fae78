/**
 * The insights endpoints in the OpenAPI document: `registerInsightsPaths(registry)` adds them,
 * with their parameters, defaults and maxima and their responses, to the registry that
 * openapi.ts builds the document from.
 */
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import {
  collaboratorsParamsSchema,
  collaboratorsQuerySchema,
  collaboratorsResponseSchema,
  gapsQuerySchema,
  gapsResponseSchema,
  metricsQuerySchema,
  metricsResponseSchema,
  networkParamsSchema,
  networkQuerySchema,
  networkResponseSchema,
  stakeholdersQuerySchema,
  stakeholdersResponseSchema,
} from './insights-schemas.ts';
import { errorResponseSchema, movedEntityResponse } from './response-schemas.ts';

/** The tag the insights endpoints are listed under. */
export const INSIGHTS_TAG = {
  name: 'insights',
  description:
    'Explained answers: collaborators for a DPG, stakeholder maps, partnership networks, gaps, network measures (see docs/insights.md)',
};

type Responses = RouteConfig['responses'];

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

function errors(notFound?: string): Responses {
  const out: Responses = {
    400: json(errorResponseSchema, 'Invalid input; `details` names each bad parameter'),
    503: {
      ...json(
        errorResponseSchema,
        'The database is unreachable; try again after Retry-After seconds',
      ),
      headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    },
  };
  // The ids these routes look up are entity ids, which a merge may have moved.
  if (notFound) {
    out[404] = json(errorResponseSchema, notFound);
    out[308] = movedEntityResponse;
  }
  return out;
}

/** Adds the insights endpoints to an OpenAPI registry. */
export function registerInsightsPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/dpgs/{id}/collaborators',
    tags: [INSIGHTS_TAG.name],
    summary: 'Who could work with us on this DPG? Ranked organisations not yet tied to it',
    description:
      'Scores each candidate by a weighted meta-path count with Adamic–Adar damping (`method` gives the weights); every candidate has at least one explaining path, each a real chain of relationships with a sentence. Through a country or an SDG (`activity-country`, `dpg-sector-country`, `dpg-country`, `dpg-sdg`), each of the candidate’s DPGs or activities counts once, through the least connected country or SDG it shares with the DPG: a part’s `paths` then counts DPGs or activities, not countries, and the path shown for each is the one counted.',
    request: { params: collaboratorsParamsSchema, query: collaboratorsQuerySchema },
    responses: {
      200: json(collaboratorsResponseSchema, 'Candidates, best first (score, then id)'),
      ...errors('No DPG has that id, or no country the given one'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/stakeholders',
    tags: [INSIGHTS_TAG.name],
    summary:
      'The stakeholders of an activity, DPG, country, SDG, initiative or sector, as a stakeholder map',
    description:
      'Give exactly one of `activity`, `dpg`, `country`, `sdg`, `initiative`, `sector`. A sector (a topic: `Health`, `Climate`) is no entity but a property of DPGs: its map lists who backs its DPGs, then who takes part in activities involving them, and its `subject` has the id `sector:<name>` and the type `Sector`. Beside `sector` or `sdg`, `country` narrows that topic’s map to the country (“Health in Kenya”, “SDG 3 in Kenya”: who takes part in an activity there involving a DPG of the sector or advancing the SDG, then who backs such a DPG developed there, then deployed there; `filters.country` names it); any other pair of subjects is refused. Each stakeholder has its ring (how it is involved — direct involvement before indirect evidence, such as backing a DPG deployed in a country — then its role; `rings` names them), its roles, its kind (sectors), its influence (whole-graph PageRank, betweenness, degree), its ties and how it is connected.',
    request: { query: stakeholdersQuerySchema },
    responses: {
      200: json(stakeholdersResponseSchema, 'The stakeholder map'),
      ...errors(
        'No entity of that type has that id, no DPG has that sector (`details.sectors` lists those there are), or no country has the `country` beside it',
      ),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/organisations/{id}/network',
    tags: [INSIGHTS_TAG.name],
    summary: 'An organisation’s partnership network: tie strength, brokers and clusters',
    description:
      'Partners share activities or DPGs with the organisation; strength counts them. Brokers: betweenness among the partners; clusters: Louvain on their ties. Nodes and edges are Cytoscape elements.',
    request: { params: networkParamsSchema, query: networkQuerySchema },
    responses: {
      200: json(networkResponseSchema, 'The ego network'),
      ...errors('No organisation has that id'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/gaps',
    tags: [INSIGHTS_TAG.name],
    summary:
      'Gaps for advocacy: SDG × country without member activity, single-owner DPGs without funder, members without a DPG',
    request: { query: gapsQuerySchema },
    responses: {
      200: json(gapsResponseSchema, 'Each gap with its count and items'),
      ...errors('No SDG or country has the given id'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/insights/metrics',
    tags: [INSIGHTS_TAG.name],
    summary:
      'Network measures of the whole graph: top by PageRank and betweenness, communities, when computed',
    request: { query: metricsQuerySchema },
    responses: { 200: json(metricsResponseSchema, 'The measures at a glance'), ...errors() },
  });
}
