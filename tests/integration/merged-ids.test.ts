// Ids that a merge moved, against the real test database. Old links and saved views name them, so
// every GET that takes an entity id answers 308 with the same URL naming the entity the id lives
// in now (server/api/moved-entities.ts); an id never merged still answers 404, and a write is
// never redirected. No new entity takes a merged-away id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';
import { call, createAccounts, serve, type Account, type Served } from './curation-fixture.ts';

const db = openTestDatabase();
let app: Served;
let editor: Account;

const ed = (method: string, path: string, body?: unknown) =>
  call(app.url, method, path, body, { token: editor.token });
const get = (path: string) => call(app.url, 'GET', path);

/** Asserts a 308 for `id`, moved to `to`, in the entities route's error shape; the Location. */
function expectMoved(reply: Awaited<ReturnType<typeof get>>, id: string, to: string): string {
  expect(reply.status).toBe(308);
  expect(reply.body).toEqual({
    error: { code: 'MOVED', message: expect.any(String), details: { id, to } },
  });
  return reply.headers.get('location')!;
}

beforeAll(async () => {
  await resetGraph(db);
  ({ editor } = await createAccounts(db));
  app = await serve(db);
  // Two duplicates of an organisation and two of a DPG, as two sources named them.
  await query(
    db,
    `CREATE (a:Entity:Organisation {id: 'org:intrahealth', name: 'IntraHealth', aliases: [], sources: ['source:a'], evidence: ['a'], kind: 'ngo'})
     CREATE (b:Entity:Organisation {id: 'org:intrahealth-international', name: 'IntraHealth International', aliases: [], sources: ['source:b'], evidence: ['b'], kind: 'ngo'})
     CREATE (f:Entity:Organisation {id: 'org:funder', name: 'Funder', aliases: [], sources: ['source:a'], evidence: ['a'], kind: 'foundation'})
     CREATE (d:Entity:DPG {id: 'dpg:openmrs-legacy', name: 'OpenMRS (legacy)', aliases: [], sources: ['source:a'], evidence: ['a']})
     CREATE (e:Entity:DPG {id: 'dpg:openmrs', name: 'OpenMRS', aliases: [], sources: ['source:b'], evidence: ['b']})
     CREATE (a)-[:FUNDS {sources: ['source:a'], evidence: ['a']}]->(d)
     CREATE (f)-[:FUNDS {sources: ['source:a'], evidence: ['a']}]->(b)
     CREATE (b)-[:OWNS {sources: ['source:b'], evidence: ['b']}]->(e)`,
  );
  for (const [keep, remove] of [
    ['org:intrahealth-international', 'org:intrahealth'],
    ['dpg:openmrs', 'dpg:openmrs-legacy'],
  ]) {
    const merged = await ed('POST', '/api/curation/merge', {
      keep,
      remove,
      keepVersion: 0,
      removeVersion: 0,
    });
    expect(merged.status).toBe(200);
  }
});
afterAll(async () => {
  await app.close();
  await resetGraph(db);
  await db.close();
});

