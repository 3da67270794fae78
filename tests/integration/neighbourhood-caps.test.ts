// The neighbourhood of a hub bigger than one hop may follow (FOLLOW_CAP): the answer stays within
// the limit, keeps the best-connected neighbours it reached, and says its counts are a lower
// bound; below the cap the same graph's smaller entities are counted exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactSet } from '../../server/importers/graph/graph-facts.ts';
import { writeFacts } from '../../server/importers/graph/graph-writer.ts';
import { FOLLOW_CAP } from '../../server/services/neighbourhood-service.ts';
import { serveApi, type TestApi } from '../support/api-client.ts';
import { expectSameReach, reachOf } from '../support/neighbourhood-reach.ts';
import { openTestDatabase, resetGraph } from '../support/graph-fixture.ts';

const db = openTestDatabase();
let api: TestApi;

const SOURCE = {
  id: 'source:test:hub',
  kind: 'test',
  uri: 'test://hub',
  title: 'A hub past the follow cap',
  checksum: 'v1',
};
const ACTIVITIES = FOLLOW_CAP + 200;
/** Every 100th activity also involves a DPG: better connected than the others. */
const CONNECTED_EVERY = 100;
/** As many others have org:partner taking part: a second hop that filters can tell apart. */
const PARTNERED_AT = CONNECTED_EVERY / 2;
/** org:partner's own activities: a hop that starts from it is past the follow cap too. */
const PARTNER_ACTIVITIES = FOLLOW_CAP + 10;
/** org:funder's activities, led before it funds its one DPG: they can use up a hop's budget. */
const FUNDER_ACTIVITIES = FOLLOW_CAP + 100;
/** org:patron's DPGs, beside as many activities as org:funder's. */
const PATRON_DPGS = 150;

/**
 * org:hub leads ACTIVITIES activities; some also involve dpg:n (one DPG each), as many others
 * have org:partner taking part, which also leads PARTNER_ACTIVITIES of its own.
 */
function hubFacts(): FactSet {
  const facts = new FactSet();
  const node = (id: string, label: 'Organisation' | 'Activity' | 'DPG', name: string) =>
    facts.addNode({ id, label, props: { name }, evidence: `test: ${id}` });
  node('org:hub', 'Organisation', 'Hub');
  node('org:partner', 'Organisation', 'Partner');
  for (let i = 0; i < ACTIVITIES; i++) {
    const activity = `activity:hub/a${String(i).padStart(5, '0')}`;
    node(activity, 'Activity', `Activity ${i}`);
    facts.addRelationship({
      from: 'org:hub',
      type: 'LEADS',
      to: activity,
      props: {},
      evidence: 'test: leads',
    });
    if (i % CONNECTED_EVERY === 0) {
      node(`dpg:d${i}`, 'DPG', `DPG ${i}`);
      facts.addRelationship({
        from: activity,
        type: 'INVOLVES',
        to: `dpg:d${i}`,
        props: {},
        evidence: 'test: involves',
      });
    }
    if (i % CONNECTED_EVERY === PARTNERED_AT) {
      facts.addRelationship({
        from: 'org:partner',
        type: 'PARTICIPATES_IN',
        to: activity,
        props: {},
        evidence: 'test: takes part',
      });
    }
  }
  for (let i = 0; i < PARTNER_ACTIVITIES; i++) {
    const activity = `activity:partner/a${String(i).padStart(5, '0')}`;
    node(activity, 'Activity', `Partner activity ${i}`);
    facts.addRelationship({
      from: 'org:partner',
      type: 'LEADS',
      to: activity,
      props: {},
      evidence: 'test: leads',
    });
  }
  // A small cluster apart, whose hops reach entities next to each other: a counted hop must
  // leave out its own frontier and the hops before it, not only the centre.
  node('org:triad-a', 'Organisation', 'Triad A');
  node('org:triad-b', 'Organisation', 'Triad B');
  const tie = (from: string, type: 'LEADS' | 'PARTICIPATES_IN' | 'MEMBER_OF', to: string) =>
    facts.addRelationship({ from, type, to, props: {}, evidence: 'test: triad' });
  for (const name of ['x', 'y']) {
    node(`activity:triad/${name}`, 'Activity', `Triad ${name}`);
    tie('org:triad-a', 'LEADS', `activity:triad/${name}`);
    tie('org:triad-b', 'PARTICIPATES_IN', `activity:triad/${name}`);
  }
  tie('org:triad-b', 'MEMBER_OF', 'org:triad-a');
  // org:funder leads more activities than a hop follows, then funds one DPG, which every tenth
  // of its activities involves too (a second hop reaches it again).
  node('org:funder', 'Organisation', 'Funder');
  node('dpg:funded', 'DPG', 'Funded DPG');
  for (let i = 0; i < FUNDER_ACTIVITIES; i++) {
    const activity = `activity:funder/a${String(i).padStart(5, '0')}`;
    node(activity, 'Activity', `Funder activity ${i}`);
    facts.addRelationship({
      from: 'org:funder',
      type: 'LEADS',
      to: activity,
      props: {},
      evidence: 'test: leads',
    });
    if (i % 10 === 0) {
      facts.addRelationship({
        from: activity,
        type: 'INVOLVES',
        to: 'dpg:funded',
        props: {},
        evidence: 'test: involves',
      });
    }
  }
  facts.addRelationship({
    from: 'org:funder',
    type: 'FUNDS',
    to: 'dpg:funded',
    props: {},
    evidence: 'test: funds',
  });
  // org:patron funds as many activities and PATRON_DPGS DPGs, the DPGs first. Neo4j walks a
  // dense node's relationships type by type, in the order the types were first created in the
  // store, and within a type newest first: with the activities LEADS, a test database whose FUNDS
  // came before LEADS reached every DPG within the budget and the test failed. One type, the DPGs
  // oldest, puts them past the first hop's budget (FOLLOW_CAP) in a record-format store, the one
  // Community writes. (FUNDS to an activity is outside the curation rules, which let FUNDS reach
  // DPGs only; the walk does not look at them, and no other type may reach both.)
  node('org:patron', 'Organisation', 'Patron');
  for (let i = 0; i < FUNDER_ACTIVITIES + PATRON_DPGS; i++) {
    const dpg = i < PATRON_DPGS;
    const id = dpg ? `dpg:patron-${i}` : `activity:patron/a${String(i).padStart(5, '0')}`;
    node(id, dpg ? 'DPG' : 'Activity', `Patron's ${id}`);
    facts.addRelationship({
      from: 'org:patron',
      type: 'FUNDS',
      to: id,
      props: {},
      evidence: 'test: patron',
    });
  }
  return facts;
}

