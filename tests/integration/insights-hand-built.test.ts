// The insights endpoints on a small hand-built graph, where every expected score, role, tie and
// gap is worked out by hand in the comments. Facts are written through the graph writer like any
// importer's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  collaboratorsResponseSchema,
  gapsResponseSchema,
  metricsResponseSchema,
  networkResponseSchema,
  stakeholdersResponseSchema,
} from '../../server/api/insights-schemas.ts';
import { writeFacts } from '../../server/importers/graph/graph-writer.ts';
import { FactSet, type Props } from '../../server/importers/graph/graph-facts.ts';
import type { EntityType, RelationshipType } from '../../server/model/graph-model.ts';
import { ensureMetrics, recomputeMetrics } from '../../server/insights/metrics-service.ts';
import { stakeholderRings } from '../../server/insights/stakeholder-map.ts';
import { serveApi, type TestApi } from '../support/api-client.ts';
import { graphSnapshot, openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';
import { expectPathsExist, expectSectorsShared, tiedTo } from './insights-fixture.ts';

const db = openTestDatabase();
let api: TestApi;

const SOURCE = {
  id: 'source:test:insights',
  kind: 'test',
  uri: 'test://insights',
  title: 'Hand-built insights graph',
  checksum: 'v1',
};

/**
 *   owner-x OWNS x; tied FUNDS x, OWNS y; funder-y FUNDS y; owner-z, co-owner-z, via-activity
 *   OWN z; solo OWNS w. x, y advance SDG 3, z SDG 4. x is deployed in SL and GH, y in SL, z in GH.
 *   x, y are Health DPGs, z Education. Activities: a1 (owner-x leads, partner participates),
 *   a2 (via-activity leads, involves x), a3 (local leads, in GH, involves z), a4 (helper
 *   participates, involves y). Members of the DPGA: funder-y, local, idle.
 */
function handBuiltFacts(): FactSet {
  const facts = new FactSet();
  const node = (id: string, label: EntityType, name: string, props: Props = {}) =>
    facts.addNode({ id, label, props: { name, ...props }, evidence: `test: ${id}` });
  const rel = (from: string, type: RelationshipType, to: string, props: Props = {}) =>
    facts.addRelationship({ from, type, to, props, evidence: `test: ${from} ${type} ${to}` });

  node('dpg:x', 'DPG', 'X', { sectors: ['Health'] });
  node('dpg:y', 'DPG', 'Y', { sectors: ['Health'] });
  node('dpg:z', 'DPG', 'Z', { sectors: ['Education'] });
  node('dpg:w', 'DPG', 'W');
  node('sdg:3', 'SDG', 'SDG 3', { number: 3 });
  node('sdg:4', 'SDG', 'SDG 4', { number: 4 });
  node('country:SL', 'Country', 'Sierra Leone');
  node('country:GH', 'Country', 'Ghana');
  // Only an organisation's home: nothing of the DPGs' is there.
  node('country:KE', 'Country', 'Kenya');
  const orgs: [string, string][] = [
    ['dpga', 'network'],
    ['owner-x', 'academia'],
    ['partner', 'ngo'],
    ['funder-y', 'foundation'],
    ['tied', 'company'],
    ['via-activity', 'company'],
    ['helper', 'company'],
    ['local', 'government'],
    ['owner-z', 'academia'],
    ['co-owner-z', 'academia'],
    ['solo', 'unknown'],
    ['idle', 'ngo'],
  ];
  for (const [slug, kind] of orgs) node(`org:${slug}`, 'Organisation', `Org ${slug}`, { kind });
  for (const a of ['owner-x/a1', 'via-activity/a2', 'local/a3', 'helper/a4']) {
    node(`activity:${a}`, 'Activity', `Activity ${a.split('/')[1]}`);
  }
  rel('org:owner-x', 'OWNS', 'dpg:x');
  rel('org:tied', 'FUNDS', 'dpg:x');
  rel('org:tied', 'OWNS', 'dpg:y');
  // A role and dates as an editor states them: every sentence through these says them.
  rel('org:funder-y', 'FUNDS', 'dpg:y', { role: 'core funder', startDate: '2021' });
  rel('org:owner-z', 'OWNS', 'dpg:z');
  rel('org:co-owner-z', 'OWNS', 'dpg:z');
  rel('org:via-activity', 'OWNS', 'dpg:z');
  rel('org:solo', 'OWNS', 'dpg:w');
  rel('dpg:x', 'ADVANCES', 'sdg:3');
  rel('dpg:y', 'ADVANCES', 'sdg:3');
  rel('dpg:z', 'ADVANCES', 'sdg:4');
  rel('dpg:x', 'DEPLOYED_IN', 'country:SL');
  rel('dpg:x', 'DEPLOYED_IN', 'country:GH');
  rel('dpg:y', 'DEPLOYED_IN', 'country:SL');
  rel('dpg:z', 'DEPLOYED_IN', 'country:GH');
  rel('org:owner-x', 'LEADS', 'activity:owner-x/a1');
  rel('org:partner', 'PARTICIPATES_IN', 'activity:owner-x/a1');
  rel('org:via-activity', 'LEADS', 'activity:via-activity/a2');
  rel('activity:via-activity/a2', 'INVOLVES', 'dpg:x');
  rel('org:local', 'LEADS', 'activity:local/a3');
  rel('activity:local/a3', 'TAKES_PLACE_IN', 'country:GH');
  rel('activity:local/a3', 'INVOLVES', 'dpg:z');
  rel('org:helper', 'PARTICIPATES_IN', 'activity:helper/a4', {
    role: 'data partner',
    startDate: '2022',
    endDate: '2024',
  });
  rel('activity:helper/a4', 'INVOLVES', 'dpg:y');
  rel('org:helper', 'BASED_IN', 'country:KE');
  for (const member of ['funder-y', 'local', 'idle']) rel(`org:${member}`, 'MEMBER_OF', 'org:dpga');
  return facts;
}

function conforms<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).toBe(true);
  return result.data as z.infer<S>;
}

