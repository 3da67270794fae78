import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportInputError } from '../../server/errors.ts';
import { importDpgRegistry } from '../../server/importers/dpg-registry/registry-importer.ts';
import { runImport } from '../../server/importers/import-runner.ts';
import { resolutionReport } from '../../server/importers/resolution-report.ts';
import {
  graphSnapshot,
  importRealSources,
  importSeed,
  openTestDatabase,
  query,
  resetGraph,
} from '../support/graph-fixture.ts';
import {
  copyRegistry,
  MEMBERS_FILE,
  REGISTRY_DIR,
  ROADMAP_FILE,
  serveRegistry,
} from '../support/registry-copy.ts';
import { hasSharedData } from '../support/shared-data.ts';

const db = openTestDatabase();

const ids = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await query(db, cypher, params)).map((r) => r.id as string).sort();

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe.runIf(hasSharedData())('the real ecosystem imported from all sources', () => {
  beforeAll(() => importRealSources(db), 120_000);

  it('holds the 165 registry DPGs with their stage, and the 17 SDGs', async () => {
    const [dpgs] = await query(
      db,
      `MATCH (d:DPG) WHERE d.registryId IS NOT NULL RETURN count(d) AS n, collect(DISTINCT d.stage) AS stages`,
    );
    expect(dpgs).toEqual({ n: 165, stages: ['DPG'] });
    expect(await ids(`MATCH (s:SDG) RETURN s.id AS id`)).toHaveLength(17);
    const [sdg3] = await query(db, `MATCH (s:SDG {id: 'sdg:3'}) RETURN s.name AS name`);
    expect(sdg3?.name).toBe('SDG 3: Good Health and Well-being');
  });

  it('knows that DHIS2 is owned by HISP at the University of Oslo, funded by Norad, deployed in Sierra Leone, advancing SDG 3', async () => {
    expect(await ids(`MATCH (o)-[:OWNS]->(:DPG {id: 'dpg:dhis2'}) RETURN o.id AS id`)).toEqual([
      'org:hisp-uio',
    ]);
    expect(await ids(`MATCH (o)-[:FUNDS]->(:DPG {id: 'dpg:dhis2'}) RETURN o.id AS id`)).toEqual([
      'org:norad',
    ]);
    expect(
      await ids(
        `MATCH (:DPG {id: 'dpg:dhis2'})-[:DEPLOYED_IN]->(c {id: 'country:SL'}) RETURN c.id AS id`,
      ),
    ).toEqual(['country:SL']);
    const [advances] = await query(
      db,
      `MATCH (:DPG {id: 'dpg:dhis2'})-[r:ADVANCES]->(:SDG {id: 'sdg:3'}) RETURN r.evidence AS evidence`,
    );
    expect((advances?.evidence as string[])[0]).toContain('Health Management Information System');
    const [dhis2] = await query(db, `MATCH (d:DPG {id: 'dpg:dhis2'}) RETURN d {.*} AS d`);
    expect(dhis2?.d).toMatchObject({
      licenses: ['BSD-3-Clause'],
      sectors: ['Health'],
      types: ['software'],
      stage: 'DPG',
    });
  });

  it('resolves Norad from the registry, the members list and the sheet to one node', async () => {
    const [norad] = await query(
      db,
      `MATCH (o:Organisation) WHERE o.name = 'Norad' OR 'Norad' IN o.aliases RETURN collect(o.id) AS ids, collect(o.sources) AS sources`,
    );
    expect(norad?.ids).toEqual(['org:norad']);
    expect((norad?.sources as string[][])[0]).toEqual(
      expect.arrayContaining([
        'source:dpg-registry',
        'source:dpga-members',
        'source:activities-csv:roadmap-2023',
      ]),
    );
    const [member] = await query(
      db,
      `MATCH (:Organisation {id: 'org:norad'})-[r:MEMBER_OF]->(:Organisation {id: 'org:dpga'}) RETURN r.board AS board`,
    );
    expect(member?.board).toBe(true);
    expect(
      await ids(`MATCH (o)-[:MEMBER_OF]->(:Group {id: 'group:dpga-board'}) RETURN o.id AS id`),
    ).toEqual([
      'org:bmz',
      'org:ekstep-foundation',
      'org:government-of-sierra-leone',
      'org:norad',
      'org:undp',
      'org:unicef',
    ]);
  });

  it('reads BMGF as the Gates Foundation and keeps UNICEF from the seed and the sheet as one node', async () => {
    const gates = await query(
      db,
      `MATCH (o:Organisation {id: 'org:gates-foundation'})-[:LEADS]->(a:Activity) RETURN a.name AS name`,
    );
    expect(gates.map((g) => g.name)).toContain(
      'Direct funding for DPGs: MOSIP, Mojaloop, DHIS2 (core platform)',
    );
    expect(
      await ids(
        `MATCH (o:Organisation {id: 'org:gates-foundation'})-[:FUNDS]->(d:DPG) RETURN d.id AS id`,
      ),
    ).not.toHaveLength(0);
    const [unicef] = await query(
      db,
      `MATCH (o:Organisation {id: 'org:unicef'})
       RETURN o.sources AS sources, COUNT { (o)-[:LEADS]->() } AS leads,
              COUNT { (o)-[:CO_LEADS]->() } AS coLeads`,
    );
    expect(unicef?.sources).toEqual(
      expect.arrayContaining(['source:member-page:unicef', 'source:activities-csv:roadmap-2023']),
    );
    // Its page's ten activities and the sheet's fifteen rows; it shares the lead of one of each
    // ("Co-leading the Community of Practice on AI", "Co-Chair: Health Community of Practice").
    expect(Number(unicef?.leads)).toBe(9 + 14);
    expect(Number(unicef?.coLeads)).toBe(1 + 1);
    expect(
      await ids(
        `MATCH (o:Organisation) WHERE toLower(o.name) CONTAINS 'unicef' AND NOT o.name CONTAINS 'Fund' RETURN o.id AS id`,
      ),
    ).toEqual(['org:unicef']);
  });

  it("reads countries in possessives and misspellings, and none inside a DPG's name", async () => {
    const places = (name: string) =>
      ids(`MATCH (a:Activity {name: $name})-[:TAKES_PLACE_IN]->(c) RETURN c.id AS id`, { name });
    expect(await places("Introduce DPGs into Bangladesh's DPI via the MyGov platform")).toEqual([
      'country:BD',
    ]);
    expect(
      await places(
        'Digilab: Pilot of DPGs for digital ID and payments (Mojaloop in Rwanda, MOSIP in Mauretania)',
      ),
    ).toEqual(['country:MR', 'country:RW']);
    // "MET Norway" opens the DPG "MET Norway Weather API": no place.
    expect(
      await places('Direct Development of DPGs (Global Digital Library, MET Norway,...)'),
    ).toEqual([]);
    // One company under its legal name and its trade name.
    expect(
      await ids(
        `MATCH (o:Organisation) WHERE o.name CONTAINS 'iGrant' OR 'iGrant.io' IN o.aliases RETURN o.id AS id`,
      ),
    ).toEqual(['org:igrant-io']);
  });

  it('links the DPGs and countries that sheet titles name', async () => {
    const involved = await ids(
      `MATCH (:Organisation {id: 'org:norad'})-[:LEADS]->(a:Activity {name: 'Direct funding for DPGs (DHIS2, MOSIP, OpenCRVS)'})-[:INVOLVES]->(d:DPG) RETURN d.id AS id`,
    );
    // The registry lists MOSIP as "Modular Open Source Identity Platform", alias MOSIP.
    expect(involved).toEqual([
      'dpg:dhis2',
      'dpg:modular-open-source-identity-platform',
      'dpg:opencrvs',
    ]);
    expect(
      await ids(
        `MATCH (a:Activity {name: 'Continuation of Pathfinder Pilot: Ghana'})-[:TAKES_PLACE_IN]->(c) RETURN c.id AS id`,
      ),
    ).toEqual(['country:GH']);
  });

  it('imports 147 sheet rows as 145 activities of 28 organisations, reporting the repeated rows', async () => {
    const report = await runImport(db, {
      kind: 'activities-csv',
      location: ROADMAP_FILE,
      dryRun: true,
    });
    expect(report.details).toMatchObject({ rows: 147, activities: 145, organisations: 28 });
    expect(report.warnings.filter((w) => w.includes('repeats'))).toHaveLength(2);
    const [leads] = await query(
      db,
      `MATCH (o)-[r:LEADS|CO_LEADS]->(:Activity) WHERE 'source:activities-csv:roadmap-2023' IN r.sources
       RETURN count(DISTINCT o) AS orgs, count(r) AS n, count(CASE WHEN type(r) = 'CO_LEADS' THEN 1 END) AS shared`,
    );
    // Five rows co-lead, co-chair or co-coordinate (DIAL, the DPGA, FAO, UN Global Pulse, UNICEF).
    expect(leads).toEqual({ orgs: 28, n: 145, shared: 5 });
  });

  it('stores no contact name or e-mail address anywhere in the graph', async () => {
    const [found] = await query(
      db,
      `MATCH (n)
       WITH n, [k IN keys(n) | n[k]] AS values
       UNWIND values AS v
       WITH n, CASE WHEN v IS :: LIST<ANY> THEN v ELSE [v] END AS items
       UNWIND items AS item
       WITH n, item WHERE item IS :: STRING AND (item =~ '(?s).*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\\\.[A-Za-z]{2,}.*' OR item =~ '(?s).*Contact [0-9]+.*')
       RETURN count(item) AS n, collect(item)[0..3] AS examples`,
    );
    expect(found).toEqual({ n: 0, examples: [] });
    const [keys] = await query(
      db,
      `MATCH (n) UNWIND keys(n) AS k WITH DISTINCT k WHERE k =~ '(?i).*(contact|email|e_mail).*' RETURN collect(k) AS keys`,
    );
    expect(keys?.keys).toEqual([]);
  });

  it('reports zero changes when each source is imported again', async () => {
    const before = await graphSnapshot(db);
    for (const [kind, location] of [
      ['dpg-registry', REGISTRY_DIR],
      ['members', MEMBERS_FILE],
      ['activities-csv', ROADMAP_FILE],
    ] as const) {
      const report = await runImport(db, { kind, location });
      expect({ kind, ...report.nodes, ...{ rels: report.relationships } }).toMatchObject({
        kind,
        created: 0,
        updated: 0,
        retracted: 0,
        removed: 0,
        rels: { created: 0, updated: 0, retracted: 0, removed: 0 },
      });
      expect(report.source.changedSinceLastImport).toBe(false);
    }
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('renames in place what an import before the names lost their debris stored', async () => {
    // The roadmap sheet's line 76 ends its title with a colon; the registry spaces ITECH's name
    // twice. Names are cleaned as sources are parsed; ids are slugs of names without punctuation,
    // so a graph imported before keeps its entities, and a re-import only renames them.
    const sludi =
      'activity:government-of-sri-lanka/adoption-of-mosip-as-the-foundational-identity-platform-for-sri-lanka-unique';
    const itech = 'org:digital-initiatives-group-at-itech-university-of-washington';
    const names = async () =>
      (
        await query(db, 'MATCH (n:Entity) WHERE n.id IN [$sludi, $itech] RETURN n.name AS name', {
          sludi,
          itech,
        })
      )
        .map((r) => String(r.name))
        .sort();
    const cleaned = await names();
    expect(cleaned).toEqual([
      'Adoption of MOSIP as the foundational identity platform for Sri Lanka Unique Digital Identity (SLUDI) Project',
      'Digital Initiatives Group at ITECH, University of Washington',
    ]);
    // Every entity's properties, keys sorted: a rewritten node may list its keys in another order.
    const entities = async () =>
      (await query(db, 'MATCH (n:Entity) RETURN n {.*} AS p ORDER BY n.id')).map((r) =>
        JSON.stringify(Object.entries(r.p as object).sort(([a], [b]) => (a < b ? -1 : 1))),
      );
    const before = { ...(await graphSnapshot(db)), digest: null, entities: await entities() };
    await query(
      db,
      `MATCH (a:Entity {id: $sludi}) SET a.name = a.name + ':'
       WITH a MATCH (o:Entity {id: $itech}) SET o.name = replace(o.name, ', ', ',  ')`,
      { sludi, itech },
    );
    expect(await names()).not.toEqual(cleaned);
    for (const [kind, location] of [
      ['dpg-registry', REGISTRY_DIR],
      ['activities-csv', ROADMAP_FILE],
    ] as const) {
      const report = await runImport(db, { kind, location });
      expect({ kind, ...report.nodes }).toMatchObject({
        kind,
        created: 0,
        updated: 1,
        retracted: 0,
      });
    }
    // The same entities, ids, provenance and relationships as a fresh import.
    expect({ ...(await graphSnapshot(db)), digest: null, entities: await entities() }).toEqual(
      before,
    );
  });

  it('lists every merge with the names merged and the rule in the resolution report', async () => {
    const merges = await resolutionReport(db);
    const norad = merges.find((m) => m.id === 'org:norad')!;
    expect(norad.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(['Norad', 'Norwegian Agency for Development Cooperation (Norad)']),
    );
    expect(merges.find((m) => m.id === 'org:gates-foundation')!.names).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'BMGF',
          rule: 'alias',
          source: 'source:activities-csv:roadmap-2023',
        }),
      ]),
    );
  });
});

