// Home countries (BASED_IN) on the real import: what each source states and how it found it, the
// maps of a country that start with its own organisations and say where the others are at home,
// and an editor's deletion and addition surviving a re-import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../server/importers/import-runner.ts';
import { getOrganisationNetwork } from '../../server/insights/organisation-network-service.ts';
import { getStakeholders } from '../../server/insights/stakeholder-service.ts';
import {
  importRealSources,
  openTestDatabase,
  query,
  resetGraph,
} from '../support/graph-fixture.ts';
import { MEMBERS_FILE, REGISTRY_DIR } from '../support/registry-copy.ts';
import { hasSharedData } from '../support/shared-data.ts';
import { call, createAccounts, enc, serve, type Account, type Served } from './curation-fixture.ts';
import { HOMES_FROM_REAL_NAMES } from '../support/real-homes.ts';

const db = openTestDatabase();

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

const homes = async () =>
  query(
    db,
    `MATCH (o:Organisation)-[r:BASED_IN]->(c:Country)
     RETURN o.id AS id, o.name AS name, c.iso2 AS code, r.homeFrom AS homeFrom,
            r.sources AS sources, r.evidence AS evidence
     ORDER BY r.homeFrom, o.id`,
  );

const stakeholderMap = (id: string, kind?: 'government') =>
  getStakeholders(db, {
    subject: 'country',
    id,
    limit: 100,
    connections: 3,
    membersOnly: false,
    ...(kind ? { kind } : {}),
  });

describe.runIf(hasSharedData())('home countries of the real ecosystem', () => {
  beforeAll(() => importRealSources(db), 180_000);

  it('states each home with the sources that named the organisation and how it was found', async () => {
    const all = await homes();
    // The record of what the import derived, for whoever reads the test's output.
    console.info(
      `BASED_IN on the real import (${all.length}):\n${all.map((h) => `  ${h.name} → ${h.code} (${h.homeFrom})`).join('\n')}`,
    );
    const [sierraLeone] = all.filter((h) => h.id === 'org:government-of-sierra-leone');
    expect(sierraLeone).toMatchObject({ code: 'SL', homeFrom: 'reference-table' });
    expect(sierraLeone!.sources).toEqual(
      expect.arrayContaining(['source:dpga-members', 'source:dpg-registry']),
    );
    const fromMembers = (sierraLeone!.evidence as string[])[
      (sierraLeone!.sources as string[]).indexOf('source:dpga-members')
    ];
    expect(fromMembers).toBe(
      'members-2025.json: board[2] "Government of Sierra Leone"; based in Sierra Leone: seed/reference/organisations.json gives SL for org:government-of-sierra-leone',
    );
    const [statistics] = all.filter((h) => h.id === 'org:statistics-norway');
    expect(statistics).toMatchObject({ code: 'NO', homeFrom: 'name' });
    expect(statistics!.sources).toEqual(['source:dpg-registry']);
    expect((statistics!.evidence as string[])[0]).toBe(
      'dpg/statbus.json: organizations[0] "Statistics Norway" (owner); based in Norway: the name "Statistics Norway" says "Norway"',
    );
  });

  it('reads exactly these homes from names, and takes the others from the reference table', async () => {
    const all = await homes();
    expect(
      Object.fromEntries(all.filter((h) => h.homeFrom === 'name').map((h) => [h.id, h.code])),
    ).toEqual(HOMES_FROM_REAL_NAMES);
    const fromTable = Object.fromEntries(
      all.filter((h) => h.homeFrom === 'reference-table').map((h) => [h.id, h.code]),
    );
    expect(fromTable).toMatchObject({
      'org:giz': 'DE',
      'org:bmz': 'DE',
      'org:kfw': 'DE',
      'org:norad': 'NO',
      'org:usaid': 'US',
      'org:government-of-sierra-leone': 'SL',
    });
    const [homeless] = await query(
      db,
      `MATCH (o:Organisation) WHERE NOT (o)-[:BASED_IN]->()
       RETURN collect(o.id) AS ids,
              count { MATCH (x:Organisation)-[:BASED_IN]->()
                      WHERE x.kind IN ['un-agency', 'multilateral-bank'] } AS international`,
    );
    expect(homeless!.international).toBe(0);
    expect(homeless!.ids).toEqual(
      expect.arrayContaining([
        'org:european-commission',
        'org:statistics-africa-the-statistical-division-of-the-african-union-au',
        'org:secretariat-of-the-convention-on-biological-diversity-cbd',
        'org:asian-development-bank',
        'org:amref-health-africa',
        'org:notesmaster-caribbean',
      ]),
    );
  });

  it('writes nothing when a source is imported again', async () => {
    const before = await homes();
    const report = await runImport(db, { kind: 'dpg-registry', location: REGISTRY_DIR });
    expect(report.relationships).toMatchObject({ created: 0, updated: 0, retracted: 0 });
    expect(report.nodes).toMatchObject({ created: 0, updated: 0 });
    expect(await homes()).toEqual(before);
  });

  it('starts Sierra Leone’s map with its government, based there, and says where others are at home', async () => {
    const map = await stakeholderMap('country:SL');
    expect(map.rings[0]).toMatchObject({ role: 'based', label: 'is based in Sierra Leone' });
    const [first] = map.stakeholders;
    expect(first).toMatchObject({
      id: 'org:government-of-sierra-leone',
      ring: 0,
      homeCountry: 'Sierra Leone',
    });
    expect(first!.roles).toContain('based');
    expect(map.stakeholders.find((s) => s.id === 'org:norad')?.homeCountry).toBe('Norway');
    // UNICEF has no home: no field, not a wrong one.
    expect(map.stakeholders.find((s) => s.id === 'org:unicef')).not.toHaveProperty('homeCountry');
  });

  it('shows Kenya’s governments as foreign: none is based there, each says its home', async () => {
    const map = await stakeholderMap('country:KE', 'government');
    expect(map.stakeholders.some((s) => s.roles.includes('based'))).toBe(false);
    const byId = Object.fromEntries(map.stakeholders.map((s) => [s.id, s.homeCountry ?? null]));
    expect(byId).toMatchObject({
      'org:statistics-norway': 'Norway',
      'org:norad': 'Norway',
      'org:national-statistical-committee-nsc-of-the-kyrgyz-republic': 'Kyrgyzstan',
    });
    expect(Object.values(byId)).not.toContain('Kenya');
  });

  it('says where each partner of an organisation’s network is based', async () => {
    const network = await getOrganisationNetwork(db, {
      id: 'org:unicef',
      limit: 100,
      minStrength: 1,
    });
    const homes = Object.fromEntries(
      network.nodes.map((n) => [n.data.id, n.data.homeCountry ?? null]),
    );
    // GIZ co-leads UNICEF's Community of Practice on AI; Germany from the reference table.
    expect(homes['org:giz']).toBe('Germany');
    expect(Object.values(homes).filter((home) => home !== null).length).toBeGreaterThan(1);
  });

  it('lists a country’s organisations among its neighbours', async () => {
    const rows = await query(
      db,
      `MATCH (:Country {id: 'country:NO'})<-[:BASED_IN]-(o) RETURN o.id AS id ORDER BY id`,
    );
    expect(rows.map((r) => r.id)).toEqual([
      'org:hisp-uio',
      'org:norad',
      'org:norwegian-digitalisation-agency',
      'org:norwegian-meteorological-insitute',
      'org:statistics-norway',
    ]);
  });
});