beforeAll(async () => {
  await resetGraph(db);
  await writeFacts(db, SOURCE, hubFacts());
  api = await serveApi(db);
});

afterAll(async () => {
  await api.close();
  await resetGraph(db);
  await db.close();
});

describe('a neighbourhood past the follow cap', () => {
  it('stays within the limit and says its counts are a lower bound', async () => {
    const { status, body } = await api.get('/api/graph/neighbourhood?id=org:hub&limit=10');
    expect(status).toBe(200);
    expect(body.nodes).toHaveLength(11);
    expect(body.truncated).toBe(true);
    expect(body.omitted.exact).toBe(false);
    // Counts cover what the capped hop reached: at least the cap's worth, never more than exists.
    expect(body.omitted.total).toBeGreaterThanOrEqual(FOLLOW_CAP - 10);
    expect(body.omitted.total).toBeLessThan(ACTIVITIES);
  });

  it('keeps the best-connected of the neighbours it reached', async () => {
    const { body } = await api.get('/api/graph/neighbourhood?id=org:hub&limit=5');
    const kept = body.nodes
      .map((n: { data: { id: string; degree: number } }) => n.data)
      .filter((n: { id: string }) => n.id !== 'org:hub');
    // Activities that also involve a DPG have two relationships, the rest one.
    expect(kept.every((n: { degree: number }) => n.degree === 2)).toBe(true);
  });

  it('counts a smaller entity of the same graph exactly', async () => {
    const { body } = await api.get('/api/graph/neighbourhood?id=activity:hub/a00100&limit=1');
    expect(body.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual([
      'activity:hub/a00100',
      'org:hub',
    ]);
    expect(body.omitted).toEqual({ total: 1, byType: { DPG: 1 }, exact: true });
  });

  it('counts the last hop alone when the nearer ones fill the limit, as walking it in full does', async () => {
    // limit=5 at depth 2: the first hop fills the limit, so the second only counts what it
    // reaches (no candidates kept); `prefer` makes every hop read its candidates in full.
    const compare = async (query: string) => {
      const counted = await api.get(`/api/graph/neighbourhood?${query}`);
      const walked = await api.get(`/api/graph/neighbourhood?${query}&prefer=Activity`);
      expect(counted.status).toBe(200);
      expect(walked.status).toBe(200);
      expectSameReach(counted.body, walked.body, ['Activity'], query);
      return reachOf(counted.body);
    };
    // With and without filters: the counting step applies them as the full walk does.
    for (const filters of [
      '',
      '&types=DPG,Activity',
      '&rels=LEADS',
      '&rels=LEADS,INVOLVES&types=DPG,Activity',
    ]) {
      await compare(`id=org:hub&depth=2&limit=5${filters}`);
    }
    // Depth 3: the counted hop leaves out the first hop's entities (`seen`) as well as its own
    // frontier; from org:partner it runs past the follow cap.
    const third = await compare('id=org:hub&depth=3&limit=5');
    expect(third.byType.Activity).toBeGreaterThan(ACTIVITIES);
    // From activity:triad/x the first hop reaches both organisations, which are tied to each
    // other (the frontier), and the third comes back to them (the hops before it).
    expect(await compare('id=activity:triad/x&depth=2&limit=1')).toEqual({
      byType: { Organisation: 2, Activity: 1 },
      exact: true,
    });
    expect(await compare('id=activity:triad/x&depth=3&limit=1')).toEqual({
      byType: { Organisation: 2, Activity: 1 },
      exact: true,
    });
    // The first hop (org:hub and org:partner) stays under the cap, the counted one does not: the
    // counts are then a lower bound.
    expect(await compare('id=activity:hub/a00050&depth=2&limit=1')).toMatchObject({
      exact: false,
    });
    // Depth 3 where the first hop (2 entities) does not fill the limit of 3 and the second does:
    // the third is counted with the second, past the cap.
    expect(await compare('id=activity:hub/a00050&depth=3&limit=3')).toMatchObject({
      exact: false,
    });
    const counted = await api.get('/api/graph/neighbourhood?id=org:hub&depth=2&limit=5');
    // The second hop did reach something, of two types the filters tell apart: the DPGs of the
    // best-connected activities, and the partner.
    expect(reachOf(counted.body).byType.DPG).toBeGreaterThan(0);
    expect(reachOf(counted.body).byType.Organisation).toBe(1);
  });

  it('finds every preferred entity of a hop that ran out of budget', async () => {
    // Without `prefer`, the hop stops at the budget before org:patron's DPGs (hubFacts says why):
    // the case `prefer` is for.
    const plain = await api.get('/api/graph/neighbourhood?id=org:patron&limit=5');
    expect(plain.body.omitted.exact).toBe(false);
    expect(reachOf(plain.body).byType.DPG ?? 0).toBeLessThan(PATRON_DPGS);
    const preferred = await api.get(
      `/api/graph/neighbourhood?id=org:patron&limit=${PATRON_DPGS}&prefer=DPG`,
    );
    expect(preferred.status).toBe(200);
    expect(reachOf(preferred.body).byType.DPG).toBe(PATRON_DPGS);
    const dpgs = preferred.body.nodes.filter(
      (n: { data: { type: string } }) => n.data.type === 'DPG',
    );
    expect(dpgs).toHaveLength(PATRON_DPGS);
    // The other types' counts stay those of the walk without `prefer`.
    expect(reachOf(preferred.body).byType.Activity).toBe(reachOf(plain.body).byType.Activity);
  });

  it('finds a preferred type that a hop spent its budget before reaching', async () => {
    // The first walk may follow org:funder's activities first and stop at the budget; `prefer`
    // walks that hop again for DPGs alone, so the DPG it funds is kept whatever the order.
    for (const query of [
      'id=org:funder&limit=5&prefer=DPG',
      'id=org:funder&limit=5&prefer=DPG,Organisation',
      'id=org:funder&limit=5&prefer=DPG&types=Activity,DPG',
      'id=org:funder&depth=2&limit=5&prefer=DPG',
    ]) {
      const { status, body } = await api.get(`/api/graph/neighbourhood?${query}`);
      expect(status, query).toBe(200);
      const ids = body.nodes.map((n: { data: { id: string } }) => n.data.id);
      expect(ids, query).toContain('dpg:funded');
      expect(ids, query).toHaveLength(6);
      expect(body.omitted.exact, query).toBe(false);
      expect(reachOf(body).byType.DPG, query).toBe(1);
    }
    // The DPG sits one hop away, however many activities came first, and a second hop that
    // reaches it again through an activity does not list or count it twice.
    for (const depth of [1, 2, 3]) {
      const { body } = await api.get(
        `/api/graph/neighbourhood?id=org:funder&depth=${depth}&limit=50&prefer=DPG`,
      );
      const ids = body.nodes.map((n: { data: { id: string } }) => n.data.id);
      expect(new Set(ids).size, `depth ${depth}`).toBe(ids.length);
      const funded = body.nodes.find((n: { data: { id: string } }) => n.data.id === 'dpg:funded');
      expect(funded.data.distance, `depth ${depth}`).toBe(1);
      expect(reachOf(body).byType.DPG, `depth ${depth}`).toBe(1);
    }
  });
});