const ln = Math.log;

beforeAll(async () => {
  await resetGraph(db);
  await writeFacts(db, SOURCE, handBuiltFacts());
  await recomputeMetrics(db);
  api = await serveApi(db);
});

afterAll(async () => {
  await api.close();
  await resetGraph(db);
  await db.close();
});

describe('collaborators of a DPG on a hand-built graph', () => {
  // Hub degrees: SDG 3 is advanced by x and y (2); Sierra Leone hosts x and y (2); Ghana hosts
  // x, z and activity a3 (3); the Health sector holds x and y (2); activity a1 has 2 parties.
  const expected: [string, number][] = [
    ['org:partner', 2 / ln(3)], // shares a1 with x's owner: activity-owner 2 / ln 3
    ['org:funder-y', (0.5 + 0.25 + 1) / ln(3)], // y: SDG 3, Health in SL, Health
    ['org:helper', 1 / ln(3)], // takes part in a4, which involves the Health DPG y
    ['org:local', 1 / ln(4)], // leads a3 in Ghana, where x is deployed
    ['org:co-owner-z', 0.02 / ln(4)], // z, an Education DPG, is also in Ghana
    ['org:owner-z', 0.02 / ln(4)], // the same, after co-owner-z by id
  ];

  it('ranks the candidates with the scores computed by hand', async () => {
    const { status, body } = await api.get('/api/dpgs/dpg:x/collaborators?paths=10');
    expect(status).toBe(200);
    const answer = conforms(collaboratorsResponseSchema, body);
    expect(answer.total).toBe(expected.length);
    expect(answer.candidates.map((c) => c.id)).toEqual(expected.map(([id]) => id));
    answer.candidates.forEach((c, i) => expect(c.score).toBeCloseTo(expected[i]![1], 5));
    const funder = answer.candidates[1]!;
    expect(funder.parts.map((p) => [p.metaPath, p.paths])).toEqual([
      ['dpg-sector', 1],
      ['dpg-sdg', 1],
      ['dpg-sector-country', 1],
    ]);
    expect(funder.member).toBe(true);
    expect(funder.paths.map((p) => p.sentence)).toEqual([
      'Org funder-y funds Y (core funder, since 2021), another Health DPG',
      'Org funder-y funds Y (core funder, since 2021), which also advances SDG 3, as X does',
      'Org funder-y funds Y (core funder, since 2021), another Health DPG, which is also deployed in Sierra Leone',
    ]);
    expect(funder.paths[0]!.relationships[0]).toEqual({
      type: 'FUNDS',
      from: 'org:funder-y',
      to: 'dpg:y',
      role: 'core funder',
      startDate: '2021',
    });
  });

  it('never suggests an organisation already tied to the DPG, though each has evidence', async () => {
    const { body } = await api.get('/api/dpgs/dpg:x/collaborators?limit=200');
    const ids = body.candidates.map((c: { id: string }) => c.id);
    for (const tied of ['org:owner-x', 'org:tied', 'org:via-activity']) {
      expect(ids).not.toContain(tied);
    }
    expect(await tiedTo(db, 'dpg:x', ids)).toEqual([]);
  });

  it('explains every candidate with paths that exist edge by edge', async () => {
    const { body } = await api.get('/api/dpgs/dpg:x/collaborators?paths=10');
    const answer = conforms(collaboratorsResponseSchema, body);
    const paths = answer.candidates.flatMap((c) => c.paths);
    expect(answer.candidates.every((c) => c.paths.length > 0)).toBe(true);
    await expectPathsExist(db, paths);
    await expectSectorsShared(db, 'dpg:x', paths);
  });

  it('counts every path, shows the strongest, and ranks the same whatever it shows', async () => {
    const all = conforms(
      collaboratorsResponseSchema,
      (await api.get('/api/dpgs/dpg:x/collaborators?paths=10')).body,
    );
    expect(all.truncated).toBe(false);
    for (const c of all.candidates) {
      expect(c.parts.reduce((sum, p) => sum + p.paths, 0)).toBe(c.pathCount);
      expect(c.paths).toHaveLength(Math.min(10, c.pathCount));
    }
    const few = conforms(
      collaboratorsResponseSchema,
      (await api.get('/api/dpgs/dpg:x/collaborators?paths=1&limit=2')).body,
    );
    expect(few.total).toBe(all.total);
    expect(few.candidates).toEqual(
      all.candidates.slice(0, 2).map((c) => ({ ...c, paths: c.paths.slice(0, 1) })),
    );
  });

  it.each([
    ['kind=academia', ['org:co-owner-z', 'org:owner-z']],
    ['membersOnly=true', ['org:funder-y', 'org:local']],
    ['country=SL', ['org:funder-y']],
    ['country=country:GH', ['org:local', 'org:co-owner-z', 'org:owner-z']],
    // Based there is active there, with no DPG or activity of its own there.
    ['country=KE', ['org:helper']],
    ['limit=2', ['org:partner', 'org:funder-y']],
  ])('filters with %s', async (params, ids) => {
    const { status, body } = await api.get(`/api/dpgs/dpg:x/collaborators?${params}`);
    expect(status).toBe(200);
    expect(body.candidates.map((c: { id: string }) => c.id)).toEqual(ids);
  });

  it('gives the same ranking for the same graph', async () => {
    const first = await api.get('/api/dpgs/dpg:x/collaborators?paths=10');
    const second = await api.get('/api/dpgs/dpg:x/collaborators?paths=10');
    expect(second.body).toEqual(first.body);
  });
});

