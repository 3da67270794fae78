import { parse as parseCsv } from 'csv-parse/sync';
import { create } from 'xmlbuilder2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApp } from '../../server/app.ts';
import { createDriver, GraphDatabase } from '../../server/db/neo4j-client.ts';
import {
  entityResponseSchema,
  facetsResponseSchema,
  neighbourhoodResponseSchema,
  overviewResponseSchema,
  pathsResponseSchema,
  searchResponseSchema,
  statsResponseSchema,
  subgraphResponseSchema,
  relationshipDetailsResponseSchema,
} from '../../server/api/response-schemas.ts';
import { serveApi, type TestApi } from '../support/api-client.ts';
import { expectSameReach } from '../support/neighbourhood-reach.ts';
import { importSeed, openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';
import { hasSharedData } from '../support/shared-data.ts';
import { importEcosystem, TRICKY_ID, TRICKY_NAME, TRICKY_SOURCE } from './query-api-fixture.ts';

const db = openTestDatabase();
let api: TestApi;

const AI_COP = 'activity:unicef/co-leading-the-community-of-practice-on-ai';
const AI_COP_NAME = 'Co-leading the Community of Practice on AI';

interface NodeData {
  id: string;
  type: string;
  label: string;
  degree: number;
  sources: string[];
  distance?: number;
}
interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  sources: string[];
}
interface Elements {
  nodes: { data: NodeData }[];
  edges: { data: EdgeData }[];
}

const nodeIds = (body: Elements) => body.nodes.map((n) => n.data.id);
const edgeIds = (body: Elements) => body.edges.map((e) => e.data.id);

/** Asserts that a body is what the OpenAPI document says, and returns it. */
function conforms<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).toBe(true);
  return body as z.infer<S>;
}

/** Every edge joins two returned nodes and every element carries provenance. */
function expectWellFormed(body: Elements) {
  const ids = new Set(nodeIds(body));
  expect(ids.size).toBe(body.nodes.length);
  for (const e of body.edges) {
    expect(ids.has(e.data.source) && ids.has(e.data.target), e.data.id).toBe(true);
    expect(e.data.sources.length, e.data.id).toBeGreaterThan(0);
  }
  for (const n of body.nodes) expect(n.data.sources.length, n.data.id).toBeGreaterThan(0);
}

/** The `n` of a one-row verification query against the graph. */
async function countOf(cypher: string): Promise<number> {
  const [row] = await query(db, cypher);
  return Number(row?.n);
}

async function post(path: string, body: unknown, raw = false) {
  const response = await fetch(api.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? String(body) : JSON.stringify(body),
  });
  // Bodies are asserted field by field; a loose type keeps those readable (as in api-client.ts).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json: any = await response.json();
  return { status: response.status, body: json, headers: response.headers };
}