describe('a GET naming a merged-away id', () => {
  it('answers the neighbourhood with 308 to the kept entity, other parameters kept', async () => {
    const reply = await get('/api/graph/neighbourhood?id=org:intrahealth&depth=2&limit=20');
    const location = expectMoved(reply, 'org:intrahealth', 'org:intrahealth-international');
    expect(location).toBe(
      '/api/graph/neighbourhood?id=org%3Aintrahealth-international&depth=2&limit=20',
    );
    // The Location answers: the kept entity's neighbourhood, with what the removed one had.
    const followed = await get(location);
    expect(followed.status).toBe(200);
    const ids = followed.body.nodes.map((n: { data: { id: string } }) => n.data.id);
    expect(ids).toEqual(
      expect.arrayContaining(['org:intrahealth-international', 'org:funder', 'dpg:openmrs']),
    );
    expect(ids).not.toContain('org:intrahealth');
  });

  it('reads the id as the route does: any case answers with the canonical id', async () => {
    const reply = await get('/api/graph/neighbourhood?id=ORG:IntraHealth');
    expect(expectMoved(reply, 'org:intrahealth', 'org:intrahealth-international')).toBe(
      '/api/graph/neighbourhood?id=org%3Aintrahealth-international',
    );
  });

  it('answers paths with 308 for either end, and one 308 naming both when both moved', async () => {
    const from = await get('/api/graph/paths?from=org:intrahealth&to=org:funder&maxHops=3');
    expect(expectMoved(from, 'org:intrahealth', 'org:intrahealth-international')).toBe(
      '/api/graph/paths?from=org%3Aintrahealth-international&to=org:funder&maxHops=3',
    );
    const to = await get('/api/graph/paths?from=org:funder&to=dpg:openmrs-legacy');
    const location = expectMoved(to, 'dpg:openmrs-legacy', 'dpg:openmrs');
    expect(location).toBe('/api/graph/paths?from=org:funder&to=dpg%3Aopenmrs');
    expect((await get(location)).status).toBe(200);
    const both = await get('/api/graph/paths?from=org:intrahealth&to=dpg:openmrs-legacy');
    expect(both.status).toBe(308);
    expect(both.headers.get('location')).toBe(
      '/api/graph/paths?from=org%3Aintrahealth-international&to=dpg%3Aopenmrs',
    );
  });

  it('answers a DPG’s collaborators and the other insights with 308', async () => {
    const collaborators = await get('/api/dpgs/dpg:openmrs-legacy/collaborators?limit=5');
    expect(expectMoved(collaborators, 'dpg:openmrs-legacy', 'dpg:openmrs')).toBe(
      '/api/dpgs/dpg%3Aopenmrs/collaborators?limit=5',
    );
    const stakeholders = await get('/api/stakeholders?dpg=dpg:openmrs-legacy');
    expect(expectMoved(stakeholders, 'dpg:openmrs-legacy', 'dpg:openmrs')).toBe(
      '/api/stakeholders?dpg=dpg%3Aopenmrs',
    );
    const network = await get('/api/organisations/org:intrahealth/network');
    expect(expectMoved(network, 'org:intrahealth', 'org:intrahealth-international')).toBe(
      '/api/organisations/org%3Aintrahealth-international/network',
    );
  });

  it('answers the entity, its curation state, a relationship of it and its export with 308', async () => {
    const entity = await get('/api/entities/org:intrahealth?neighbours=5');
    expect(expectMoved(entity, 'org:intrahealth', 'org:intrahealth-international')).toBe(
      '/api/entities/org%3Aintrahealth-international?neighbours=5',
    );
    const state = await get('/api/curation/entities/org:intrahealth');
    expect(expectMoved(state, 'org:intrahealth', 'org:intrahealth-international')).toBe(
      '/api/curation/entities/org%3Aintrahealth-international',
    );
    // The removed entity's FUNDS moved to the kept one with both its ends merged.
    const relationship = await get(
      '/api/curation/relationships?from=org:intrahealth&type=FUNDS&to=dpg:openmrs-legacy',
    );
    const location = expectMoved(relationship, 'org:intrahealth', 'org:intrahealth-international');
    expect(location).toBe(
      '/api/curation/relationships?from=org%3Aintrahealth-international&type=FUNDS&to=dpg%3Aopenmrs',
    );
    expect((await get(location)).status).toBe(200);
    const exported = await get('/api/export?format=json&id=org:intrahealth&depth=1');
    expect(expectMoved(exported, 'org:intrahealth', 'org:intrahealth-international')).toBe(
      '/api/export?format=json&id=org%3Aintrahealth-international&depth=1',
    );
    // Annotations moved with the merge: asked about the old id, the list was empty (QA).
    const notes = await get('/api/curation/annotations?subject=org:intrahealth');
    expect(expectMoved(notes, 'org:intrahealth', 'org:intrahealth-international')).toBe(
      '/api/curation/annotations?subject=org%3Aintrahealth-international',
    );
    expect((await get('/api/curation/annotations?subject=org:never-was')).body).toEqual({
      annotations: [],
    });
  });

  it('follows a chain of redirects to its end, and answers 404 where the chain ends nowhere', async () => {
    // Older data can hold a chain (a merge re-points earlier redirects, so it leaves none).
    await query(
      db,
      `CREATE (:Redirect {from: 'org:first-name', to: 'org:second-name'})
       CREATE (:Redirect {from: 'org:second-name', to: 'org:intrahealth'})
       CREATE (:Redirect {from: 'org:deleted-since', to: 'org:gone'})`,
    );
    const chained = await get('/api/graph/neighbourhood?id=org:first-name');
    expect(expectMoved(chained, 'org:first-name', 'org:intrahealth-international')).toBe(
      '/api/graph/neighbourhood?id=org%3Aintrahealth-international',
    );
    const nowhere = await get('/api/graph/neighbourhood?id=org:deleted-since');
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.error).toMatchObject({
      code: 'NOT_FOUND',
      details: { id: 'org:deleted-since' },
    });
  });
});

