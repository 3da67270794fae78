// The relationship read names the documents that state the relationship, as entity details name
// theirs: the relationship panel shows who states it from this one answer, without reading both
// ends' details (a hub's list only its first neighbours, and perhaps not this relationship's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationshipSchema } from '../../server/api/curation-schemas.ts';
import { importDpgaMembers } from '../../server/importers/dpga-members/members-importer.ts';
import { sha256 } from '../../server/importers/source-reader.ts';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';
import { call, createAccounts, serve, type Account, type Served } from './curation-fixture.ts';

const db = openTestDatabase();
let app: Served;
let editor: Account;

const MEMBERS = JSON.stringify({ members: ['UNICEF', 'Creative Commons'], board: ['UNICEF'] });
const PATH = '/api/curation/relationships?from=org:unicef&type=MEMBER_OF&to=org:dpga';

beforeAll(async () => {
  await resetGraph(db);
  ({ editor } = await createAccounts(db));
  app = await serve(db);
  await importDpgaMembers(db, {
    uri: 'members-test.json',
    text: MEMBERS,
    checksum: sha256(MEMBERS),
  });
  // A second statement of the relationship, by an editor: a source of another kind.
  const stated = await call(
    app.url,
    'POST',
    '/api/curation/relationships',
    { from: 'org:unicef', type: 'MEMBER_OF', to: 'org:dpga' },
    { token: editor.token },
  );
  expect(stated.status).toBe(200);
});
afterAll(async () => {
  await app.close();
  await resetGraph(db);
  await db.close();
});

describe('GET /api/curation/relationships', () => {
  it('names each source stating the relationship with its title, address and import time', async () => {
    const reply = await call(app.url, 'GET', PATH);
    expect(reply.status).toBe(200);
    const timestamp = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);
    // Exactly these fields: a Source node keeps more (its name resolutions) than a reader sees.
    expect(reply.body.sources).toEqual([
      {
        id: 'source:dpga-members',
        kind: 'dpga-members',
        uri: 'file:members-test.json',
        title: 'DPGA members and board',
        checksum: sha256(MEMBERS),
        importedAt: timestamp,
      },
      {
        id: `source:editor:${editor.id}`,
        kind: 'editor',
        uri: `user:${editor.id}`,
        title: `Edits by ${editor.name}`,
        checksum: '',
        importedAt: timestamp,
      },
    ]);
    expect(reply.body.properties.sources).toEqual(
      reply.body.sources.map((source: { id: string }) => source.id),
    );
    // The answer is what the OpenAPI document says it is.
    expect(relationshipSchema.safeParse(reply.body).success).toBe(true);
  });

  it('leaves out a source its provenance names that is no longer stored', async () => {
    await query(db, 'MATCH (s:Source {id: $id}) DETACH DELETE s', {
      id: `source:editor:${editor.id}`,
    });
    const reply = await call(app.url, 'GET', PATH);
    expect(reply.status).toBe(200);
    expect(reply.body.properties.sources).toContain(`source:editor:${editor.id}`);
    expect(reply.body.sources.map((source: { id: string }) => source.id)).toEqual([
      'source:dpga-members',
    ]);
  });
});
