// GET /api/graph/paths with `avoidKinds` on a small hand-built graph: a reader who hides the
// companies gets no path through one, the two ends excepted. The graph is built for the paths it
// has, so each expectation can be worked out by hand:
//
//   dpg:one  <-OWNS-  org:aa-maker (company)      -OWNS->  dpg:two
//   dpg:one  <-FUNDS- org:zz-funder (foundation)  -FUNDS-> dpg:two
//   dpg:one  <-MAINTAINS- org:bb-vendor (company) -MAINTAINS-> dpg:three   (three's only way)
//   dpg:four <-OWNS-  org:kindless (no kind)      -OWNS->  dpg:two
//   dpg:five <-OWNS-  org:unclassified (unknown)  -OWNS->  dpg:two
//
// One and two are two hops apart twice; the maker's path sorts first (by node ids), so a request
// for one path shows it unless companies are avoided — in the shortest-paths step and in the step
// that reads a tied length whole (paths-of-length), which maxHops=2 makes run on every request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathsResponseSchema } from '../../server/api/response-schemas.ts';
import { FactSet, type Props } from '../../server/importers/graph/graph-facts.ts';
import { writeFacts } from '../../server/importers/graph/graph-writer.ts';
import type { EntityType, RelationshipType } from '../../server/model/graph-model.ts';
import { serveApi, type TestApi } from '../support/api-client.ts';
import { openTestDatabase, resetGraph } from '../support/graph-fixture.ts';

const db = openTestDatabase();
let api: TestApi;

const SOURCE = {
  id: 'source:test:paths-kinds',
  kind: 'test',
  uri: 'test://paths-kinds',
  title: 'Hand-built graph for paths that avoid organisation kinds',
  checksum: 'v1',
};

function handBuiltFacts(): FactSet {
  const facts = new FactSet();
  const node = (id: string, label: EntityType, props: Props = {}) =>
    facts.addNode({ id, label, props: { name: id, ...props }, evidence: `test: ${id}` });
  const rel = (from: string, type: RelationshipType, to: string) =>
    facts.addRelationship({ from, type, to, props: {}, evidence: `test: ${from} ${type} ${to}` });
  for (const id of ['dpg:one', 'dpg:two', 'dpg:three', 'dpg:four', 'dpg:five']) node(id, 'DPG');
  node('org:aa-maker', 'Organisation', { kind: 'company' });
  node('org:zz-funder', 'Organisation', { kind: 'foundation' });
  node('org:bb-vendor', 'Organisation', { kind: 'company' });
  node('org:kindless', 'Organisation');
  node('org:unclassified', 'Organisation', { kind: 'unknown' });
  rel('org:aa-maker', 'OWNS', 'dpg:one');
  rel('org:aa-maker', 'OWNS', 'dpg:two');
  rel('org:zz-funder', 'FUNDS', 'dpg:one');
  rel('org:zz-funder', 'FUNDS', 'dpg:two');
  rel('org:bb-vendor', 'MAINTAINS', 'dpg:one');
  rel('org:bb-vendor', 'MAINTAINS', 'dpg:three');
  rel('org:kindless', 'OWNS', 'dpg:four');
  rel('org:kindless', 'OWNS', 'dpg:two');
  rel('org:unclassified', 'OWNS', 'dpg:five');
  rel('org:unclassified', 'OWNS', 'dpg:two');
  return facts;
}