/**
 * Asserts the map `ask` draws of a topic in Ghana whose one DPG there is Z (Education, SDG 4):
 * activity a3 there involves it, its three owners make it. `dpg` names a DPG of the topic with
 * what is said of it (" deployed in Ghana"). Returns the map.
 */
async function expectZInGhana(ask: string, subject: string, dpg: (said: string) => string) {
  const { status, body } = await api.get(`/api/stakeholders?${ask}&country=gh`);
  expect(status).toBe(200);
  const map = conforms(stakeholdersResponseSchema, body);
  expect(map.subject.id).toBe(subject);
  expect(map.filters.country).toEqual({
    id: 'country:GH',
    label: 'Ghana',
    type: 'Country',
    kind: null,
  });
  expect(map.stakeholders.map((s) => [s.id, map.rings[s.ring]!.label, s.direct])).toEqual([
    ['org:local', `leads an activity in Ghana involving ${dpg('')}`, false],
    ...map.stakeholders.slice(1).map((s) => [s.id, `makes ${dpg(' deployed in Ghana')}`, true]),
  ]);
  expect(
    map.stakeholders
      .slice(1)
      .map((s) => s.id)
      .sort(),
  ).toEqual(['org:co-owner-z', 'org:owner-z', 'org:via-activity']);
  const paths = map.stakeholders.flatMap((s) => s.connections);
  await expectPathsExist(db, paths);
  expect(map.stakeholders[0]!.connections.map((c) => c.sentence)).toEqual([
    'Org local leads “Activity a3”, which involves Z',
  ]);
  // An activity's path ends at the topic's DPG; a DPG's goes on to the country.
  expect([...new Set(paths.map((p) => p.nodes.at(-1)!.id))].sort()).toEqual([
    'country:GH',
    'dpg:z',
  ]);
  return map;
}

