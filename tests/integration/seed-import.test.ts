import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ImportInputError } from '../../server/errors.ts';
import { importMemberPage } from '../../server/importers/member-page/member-page-importer.ts';
import { readSourceText, sha256 } from '../../server/importers/source-reader.ts';
import {
  graphSnapshot,
  importSeed,
  openTestDatabase,
  query,
  resetGraph,
} from '../support/graph-fixture.ts';
import { hasSharedData, SEED_PAGE } from '../support/shared-data.ts';

const AI_COP = 'activity:unicef/co-leading-the-community-of-practice-on-ai';
const YOUTH =
  'activity:unicef/dpgs-x-youth-supporting-youth-developed-dpgs-through-local-dpg-accelerators';
const LOCAL_GOV =
  'activity:unicef/supporting-the-development-of-dpg-functions-within-local-government-structures';
const OTHER_MEMBER = path.join(
  import.meta.dirname,
  '..',
  'fixtures',
  'member-pages',
  'other-member.txt',
);

const db = openTestDatabase();
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

const related = async (cypher: string, params: Record<string, unknown>) =>
  (await query(db, cypher, params)).map((r) => r.id as string).sort();

describe.runIf(hasSharedData())('importing the UNICEF seed page', () => {
  beforeEach(async () => {
    await resetGraph(db);
    await importSeed(db);
  });

  it('creates the ten activities the page declares, each with its description', async () => {
    const rows = await query(
      db,
      `MATCH (:Organisation {id: 'org:unicef'})-[:LEADS|CO_LEADS]->(a:Activity) RETURN a.id AS id, a.description AS description`,
    );
    expect(rows).toHaveLength(10);
    expect(
      rows.every(
        (r) => typeof r.description === 'string' && (r.description as string).length > 100,
      ),
    ).toBe(true);
  });

  it('has UNICEF and GIZ co-lead the AI CoP and its named members take part', async () => {
    expect(
      await related(`MATCH (o)-[:CO_LEADS]->(:Activity {id: $a}) RETURN o.id AS id`, { a: AI_COP }),
    ).toEqual(['org:giz', 'org:unicef']);
    expect(
      await related(`MATCH (o)-[:LEADS]->(:Activity {id: $a}) RETURN o.id AS id`, { a: AI_COP }),
    ).toEqual([]);
    const participants = await related(
      `MATCH (o:Organisation)-[:PARTICIPATES_IN]->(:Activity {id: $a}) RETURN o.id AS id`,
      { a: AI_COP },
    );
    expect(participants).toHaveLength(14);
    expect(participants).toEqual(
      expect.arrayContaining([
        'org:tony-blair-institute',
        'org:google',
        'org:volvo',
        'org:samsung',
        'org:mozilla-foundation',
      ]),
    );
    const [group] = await query(
      db,
      `MATCH (g:Group)-[:PARTICIPATES_IN]->(:Activity {id: $a}) RETURN g.memberCount AS size`,
      {
        a: AI_COP,
      },
    );
    expect(group?.size).toBe(50);
  });

  it('places the youth work stream in its six countries and the local-government work in two', async () => {
    expect(
      await related(`MATCH (:Activity {id: $a})-[:TAKES_PLACE_IN]->(c:Country) RETURN c.id AS id`, {
        a: YOUTH,
      }),
    ).toEqual(['country:BR', 'country:GH', 'country:JO', 'country:KZ', 'country:LB', 'country:SL']);
    expect(
      await related(`MATCH (:Activity {id: $a})-[:TAKES_PLACE_IN]->(c:Country) RETURN c.id AS id`, {
        a: LOCAL_GOV,
      }),
    ).toEqual(['country:KZ', 'country:SL']);
    expect(
      await related(`MATCH (o)-[:PARTICIPATES_IN]->(:Activity {id: $a}) RETURN o.id AS id`, {
        a: LOCAL_GOV,
      }),
    ).toEqual(['org:government-of-sierra-leone']);
  });

  it('links the board group, UNDP, GitHub and AfriLabs where the page names them', async () => {
    const byActivity = await query(
      db,
      `MATCH (x)-[r:PARTICIPATES_IN|INVOLVES]-(a:Activity) WHERE x.id IN $ids RETURN x.id AS id, type(r) AS type, a.name AS activity`,
      { ids: ['group:dpga-board', 'org:undp', 'org:github', 'org:afrilabs'] },
    );
    const find = (id: string) => byActivity.find((r) => r.id === id);
    expect(find('group:dpga-board')).toMatchObject({
      type: 'PARTICIPATES_IN',
      activity: expect.stringContaining('Global Digital Compact'),
    });
    expect(find('org:undp')).toMatchObject({
      type: 'PARTICIPATES_IN',
      activity: expect.stringContaining('alignment'),
    });
    expect(find('org:github')).toMatchObject({ type: 'PARTICIPATES_IN' });
    expect(find('org:afrilabs')).toMatchObject({ type: 'INVOLVES' });
  });

  it('keeps the Venture Fund figures on the fund', async () => {
    const [fund] = await query(
      db,
      `MATCH (f:Initiative {id: 'initiative:unicef-venture-fund'}) RETURN f {.*} AS f`,
    );
    expect(fund?.f).toMatchObject({
      solutionsInvested: 147,
      dpgsInvested: 19,
      programmeCountries: 86,
    });
    expect(
      await related(
        `MATCH (o)-[:RUNS]->(:Initiative {id: 'initiative:unicef-venture-fund'}) RETURN o.id AS id`,
        {},
      ),
    ).toEqual(['org:unicef']);
  });

  it('records provenance on every node and relationship, with evidence and a Source node', async () => {
    const [missing] = await query(
      db,
      `MATCH (n:Entity) WHERE size(coalesce(n.sources, [])) = 0 OR size(n.sources) <> size(n.evidence) RETURN count(n) AS n`,
    );
    expect(missing?.n).toBe(0);
    const [missingRel] = await query(
      db,
      `MATCH ()-[r]->() WHERE size(coalesce(r.sources, [])) = 0 OR size(r.sources) <> size(r.evidence) RETURN count(r) AS n`,
    );
    expect(missingRel?.n).toBe(0);
    const [source] = await query(
      db,
      `MATCH (s:Source {id: 'source:member-page:unicef'}) RETURN s {.*} AS s`,
    );
    expect(source?.s).toMatchObject({
      kind: 'member-page',
      // The file's name, not the folders of the machine that imported it.
      uri: 'file:unicef-member-activities.txt',
      checksum: sha256(readFileSync(SEED_PAGE, 'utf8')),
    });
    const [evidence] = await query(
      db,
      `MATCH (:Organisation {id: 'org:giz'})-[r:CO_LEADS]->() RETURN r.evidence AS evidence, r.sources AS sources`,
    );
    expect(evidence).toEqual({
      evidence: ['GIZ Co-Leads AI CoP with UNICEF.'],
      sources: ['source:member-page:unicef'],
    });
  });

  it('changes nothing when the same page is imported again', async () => {
    const before = await graphSnapshot(db);
    const report = await importSeed(db);
    expect(await graphSnapshot(db)).toEqual(before);
    expect(report.nodes).toMatchObject({ created: 0, updated: 0, retracted: 0, removed: 0 });
    expect(report.relationships).toMatchObject({
      created: 0,
      updated: 0,
      retracted: 0,
      removed: 0,
    });
    expect(report.nodes.unchanged).toBe(before.nodes);
    expect(report.source.changedSinceLastImport).toBe(false);
  });

  it('merges the organisations a second member page shares with the first', async () => {
    const before = await query(db, `MATCH (o:Organisation) RETURN count(o) AS n`);
    const report = await importMemberPage(db, await readSourceText(OTHER_MEMBER));
    // GIZ, UNICEF, Google and Mozilla already exist: one node each, now stated by both pages.
    const shared = await query(
      db,
      `MATCH (o:Organisation) WHERE o.id IN ['org:giz', 'org:unicef', 'org:google', 'org:mozilla-foundation']
       RETURN o.id AS id, o.sources AS sources`,
    );
    expect(shared).toHaveLength(4);
    for (const row of shared) {
      expect(row.sources).toEqual(['source:member-page:unicef', 'source:member-page:giz']);
    }
    const after = await query(db, `MATCH (o:Organisation) RETURN count(o) AS n`);
    // Only the unknown Rwandan authority is new.
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(1);
    expect(report.unresolved.map((u) => u.name)).toContain('Rwanda Information Society Authority');
    expect(report.merges.map((m) => m.id)).toEqual(
      expect.arrayContaining(['org:giz', 'org:unicef', 'org:google']),
    );
    const countries = await related(
      `MATCH (:Organisation {id: 'org:giz'})-[:LEADS]->(:Activity)-[:TAKES_PLACE_IN]->(c) RETURN c.id AS id`,
      {},
    );
    expect(countries).toEqual(['country:CI', 'country:RW']);
  });

  it('retracts what a newer version of the page no longer states, and nothing else', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'member-page-'));
    const file = path.join(dir, 'unicef.txt');
    // The newer page drops GitHub from the youth card.
    writeFileSync(
      file,
      readFileSync(SEED_PAGE, 'utf8').replace(
        'Connected members:\nGitHub\n',
        'Connected members:\n',
      ),
    );
    await importMemberPage(db, await readSourceText(OTHER_MEMBER));
    const before = await graphSnapshot(db);
    const report = await importMemberPage(db, await readSourceText(file));
    expect(report.relationships.removed).toBe(1);
    expect(
      await query(db, `MATCH (:Organisation {id: 'org:github'})-[r:PARTICIPATES_IN]->() RETURN r`),
    ).toHaveLength(0);
    // GitHub still runs All in Africa (named in the description), so the node stays.
    expect(await query(db, `MATCH (o:Organisation {id: 'org:github'}) RETURN o`)).toHaveLength(1);
    const after = await graphSnapshot(db);
    expect(after.relationships).toBe(before.relationships - 1);
    expect(after.nodes).toBe(before.nodes);
    // The other member's facts are untouched: what it says Google does, and Google's home.
    expect(
      await query(
        db,
        `MATCH (:Organisation {id: 'org:google'})-[r]->() WHERE 'source:member-page:giz' IN r.sources RETURN type(r) AS type ORDER BY type`,
      ),
    ).toEqual([{ type: 'BASED_IN' }, { type: 'PARTICIPATES_IN' }]);
  });

  it('writes nothing on a dry run, yet reports what it would do', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'member-page-'));
    const file = path.join(dir, 'unicef.txt');
    writeFileSync(
      file,
      readFileSync(SEED_PAGE, 'utf8').replace(
        'Connected members:\nGitHub\n',
        'Connected members:\n',
      ),
    );
    const before = await graphSnapshot(db);
    const report = await importMemberPage(db, await readSourceText(file), { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.relationships.removed).toBe(1);
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it.each([
    ['an empty file', ''],
    ['a binary file', '\u0000\u0001PNG\u0002\u0003'],
    ['a page that is not a member page', 'Dear reader,\nthis is a letter.\n'],
  ])('rejects %s and leaves the graph as it was', async (_label, text) => {
    const before = await graphSnapshot(db);
    await expect(
      importMemberPage(db, { uri: 'bad.txt', text, checksum: sha256(text) }),
    ).rejects.toBeInstanceOf(ImportInputError);
    expect(await graphSnapshot(db)).toEqual(before);
  });
});