async function download(path: string) {
  const response = await fetch(api.url + path);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

beforeAll(async () => {
  if (hasSharedData()) await importEcosystem(db);
  else await resetGraph(db);
  api = await serveApi(db);
}, 180_000);

afterAll(async () => {
  await api.close();
  await resetGraph(db);
  await db.close();
});

describe.runIf(hasSharedData())('the query API on the seed and the registry', () => {
  describe('GET /api/search', () => {
    it('lists an entity named exactly what was typed first', async () => {
      // The UNICEF Venture Fund says "UNICEF" more often than UNICEF's own entry does.
      const unicef = await api.get('/api/search?q=UNICEF&limit=3');
      expect(unicef.body.results[0]?.id).toBe('org:unicef');
      expect(unicef.body.results.map((r: { id: string }) => r.id)).toContain(
        'initiative:unicef-venture-fund',
      );
      const dhis2 = await api.get('/api/search?q=dhis2&limit=3');
      expect(dhis2.body.results[0]?.id).toBe('dpg:dhis2');
      // An alias counts as a name: the platform also known as MOSIP, then the organisation so named.
      const mosip = await api.get('/api/search?q=mosip&limit=3');
      expect(mosip.body.results.slice(0, 2).map((r: { id: string }) => r.id)).toEqual([
        'dpg:modular-open-source-identity-platform',
        'org:mosip',
      ]);
      // Quotes or a full stop around the name do not make it another name.
      for (const typed of ['"unicef', 'unicef"', '"UNICEF".']) {
        const quoted = await api.get(`/api/search?q=${encodeURIComponent(typed)}&limit=3`);
        expect(quoted.body.results[0]?.id, typed).toBe('org:unicef');
      }
    });

    it('lists what matches some of the words when nothing matches them all, and says so', async () => {
      // No entry mentions both, and nothing related to Kenya mentions agriculture: Kenya and
      // what mentions agriculture, rather than nothing.
      const some = await api.get('/api/search?q=agriculture%20kenya&limit=20');
      const body = conforms(searchResponseSchema, some.body);
      expect(body.words).toBe('some');
      expect(body.total).toBeGreaterThan(3);
      const ids = body.results.map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining(['country:KE', 'org:fao']));
      // Where an entry mentions every word, only such entries, then the entities the words name.
      const all = await api.get('/api/search?q=sierra%20leone%20unicef&limit=20');
      expect(all.body.words).toBe('all');
      expect(all.body.total).toBeGreaterThan(2);
      const allIds = (all.body.results as { id: string }[]).map((hit) => hit.id);
      expect(allIds.slice(-2).sort()).toEqual(['country:SL', 'org:unicef']);
      for (const id of allIds.slice(0, -2)) expect(id).toMatch(/^activity:unicef\//);
      // One word that matches nothing: nothing, not a fallback.
      const none = await api.get('/api/search?q=qzxqvw');
      expect(none.body).toMatchObject({ words: 'all', total: 0, results: [] });
    });

    it('finds what relates to an entity the words name and matches the other words', async () => {
      // The Community of Practice on AI never names UNICEF; UNICEF co-leads it.
      const ai = await api.get('/api/search?q=unicef%20ai');
      const aiBody = conforms(searchResponseSchema, ai.body);
      expect(aiBody.words).toBe('all');
      expect(aiBody.results[0]).toMatchObject({
        id: 'activity:unicef/co-leading-the-community-of-practice-on-ai',
        snippet: 'UNICEF co-leads this',
      });
      // No health DPG names Kenya, but these are deployed or developed there: each says which.
      const kenya = await api.get('/api/search?q=health%20kenya&limit=50');
      expect(kenya.body.words).toBe('all');
      const deployed = await query(
        db,
        `MATCH (d:DPG)-[r:DEPLOYED_IN|DEVELOPED_IN]->(:Country {id: 'country:KE'})
         WHERE toLower(d.name + ' ' + coalesce(d.description, '')) CONTAINS 'health'
         RETURN DISTINCT d.id AS id`,
      );
      expect(deployed.length).toBeGreaterThan(3);
      const found = new Map(
        (kenya.body.results as { id: string; snippet: string | null }[]).map((r) => [r.id, r]),
      );
      for (const { id } of deployed) {
        expect(found.get(id as string)?.snippet, String(id)).toMatch(
          /^is (deployed|developed) in Kenya$/,
        );
      }
      // Kenya itself, named, after what was found through it (its own text never says health),
      // but on the first page (the default one, of 10), though more than a page was found.
      expect(kenya.body.total).toBeGreaterThan(10);
      const kenyaIds = (kenya.body.results as { id: string }[]).map((r) => r.id);
      expect(kenyaIds.indexOf('country:KE')).toBe(9);
      expect(kenya.body.results[9]).toMatchObject({ id: 'country:KE', snippet: null });
      expect(new Set(kenyaIds).size).toBe(kenyaIds.length);
      // Its place does not depend on the page asked for: pages of 4 repeat and skip nothing.
      const paged: string[] = [];
      for (let offset = 0; offset < 16; offset += 4) {
        const page = await api.get(`/api/search?q=health%20kenya&limit=4&offset=${offset}`);
        paged.push(...(page.body.results as { id: string }[]).map((r) => r.id));
      }
      expect(paged).toEqual(kenyaIds.slice(0, 16));
      expect(aiBody.results.map((r) => r.id)).toContain('org:unicef');
      // A place reads as here: X-Road is deployed in Estonia.
      const xRoad = await api.get('/api/search?q=x-road%20estonia');
      expect(xRoad.body.results).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'country:EE', snippet: 'X-Road is deployed here' }),
        ]),
      );
      // Estonia, named and found through X-Road, keeps what X-Road says of it.
      expect(xRoad.body.results.filter((r: { id: string }) => r.id === 'country:EE')).toHaveLength(
        1,
      );
      // A pasted id is not a name and a word ("org"): nothing is found through UNICEF.
      const id = await api.get('/api/search?q=org%3Aunicef');
      expect(id.body.results[0].id).toBe('org:unicef');
      for (const hit of id.body.results as { snippet: string | null }[])
        expect(hit.snippet ?? '').not.toMatch(/UNICEF \w+ this/);
    });

    it('pages through ranked results with offset, and counts them all', async () => {
      const first = await api.get('/api/search?q=health&limit=5');
      const body = conforms(searchResponseSchema, first.body);
      expect(body.total).toBeGreaterThan(10);
      expect(body.results).toHaveLength(5);
      const second = await api.get('/api/search?q=health&limit=5&offset=5');
      const both = await api.get('/api/search?q=health&limit=10');
      expect([...body.results, ...second.body.results].map((r) => r.id)).toEqual(
        both.body.results.map((r: { id: string }) => r.id),
      );
      expect(second.body).toMatchObject({ offset: 5, limit: 5, total: body.total });
      const past = await api.get(`/api/search?q=health&offset=1000`);
      expect(past.body.results).toEqual([]);
    });

    it('filters by type before paging, so the total is of that type', async () => {
      const { body } = await api.get('/api/search?q=sierra&types=Country');
      expect(body).toMatchObject({ total: 1, results: [{ id: 'country:SL' }] });
      const dpgs = await api.get('/api/search?q=health&types=DPG&limit=50');
      expect(dpgs.body.results.length).toBeGreaterThan(5);
      expect(dpgs.body.results.every((r: { type: string }) => r.type === 'DPG')).toBe(true);
    });
  });

  describe('GET /api/entities/:id', () => {
    it('summarises all neighbours by relationship, direction and type, even when it lists fewer', async () => {
      const { status, body } = await api.get('/api/entities/dpg%3Adhis2?neighbours=5');
      expect(status).toBe(200);
      const entity = conforms(entityResponseSchema, body);
      expect(entity.neighbours).toHaveLength(5);
      const total = Object.values(entity.degree).reduce((a, b) => a + b, 0);
      expect(entity.neighbourSummary).toMatchObject({ total, truncated: true });
      expect(entity.neighbourSummary.groups).toEqual(
        expect.arrayContaining([
          { relationship: 'FUNDS', direction: 'in', type: 'Organisation', count: 1 },
          { relationship: 'OWNS', direction: 'in', type: 'Organisation', count: 1 },
          expect.objectContaining({
            relationship: 'DEPLOYED_IN',
            direction: 'out',
            type: 'Country',
          }),
        ]),
      );
    });

    it('lists neighbours from every kind of relationship in turn, so a long kind crowds out none', async () => {
      const { body: all } = await api.get('/api/entities/dpg%3Adhis2?neighbours=500');
      const kinds = new Set(
        (all.neighbours as { relationship: string; direction: string }[]).map(
          (n) => `${n.relationship}:${n.direction}`,
        ),
      );
      expect(kinds.size).toBeGreaterThan(2);
      const { body } = await api.get(`/api/entities/dpg%3Adhis2?neighbours=${kinds.size}`);
      const listed = (body.neighbours as { relationship: string; direction: string }[]).map(
        (n) => `${n.relationship}:${n.direction}`,
      );
      // One of each kind, in relationship order.
      expect(new Set(listed)).toEqual(kinds);
      expect(listed).toEqual([...listed].sort());
    });
  });

  describe('GET /api/graph/neighbourhood', () => {
    it('holds Norad and Sierra Leone around DHIS2, as Cytoscape elements with provenance', async () => {
      const { status, body } = await api.get('/api/graph/neighbourhood?id=dpg:dhis2');
      expect(status).toBe(200);
      const hood = conforms(neighbourhoodResponseSchema, body);
      expect(hood.centre).toBe('dpg:dhis2');
      expect(nodeIds(hood)).toEqual(
        expect.arrayContaining(['dpg:dhis2', 'org:norad', 'country:SL']),
      );
      expect(edgeIds(hood)).toEqual(
        expect.arrayContaining(['org:norad|FUNDS|dpg:dhis2', 'dpg:dhis2|DEPLOYED_IN|country:SL']),
      );
      expect(hood.nodes.find((n) => n.data.id === 'dpg:dhis2')?.data.distance).toBe(0);
      expect(hood.nodes.find((n) => n.data.id === 'org:norad')?.data).toMatchObject({
        distance: 1,
        type: 'Organisation',
        sources: expect.arrayContaining([expect.stringMatching(/^source:/)]),
      });
      expectWellFormed(hood);
    });

    it('reads a re-cased id as the graph writes it, as the insight filters do', async () => {
      const hood = await api.get('/api/graph/neighbourhood?id=country:sl');
      expect(hood.status).toBe(200);
      expect(hood.body.centre).toBe('country:SL');
      expect(nodeIds(hood.body)).toContain('dpg:dhis2');
      const entity = await api.get('/api/entities/country:sl');
      expect(entity.status).toBe(200);
      expect(entity.body.id).toBe('country:SL');
      // Every other id is a lower-case slug, so a re-cased one names the same entity.
      const dpg = await api.get('/api/entities/DPG:DHIS2');
      expect(dpg.status).toBe(200);
      expect(dpg.body.id).toBe('dpg:dhis2');
    });

    it('caps the expansion and says what it left out, by type', async () => {
      const full = await api.get('/api/graph/neighbourhood?id=dpg:dhis2&limit=1000');
      expect(full.body.truncated).toBe(false);
      const all = full.body.nodes.length - 1;

      const { body } = await api.get('/api/graph/neighbourhood?id=dpg:dhis2&limit=10');
      expect(body.nodes).toHaveLength(11);
      expect(body.truncated).toBe(true);
      expect(body.omitted.total).toBe(all - 10);
      const byType = body.omitted.byType as Record<string, number>;
      expect(Object.values(byType).reduce((a, b) => a + b, 0)).toBe(body.omitted.total);
      expect(byType.Country).toBeGreaterThan(40);
      // Types take turns: dozens of countries do not crowd out the owner and the funder.
      expect(nodeIds(body)).toEqual(expect.arrayContaining(['org:norad', 'org:hisp-uio']));
      expectWellFormed(body);
    });

    it('keeps preferred types first ("show more countries")', async () => {
      const { body } = await api.get(
        '/api/graph/neighbourhood?id=dpg:dhis2&limit=30&prefer=Country',
      );
      const types = body.nodes.filter((n: { data: NodeData }) => n.data.id !== 'dpg:dhis2');
      expect(types.every((n: { data: NodeData }) => n.data.type === 'Country')).toBe(true);
      expect(body.omitted.byType.Organisation).toBe(2);
    });

    it('follows only the given relationship types into the given entity types', async () => {
      const funders = await api.get('/api/graph/neighbourhood?id=dpg:dhis2&rels=FUNDS,OWNS');
      expect(nodeIds(funders.body).sort()).toEqual(['dpg:dhis2', 'org:hisp-uio', 'org:norad']);
      const orgs = await api.get('/api/graph/neighbourhood?id=dpg:dhis2&types=Organisation');
      expect(
        orgs.body.nodes.every((n: { data: NodeData }) =>
          ['DPG', 'Organisation'].includes(n.data.type),
        ),
      ).toBe(true);
      expect(orgs.body.edges.map((e: { data: EdgeData }) => e.data.type).sort()).toEqual([
        'FUNDS',
        'OWNS',
      ]);
    });

    it('expands up to three hops, marking each entity with its distance', async () => {
      const { body } = await api.get('/api/graph/neighbourhood?id=org:norad&depth=2&limit=1000');
      const distance = Object.fromEntries(
        body.nodes.map((n: { data: NodeData }) => [n.data.id, n.data.distance]),
      );
      expect(distance).toMatchObject({ 'org:norad': 0, 'dpg:dhis2': 1, 'country:SL': 2 });
      const deeper = await api.get('/api/graph/neighbourhood?id=org:norad&depth=3&limit=1000');
      expect(deeper.body.nodes.length + deeper.body.omitted.total).toBeGreaterThan(
        body.nodes.length + body.omitted.total,
      );
    });

    it('counts the hops past a full limit as walking them in full does', async () => {
      // With limit=3 the first hop fills the limit, so the later ones only count what they
      // reach (no candidates kept); `prefer` makes every hop read its candidates in full.
      for (const id of ['org:unicef', 'dpg:dhis2', 'org:norad', 'country:SL'])
        for (const depth of [2, 3]) {
          const centre = `/api/graph/neighbourhood?id=${id}&depth=${depth}&limit=3`;
          const counted = await api.get(centre);
          const walked = await api.get(`${centre}&prefer=Organisation`);
          expectSameReach(counted.body, walked.body, ['Organisation'], `${id} at depth ${depth}`);
        }
    });

    it('answers 404 for an unknown entity', async () => {
      const { status, body } = await api.get('/api/graph/neighbourhood?id=org:no-such-org');
      expect(status).toBe(404);
      expect(body.error.code).toBe('NOT_FOUND');
    });
  });

  describe('POST /api/graph/subgraph', () => {
    it('returns the given entities and the relationships among them, and lists unknown ids', async () => {
      const { status, body } = await post('/api/graph/subgraph', {
        ids: ['org:unicef', 'org:google', AI_COP, 'org:no-such-org', 'org:unicef'],
      });
      expect(status).toBe(200);
      const sub = conforms(subgraphResponseSchema, body);
      expect(nodeIds(sub).sort()).toEqual([AI_COP, 'org:google', 'org:unicef']);
      expect(edgeIds(sub).sort()).toEqual([
        `org:google|PARTICIPATES_IN|${AI_COP}`,
        `org:unicef|CO_LEADS|${AI_COP}`,
      ]);
      expect(sub.missing).toEqual(['org:no-such-org']);
      expectWellFormed(sub);
    });

    it('keeps only the given relationship types', async () => {
      const { body } = await post('/api/graph/subgraph', {
        ids: ['org:unicef', 'org:google', AI_COP],
        rels: ['CO_LEADS'],
      });
      expect(edgeIds(body)).toEqual([`org:unicef|CO_LEADS|${AI_COP}`]);
    });
  });

  describe('POST /api/graph/relationship-details', () => {
    it('states what each relationship among the entities says, the same ones the canvas draws', async () => {
      const ids = ['org:unicef', 'org:google', AI_COP, 'org:norad', 'org:dpga', 'org:no-such-org'];
      const { status, body } = await post('/api/graph/relationship-details', { ids });
      expect(status).toBe(200);
      const { relationships } = conforms(relationshipDetailsResponseSchema, body);
      const drawn = conforms(
        subgraphResponseSchema,
        (await post('/api/graph/subgraph', { ids })).body,
      );
      expect(relationships.map((r) => r.id).sort()).toEqual(edgeIds(drawn).sort());
      const byId = new Map(relationships.map((r) => [r.id, r]));
      const leads = byId.get(`org:unicef|CO_LEADS|${AI_COP}`)!;
      expect(leads).toMatchObject({ source: 'org:unicef', type: 'CO_LEADS', label: 'co-leads' });
      // One quote per source, in the order of the sources: from UNICEF's own page.
      expect(leads.evidence).toHaveLength(leads.sources.length);
      expect(leads.evidence[leads.sources.indexOf('source:member-page:unicef')]).toContain(
        'Co-leading the Community of Practice on AI',
      );
      // The members list states Norad's board seat; the property is absent where none is stated.
      expect(byId.get('org:norad|MEMBER_OF|org:dpga')?.board).toBe(true);
      expect(leads).not.toHaveProperty('board');
      // Every source the entities and relationships cite, once, with its title for a reader.
      const cited = new Set([
        ...relationships.flatMap((r) => r.sources),
        ...drawn.nodes.flatMap((n) => n.data.sources),
      ]);
      expect(body.sources.map((s: { id: string }) => s.id).sort()).toEqual([...cited].sort());
      expect(body.sources).toContainEqual(
        expect.objectContaining({
          id: 'source:member-page:unicef',
          title: 'UNICEF activities on the DPGA website',
        }),
      );
    });

    it('keeps only the given relationship types, and refuses a list too long', async () => {
      const { body } = await post('/api/graph/relationship-details', {
        ids: ['org:unicef', 'org:google', AI_COP],
        rels: ['co_leads'],
      });
      expect(body.relationships.map((r: { id: string }) => r.id)).toEqual([
        `org:unicef|CO_LEADS|${AI_COP}`,
      ]);
      const tooMany = Array.from({ length: 10_001 }, (_, i) => `org:n${i}`);
      const refused = await post('/api/graph/relationship-details', { ids: tooMany });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details[0].path).toBe('body.ids');
    });
  });

  describe('GET /api/graph/paths', () => {
    it('finds the same paths either way round, where more tie than are kept', async () => {
      const paths = async (from: string, to: string) =>
        conforms(
          pathsResponseSchema,
          (await api.get(`/api/graph/paths?from=${from}&to=${to}&k=2`)).body,
        ).paths;
      for (const [a, b] of [
        ['org:giz', 'org:undp'],
        ['org:norad', 'org:unicef'],
      ] as const) {
        const there = await paths(a, b);
        const back = await paths(b, a);
        expect(there.length, `${a} ${b}`).toBe(2);
        expect(
          back.map((p) => [...p.nodes].reverse()),
          `${a} ${b}`,
        ).toEqual(there.map((p) => p.nodes));
        // Each read from its own start: steps point the way the path is walked or against it.
        expect(back[0]!.nodes[0]).toBe(b);
        expect(back[0]!.steps.map((s) => s.forward)).toEqual(
          [...there[0]!.steps].reverse().map((s) => !s.forward),
        );
      }
    });

    it('finds the path between Google and UNICEF through the AI CoP, and says it', async () => {
      const { status, body } = await api.get('/api/graph/paths?from=org:google&to=org:unicef');
      expect(status).toBe(200);
      const found = conforms(pathsResponseSchema, body);
      expect(found.paths[0]).toMatchObject({
        length: 2,
        nodes: ['org:google', AI_COP, 'org:unicef'],
        relationshipTypes: ['PARTICIPATES_IN', 'CO_LEADS'],
        sentence: `Google participates in “${AI_COP_NAME}”, which UNICEF co-leads`,
      });
      expect(found.paths[0]!.steps.map((s) => s.forward)).toEqual([true, false]);
      expect(nodeIds(found)).toEqual(expect.arrayContaining(['org:google', AI_COP, 'org:unicef']));
      expectWellFormed(found);
    });

    it('names an end with no relationships at all, which no path can reach', async () => {
      // An entity as an editor first adds it: no relationship yet.
      const id = 'org:lonely-paths-test';
      await query(
        db,
        "CREATE (:Entity:Organisation {id: $id, name: 'Lonely', kind: 'ngo', sources: ['source:test']})",
        { id },
      );
      try {
        const none = conforms(
          pathsResponseSchema,
          (await api.get(`/api/graph/paths?from=org:unicef&to=${id}`)).body,
        );
        expect(none).toMatchObject({ paths: [], isolated: [id] });
        const found = await api.get('/api/graph/paths?from=org:google&to=org:unicef&k=1');
        expect(found.body.isolated).toEqual([]);
      } finally {
        await query(db, 'MATCH (n:Entity {id: $id}) DELETE n', { id });
      }
    });

    it('reads the same path from UNICEF with a relative clause', async () => {
      const { body } = await api.get('/api/graph/paths?from=org:unicef&to=org:google&k=1');
      expect(body.paths).toHaveLength(1);
      expect(body.paths[0].sentence).toBe(
        `UNICEF co-leads “${AI_COP_NAME}”, in which Google participates`,
      );
    });

    it('gives k alternatives of equal or increasing length', async () => {
      const { body } = await api.get('/api/graph/paths?from=org:google&to=org:unicef&k=5');
      expect(body.paths).toHaveLength(5);
      const lengths = body.paths.map((p: { length: number }) => p.length);
      expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
      const keys = body.paths.map((p: { steps: unknown[] }) => JSON.stringify(p.steps));
      expect(new Set(keys).size).toBe(5);
      for (const p of body.paths) expect(new Set(p.nodes).size).toBe(p.nodes.length);
    });

    it('returns the same paths in the same order on every call: by length, then through fewer SDGs and countries, then node ids', async () => {
      // Norad reaches Sierra Leone by hundreds of equal-length paths: more than SHORTEST keeps.
      // Node ids are compared read from the end with the smaller id, Sierra Leone's (the same
      // paths either way round).
      const url = '/api/graph/paths?from=org:norad&to=country:SL&k=10&maxHops=4';
      const first = await api.get(url);
      const second = await api.get(url);
      const found = conforms(pathsResponseSchema, first.body);
      const paths = found.paths;
      expect(paths).toHaveLength(10);
      expect(second.body).toEqual(first.body);
      // SDGs and countries tie everything to everything: a path through fewer says more.
      const typeOf = new Map(found.nodes.map((n) => [n.data.id, n.data.type]));
      const hubs = (nodes: readonly string[]) =>
        nodes.filter((id) => ['SDG', 'Country'].includes(typeOf.get(id) ?? '')).length;
      const keys = paths.map((p) => [p.length, hubs(p.nodes), ...[...p.nodes].reverse()] as const);
      const compare = (a: readonly (string | number)[], b: readonly (string | number)[]) => {
        if (a[0] !== b[0]) return Number(a[0]) - Number(b[0]);
        if (a[1] !== b[1]) return Number(a[1]) - Number(b[1]);
        return a.slice(2).join('\u0000') < b.slice(2).join('\u0000') ? -1 : 1;
      };
      expect(keys).toEqual([...keys].sort(compare));
      // The tied length is read whole: the first paths of that length in that order are these.
      const longest = paths.at(-1)!.length;
      expect(Number.isInteger(longest) && longest <= 4).toBe(true);
      const [row] = await query(
        db,
        `MATCH (a:Entity {id: 'country:SL'}), (b:Entity {id: 'org:norad'})
         MATCH p = SHORTEST 6 GROUPS (a)(()-[]-(:Entity)){1,${longest}}(b)
         WHERE length(p) = ${longest} AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
         WITH [n IN nodes(p) | n.id] AS ids, size([n IN nodes(p) WHERE n:SDG OR n:Country]) AS hubs
         ORDER BY hubs, ids
         RETURN collect(ids) AS all`,
      );
      const tied = paths.filter((p) => p.length === longest).map((p) => [...p.nodes].reverse());
      expect((row?.all as string[][]).slice(0, tied.length)).toEqual(tied);
    });

    it('prefers, of equal-length paths, one through an organisation to one through a country', async () => {
      // Two DPGs of one maker, both deployed in one country: "made by the same organisation" is
      // the path to show first, though the country's id sorts before the maker's.
      await query(
        db,
        `CREATE (one:Entity:DPG {id: 'dpg:e2e-hub-one', name: 'Hub One'}),
                (two:Entity:DPG {id: 'dpg:e2e-hub-two', name: 'Hub Two'}),
                (maker:Entity:Organisation {id: 'org:zz-e2e-hub-maker', name: 'Hub Maker'}),
                (land:Entity:Country {id: 'country:e2e-hub', name: 'Hubland'})
         CREATE (maker)-[:OWNS]->(one), (maker)-[:OWNS]->(two),
                (one)-[:DEPLOYED_IN]->(land), (two)-[:DEPLOYED_IN]->(land)`,
      );
      try {
        const { body } = await api.get(
          '/api/graph/paths?from=dpg:e2e-hub-one&to=dpg:e2e-hub-two&k=1',
        );
        expect(body.paths.map((p: { nodes: string[] }) => p.nodes)).toEqual([
          ['dpg:e2e-hub-one', 'org:zz-e2e-hub-maker', 'dpg:e2e-hub-two'],
        ]);
        const both = await api.get('/api/graph/paths?from=dpg:e2e-hub-one&to=dpg:e2e-hub-two&k=2');
        expect(both.body.paths[1].nodes).toEqual([
          'dpg:e2e-hub-one',
          'country:e2e-hub',
          'dpg:e2e-hub-two',
        ]);
      } finally {
        await query(db, `MATCH (n:Entity) WHERE n.id CONTAINS 'e2e-hub' DETACH DELETE n`);
      }
    });

    it('links Norad to Sierra Leone through DHIS2', async () => {
      const { body } = await api.get('/api/graph/paths?from=org:norad&to=country:SL&k=10');
      expect(body.paths.map((p: { nodes: string[] }) => p.nodes)).toContainEqual([
        'org:norad',
        'dpg:dhis2',
        'country:SL',
      ]);
    });

    it('passes through no entity of the types asked to avoid, but may end at one', async () => {
      const url = '/api/graph/paths?from=org:norad&to=country:SL&k=10&maxHops=4';
      const all = conforms(pathsResponseSchema, (await api.get(url)).body).paths;
      const inner = (p: { nodes: string[] }) => p.nodes.slice(1, -1);
      // Without the parameter, paths run through other countries and through DPGs.
      expect(all.some((p) => inner(p).some((id) => id.startsWith('dpg:')))).toBe(true);
      const avoiding = conforms(
        pathsResponseSchema,
        (await api.get(`${url}&avoid=DPG,country`)).body,
      ).paths;
      expect(avoiding.length).toBeGreaterThan(0);
      for (const p of avoiding) {
        expect(p.nodes.at(-1)).toBe('country:SL');
        for (const id of inner(p)) expect(id).not.toMatch(/^(dpg|country):/);
      }
      // Shortest among those that avoid them: never shorter than the shortest of all.
      expect(avoiding[0]!.length).toBeGreaterThanOrEqual(all[0]!.length);
      const bad = await api.get(`${url}&avoid=Person`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].path).toBe('query.avoid.0');
    });

    it('passes through no organisation of the kinds asked to avoid, but may end at one', async () => {
      // Samsung is a company, and one of its ten paths to UNICEF runs through another, Google.
      const url = '/api/graph/paths?from=org:samsung&to=org:unicef&k=10&maxHops=4';
      const companies = (body: { nodes: { data: { id: string; kind?: string } }[] }) =>
        new Set(body.nodes.filter((n) => n.data.kind === 'company').map((n) => n.data.id));
      const inner = (p: { nodes: string[] }) => p.nodes.slice(1, -1);
      const all = conforms(pathsResponseSchema, (await api.get(url)).body);
      const companiesOfAll = companies(all);
      expect(all.paths.some((p) => inner(p).some((id) => companiesOfAll.has(id)))).toBe(true);
      const avoiding = conforms(
        pathsResponseSchema,
        (await api.get(`${url}&avoidKinds=company`)).body,
      );
      expect(avoiding.paths.length).toBeGreaterThan(0);
      const companiesOfAvoiding = companies(avoiding);
      expect(companiesOfAvoiding.has('org:samsung')).toBe(true);
      for (const p of avoiding.paths) {
        expect(p.nodes[0]).toBe('org:samsung');
        for (const id of inner(p)) expect(companiesOfAvoiding.has(id), id).toBe(false);
      }
      expect(avoiding.paths[0]!.length).toBeGreaterThanOrEqual(all.paths[0]!.length);
    });

    it('returns no path when none is short enough or none uses the given relationships', async () => {
      const short = await api.get('/api/graph/paths?from=org:google&to=org:unicef&maxHops=1');
      expect(short).toMatchObject({ status: 200, body: { paths: [] } });
      const members = await api.get(
        '/api/graph/paths?from=org:google&to=org:unicef&rels=DEPLOYED_IN',
      );
      expect(members.body.paths).toEqual([]);
    });

    it('answers 404 naming an unknown end, and 400 when both ends are the same', async () => {
      const unknown = await api.get('/api/graph/paths?from=org:google&to=org:no-such-org');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.details).toEqual({ id: 'org:no-such-org' });
      const same = await api.get('/api/graph/paths?from=org:google&to=org:google');
      expect(same.status).toBe(400);
      expect(same.body.error.details[0].path).toBe('query.to');
    });
  });

  describe('node data', () => {
    it('carries DPG facets, DPGA membership and network measures on every graph answer', async () => {
      const overview = conforms(
        overviewResponseSchema,
        (await api.get('/api/overview?limit=2000')).body,
      );
      const byId = new Map(
        overview.nodes.map((n) => [n.data.id, n.data as Record<string, unknown>]),
      );
      expect(byId.get('dpg:dhis2')).toMatchObject({
        sectors: ['Health'],
        licenses: ['BSD-3-Clause'],
        stage: expect.any(String),
        types: expect.arrayContaining(['software']),
      });
      expect(byId.get('org:unicef')).toMatchObject({ member: true, board: true });
      expect(byId.get('org:unicef')?.sectors).toBeUndefined();
      // An activity's types, which the explorer filters by.
      const [typed] = await query(
        db,
        'MATCH (a:Activity) WHERE size(a.activityTypes) > 0 RETURN a.id AS id, a.activityTypes AS t ORDER BY a.id LIMIT 1',
      );
      const activity = await api.get(
        `/api/graph/neighbourhood?id=${encodeURIComponent(String(typed!.id))}&depth=1`,
      );
      expect(
        activity.body.nodes.find((n: { data: { id: string } }) => n.data.id === typed!.id).data
          .activityTypes,
      ).toEqual(typed!.t);
      expect(typeof byId.get('org:unicef')?.pagerank).toBe('number');
      expect(typeof byId.get('org:unicef')?.betweenness).toBe('number');
      expect(Number.isInteger(byId.get('org:unicef')?.community)).toBe(true);
      // A member not on the board says so; an entity that is no member carries neither flag.
      const [plain] = await query(
        db,
        `MATCH (o:Organisation)-[m:MEMBER_OF]->(:Entity {id: 'org:dpga'})
         WHERE coalesce(m.board, false) = false
           AND NOT EXISTS { (o)-[:MEMBER_OF]->(:Entity {id: 'group:dpga-board'}) }
         RETURN o.id AS id ORDER BY id LIMIT 1`,
      );
      const members = await post('/api/graph/subgraph', { ids: [plain!.id, 'country:SL'] });
      const subgraph = conforms(subgraphResponseSchema, members.body);
      const data = new Map(
        subgraph.nodes.map((n) => [n.data.id, n.data as Record<string, unknown>]),
      );
      expect(data.get(String(plain!.id))).toMatchObject({ member: true, board: false });
      expect(data.get('country:SL')).not.toHaveProperty('member');
      expect(data.get('country:SL')).not.toHaveProperty('board');

      const hood = conforms(
        neighbourhoodResponseSchema,
        (await api.get('/api/graph/neighbourhood?id=org:norad')).body,
      );
      expect(hood.nodes.find((n) => n.data.id === 'dpg:dhis2')?.data).toMatchObject({
        sectors: ['Health'],
      });
      const paths = conforms(
        pathsResponseSchema,
        (await api.get('/api/graph/paths?from=org:norad&to=country:SL&k=1')).body,
      );
      expect(paths.nodes.find((n) => n.data.id === 'org:norad')?.data.pagerank).toEqual(
        expect.any(Number),
      );
    });

    it('reads the overview nodes as the neighbourhood and subgraph read them', async () => {
      const overview = conforms(
        overviewResponseSchema,
        (await api.get('/api/overview?limit=40')).body,
      );
      const ids = overview.nodes.map((n) => n.data.id);
      const sub = conforms(
        subgraphResponseSchema,
        (await post('/api/graph/subgraph', { ids })).body,
      );
      const byId = new Map(sub.nodes.map((n) => [n.data.id, n.data]));
      for (const node of overview.nodes) expect(byId.get(node.data.id)).toEqual(node.data);
      expect(edgeIds(sub as Elements).sort()).toEqual(edgeIds(overview as Elements).sort());
    });
  });

  describe('GET /api/overview', () => {
    it('summarises a large graph as one meta-node per type with counted meta-edges', async () => {
      const { body } = await api.get('/api/overview?mode=summary');
      const overview = conforms(overviewResponseSchema, body);
      expect(overview.mode).toBe('summary');
      expect(overview.total.nodes).toBe(await countOf('MATCH (n:Entity) RETURN count(n) AS n'));
      const dpg = overview.nodes.find((n) => n.data.id === 'type:DPG');
      expect(dpg?.data).toMatchObject({ count: 166, meta: true });
      expect(edgeIds(overview as Elements)).toContain('type:DPG|DEPLOYED_IN|type:Country');
      expectWellFormed(overview as Elements);
    });

    it('picks full or summary by size in auto mode, and keeps full mode by default', async () => {
      const auto = await api.get('/api/overview?mode=auto&limit=100');
      expect(auto.body.mode).toBe('summary');
      const fits = await api.get('/api/overview?mode=auto&limit=2000');
      expect(fits.body).toMatchObject({ mode: 'full', truncated: false });
      const plain = await api.get('/api/overview?limit=50');
      expect(conforms(overviewResponseSchema, plain.body)).toMatchObject({
        mode: 'full',
        truncated: true,
      });
      expect(plain.body.nodes).toHaveLength(50);
      expectWellFormed(plain.body);
    });
  });

  describe('GET /api/stats', () => {
    it('counts by label and relationship type and ranks entities by degree', async () => {
      const { body } = await api.get('/api/stats?top=5');
      const stats = conforms(statsResponseSchema, body);
      expect(stats.entities).toContainEqual({ type: 'DPG', count: 166 });
      expect(stats.entities).toContainEqual({ type: 'SDG', count: 17 });
      expect(stats.totals.relationships).toBe(
        await countOf('MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n'),
      );
      expect(stats.totals.sources).toBeGreaterThanOrEqual(5);
      expect(stats.topByDegree).toHaveLength(5);
      const degrees = stats.topByDegree.map((e) => e.degree);
      expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    });

    it('answers the coverage questions with full counts and capped examples', async () => {
      const { body } = await api.get('/api/stats?examples=3');
      const coverage = body.coverage;
      const expected = await countOf(
        `MATCH (c:Country) WHERE EXISTS { (c)<-[:DEPLOYED_IN]-(:DPG) }
           AND NOT EXISTS { (c)<-[:TAKES_PLACE_IN]-(:Activity) } RETURN count(c) AS n`,
      );
      expect(coverage.countriesWithDeploymentsButNoActivity.count).toBe(expected);
      expect(coverage.countriesWithDeploymentsButNoActivity.items).toHaveLength(3);
      expect(coverage.sdgsWithoutDpg.count).toBe(
        await countOf(
          'MATCH (s:SDG) WHERE NOT EXISTS { (s)<-[:ADVANCES]-(:DPG) } RETURN count(s) AS n',
        ),
      );
      // Sierra Leone has activities (seed page), so it is not an uncovered country.
      const listed = await api.get('/api/stats?examples=500');
      expect(
        listed.body.coverage.countriesWithDeploymentsButNoActivity.items.map(
          (c: { id: string }) => c.id,
        ),
      ).not.toContain('country:SL');
    });
  });

  describe('GET /api/facets', () => {
    it('gives the values and counts of every filter', async () => {
      const { body } = await api.get('/api/facets');
      const facets = conforms(facetsResponseSchema, body);
      expect(facets.sectors).toContainEqual(expect.objectContaining({ value: 'Health' }));
      expect(facets.licences).toContainEqual(expect.objectContaining({ value: 'BSD-3-Clause' }));
      expect(facets.dpgTypes).toContainEqual(expect.objectContaining({ value: 'software' }));
      expect(facets.stages).toContainEqual({ value: 'DPG', label: 'DPG', count: 165 });
      // The types the importers give activities, counted as the filters count them.
      expect(facets.activityTypes).toContainEqual({
        value: 'funding',
        label: 'funding',
        count: await countOf(
          "MATCH (a:Activity) WHERE 'funding' IN a.activityTypes RETURN count(a) AS n",
        ),
      });
      expect(facets.sdgs.map((s) => s.value)).toEqual(
        Array.from({ length: 17 }, (_, i) => `sdg:${i + 1}`),
      );
      expect(facets.membership).toContainEqual(
        expect.objectContaining({ value: 'group:ai-cop-members', count: 14 }),
      );
      expect(facets.organisationKinds.reduce((sum, k) => sum + k.count, 0)).toBe(
        await countOf('MATCH (o:Organisation) RETURN count(o) AS n'),
      );
      const counts = facets.countries.map((c) => c.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      // A country counts the entities tied to it, each once: a DPG both developed and deployed
      // there is one DPG (it counted twice), and organisations based there count too.
      for (const country of facets.countries.slice(0, 5)) {
        const rows = await query(db, 'MATCH (:Country {id: $id})<--(e:Entity) RETURN e.id AS id', {
          id: country.value,
        });
        expect(country.count, country.label).toBe(new Set(rows.map((row) => row.id)).size);
      }
      const [top] = facets.countries;
      const tiedToTop = await query(
        db,
        'MATCH (:Country {id: $id})<-[r]-(:Entity) RETURN collect(DISTINCT type(r)) AS types',
        { id: top!.value },
      );
      // The real data's top country has organisations at home there, and DPGs made and used there.
      expect(tiedToTop[0]!.types).toEqual(expect.arrayContaining(['BASED_IN', 'DEVELOPED_IN']));
    });

    it('caps each facet at the limit', async () => {
      const { body } = await api.get('/api/facets?limit=3');
      expect(body.countries).toHaveLength(3);
      expect(body.sdgs).toHaveLength(3);
    });
  });

  describe('GET /api/export', () => {
    it('exports a neighbourhood as GraphML that names its file and escapes every value', async () => {
      const { status, headers, text } = await download('/api/export?format=graphml&id=country:SL');
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
      expect(headers.get('content-disposition')).toMatch(
        /^attachment; filename="?dpg-explorer-neighbourhood-country-sl\.graphml"?$/,
      );
      const root = create(text).root().node as unknown as XmlElement;
      const nodes = [...root.getElementsByTagName('node')];
      expect(nodes.map((n) => n.getAttribute('id'))).toEqual(
        expect.arrayContaining(['country:SL', 'dpg:dhis2', TRICKY_ID]),
      );
      const tricky = nodes.find((n) => n.getAttribute('id') === TRICKY_ID)!;
      expect(tricky.getElementsByTagName('data')[0]!.textContent).toBe(TRICKY_NAME);
    });

    it('exports the whole graph, best-connected first, as GEXF for Gephi', async () => {
      const { headers, text } = await download('/api/export?format=gexf&limit=40');
      expect(headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
      expect(headers.get('content-disposition')).toContain('dpg-explorer-graph.gexf');
      const root = create(text).root().node as unknown as XmlElement;
      expect(root.getElementsByTagName('node')).toHaveLength(40);
      expect(root.getElementsByTagName('edge').length).toBeGreaterThan(0);
    });

    it('exports CSV tables of nodes and edges that a spreadsheet reads safely', async () => {
      const nodes = await download(`/api/export?format=csv&id=${TRICKY_ID}`);
      expect(nodes.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(nodes.headers.get('content-disposition')).toContain('-nodes.csv');
      const rows = parseCsv(nodes.text, { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => r.id).sort()).toEqual(['country:SL', TRICKY_ID]);
      const tricky = rows.find((r) => r.id === TRICKY_ID)!;
      expect(tricky.label).toBe(`'${TRICKY_NAME}`);
      expect(tricky.sources).toBe(TRICKY_SOURCE);
      const edges = await download(`/api/export?format=csv&part=edges&id=${TRICKY_ID}`);
      expect(parseCsv(edges.text, { columns: true })).toEqual([
        {
          source: TRICKY_ID,
          target: 'country:SL',
          type: 'DEPLOYED_IN',
          label: 'is deployed in',
          role: '',
          startDate: '',
          endDate: '',
          board: '',
          notes: '',
          sourceUrl: '',
          sources: TRICKY_SOURCE,
          evidence: 'query API test fixture',
        },
      ]);
    });

    it('exports Cytoscape JSON, filtered by relationship type', async () => {
      const { headers, text } = await download('/api/export?id=dpg:dhis2&rels=FUNDS');
      expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
      const doc = JSON.parse(text);
      expect(doc.elements.edges.map((e: { data: EdgeData }) => e.data.id)).toEqual([
        'org:norad|FUNDS|dpg:dhis2',
      ]);
      // With the quote that states it, from the sheet that does.
      expect(doc.elements.edges[0].data.evidence.join(' ')).toMatch(/Norad|DHIS2/);
    });

    it('answers 404 for the neighbourhood of an unknown entity', async () => {
      const { status } = await download('/api/export?format=csv&id=org:no-such-org');
      expect(status).toBe(404);
    });

    it('answers a revalidation of an unchanged graph with 304, whenever it was exported', async () => {
      const first = await download('/api/export?id=org:unicef');
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await download('/api/export?id=org:unicef');
      // Each file says when it was exported; that alone does not make it another file.
      expect(JSON.parse(second.text).data.exportedAt).not.toBe(
        JSON.parse(first.text).data.exportedAt,
      );
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^W\/"/);
      expect(second.headers.get('etag')).toBe(etag);
      // As a browser revalidates (fetch alone would add `Cache-Control: no-cache`).
      const again = await fetch(`${api.url}/api/export?id=org:unicef`, {
        headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' },
      });
      expect(again.status).toBe(304);
      // Another scope is another file.
      expect((await download('/api/export?id=org:norad')).headers.get('etag')).not.toBe(etag);
    });

    it('reads formats, parts and modes in any case, as every word from a fixed list', async () => {
      const csv = await download('/api/export?format=CSV&part=Edges&id=org:unicef');
      expect(csv.status).toBe(200);
      expect(csv.text.split(/\r?\n/)[0]).toBe(
        'source,target,type,label,role,startDate,endDate,board,notes,sourceUrl,sources,evidence',
      );
      expect((await api.get('/api/overview?mode=SUMMARY')).body.mode).toBe('summary');
    });
  });
});

describe('documentation', () => {
  it('serves the OpenAPI document generated from the schemas', async () => {
    const { status, body, headers } = await api.get('/api/openapi.json');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/json');
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/graph/neighbourhood', '/api/graph/paths', '/api/export']),
    );
  });

  it('serves a browsable docs page that loads only its own scripts', async () => {
    const page = await download('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const scripts = [...page.text.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(attributes).toMatch(/src="\/api\/docs\//);
      expect(inline).toBe('');
    }
    for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css', 'docs-init.js']) {
      const asset = await download(`/api/docs/${file}`);
      expect(asset.status, file).toBe(200);
    }
    expect((await download('/api/docs/docs-init.js')).text).toContain('/api/openapi.json');
  });
});

