/**
 * Undoing a delete against the real database: delete then undo gives back the graph as it was (the
 * entity's labels, properties with their Neo4j types, sources, edited marks; every relationship in
 * both directions with its properties and provenance; no tombstone left), a relationship delete
 * likewise, a re-import behaves as before the delete, and an undo that cannot bring it back as it
 * was is refused with nothing written. Two undos of one delete at once: one wins, the other 409.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importDpgaMembers } from '../../server/importers/dpga-members/members-importer.ts';
import { sha256 } from '../../server/importers/source-reader.ts';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';
import { call, createAccounts, enc, serve, type Account, type Served } from './curation-fixture.ts';
import { databaseSnapshot } from './fuzz-fixture.ts';

const db = openTestDatabase();
let app: Served;
let editor: Account;
let viewer: Account;

const ed = (method: string, path: string, body?: unknown) =>
  call(app.url, method, path, body, { token: editor.token });

const TARGET = 'org:acme';
const FUNDS = `from=${enc(TARGET)}&type=FUNDS&to=${enc('dpg:dhis2')}`;

/**
 * An organisation with typed properties JSON would blur (an INTEGER degree and version, a FLOAT
 * member count and PageRank, a datetime, a date, a list of integers: a sector profile the
 * measures write), two sources, an edited mark; relationships out (FUNDS with a version and an
 * edited date, MEMBER_OF with a FLOAT weight), in (an activity INVOLVES it) and a loop; an
 * annotation about it and a redirect to it.
 */
async function writeFixture(): Promise<void> {
  await resetGraph(db);
  ({ editor, viewer } = await createAccounts(db));
  await query(
    db,
    `CREATE (t:Entity:Organisation {id: 'org:acme', name: 'Acme', aliases: ['ACME Org', 'Acme’s'],
              aliasText: 'ACME Org | Acme’s | Acme s | ', kind: 'ngo', website: 'https://acme.example', description: 'Funds clinics',
              sources: ['source:a', 'source:b'], evidence: ['a says Acme', 'b says so too'],
              editedProperties: ['website'], version: 3, degree: 4, pagerank: 0.25,
              memberCount: 12.0, founded: date('2019-05-01'),
              metricsComputedAt: datetime('2025-03-04T05:06:07.123456789Z'),
              sectorBacking: [1, 0, 2], sectorActivity: [0, 0, 1]})
     CREATE (d:Entity:DPG {id: 'dpg:dhis2', name: 'DHIS2', aliases: [], sources: ['source:a'], evidence: ['x']})
     CREATE (g:Entity:Group {id: 'group:board', name: 'Board', aliases: [], sources: ['source:a'], evidence: ['x']})
     CREATE (act:Entity:Activity {id: 'activity:acme/clinics', name: 'Clinics', aliases: [], sources: ['source:b'], evidence: ['x']})
     CREATE (other:Entity:Organisation {id: 'org:other', name: 'Other', aliases: [], sources: ['source:a'], evidence: ['x']})
     CREATE (t)-[:FUNDS {sources: ['source:a', 'source:editor:someone'], evidence: ['a: funds', 'stated by an editor'],
                         startDate: '2021', version: 4, editedProperties: ['startDate']}]->(d)
     CREATE (t)-[:MEMBER_OF {sources: ['source:b'], evidence: ['b: member'], weight: 0.5, board: true}]->(g)
     CREATE (act)-[:INVOLVES {sources: ['source:b'], evidence: ['b: involves'], role: 'partner'}]->(t)
     CREATE (t)-[:MEMBER_OF {sources: ['source:b'], evidence: ['loop']}]->(t)
     CREATE (other)-[:FUNDS {sources: ['source:a'], evidence: ['a: funds too']}]->(d)
     CREATE (:Redirect {from: 'org:acme-old', to: 'org:acme', at: datetime()})`,
  );
  const note = await ed('POST', '/api/curation/annotations', {
    topic: 'activity:acme/clinics',
    subject: TARGET,
    stance: 'supportive',
  });
  expect(note.status).toBe(201);
}

/**
 * Every entity with its labels and every property with its Neo4j type (versions and lock marks
 * apart: a restore moves the version on), every relationship likewise, the tombstones, redirects
 * and annotations, and how many audit events there are.
 */
