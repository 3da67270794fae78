import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphSnapshot,
  importSeed,
  openTestDatabase,
  query,
  resetGraph,
} from '../support/graph-fixture.ts';
import { hasSharedData } from '../support/shared-data.ts';
import { importDpgaMembers } from '../../server/importers/dpga-members/members-importer.ts';
import { sha256 } from '../../server/importers/source-reader.ts';
import { call, createAccounts, enc, serve, type Account, type Served } from './curation-fixture.ts';

const db = openTestDatabase();
let app: Served;
let editor: Account;

const ed = (method: string, path: string, body?: unknown) =>
  call(app.url, method, path, body, { token: editor.token });

beforeAll(async () => {
  await resetGraph(db);
  ({ editor } = await createAccounts(db));
  app = await serve(db);
});
afterAll(async () => {
  await app.close();
  await resetGraph(db);
  await db.close();
});

/** A members list as the DPGA publishes it (UNICEF on the board), imported from memory. */
function importMembers() {
  const text = JSON.stringify({ members: ['UNICEF', 'Creative Commons'], board: ['UNICEF'] });
  return importDpgaMembers(db, { uri: 'members-test.json', text, checksum: sha256(text) });
}

describe('re-importing keeps an editor’s correction of a relationship', () => {
  const path = '/api/curation/relationships?from=org:unicef&type=MEMBER_OF&to=org:dpga';

  it('keeps the board seat and role an editor set, and reports the conflict', async () => {
    await importMembers();
    const state = await call(app.url, 'GET', path);
    expect(state.body).toMatchObject({ version: 0, properties: { board: true } });
    const changed = await ed('PATCH', path, {
      version: 0,
      properties: { board: false, role: 'founding member' },
    });
    expect(changed.status).toBe(200);

    const report = await importMembers();
    expect(report.conflicts).toEqual([
      expect.objectContaining({
        kind: 'edited-property',
        id: 'org:unicef|MEMBER_OF|org:dpga',
        property: 'board',
        editorValue: false,
        importValue: true,
      }),
    ]);
    const after = await call(app.url, 'GET', path);
    expect(after.body).toMatchObject({
      version: 1,
      properties: { board: false, role: 'founding member' },
    });
    expect(after.body.properties.sources).toEqual(
      expect.arrayContaining(['source:dpga-members', `source:editor:${editor.id}`]),
    );
    // The member the editor left alone still takes the source's value.
    const other = await call(
      app.url,
      'GET',
      '/api/curation/relationships?from=org:creative-commons&type=MEMBER_OF&to=org:dpga',
    );
    expect(other.body.properties.board).toBe(false);
  });
});