/** The node ids of each path found for `query`, checked against the documented response. */
async function pathsOf(query: string): Promise<string[][]> {
  const { status, body } = await api.get(`/api/graph/paths?${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return pathsResponseSchema.parse(body).paths.map((p) => p.nodes);
}

beforeAll(async () => {
  await resetGraph(db);
  await writeFacts(db, SOURCE, handBuiltFacts());
  api = await serveApi(db);
});

afterAll(async () => {
  await api.close();
  await resetGraph(db);
  await db.close();
});

describe('paths that avoid organisation kinds', () => {
  const oneToTwo = 'from=dpg:one&to=dpg:two&maxHops=2';

  it('go through a company only while companies are not avoided', async () => {
    expect(await pathsOf(`${oneToTwo}&k=1`)).toEqual([['dpg:one', 'org:aa-maker', 'dpg:two']]);
    // In any case, as the other lists are read; the answer cache keeps the two apart.
    for (const kinds of ['company', 'Company', 'ngo,company']) {
      expect(await pathsOf(`${oneToTwo}&k=1&avoidKinds=${kinds}`), kinds).toEqual([
        ['dpg:one', 'org:zz-funder', 'dpg:two'],
      ]);
    }
    expect(await pathsOf(`${oneToTwo}&k=3&avoidKinds=company`)).toEqual([
      ['dpg:one', 'org:zz-funder', 'dpg:two'],
    ]);
    // Asked again without: the unfiltered answer, not the filtered one from the cache.
    expect(await pathsOf(`${oneToTwo}&k=3`)).toEqual([
      ['dpg:one', 'org:aa-maker', 'dpg:two'],
      ['dpg:one', 'org:zz-funder', 'dpg:two'],
    ]);
  });

  it('find none where a company is the only way, and it again when another kind is avoided', async () => {
    expect(await pathsOf('from=dpg:one&to=dpg:three&avoidKinds=company')).toEqual([]);
    expect(await pathsOf('from=dpg:one&to=dpg:three&avoidKinds=foundation,ngo')).toEqual([
      ['dpg:one', 'org:bb-vendor', 'dpg:three'],
    ]);
  });

  it('may start and end at an organisation of an avoided kind', async () => {
    // Maker (a company) to funder (a foundation), both kinds avoided: the ends are what was asked.
    const paths = await pathsOf(
      'from=org:aa-maker&to=org:zz-funder&maxHops=2&k=3&avoidKinds=company,foundation',
    );
    expect(paths).toEqual([
      ['org:aa-maker', 'dpg:one', 'org:zz-funder'],
      ['org:aa-maker', 'dpg:two', 'org:zz-funder'],
    ]);
    // Through a company on the way, though, no: from the vendor (a company) to two, the path
    // through the maker goes.
    expect(await pathsOf('from=org:bb-vendor&to=dpg:two&maxHops=3&k=3')).toEqual([
      ['org:bb-vendor', 'dpg:one', 'org:aa-maker', 'dpg:two'],
      ['org:bb-vendor', 'dpg:one', 'org:zz-funder', 'dpg:two'],
    ]);
    expect(await pathsOf('from=org:bb-vendor&to=dpg:two&maxHops=3&k=3&avoidKinds=company')).toEqual(
      [['org:bb-vendor', 'dpg:one', 'org:zz-funder', 'dpg:two']],
    );
  });

  it('avoid kinds and entity types together, and an organisation without a kind as unclassified', async () => {
    // Both lists at once: each still counts.
    expect(await pathsOf('from=dpg:one&to=dpg:two&k=3&avoid=Country&avoidKinds=company')).toEqual([
      ['dpg:one', 'org:zz-funder', 'dpg:two'],
    ]);
    expect(
      await pathsOf('from=org:aa-maker&to=org:zz-funder&avoid=DPG&avoidKinds=company'),
    ).toEqual([]);
    // An organisation without a kind is unclassified, as the filters count it: avoided with
    // `unknown`, and with that kind alone.
    expect(await pathsOf('from=dpg:four&to=dpg:two&maxHops=2&avoidKinds=unknown')).toEqual([]);
    expect(await pathsOf('from=dpg:four&to=dpg:two&maxHops=2&avoidKinds=company')).toEqual([
      ['dpg:four', 'org:kindless', 'dpg:two'],
    ]);
    expect(await pathsOf('from=dpg:five&to=dpg:two&maxHops=2&avoidKinds=unknown')).toEqual([]);
    expect(await pathsOf('from=dpg:five&to=dpg:two&maxHops=2&avoidKinds=company')).toEqual([
      ['dpg:five', 'org:unclassified', 'dpg:two'],
    ]);
  });

  it('answer 400 naming a kind that is none', async () => {
    const bad = await api.get(`/api/graph/paths?${oneToTwo}&avoidKinds=company,startup`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({
      path: 'query.avoidKinds.1',
      message: expect.stringContaining('"startup"'),
    });
    // A misspelt parameter is refused too, not ignored.
    const misspelt = await api.get(`/api/graph/paths?${oneToTwo}&avoidKind=company`);
    expect(misspelt.status).toBe(400);
  });
});