async function snapshot() {
  const [row] = await query(
    db,
    `CALL () {
       MATCH (n:Entity) WITH n ORDER BY n.id
       RETURN collect({id: n.id, labels: labels(n),
         properties: [k IN keys(n) WHERE k <> 'version' | [k, n[k], valueType(n[k])]]}) AS nodes
     }
     CALL () {
       MATCH (a:Entity)-[r]->(b:Entity)
       WITH a, r, b ORDER BY a.id, type(r), b.id
       RETURN collect({key: a.id + '|' + type(r) + '|' + b.id,
         properties: [k IN keys(r) | [k, r[k], valueType(r[k])]]}) AS relationships
     }
     CALL () { MATCH (t:Tombstone) WITH t ORDER BY t.key RETURN collect(t.key) AS tombstones }
     CALL () { MATCH (x:Redirect) WITH x ORDER BY x.from RETURN collect([x.from, x.to]) AS redirects }
     CALL () {
       MATCH (a:Annotation) WITH a ORDER BY a.id
       RETURN collect(a {.*, version: null, createdAt: toString(a.createdAt),
                         updatedAt: toString(a.updatedAt)}) AS annotations
     }
     CALL () { MATCH (e:AuditEvent) RETURN count(e) AS audits }
     RETURN nodes, relationships, tombstones, redirects, annotations, audits`,
  );
  const sorted = (list: unknown) =>
    (list as { properties: unknown[][] }[]).map((x) => ({
      ...x,
      properties: [...x.properties].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    }));
  return {
    nodes: sorted(row!.nodes),
    relationships: sorted(row!.relationships),
    tombstones: row!.tombstones as string[],
    redirects: row!.redirects,
    annotations: row!.annotations,
    audits: Number(row!.audits),
  };
}

async function version(id: string): Promise<number> {
  const [row] = await query(db, 'MATCH (n:Entity {id: $id}) RETURN n.version AS v', { id });
  return Number(row?.v ?? 0);
}