describe('stakeholders, networks and gaps on the hand-built graph', () => {
  it('maps the stakeholders of a DPG by role', async () => {
    const { status, body } = await api.get('/api/stakeholders?dpg=dpg:y');
    expect(status).toBe(200);
    const map = conforms(stakeholdersResponseSchema, body);
    expect(map.stakeholders.map((s) => [s.id, s.roles, s.direct])).toEqual([
      ['org:tied', ['owns'], true],
      ['org:funder-y', ['funds'], true],
      ['org:helper', ['participates'], false],
    ]);
    expect(map.byGroup).toEqual({
      company: ['org:tied', 'org:helper'],
      foundation: ['org:funder-y'],
    });
    expect(map.stakeholders[2]!.connections[0]!.sentence).toBe(
      'Org helper participates in “Activity a4” (data partner, 2022 – 2024), which involves Y',
    );
    expect(map.stakeholders[1]!.connections[0]!.sentence).toBe(
      'Org funder-y funds Y (core funder, since 2021)',
    );
    await expectPathsExist(
      db,
      map.stakeholders.flatMap((s) => s.connections),
    );
    // Influence is the whole graph's PageRank, as stored on the node.
    const [tied] = await query(db, `MATCH (o {id: 'org:tied'}) RETURN o.pagerank AS pagerank`);
    expect(map.stakeholders[0]!.influence.pagerank).toBe(tied?.pagerank);
  });

  it('says a relationship’s role and dates in the sentence of a path between two entities', async () => {
    const { status, body } = await api.get('/api/graph/paths?from=org:helper&to=org:funder-y');
    expect(status).toBe(200);
    expect(body.paths.map((p: { sentence: string }) => p.sentence)).toEqual([
      'Org helper participates in “Activity a4” (data partner, 2022 – 2024), which involves Y; Y is funded by Org funder-y (core funder, since 2021)',
    ]);
  });

  it('maps the stakeholders of an SDG and of a country', async () => {
    const sdg = await api.get('/api/stakeholders?sdg=3');
    expect(sdg.body.stakeholders.map((s: { id: string }) => s.id).sort()).toEqual(
      ['org:funder-y', 'org:helper', 'org:owner-x', 'org:tied', 'org:via-activity'].sort(),
    );
    const country = await api.get('/api/stakeholders?country=GH');
    expect(country.body.byRole.leads).toEqual(['org:local']);
    expect(country.body.byRole.owns.sort()).toEqual(
      ['org:co-owner-z', 'org:owner-x', 'org:owner-z', 'org:via-activity'].sort(),
    );
  });

  it('narrows an SDG’s map to a country: its activities there, then the makers of its DPGs deployed there', async () => {
    const plain = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sdg=3')).body,
    );
    // Z advances SDG 4 as it is of the Education sector: SDG 4 in Ghana is Education in Ghana.
    await expectZInGhana('sdg=4', 'sdg:4', (said) => `a DPG${said} that advances SDG 4`);
    // SDG 3 in Sierra Leone: X and Y are deployed there. Activity a2 involves X and a4 Y, but
    // neither takes place there, so their people are not on it, as they are on SDG 3's own map.
    const sl = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sdg=sdg:3&country=SL')).body,
    );
    expect(sl.stakeholders.map((s) => s.id).sort()).toEqual([
      'org:funder-y',
      'org:owner-x',
      'org:tied',
    ]);
    // Nothing of SDG 3's is in Kenya, though the helper based there works on Y elsewhere.
    const kenya = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sdg=3&country=KE')).body,
    );
    expect([kenya.total, kenya.filters.country?.label]).toEqual([0, 'Kenya']);
    // SDG 3's own map is as it was: its rings and stakeholders, no country.
    expect(plain.filters.country).toBeNull();
    expect(plain.rings.map((r) => r.label)).toEqual(
      stakeholderRings({ type: 'SDG', label: 'SDG 3' }).map((r) => r.label),
    );
    expect(plain.stakeholders.map((s) => s.id).sort()).toEqual([
      'org:funder-y',
      'org:helper',
      'org:owner-x',
      'org:tied',
      'org:via-activity',
    ]);
    // An unknown country beside an SDG is a 404, as beside a sector.
    expect((await api.get('/api/stakeholders?sdg=3&country=ZZ')).status).toBe(404);
  });

  it('maps the stakeholders of a sector: who backs its DPGs, then who takes part in activities involving them', async () => {
    const { status, body } = await api.get('/api/stakeholders?sector=health');
    expect(status).toBe(200);
    const map = conforms(stakeholdersResponseSchema, body);
    // Named in any case, it answers with the sector as the DPGs spell it.
    expect(map.subject).toEqual({
      id: 'sector:Health',
      label: 'Health',
      type: 'Sector',
      kind: null,
    });
    expect(map.filters.country).toBeNull();
    expect(map.rings.map((r) => r.label)).toEqual([
      'makes a DPG of the Health sector',
      'maintains a DPG of the Health sector',
      'funds a DPG of the Health sector',
      'deploys a DPG of the Health sector',
      'leads an activity involving a DPG of the Health sector',
      'co-leads an activity involving a DPG of the Health sector',
      'takes part in an activity involving a DPG of the Health sector',
    ]);
    // X and Y are Health's DPGs; Z (Education) and W (none) bring nobody in.
    expect(map.stakeholders.map((s) => [s.id, map.rings[s.ring]!.role, s.direct])).toEqual([
      ...map.stakeholders.slice(0, 2).map((s) => [s.id, 'owns', true]),
      ['org:funder-y', 'funds', true],
      ['org:via-activity', 'leads', false],
      ['org:helper', 'participates', false],
    ]);
    expect(
      map.stakeholders
        .slice(0, 2)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['org:owner-x', 'org:tied']);
    expect(map.rings.filter((r) => r.indirect).map((r) => r.role)).toEqual([
      'leads',
      'co-leads',
      'participates',
    ]);
    const helper = map.stakeholders.find((s) => s.id === 'org:helper')!;
    expect(helper.connections[0]!.sentence).toBe(
      'Org helper participates in “Activity a4” (data partner, 2022 – 2024), which involves Y',
    );
    const paths = map.stakeholders.flatMap((s) => s.connections);
    await expectPathsExist(db, paths);
    // Every path ends at a DPG of the sector.
    expect([...new Set(paths.map((p) => p.nodes.at(-1)!.id))].sort()).toEqual(['dpg:x', 'dpg:y']);
    // The sector's id reads as its name; the filters narrow it as any map.
    const education = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sector=sector:EDUCATION&kind=academia')).body,
    );
    expect(education.subject.label).toBe('Education');
    expect(education.stakeholders.map((s) => s.id).sort()).toEqual([
      'org:co-owner-z',
      'org:owner-z',
    ]);
  });

  it('narrows a sector’s map to a country: its activities there, then the makers of its DPGs deployed there', async () => {
    const map = await expectZInGhana(
      'sector=education',
      'sector:Education',
      (said) => `a DPG of the Education sector${said}`,
    );

    // Health in Ghana: X is deployed there. Activity a2 involves X but is not in Ghana, and a3
    // is there but involves Z (Education): neither brings anyone in.
    const health = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sector=Health&country=country:GH')).body,
    );
    expect(health.stakeholders.map((s) => s.id).sort()).toEqual(['org:owner-x', 'org:tied']);
    // Nothing of Health's is in Kenya: the helper based there takes part in a Health activity
    // elsewhere, which is no tie to Health in Kenya.
    const kenya = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sector=Health&country=KE')).body,
    );
    expect([kenya.total, kenya.stakeholders, kenya.filters.country?.label]).toEqual([
      0,
      [],
      'Kenya',
    ]);
    // Ghana's own map names the sectors at work there, each a sector's map there: X (Health) is
    // deployed there, Z (Education) too and activity a3 there involves it. Kenya has none.
    const ghana = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?country=GH')).body,
    );
    expect(ghana.sectors).toEqual([
      { sector: 'Education', dpgs: 1 },
      { sector: 'Health', dpgs: 1 },
    ]);
    // And the SDGs those DPGs advance, each an SDG's map there: X SDG 3, Z SDG 4.
    expect(ghana.sdgs).toEqual([
      { id: 'sdg:3', label: 'SDG 3', dpgs: 1 },
      { id: 'sdg:4', label: 'SDG 4', dpgs: 1 },
    ]);
    expect(
      conforms(stakeholdersResponseSchema, (await api.get('/api/stakeholders?country=KE')).body)
        .sectors,
    ).toEqual([]);
    expect(map).not.toHaveProperty('sectors');
    // Narrowed further as any map is.
    const owners = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sector=Education&country=GH&role=leads')).body,
    );
    expect(owners.stakeholders.map((s) => s.id)).toEqual(['org:local']);
  });

  it('names the sectors there are when a sector map names none of them', async () => {
    const { status, body } = await api.get('/api/stakeholders?sector=Finance');
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toBe(
      'No DPG has the sector "Finance"; the sectors are: Health, Education',
    );
    expect(body.error.details).toEqual({ sector: 'Finance', sectors: ['Health', 'Education'] });
  });

  it('narrows a stakeholder map to a kind of organisation or to DPGA members, ranked among them', async () => {
    const all = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sdg=3')).body,
    );
    expect(all.filters).toEqual({ kind: null, membersOnly: false, role: null, country: null });
    expect(all.stakeholders.filter((s) => s.member).map((s) => s.id)).toEqual(['org:funder-y']);
    const companies = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sdg=3&kind=company')).body,
    );
    expect(companies.filters).toEqual({
      kind: 'company',
      membersOnly: false,
      role: null,
      country: null,
    });
    expect(companies.stakeholders.map((s) => s.id).sort()).toEqual(
      ['org:helper', 'org:tied', 'org:via-activity'].sort(),
    );
    expect(companies.total).toBe(3);
    expect(companies.groups).toEqual(['company']);
    // Influence ranks are among the map's own stakeholders: 1 to 3, not their ranks among all 5.
    expect(companies.stakeholders.map((s) => s.influence.rank).sort()).toEqual([1, 2, 3]);
    const members = await api.get('/api/stakeholders?sdg=3&membersOnly=1');
    expect(members.body.stakeholders.map((s: { id: string }) => s.id)).toEqual(['org:funder-y']);
    // Both at once; and a kind no stakeholder is, an empty map rather than an error.
    const none = await api.get('/api/stakeholders?sdg=3&kind=company&membersOnly=true');
    expect([none.status, none.body.total, none.body.stakeholders]).toEqual([200, 0, []]);
  });

  it('counts an organisation an editor added without a kind as unclassified', async () => {
    await query(
      db,
      `MATCH (w:Entity {id: 'dpg:w'})
       CREATE (o:Entity:Organisation {id: 'org:kindless', name: 'Org kindless', sources: ['source:test']})
       CREATE (o)-[:FUNDS {sources: ['source:test']}]->(w)`,
    );
    try {
      const unclassified = await api.get('/api/stakeholders?dpg=dpg:w&kind=unknown');
      expect(unclassified.status).toBe(200);
      expect(unclassified.body.stakeholders.map((s: { id: string }) => s.id).sort()).toEqual([
        'org:kindless',
        'org:solo',
      ]);
    } finally {
      await query(db, "MATCH (o:Entity {id: 'org:kindless'}) DETACH DELETE o");
    }
  });

  it('refuses a role no ring of the map has, rather than answer an empty map', async () => {
    const { status, body } = await api.get('/api/stakeholders?sdg=3&role=based');
    expect(status).toBe(400);
    expect(body.error.details).toEqual([
      {
        path: 'query.role',
        message:
          '"based" is not a role on the map of an SDG: its roles are owns, maintains, funds, deploys, leads, co-leads, participates',
      },
    ]);
  });

  it('narrows a stakeholder map to a role before ranking it, by influence alone', async () => {
    const funders = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sdg=3&role=funds')).body,
    );
    expect(funders.filters).toEqual({
      kind: null,
      membersOnly: false,
      role: 'funds',
      country: null,
    });
    expect(funders.stakeholders.map((s) => s.id).sort()).toEqual(['org:funder-y', 'org:tied']);
    expect(funders.stakeholders.map((s) => s.influence.rank)).toEqual([1, 2]);
    for (const s of funders.stakeholders) expect(s.connections[0]!.role).toBe('funds');
    const owners = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sdg=3&role=owns')).body,
    );
    expect(owners.stakeholders.map((s) => s.id).sort()).toEqual(['org:owner-x', 'org:tied']);
    expect([owners.total, owners.truncated]).toEqual([2, false]);
  });

  it('ranks every stakeholder of a map before `limit` keeps the first', async () => {
    const whole = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sdg=3')).body,
    );
    const first = conforms(
      stakeholdersResponseSchema,
      (await api.get('/api/stakeholders?sdg=3&limit=1')).body,
    );
    // Not the stakeholder whose id sorts first: the map's first, closest and most influential.
    const byId = whole.stakeholders.map((s) => s.id).sort();
    expect(whole.stakeholders[0]!.id).not.toBe(byId[0]);
    expect(first.stakeholders).toEqual(whole.stakeholders.slice(0, 1));
    expect([first.total, first.truncated, whole.truncated]).toEqual([whole.total, true, false]);
    expect(whole.total).toBe(whole.stakeholders.length);
  });

  it('draws the partnership network of an organisation', async () => {
    const { status, body } = await api.get('/api/organisations/org:owner-x/network');
    expect(status).toBe(200);
    const network = conforms(networkResponseSchema, body);
    // partner shares activity a1; tied funds the DPG x that owner-x owns.
    expect(network.nodes.map((n) => [n.data.id, n.data.strength])).toEqual([
      ['org:owner-x', 0],
      ['org:partner', 1],
      ['org:tied', 1],
    ]);
    expect(
      network.edges.map((e) => [e.data.target, e.data.activities.length, e.data.dpgs.length]),
    ).toEqual([
      ['org:partner', 1, 0],
      ['org:tied', 0, 1],
    ]);
    expect(network.clusters).toHaveLength(2);
    expect(network.brokers).toEqual([]);
  });

  it('finds the gaps worked out by hand', async () => {
    const { status, body } = await api.get('/api/gaps');
    expect(status).toBe(200);
    const gaps = conforms(gapsResponseSchema, body);
    // SDG 4 in Ghana is covered: local, a member, leads a3 there, which involves z (SDG 4).
    expect(
      gaps.sdgCountryWithoutMemberActivity.items.map((g) => [g.sdg.id, g.country.id, g.dpgCount]),
    ).toEqual([
      ['sdg:3', 'country:SL', 2],
      ['sdg:3', 'country:GH', 1],
    ]);
    expect(gaps.singleOwnerWithoutFunder.items).toEqual([
      {
        dpg: { id: 'dpg:w', label: 'W' },
        owner: { id: 'org:solo', label: 'Org solo', kind: 'unknown' },
      },
    ]);
    expect(gaps.membersWithoutDpg.items.map((m) => m.id)).toEqual(['org:idle']);
    const pairs = async (params: string) =>
      (await api.get(`/api/gaps?${params}`)).body.sdgCountryWithoutMemberActivity.items.map(
        (g: { sdg: { id: string }; country: { id: string } }) => `${g.sdg.id} ${g.country.id}`,
      );
    expect(await pairs('sdg=4&country=GH')).toEqual([]);
    expect(await pairs('country=GH')).toEqual(['sdg:3 country:GH']);
    expect(await pairs('sdg=sdg:3&limit=1')).toEqual(['sdg:3 country:SL']);
  });
});