describe('what is not redirected', () => {
  it('answers 404 for an id that was never merged', async () => {
    for (const path of [
      '/api/graph/neighbourhood?id=org:never-was',
      '/api/graph/paths?from=org:never-was&to=org:funder',
      '/api/dpgs/dpg:never-was/collaborators',
      '/api/entities/org:never-was',
    ]) {
      const reply = await get(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body.error).toMatchObject({
        code: 'NOT_FOUND',
        details: { id: expect.stringContaining(':never-was') },
      });
      expect(reply.headers.get('location')).toBeNull();
    }
  });

  it('answers 404 for a path whose other end was never merged, though one end moved', async () => {
    const reply = await get('/api/graph/paths?from=org:intrahealth&to=org:never-was');
    // One moved end is still redirected: the followed URL answers the 404 of the other.
    const location = expectMoved(reply, 'org:intrahealth', 'org:intrahealth-international');
    const followed = await get(location);
    expect(followed.status).toBe(404);
    expect(followed.body.error.details).toEqual({ id: 'org:never-was' });
  });

  it('never redirects a write: PATCH, DELETE and POST naming a merged-away id answer 404 saying where it went', async () => {
    const patch = await ed('PATCH', '/api/curation/entities/org:intrahealth', {
      version: 0,
      properties: { website: 'https://intrahealth.example' },
    });
    const del = await ed('DELETE', '/api/curation/entities/org:intrahealth?version=0');
    const post = await ed('POST', '/api/curation/relationships', {
      from: 'org:intrahealth',
      type: 'FUNDS',
      to: 'dpg:openmrs',
    });
    for (const reply of [patch, del, post]) {
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('NOT_FOUND');
      expect(reply.headers.get('location')).toBeNull();
      // It said only "No entity has the id" (QA).
      expect(reply.body.error.message).toContain(
        'org:intrahealth was merged into org:intrahealth-international; name that entity instead',
      );
      expect(reply.body.error.details).toEqual({
        id: 'org:intrahealth',
        to: 'org:intrahealth-international',
      });
    }
    // An id that never was gets the plain 404.
    const never = await ed('PATCH', '/api/curation/entities/org:never-was', {
      version: 0,
      properties: { website: 'https://never.example' },
    });
    expect(never.status).toBe(404);
    expect(never.body.error.message).toBe('No entity has the id "org:never-was"');
  });
});