describe('bad input on every endpoint', () => {
  it.each([
    ['/api/search?q=x&offset=-1', 'query.offset'],
    ['/api/search?q=x&offset=1001', 'query.offset'],
    ['/api/entities/org:unicef?neighbours=501', 'query.neighbours'],
    ['/api/graph/neighbourhood', 'query.id'],
    ['/api/graph/neighbourhood?id=UNICEF', 'query.id'],
    ['/api/graph/neighbourhood?id=org:unicef&depth=4', 'query.depth'],
    ['/api/graph/neighbourhood?id=org:unicef&depth=0', 'query.depth'],
    ['/api/graph/neighbourhood?id=org:unicef&limit=1001', 'query.limit'],
    ['/api/graph/neighbourhood?id=org:unicef&types=Person', 'query.types.0'],
    ['/api/graph/neighbourhood?id=org:unicef&rels=KNOWS', 'query.rels.0'],
    ['/api/graph/neighbourhood?id=org:unicef&rels=LEADS&rels=FUNDS', 'query.rels'],
    ['/api/graph/neighbourhood?id=org:unicef&prefer=Entity', 'query.prefer.0'],
    ['/api/graph/paths?to=org:unicef', 'query.from'],
    ['/api/graph/paths?from=org:google&to=org:unicef&maxHops=7', 'query.maxHops'],
    ['/api/graph/paths?from=org:google&to=org:unicef&k=11', 'query.k'],
    ['/api/graph/paths?from=org:google&to=org:unicef&k=1.5', 'query.k'],
    ['/api/overview?mode=everything', 'query.mode'],
    ['/api/stats?top=0', 'query.top'],
    ['/api/stats?examples=501', 'query.examples'],
    ['/api/facets?limit=1001', 'query.limit'],
    ['/api/export?format=xlsx', 'query.format'],
    ['/api/export?format=csv&part=both', 'query.part'],
    ['/api/export?limit=20001', 'query.limit'],
    ['/api/export?id=not-an-id', 'query.id'],
    // Parameters that mean nothing without another are refused, not ignored.
    ['/api/export?part=edges', 'query.part'],
    ['/api/export?format=json&part=nodes', 'query.part'],
    ['/api/export?depth=2', 'query.depth'],
  ])('GET %s is a 400 naming %s', async (path, where) => {
    const { status, body } = await api.get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_ERROR');
    expect(body.error.details.map((d: { path: string }) => d.path)).toContain(where);
  });

  it.each([
    [{}, 'body.ids'],
    [{ ids: [] }, 'body.ids'],
    [{ ids: 'org:unicef' }, 'body.ids'],
    [{ ids: ["org:x') DETACH DELETE n //"] }, 'body.ids.0'],
    [{ ids: Array.from({ length: 501 }, (_, i) => `org:o${i}`) }, 'body.ids'],
    [{ ids: ['org:unicef'], rels: ['KNOWS'] }, 'body.rels.0'],
    [[], 'body'],
  ])('POST /api/graph/subgraph with %j is a 400 naming %s', async (payload, where) => {
    const { status, body } = await post('/api/graph/subgraph', payload);
    expect(status).toBe(400);
    expect(body.error.details.map((d: { path: string }) => d.path)).toContain(where);
  });

  it('POST /api/graph/subgraph with malformed or missing JSON is a 400', async () => {
    const malformed = await post('/api/graph/subgraph', '{"ids": [', true);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('BAD_REQUEST');
    const response = await fetch(`${api.url}/api/graph/subgraph`, { method: 'POST' });
    expect(response.status).toBe(400);
  });

  it('a 100 kB parameter is refused before it reaches the API, never with a 500', async () => {
    const { status } = await api.get(`/api/graph/neighbourhood?id=org:${'a'.repeat(100_000)}`);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });
});