describe('network measures stored on the hand-built graph', () => {
  const stored = async () =>
    Object.fromEntries(
      (
        await query(
          db,
          `MATCH (n:Entity) RETURN n.id AS id, n {.degree, .betweenness, .pagerank, .community} AS m,
                  toString(n.metricsComputedAt) AS at, COUNT { (n)--() } AS live`,
        )
      ).map((r) => [r.id as string, r]),
    );

  it('stores degree, betweenness, PageRank and community on every entity', async () => {
    const nodes = Object.values(await stored());
    expect(nodes).toHaveLength(25);
    for (const n of nodes) {
      const m = n.m as Record<string, number>;
      expect(m.degree).toBe(n.live);
      expect(typeof m.betweenness).toBe('number');
      expect(Number.isInteger(m.community)).toBe(true);
      expect(n.at).not.toBeNull();
    }
    const total = nodes.reduce((sum, n) => sum + (n.m as { pagerank: number }).pagerank, 0);
    expect(total).toBeCloseTo(1, 3);
    const [summary] = await query(
      db,
      `MATCH (m:GraphMetrics) RETURN m.nodeCount AS n, count(m) AS c`,
    );
    expect(summary).toEqual({ n: 25, c: 1 });
  });

  it('changes nothing when recomputed over the same graph, and ensureMetrics does not run', async () => {
    const before = await graphSnapshot(db);
    const times = await stored();
    const run = await recomputeMetrics(db);
    expect(run.changedNodes).toBe(0);
    expect(await graphSnapshot(db)).toEqual(before);
    expect(await stored()).toEqual(times);
    expect(await ensureMetrics(db)).toBeNull();
  });

  it('dates the measures of an entity by the latest computation, which they still hold', async () => {
    // The recompute above changed no value, so it wrote no entity: each keeps the time its
    // values were first written, and the details must not call them older than the list does.
    const [row] = await query(db, `MATCH (m:GraphMetrics) RETURN toString(m.computedAt) AS at`);
    const at = String(row?.at);
    const storedAt = (await stored())['org:idle']!.at as string;
    expect(new Date(storedAt).getTime()).toBeLessThan(new Date(at).getTime());
    const { body } = await api.get('/api/entities/org%3Aidle');
    expect(new Date(body.properties.metricsComputedAt).getTime()).toBe(new Date(at).getTime());
    expect(body.properties.pagerank).toEqual(expect.any(Number));
  });

  it('rewrites only the entities whose measures changed, with the new time', async () => {
    const before = await stored();
    const extra = new FactSet();
    extra.addNode({ id: 'org:solo', label: 'Organisation', props: {}, evidence: 'test' });
    extra.addNode({ id: 'dpg:w', label: 'DPG', props: {}, evidence: 'test' });
    extra.addNode({ id: 'country:SL', label: 'Country', props: {}, evidence: 'test' });
    extra.addRelationship({
      from: 'dpg:w',
      type: 'DEPLOYED_IN',
      to: 'country:SL',
      props: {},
      evidence: 'test',
    });
    await writeFacts(db, { ...SOURCE, id: 'source:test:insights-2', checksum: 'v2' }, extra);
    const run = await recomputeMetrics(db, () => new Date('2031-01-01T00:00:00Z'));
    const after = await stored();
    expect(run.changedNodes).toBeGreaterThan(0);
    expect(run.changedNodes).toBeLessThan(Object.keys(after).length + 1);
    let changed = 0;
    for (const [id, now] of Object.entries(after)) {
      if (JSON.stringify(now.m) === JSON.stringify(before[id]!.m)) {
        expect(now.at, id).toBe(before[id]!.at);
      } else {
        changed += 1;
        expect(now.at, id).toBe('2031-01-01T00:00:00Z');
      }
    }
    expect(changed).toBe(run.changedNodes);
    expect((after['dpg:w']!.m as { degree: number }).degree).toBe(2);
  });

  it('sums them up at /api/insights/metrics', async () => {
    const { status, body } = await api.get('/api/insights/metrics?top=3');
    expect(status).toBe(200);
    const metrics = conforms(metricsResponseSchema, body);
    expect(metrics.computedAt).not.toBeNull();
    expect(metrics.nodeCount).toBe(25);
    expect(metrics.topByPagerank).toHaveLength(3);
    const ranks = metrics.topByPagerank.map((e) => e.pagerank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(metrics.communities.reduce((sum, c) => sum + c.size, 0)).toBeLessThanOrEqual(25);
  });
});

describe('bad input to the insights endpoints', () => {
  it.each([
    ['/api/dpgs/dpg:x/collaborators?limit=0', 'query.limit'],
    ['/api/dpgs/dpg:x/collaborators?limit=201', 'query.limit'],
    ['/api/dpgs/dpg:x/collaborators?kind=alien', 'query.kind'],
    ['/api/dpgs/dpg:x/collaborators?membersOnly=maybe', 'query.membersOnly'],
    ['/api/dpgs/dpg:x/collaborators?country=Sierra', 'query.country'],
    ['/api/dpgs/nonsense/collaborators', 'path.id'],
    ['/api/stakeholders', 'query'],
    ['/api/stakeholders?dpg=dpg:x&country=SL', 'query.country'],
    ['/api/stakeholders?sdg=0', 'query.sdg'],
    ['/api/stakeholders?activity=a1', 'query.activity'],
    ['/api/stakeholders?dpg=dpg:x&connections=11', 'query.connections'],
    ['/api/stakeholders?dpg=dpg:x&kind=alien', 'query.kind'],
    ['/api/stakeholders?dpg=dpg:x&membersOnly=maybe', 'query.membersOnly'],
    ['/api/stakeholders?sector=%20', 'query.sector'],
    ['/api/stakeholders?sector=sector:', 'query.sector'],
    [`/api/stakeholders?sector=${'a'.repeat(101)}`, 'query.sector'],
    ['/api/stakeholders?dpg=dpg:x&sector=Health', 'query.sector'],
    ['/api/stakeholders?sector=Health&country=Ghana', 'query.country'],
    ['/api/stakeholders?sector=Health&sdg=3&country=GH', 'query.sector'],
    ['/api/stakeholders?sdg=99&country=KE', 'query.sdg'],
    ['/api/stakeholders?sdg=3&sector=Health', 'query.sector'],
    ['/api/stakeholders?sdg=3&country=XX1', 'query.country'],
    ['/api/organisations/org:partner/network?limit=x', 'query.limit'],
    ['/api/organisations/org:partner/network?minStrength=0', 'query.minStrength'],
    ['/api/gaps?limit=501', 'query.limit'],
    ['/api/gaps?sdg=99', 'query.sdg'],
    ['/api/insights/metrics?top=0', 'query.top'],
  ])('%s answers 400 naming %s', async (path, where) => {
    const { status, body } = await api.get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_ERROR');
    expect(body.error.details.map((d: { path: string }) => d.path)).toContain(where);
  });

  it.each([
    '/api/dpgs/dpg:unknown/collaborators',
    '/api/dpgs/org:partner/collaborators',
    '/api/dpgs/dpg:x/collaborators?country=ZZ',
    '/api/stakeholders?dpg=dpg:unknown',
    '/api/stakeholders?activity=org:partner',
    '/api/stakeholders?country=FR',
    '/api/stakeholders?sector=Finance',
    '/api/stakeholders?sector=Finance&country=GH',
    '/api/stakeholders?sector=Health&country=FR',
    '/api/organisations/org:unknown/network',
    '/api/organisations/dpg:x/network',
    '/api/gaps?country=FR',
  ])('%s answers 404', async (path) => {
    const { status, body } = await api.get(path);
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });
});