describe.runIf(hasSharedData())('an editor’s home countries survive re-imports', () => {
  let app: Served;
  let editor: Account;
  const ed = (method: string, path: string, body?: unknown) =>
    call(app.url, method, path, body, { token: editor.token });
  const based = (from: string, to: string) =>
    `/api/curation/relationships?from=${enc(from)}&type=BASED_IN&to=${enc(to)}`;

  beforeAll(async () => {
    await importRealSources(db);
    ({ editor } = await createAccounts(db));
    app = await serve(db);
  }, 180_000);
  afterAll(() => app.close());

  it('keeps a home an editor deleted and one an editor added', async () => {
    const deleted = await ed('DELETE', based('org:statistics-norway', 'country:NO'));
    expect(deleted.status).toBe(204);
    // The African Union's statistics division sits in Addis Ababa: the name does not say so.
    const added = await ed('POST', '/api/curation/relationships', {
      from: 'org:statistics-africa-the-statistical-division-of-the-african-union-au',
      type: 'BASED_IN',
      to: 'country:ET',
    });
    expect(added.status).toBe(201);
    // And the rules refuse a home for what is not an organisation.
    const refused = await ed('POST', '/api/curation/relationships', {
      from: 'dpg:dhis2',
      type: 'BASED_IN',
      to: 'country:NO',
    });
    expect(refused.status).toBe(400);

    const report = await runImport(db, { kind: 'dpg-registry', location: REGISTRY_DIR });
    expect(report.conflicts).toContainEqual(
      expect.objectContaining({
        kind: 'deleted-relationship',
        id: 'org:statistics-norway|BASED_IN|country:NO',
      }),
    );
    await runImport(db, { kind: 'members', location: MEMBERS_FILE });
    const rows = await query(
      db,
      `MATCH (o:Organisation)-[r:BASED_IN]->(c)
       WHERE o.id IN ['org:statistics-norway', 'org:statistics-africa-the-statistical-division-of-the-african-union-au']
       RETURN o.id AS id, c.id AS country, r.sources AS sources`,
    );
    expect(rows).toEqual([
      {
        id: 'org:statistics-africa-the-statistical-division-of-the-african-union-au',
        country: 'country:ET',
        sources: [`source:editor:${editor.id}`],
      },
    ]);
    const map = await stakeholderMap('country:ET');
    expect(map.stakeholders.filter((s) => s.ring === 0).map((s) => [s.id, s.homeCountry])).toEqual(
      expect.arrayContaining([
        ['org:statistics-africa-the-statistical-division-of-the-african-union-au', 'Ethiopia'],
        ['org:government-of-ethiopia', 'Ethiopia'],
      ]),
    );
  });
});