describe.runIf(hasSharedData())('registry re-imports, the live API and bad input', () => {
  beforeAll(async () => {
    await resetGraph(db);
    await importSeed(db);
    await importDpgRegistry(db, REGISTRY_DIR);
  }, 120_000);

  it('retracts a fact a newer registry no longer states, and nothing else', async () => {
    const copy = copyRegistry();
    copy.edit('dhis2', (r) => ({
      ...r,
      organizations: r.organizations.filter((o: { name: string }) => o.name !== 'Norad'),
    }));
    const before = await graphSnapshot(db);
    try {
      const report = await importDpgRegistry(db, copy.dir);
      expect(report.relationships).toMatchObject({ created: 0, retracted: 1, removed: 1 });
      expect(await ids(`MATCH (o)-[:FUNDS]->(:DPG {id: 'dpg:dhis2'}) RETURN o.id AS id`)).toEqual(
        [],
      );
      // Norad still funds other DPGs and is still there; every other fact is as it was.
      expect(await ids(`MATCH (o:Organisation {id: 'org:norad'}) RETURN o.id AS id`)).toEqual([
        'org:norad',
      ]);
      const after = await graphSnapshot(db);
      expect(after.relationships).toBe(before.relationships - 1);
      expect(after.nodes).toBe(before.nodes);
    } finally {
      await importDpgRegistry(db, REGISTRY_DIR);
      rmSync(path.dirname(copy.dir), { recursive: true, force: true });
    }
  });

  it('imports the same registry from the live API layout over HTTP', async () => {
    const { url, server, requests } = await serveRegistry(REGISTRY_DIR);
    try {
      const report = await importDpgRegistry(db, url, { concurrency: 4 });
      expect(report.details).toMatchObject({ records: 165 });
      // Same content as the directory copy: nothing but the source's URI changes.
      expect(report.nodes).toMatchObject({ created: 0, retracted: 0 });
      expect(report.relationships).toMatchObject({ created: 0, retracted: 0, removed: 0 });
      expect(requests[0]).toBe('/dpgs');
      expect(requests).toContain('/dpg/dhis2/');
    } finally {
      server.close();
    }
  });

  it('fails cleanly, writing nothing, when the API is unreachable or times out', async () => {
    const before = await graphSnapshot(db);
    await expect(
      importDpgRegistry(db, 'http://127.0.0.1:1', {
        fetch: { timeoutMs: 500, retries: 1, backoffMs: 10 },
      }),
    ).rejects.toThrow(/unreachable/);
    const hanging = await serveRegistry(REGISTRY_DIR, { hang: true });
    try {
      await expect(
        importDpgRegistry(db, hanging.url, {
          fetch: { timeoutMs: 300, retries: 1, backoffMs: 10 },
        }),
      ).rejects.toThrow(/timed out after 300 ms/);
    } finally {
      hanging.server.closeAllConnections();
      hanging.server.close();
    }
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it.each([
    [
      'a truncated detail JSON',
      (c: ReturnType<typeof copyRegistry>) =>
        writeFileSync(
          path.join(c.dir, 'dpg', 'dhis2.json'),
          readFileSync(path.join(REGISTRY_DIR, 'dpg', 'dhis2.json'), 'utf8').slice(0, 500),
        ),
      /dpg\/dhis2\.json is not valid JSON/,
    ],
    [
      'a record without a name',
      (c: ReturnType<typeof copyRegistry>) => c.edit('opencrvs', (r) => ({ ...r, name: '' })),
      /dpg\/opencrvs\.json record "opencrvs", field "name": name is empty/,
    ],
    [
      'an unknown org_type',
      (c: ReturnType<typeof copyRegistry>) =>
        c.edit('odk', (r) => ({
          ...r,
          organizations: [{ name: 'Get ODK Inc', org_type: 'sponsor' }],
        })),
      /record "odk", field "organizations\.0\.org_type"/,
    ],
  ])(
    'rejects %s, naming the file, record and field, and writes nothing',
    async (_label, breakIt, message) => {
      const copy = copyRegistry();
      breakIt(copy);
      const before = await graphSnapshot(db);
      try {
        const error = await importDpgRegistry(db, copy.dir).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ImportInputError);
        expect((error as Error).message).toMatch(message);
        expect(await graphSnapshot(db)).toEqual(before);
      } finally {
        rmSync(path.dirname(copy.dir), { recursive: true, force: true });
      }
    },
  );

  it('rejects a sheet with a missing column or an empty value, naming line and column', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sheet-'));
    const noColumn = path.join(dir, 'no-column.csv');
    writeFileSync(noColumn, 'Org,Activity\nUNICEF,Something\n');
    const emptyValue = path.join(dir, 'empty.csv');
    writeFileSync(emptyValue, 'Organization,Activity,Link\nUNICEF,Something,\n,Orphan activity,\n');
    const before = await graphSnapshot(db);
    await expect(runImport(db, { kind: 'activities-csv', location: noColumn })).rejects.toThrow(
      /no "Organization" column/,
    );
    await expect(runImport(db, { kind: 'activities-csv', location: emptyValue })).rejects.toThrow(
      /empty\.csv line 3: the "Organization" value is empty/,
    );
    // The same sheet imports with a column mapping.
    const mapped = await runImport(db, {
      kind: 'activities-csv',
      location: noColumn,
      columns: 'organisation=Org',
      dryRun: true,
    });
    expect(mapped.nodes.created).toBe(1);
    expect(await graphSnapshot(db)).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a members list that is not one', async () => {
    await expect(
      runImport(db, {
        kind: 'members',
        location: 'members.json',
        content: '{"members": "UNICEF"}',
      }),
    ).rejects.toThrow(/members\.json, field "members"/);
    await expect(
      runImport(db, { kind: 'members', location: 'members.json', content: '{"members": [' }),
    ).rejects.toThrow(/members\.json is not valid JSON/);
  });
});