describe('creating an entity with a merged-away id', () => {
  it('is refused with 409 naming the entity it was merged into, and the redirect stays', async () => {
    for (const body of [
      { type: 'Organisation', properties: { name: 'IntraHealth' } },
      { type: 'Organisation', id: 'org:intrahealth', properties: { name: 'Anything' } },
    ]) {
      const reply = await ed('POST', '/api/curation/entities', body);
      expect(reply.status).toBe(409);
      expect(reply.body.error).toEqual({
        code: 'ALREADY_EXISTS',
        message: expect.stringContaining('org:intrahealth-international'),
        details: { id: 'org:intrahealth', mergedInto: 'org:intrahealth-international' },
      });
    }
    expect(await query(db, "MATCH (n:Entity {id: 'org:intrahealth'}) RETURN n")).toEqual([]);
    const still = await get('/api/entities/org:intrahealth');
    expect(expectMoved(still, 'org:intrahealth', 'org:intrahealth-international')).toBe(
      '/api/entities/org%3Aintrahealth-international',
    );
  });

  it('is refused where the entity it was merged into was deleted since', async () => {
    await query(db, "MERGE (r:Redirect {from: 'dpg:merged-then-gone'}) SET r.to = 'dpg:gone'");
    const reply = await ed('POST', '/api/curation/entities', {
      type: 'DPG',
      id: 'dpg:merged-then-gone',
      properties: { name: 'Merged then gone' },
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: { id: 'dpg:merged-then-gone', mergedInto: 'dpg:gone' },
    });
  });

  it('still creates an entity whose id was never merged away', async () => {
    const reply = await ed('POST', '/api/curation/entities', {
      type: 'Organisation',
      properties: { name: 'IntraHealth Kenya' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.id).toBe('org:intrahealth-kenya');
  });
});

describe('what a merge records', () => {
  it('marks as edited only what editors set on the kept entity or the values it took, and audits the removed entity', async () => {
    // As QA had it: the removed duplicate was created by an editor (all its properties count as
    // edited, its name too); the kept one came from an import.
    const created = await ed('POST', '/api/curation/entities', {
      type: 'Organisation',
      id: 'org:qa-duplicate',
      properties: { name: 'QA Duplicate', kind: 'ngo', website: 'https://qa.example' },
    });
    expect(created.body.editedProperties).toEqual(
      expect.arrayContaining(['name', 'kind', 'website']),
    );
    await query(
      db,
      `CREATE (:Entity:Organisation {id: 'org:qa-original', name: 'QA Original', kind: 'foundation', aliases: [], sources: ['source:b'], evidence: ['b']})`,
    );
    const merged = await ed('POST', '/api/curation/merge', {
      keep: 'org:qa-original',
      remove: 'org:qa-duplicate',
      keepVersion: 0,
      removeVersion: 1,
    });
    expect(merged.status).toBe(200);
    // website came from the duplicate, as an editor set it; name and kind are the kept entity's.
    expect(merged.body.entity.properties).toMatchObject({
      name: 'QA Original',
      kind: 'foundation',
      website: 'https://qa.example',
      aliases: ['QA Duplicate'],
    });
    expect(merged.body.entity.editedProperties).toEqual(['website']);

    // The kept entity's history says what was merged in: the removed entity's id, name, version.
    const feed = await call(
      app.url,
      'GET',
      '/api/audit?entity=org:qa-original&limit=1',
      undefined,
      {
        token: editor.token,
      },
    );
    const [event] = feed.body.events;
    expect(event).toMatchObject({
      action: 'entity.merge',
      entityId: 'org:qa-original',
      entityIds: ['org:qa-original', 'org:qa-duplicate'],
      before: {
        keep: { id: 'org:qa-original', version: 0, properties: { name: 'QA Original' } },
        remove: {
          id: 'org:qa-duplicate',
          type: 'Organisation',
          version: 1,
          properties: { name: 'QA Duplicate' },
          relationships: [],
        },
      },
      after: { id: 'org:qa-original', version: 1, editedProperties: ['website'] },
    });
  });
});