describe.runIf(hasSharedData())(
  're-importing a source never overwrites an editor (the editor wins)',
  () => {
    let led = '';

    beforeAll(async () => {
      await importSeed(db);
      const [row] = await query(
        db,
        "MATCH (:Organisation {id: 'org:unicef'})-[:LEADS]->(a) RETURN a.id AS id ORDER BY a.id LIMIT 1",
      );
      led = String(row!.id);
    });

    it('keeps an edited name and a deleted relationship, and reports both conflicts', async () => {
      const state = await call(app.url, 'GET', '/api/curation/entities/org:unicef');
      const renamed = await ed('PATCH', '/api/curation/entities/org:unicef', {
        version: state.body.version,
        properties: { name: 'UNICEF (edited)' },
      });
      expect(renamed.status).toBe(200);
      const deleted = await ed(
        'DELETE',
        `/api/curation/relationships?from=org:unicef&type=LEADS&to=${enc(led)}`,
      );
      expect(deleted.status).toBe(204);

      const report = await importSeed(db);
      expect(report.conflicts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'edited-property',
            id: 'org:unicef',
            property: 'name',
            editorValue: 'UNICEF (edited)',
            importValue: 'UNICEF',
          }),
          expect.objectContaining({ kind: 'deleted-relationship', id: `org:unicef|LEADS|${led}` }),
        ]),
      );
      const [unicef] = await query(
        db,
        "MATCH (n:Entity {id: 'org:unicef'}) RETURN n.name AS name, n.sources AS sources",
      );
      expect(unicef!.name).toBe('UNICEF (edited)');
      expect(unicef!.sources).toEqual(
        expect.arrayContaining(['source:member-page:unicef', `source:editor:${editor.id}`]),
      );
      const [rel] = await query(
        db,
        'MATCH (:Entity {id: $from})-[r:LEADS]->(:Entity {id: $to}) RETURN count(r) AS n',
        { from: 'org:unicef', to: led },
      );
      expect(rel!.n).toBe(0);
    });

    it('stays idempotent: importing again changes nothing and reports the same conflicts', async () => {
      const before = await graphSnapshot(db);
      const report = await importSeed(db);
      expect(await graphSnapshot(db)).toEqual(before);
      expect(report.conflicts.map((c) => c.kind).sort()).toEqual([
        'deleted-relationship',
        'edited-property',
      ]);
      expect(report.nodes.created).toBe(0);
      expect(report.relationships.created).toBe(0);
    });

    it('reads a merged-away id as the entity it was merged into, not as a new entity', async () => {
      const [row] = await query(
        db,
        "MATCH (o:Organisation)-[:PARTICIPATES_IN]->() WHERE o.id <> 'org:unicef' RETURN o.id AS id ORDER BY o.id LIMIT 1",
      );
      const removed = String(row!.id);
      const keepState = await call(app.url, 'GET', '/api/curation/entities/org:unicef');
      const removeState = await call(app.url, 'GET', `/api/curation/entities/${enc(removed)}`);
      const merged = await ed('POST', '/api/curation/merge', {
        keep: 'org:unicef',
        remove: removed,
        keepVersion: keepState.body.version,
        removeVersion: removeState.body.version,
      });
      expect(merged.status).toBe(200);
      const report = await importSeed(db);
      expect(report.nodes.created).toBe(0);
      expect(await query(db, 'MATCH (n:Entity {id: $id}) RETURN n.id', { id: removed })).toEqual(
        [],
      );
    });

    it('keeps the activity types an editor gave, which the filters read', async () => {
      const [before] = await query(db, 'MATCH (a:Entity {id: $id}) RETURN a.activityTypes AS t', {
        id: led,
      });
      const state = await call(app.url, 'GET', `/api/curation/entities/${enc(led)}`);
      const typed = await ed('PATCH', `/api/curation/entities/${enc(led)}`, {
        version: state.body.version,
        properties: { activityTypes: ['advocacy', 'research'] },
      });
      expect(typed.status).toBe(200);
      const tooLong = await ed('PATCH', `/api/curation/entities/${enc(led)}`, {
        version: typed.body.version,
        properties: { activityTypes: ['x'.repeat(51)] },
      });
      expect(tooLong.status).toBe(400);
      expect(JSON.stringify(tooLong.body)).toContain('activityTypes');

      const report = await importSeed(db);
      const [after] = await query(db, 'MATCH (a:Entity {id: $id}) RETURN a.activityTypes AS t', {
        id: led,
      });
      expect(after!.t).toEqual(['advocacy', 'research']);
      expect(report.conflicts).toContainEqual(
        expect.objectContaining({
          kind: 'edited-property',
          id: led,
          property: 'activityTypes',
          importValue: before!.t,
        }),
      );
    });
  },
);

describe('an import classifies what the graph holds as unclassified, not what an editor classified', () => {
  it('gives a known name its kind from the rules, and keeps the kind an editor chose', async () => {
    // Both as an editor adds them: Dimagi with no kind, Vox Media with one the editor chose.
    const dimagi = await ed('POST', '/api/curation/entities', {
      type: 'Organisation',
      properties: { name: 'Dimagi' },
    });
    const vox = await ed('POST', '/api/curation/entities', {
      type: 'Organisation',
      properties: { name: 'Vox Media', kind: 'ngo' },
    });
    expect([dimagi.status, vox.status]).toEqual([201, 201]);

    const text = JSON.stringify({ members: ['Dimagi', 'Vox Media'], board: [] });
    await importDpgaMembers(db, { uri: 'members-kinds.json', text, checksum: sha256(text) });

    const rows = await query(
      db,
      'MATCH (o:Organisation) WHERE o.name IN $names RETURN o.name AS name, o.kind AS kind ORDER BY name',
      { names: ['Dimagi', 'Vox Media'] },
    );
    // Resolved to the editor's nodes (no duplicates), Dimagi classified by the rules' known names.
    expect(rows).toEqual([
      { name: 'Dimagi', kind: 'company' },
      { name: 'Vox Media', kind: 'ngo' },
    ]);
  });
});