/** Deletes an entity through the API; answers the delete's audit id (its Audit-Id header). */
async function deleteEntity(id: string): Promise<string> {
  const reply = await ed(
    'DELETE',
    `/api/curation/entities/${enc(id)}?version=${await version(id)}`,
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(204);
  const auditId = reply.headers.get('audit-id');
  expect(auditId).toMatch(/^[0-9a-f-]{36}$/);
  return auditId!;
}

async function deleteRelationship(ref: string): Promise<string> {
  const reply = await ed('DELETE', `/api/curation/relationships?${ref}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(204);
  return reply.headers.get('audit-id')!;
}

const undo = (auditId: string) => ed('POST', '/api/curation/delete/undo', { auditId });

/** Asserts a 409 UNDO_REFUSED for `reason` that left the whole database as it was. */
async function expectRefused(auditId: string, reason: string) {
  const before = await databaseSnapshot(db);
  const reply = await undo(auditId);
  expect(reply.status, JSON.stringify(reply.body)).toBe(409);
  expect(reply.body.error).toMatchObject({ code: 'UNDO_REFUSED', details: { reason, auditId } });
  expect(await databaseSnapshot(db)).toEqual(before);
  return reply.body.error;
}

/** Rewrites the delete's audit record as `change` makes it. */
async function rewriteRecord(auditId: string, change: (before: Record<string, unknown>) => void) {
  const [row] = await query(db, 'MATCH (e:AuditEvent {id: $id}) RETURN e.before AS before', {
    id: auditId,
  });
  const before = JSON.parse(String(row!.before)) as Record<string, unknown>;
  change(before);
  await query(db, 'MATCH (e:AuditEvent {id: $id}) SET e.before = $before', {
    id: auditId,
    before: JSON.stringify(before),
  });
}

const graphVersion = async () =>
  (await query(db, "MATCH (m:GraphMetrics {id: 'metrics'}) RETURN m.graphVersion AS v"))[0]?.v;

beforeAll(async () => {
  app = await serve(db);
});
beforeEach(writeFixture);
afterAll(async () => {
  await app.close();
  await resetGraph(db);
  await db.close();
});

describe('undoing an entity delete', () => {
  it('gives back the entity, every relationship in both directions and no tombstone', async () => {
    const before = await snapshot();
    const versionBefore = await version(TARGET);
    const auditId = await deleteEntity(TARGET);
    const deleted = await snapshot();
    expect(deleted.nodes.map((n) => (n as { id?: string }).id)).not.toContain(TARGET);
    expect(deleted.tombstones).toEqual([TARGET]);
    // The annotation about it went with it (an entity created under the id must not inherit it).
    expect(before.annotations).toHaveLength(1);
    expect(deleted.annotations).toEqual([]);
    const deletedGraph = await graphVersion();

    const reply = await undo(auditId);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.entity).toMatchObject({ id: TARGET, type: 'Organisation' });
    expect(reply.body.notRestored).toEqual([]);
    expect(
      reply.body.relationships.map((r: { from: string; type: string; to: string }) =>
        [r.from, r.type, r.to].join('|'),
      ),
    ).toEqual(
      expect.arrayContaining([
        'org:acme|FUNDS|dpg:dhis2',
        'org:acme|MEMBER_OF|group:board',
        'activity:acme/clinics|INVOLVES|org:acme',
        'org:acme|MEMBER_OF|org:acme',
      ]),
    );
    expect(reply.body.relationships).toHaveLength(4);
    expect(reply.body.annotations).toEqual([
      expect.objectContaining({
        topic: 'activity:acme/clinics',
        subject: TARGET,
        subjectLabel: 'Acme',
        stance: 'supportive',
        version: 2,
      }),
    ]);
    expect(reply.body.annotationsNotRestored).toEqual([]);

    const after = await snapshot();
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relationships).toEqual(before.relationships);
    expect(after.tombstones).toEqual([]);
    expect(after.redirects).toEqual(before.redirects);
    expect(after.annotations).toEqual(before.annotations);
    // The delete and the restore, one event each.
    expect(after.audits).toBe(before.audits + 2);
    // The version moves on, as with any change: whoever read it before reads it again.
    expect(await version(TARGET)).toBe(versionBefore + 1);
    expect(await graphVersion()).not.toBe(deletedGraph);

    // It answers again, and so does the old id that redirects to it.
    const page = await call(app.url, 'GET', `/api/entities/${enc(TARGET)}`);
    expect(page.status).toBe(200);
    expect((await call(app.url, 'GET', '/api/entities/org:acme-old')).status).toBe(308);

    // The feed says the delete was undone, and by which event.
    const feed = await call(app.url, 'GET', `/api/audit?entity=${enc(TARGET)}&limit=2`, undefined, {
      token: viewer.token,
    });
    const [restore, del] = feed.body.events;
    expect(restore).toMatchObject({
      action: 'entity.restore',
      entityId: TARGET,
      before: { delete: auditId },
      after: { entity: { id: TARGET } },
      undoneBy: null,
    });
    expect(restore.entityIds).toEqual(
      expect.arrayContaining([TARGET, 'dpg:dhis2', 'group:board', 'activity:acme/clinics']),
    );
    expect(restore.id).toBe(reply.body.auditId);
    expect(del).toMatchObject({ id: auditId, action: 'entity.delete', undoneBy: restore.id });
  });

  it('lets a re-import state it again, as before the delete', async () => {
    const text = JSON.stringify({ members: ['Acme', 'Creative Commons'], board: ['Acme'] });
    const importMembers = () =>
      importDpgaMembers(db, { uri: 'members-test.json', text, checksum: sha256(text) });
    const first = await importMembers();
    expect(first.conflicts).toEqual([]);
    const id = 'org:creative-commons';
    const before = await snapshot();
    const auditId = await deleteEntity(id);

    const whileDeleted = await importMembers();
    expect(whileDeleted.conflicts).toEqual([
      expect.objectContaining({ kind: 'deleted-entity', id }),
    ]);
    expect(await version(id)).toBe(0);
    expect((await undo(auditId)).status).toBe(200);
    const restored = await snapshot();
    expect(restored.nodes).toEqual(before.nodes);
    expect(restored.relationships).toEqual(before.relationships);

    // As before the delete: nothing to report, nothing changed.
    const again = await importMembers();
    expect(again.conflicts).toEqual([]);
    const after = await snapshot();
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relationships).toEqual(before.relationships);
    expect(after.tombstones).toEqual(before.tombstones);
  });

  it('brings back the relationships whose other end is there and says why not the others', async () => {
    const acme = await deleteEntity(TARGET);
    await deleteEntity('dpg:dhis2');
    const reply = await undo(acme);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.relationships).toHaveLength(3);
    expect(reply.body.notRestored).toEqual([
      expect.objectContaining({
        from: TARGET,
        type: 'FUNDS',
        to: 'dpg:dhis2',
        fromLabel: 'Acme',
        toLabel: 'DHIS2',
        reason: expect.stringContaining('deleted since'),
      }),
    ]);
    const [event] = (
      await call(app.url, 'GET', `/api/audit?entity=${enc(TARGET)}&limit=1`, undefined, {
        token: viewer.token,
      })
    ).body.events;
    expect(event.after.notRestored).toHaveLength(1);
  });

  it('brings back the relationship between two deleted entities when the later delete is undone first', async () => {
    const before = await snapshot();
    const acme = await deleteEntity(TARGET);
    const dhis2 = await deleteEntity('dpg:dhis2');
    expect((await undo(dhis2)).status).toBe(200);
    const reply = await undo(acme);
    expect(reply.body.notRestored).toEqual([]);
    const after = await snapshot();
    expect(after.relationships).toEqual(before.relationships);
    expect(after.tombstones).toEqual([]);
  });

  it('refuses when an entity holds the id again, or it was merged away, writing nothing', async () => {
    const auditId = await deleteEntity(TARGET);
    const created = await ed('POST', '/api/curation/entities', {
      type: 'Organisation',
      id: TARGET,
      properties: { name: 'Acme again' },
    });
    expect(created.status).toBe(201);
    await expectRefused(auditId, 'in-use');

    const merged = await ed('POST', '/api/curation/merge', {
      keep: 'org:other',
      remove: TARGET,
      keepVersion: await version('org:other'),
      removeVersion: await version(TARGET),
    });
    expect(merged.status).toBe(200);
    const error = await expectRefused(auditId, 'in-use');
    expect(error.message).toContain('org:other');
  });

  it('takes the annotations naming it, none of which a new entity under its id inherits', async () => {
    await ed('POST', '/api/curation/annotations', {
      topic: TARGET,
      subject: 'org:other',
      stance: 'opposed',
      notes: 'Acme as a topic',
    });
    await deleteEntity(TARGET);
    const [event] = (
      await call(app.url, 'GET', `/api/audit?entity=${enc(TARGET)}&limit=1`, undefined, {
        token: viewer.token,
      })
    ).body.events;
    expect(event.before.annotations).toHaveLength(2);
    // The other ends of its annotations, and the annotations themselves, find the delete in
    // their history too.
    const annotationIds = event.before.annotations.map((a: { id: string }) => a.id);
    expect(event.entityIds).toEqual(
      expect.arrayContaining(['org:other', 'activity:acme/clinics', ...annotationIds]),
    );

    const created = await ed('POST', '/api/curation/entities', {
      type: 'Organisation',
      id: TARGET,
      properties: { name: 'Acme again' },
    });
    expect(created.status).toBe(201);
    for (const query of [`subject=${enc(TARGET)}`, `topic=${enc(TARGET)}`]) {
      const list = await call(app.url, 'GET', `/api/curation/annotations?${query}`, undefined, {
        token: viewer.token,
      });
      expect(list.status).toBe(200);
      expect(list.body.annotations, query).toEqual([]);
    }
  });

  it('brings back the annotations whose other end is there and says why not the others', async () => {
    await ed('POST', '/api/curation/annotations', {
      topic: TARGET,
      subject: 'org:other',
      stance: 'opposed',
    });
    const auditId = await deleteEntity(TARGET);
    await deleteEntity('org:other');
    const reply = await undo(auditId);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.annotations).toEqual([
      expect.objectContaining({ topic: 'activity:acme/clinics', subject: TARGET }),
    ]);
    expect(reply.body.annotationsNotRestored).toEqual([
      {
        id: expect.any(String),
        topic: TARGET,
        subject: 'org:other',
        topicLabel: 'Acme',
        subjectLabel: 'Other',
        reason: 'Other (org:other) was deleted since',
      },
    ]);
    const after = await snapshot();
    expect(after.annotations).toHaveLength(1);
    // The restore is in the history of the annotation it brought back and of its other end.
    const [restore] = (
      await call(app.url, 'GET', `/api/audit?entity=${enc(TARGET)}&limit=1`, undefined, {
        token: viewer.token,
      })
    ).body.events;
    expect(restore.action).toBe('entity.restore');
    expect(restore.entityIds).toEqual(
      expect.arrayContaining([reply.body.annotations[0].id, 'activity:acme/clinics']),
    );
  });

  it('refuses when the id was created and deleted again since: that later delete is the one to undo', async () => {
    const first = await deleteEntity(TARGET);
    const created = await ed('POST', '/api/curation/entities', {
      type: 'Organisation',
      id: TARGET,
      properties: { name: 'Acme again' },
    });
    expect(created.status).toBe(201);
    const second = await deleteEntity(TARGET);
    const error = await expectRefused(first, 'changed');
    expect(error.details.changes).toEqual([
      expect.stringContaining('entity.create'),
      expect.stringContaining('entity.delete'),
    ]);
    const reply = await undo(second);
    expect(reply.status).toBe(200);
    expect(reply.body.entity.properties.name).toBe('Acme again');
  });

  it('refuses a second undo of the same delete', async () => {
    const auditId = await deleteEntity(TARGET);
    expect((await undo(auditId)).status).toBe(200);
    await expectRefused(auditId, 'already-undone');
  });

  it('refuses a delete recorded before undo existed, or a record it cannot write back exactly', async () => {
    const auditId = await deleteEntity(TARGET);
    await rewriteRecord(auditId, (before) => delete before.undo);
    await expectRefused(auditId, 'not-recorded');

    const other = await deleteEntity('org:other');
    await rewriteRecord(other, (before) => {
      (before.undo as { propertyTypes: Record<string, string> }).propertyTypes.name =
        'POINT NOT NULL';
    });
    await expectRefused(other, 'unrestorable');
    await rewriteRecord(other, (before) => {
      (before.undo as { labels: string[] }).labels = ['Entity', 'User'];
    });
    await expectRefused(other, 'unrestorable');
  });

  it('lets exactly one of two undos at once succeed; the other gets 409, and the entity exists once', async () => {
    const degree = async () => {
      const [row] = await query(
        db,
        'MATCH (n:Entity {id: $id}) RETURN count(n) AS copies, COUNT { (n)--() } AS relationships',
        { id: TARGET },
      );
      return { copies: Number(row?.copies ?? 0), relationships: Number(row?.relationships ?? 0) };
    };
    const whole = await degree();
    expect(whole.copies).toBe(1);
    for (let round = 0; round < 3; round += 1) {
      const auditId = await deleteEntity(TARGET);
      const replies = await Promise.all([undo(auditId), undo(auditId)]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      const refused = replies.find((r) => r.status === 409)!;
      expect(refused.body.error.details.reason).toBe('already-undone');
      expect(await degree()).toEqual(whole);
    }
  });
});

describe('deleting a relationship at the version read', () => {
  it('refuses a change made since with 409, deleting nothing, and deletes at the version now', async () => {
    // The fixture's FUNDS is at version 4.
    const before = await databaseSnapshot(db);
    const stale = await ed('DELETE', `/api/curation/relationships?${FUNDS}&version=3`);
    expect(stale.status, JSON.stringify(stale.body)).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: 4 } });
    expect(await databaseSnapshot(db)).toEqual(before);
    const bad = await ed('DELETE', `/api/curation/relationships?${FUNDS}&version=x`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('query.version');
    const current = await ed('DELETE', `/api/curation/relationships?${FUNDS}&version=4`);
    expect(current.status, JSON.stringify(current.body)).toBe(204);
    expect((await snapshot()).tombstones).toEqual(['org:acme|FUNDS|dpg:dhis2']);
  });
});

describe('undoing a relationship delete', () => {
  it('gives back the relationship with its properties and provenance, and no tombstone', async () => {
    const before = await snapshot();
    const auditId = await deleteRelationship(FUNDS);
    expect((await snapshot()).tombstones).toEqual(['org:acme|FUNDS|dpg:dhis2']);
    const reply = await undo(auditId);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({
      entity: null,
      relationships: [
        { from: TARGET, type: 'FUNDS', to: 'dpg:dhis2', fromLabel: 'Acme', version: 4 },
      ],
      notRestored: [],
      annotations: [],
      annotationsNotRestored: [],
    });
    const after = await snapshot();
    expect(after.relationships).toEqual(before.relationships);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.tombstones).toEqual([]);
    const feed = await call(
      app.url,
      'GET',
      `/api/audit?entity=${enc('org:acme|FUNDS|dpg:dhis2')}&limit=2`,
      undefined,
      { token: viewer.token },
    );
    expect(feed.body.events.map((e: { action: string }) => e.action)).toEqual([
      'relationship.restore',
      'relationship.delete',
    ]);
    expect(feed.body.events[1].undoneBy).toBe(feed.body.events[0].id);
  });

  it('refuses when an end is gone, or the relationship was stated again, writing nothing', async () => {
    const auditId = await deleteRelationship(FUNDS);
    const restated = await ed('POST', '/api/curation/relationships', {
      from: TARGET,
      type: 'FUNDS',
      to: 'dpg:dhis2',
    });
    expect(restated.status).toBe(201);
    await expectRefused(auditId, 'in-use');

    await deleteEntity('dpg:dhis2');
    const error = await expectRefused(auditId, 'changed');
    expect(error.details.changes).toEqual([expect.stringContaining('DHIS2 (dpg:dhis2)')]);
  });

  it('refuses when it was stated and deleted again since', async () => {
    const first = await deleteRelationship(FUNDS);
    const restated = await ed('POST', '/api/curation/relationships', {
      from: TARGET,
      type: 'FUNDS',
      to: 'dpg:dhis2',
    });
    expect(restated.status).toBe(201);
    const second = await deleteRelationship(FUNDS);
    await expectRefused(first, 'changed');
    expect((await undo(second)).status).toBe(200);
  });

  it('lets exactly one of two undos at once succeed', async () => {
    const auditId = await deleteRelationship(FUNDS);
    const replies = await Promise.all([undo(auditId), undo(auditId)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const [row] = await query(
      db,
      'MATCH (:Entity {id: $from})-[r:FUNDS]->(:Entity {id: $to}) RETURN count(r) AS n',
      { from: TARGET, to: 'dpg:dhis2' },
    );
    expect(Number(row!.n)).toBe(1);
  });

  it('brings back no lock flag a delete recorded before locks stopped leaving one', async () => {
    const auditId = await deleteRelationship(FUNDS);
    // The record as older code wrote it: the relationship's properties held the flag.
    const [event] = await query(db, 'MATCH (e:AuditEvent {id: $id}) RETURN e.before AS before', {
      id: auditId,
    });
    const before = JSON.parse(String(event!.before));
    before.undo.properties._lock = true;
    await query(db, 'MATCH (e:AuditEvent {id: $id}) SET e.before = $before', {
      id: auditId,
      before: JSON.stringify(before),
    });
    expect((await undo(auditId)).status).toBe(200);
    const [row] = await query(
      db,
      'MATCH (:Entity {id: $from})-[r:FUNDS]->(:Entity {id: $to}) RETURN keys(r) AS keys',
      { from: TARGET, to: 'dpg:dhis2' },
    );
    expect(row!.keys).toEqual(expect.arrayContaining(['sources', 'version']));
    expect(row!.keys).not.toContain('_lock');
  });
});

describe('what the undo answers besides', () => {
  it('a 400 naming body.auditId for an event that is not a delete, 404 for an unknown one', async () => {
    const [row] = await query(
      db,
      "MATCH (e:AuditEvent {action: 'annotation.create'}) RETURN e.id AS id",
    );
    const notDelete = await undo(String(row!.id));
    expect(notDelete.status).toBe(400);
    expect(notDelete.body.error.details).toContainEqual(
      expect.objectContaining({ path: 'body.auditId' }),
    );
    expect((await undo('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await undo('not-a-uuid')).status).toBe(400);
    const auditId = await deleteEntity(TARGET);
    const anonymous = await call(app.url, 'POST', '/api/curation/delete/undo', { auditId });
    expect(anonymous.status).toBe(401);
    const asViewer = await call(
      app.url,
      'POST',
      '/api/curation/delete/undo',
      { auditId },
      { token: viewer.token },
    );
    expect(asViewer.status).toBe(403);
  });
});