describe('when the database is unreachable', () => {
  it('every query endpoint answers 503 with Retry-After, fast', async () => {
    const dead = new GraphDatabase(
      createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'irrelevant-password' }),
    );
    const server = createApp(dead, { webDist: '/nonexistent' }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const requests: [string, RequestInit?][] = [
        ['/api/search?q=unicef'],
        ['/api/graph/neighbourhood?id=org:unicef'],
        ['/api/graph/paths?from=org:google&to=org:unicef'],
        ['/api/overview?mode=summary'],
        ['/api/stats'],
        ['/api/facets'],
        ['/api/export?format=csv'],
        [
          '/api/graph/subgraph',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ids: ['org:unicef'] }),
          },
        ],
      ];
      const started = Date.now();
      const responses = await Promise.all(requests.map(([path, init]) => fetch(base + path, init)));
      for (const [i, response] of responses.entries()) {
        expect(response.status, requests[i]![0]).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        expect(await response.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
      }
      expect(Date.now() - started).toBeLessThan(20_000);
      // The documentation does not need the database.
      expect((await fetch(`${base}/api/openapi.json`)).status).toBe(200);
    } finally {
      server.close();
      await dead.close();
    }
  });
});

describe.runIf(hasSharedData())('on the seed page alone', () => {
  beforeAll(async () => {
    await resetGraph(db);
    await importSeed(db);
  });

  it('registry facets are empty lists, not errors', async () => {
    const { status, body } = await api.get('/api/facets');
    expect(status).toBe(200);
    expect(body).toMatchObject({ sectors: [], dpgTypes: [], licences: [], stages: [], sdgs: [] });
    expect(body.organisationKinds.length).toBeGreaterThan(0);
  });

  it('coverage questions without registry data answer zero', async () => {
    const { body } = await api.get('/api/stats');
    expect(body.coverage.sdgsWithoutDpg).toEqual({ count: 0, items: [] });
    expect(body.coverage.countriesWithDeploymentsButNoActivity).toEqual({ count: 0, items: [] });
  });
});

/** The part of the DOM these tests read (the project compiles without the DOM library). */
interface XmlElement {
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
  textContent: string | null;
}
