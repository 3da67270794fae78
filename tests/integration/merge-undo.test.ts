/**
 * Undoing a merge against the real database: merge then undo gives back the graph as it was
 * (both entities' labels, properties with their Neo4j types, sources, edited marks; every
 * relationship with its properties and provenance, including one both had; redirects and
 * annotations), and an undo that would overwrite a change made since is refused with nothing
 * written.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';
import { call, createAccounts, enc, serve, type Account, type Served } from './curation-fixture.ts';

const db = openTestDatabase();
let app: Served;
let editor: Account;

const ed = (method: string, path: string, body?: unknown) =>
  call(app.url, method, path, body, { token: editor.token });

const KEEP = 'org:acme';
const REMOVE = 'org:acme-inc';
const IDS = [KEEP, REMOVE];

/**
 * Two records of one organisation, each with relationships: both fund DHIS2 (a relationship the
 * merge unites), the duplicate alone owns Go.Data, is involved in an activity, is a member of the
 * kept one (dropped by the merge) and carries typed properties JSON would blur (an INTEGER degree
 * and version, a FLOAT member count and PageRank, a datetime). An earlier redirect leads to it.
 */
async function writeFixture(): Promise<void> {
  await resetGraph(db);
  ({ editor } = await createAccounts(db));
  await query(
    db,
    `CREATE (k:Entity:Organisation {id: 'org:acme', name: 'Acme', aliases: ['ACME Org'], kind: 'ngo',
              sources: ['source:a'], evidence: ['a says Acme'], editedProperties: ['kind'],
              version: 2, degree: 2, pagerank: 0.25})
     CREATE (r:Entity:Organisation {id: 'org:acme-inc', name: 'Acme Inc', aliases: ['Acme Incorporated'],
              website: 'https://acme.example', description: 'Duplicate record',
              sources: ['source:b', 'source:a'], evidence: ['b says Acme Inc', 'a mentions it'],
              editedProperties: ['website', 'name'], version: 3, degree: 4, pagerank: 0.5,
              memberCount: 12.0, metricsComputedAt: datetime('2025-03-04T05:06:07.123Z')})
     CREATE (d:Entity:DPG {id: 'dpg:dhis2', name: 'DHIS2', aliases: [], sources: ['source:a'], evidence: ['x']})
     CREATE (g:Entity:DPG {id: 'dpg:godata', name: 'Go.Data', aliases: [], sources: ['source:b'], evidence: ['x']})
     CREATE (act:Entity:Activity {id: 'activity:acme/clinics', name: 'Clinics', aliases: [], sources: ['source:b'], evidence: ['x']})
     CREATE (k)-[:FUNDS {sources: ['source:a'], evidence: ['a: Acme funds'], role: 'core donor', version: 1}]->(d)
     CREATE (r)-[:FUNDS {sources: ['source:b', 'source:a'], evidence: ['b: Inc funds', 'a: Inc funds'],
                         startDate: '2021', version: 4, editedProperties: ['startDate']}]->(d)
     CREATE (r)-[:OWNS {sources: ['source:b'], evidence: ['b: owns'], board: true}]->(g)
     CREATE (act)-[:INVOLVES {sources: ['source:b'], evidence: ['b: involves'], role: 'partner'}]->(r)
     CREATE (r)-[:MEMBER_OF {sources: ['source:b'], evidence: ['loop']}]->(k)
     CREATE (:Redirect {from: 'org:acme-old', to: 'org:acme-inc', at: datetime()})`,
  );
  const note = await ed('POST', '/api/curation/annotations', {
    topic: 'activity:acme/clinics',
    subject: REMOVE,
    stance: 'supportive',
  });
  expect(note.status).toBe(201);
}

/**
 * Everything the merge and its undo touch, with every property's Neo4j type: the two entities'
 * labels and properties (their versions and search text apart: an undo moves versions on, and
 * recomputes the search text), every relationship of either with its properties, the redirects
 * and the annotations.
 */
async function snapshot() {
  const [row] = await query(
    db,
    `CALL () {
       MATCH (n:Entity) WHERE n.id IN $ids
       WITH n ORDER BY n.id
       RETURN collect({id: n.id, labels: labels(n),
         properties: [k IN keys(n) WHERE NOT k IN ['version', 'aliasText'] | [k, n[k], valueType(n[k])]]}) AS nodes
     }
     CALL () {
       MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids OR b.id IN $ids
       WITH a, r, b ORDER BY a.id, type(r), b.id
       RETURN collect({key: a.id + '|' + type(r) + '|' + b.id,
         properties: [k IN keys(r) | [k, r[k], valueType(r[k])]]}) AS relationships
     }
     CALL () {
       MATCH (x:Redirect) WITH x ORDER BY x.from RETURN collect([x.from, x.to]) AS redirects
     }
     CALL () {
       MATCH (a:Annotation) WITH a ORDER BY a.id RETURN collect([a.topic, a.subject]) AS annotations
     }
     CALL () {
       MATCH (e:AuditEvent) RETURN count(e) AS audits
     }
     RETURN nodes, relationships, redirects, annotations, audits`,
    { ids: IDS },
  );
  const sortPairs = (list: unknown) =>
    (list as { id?: string; key?: string; properties: unknown[][] }[]).map((x) => ({
      ...x,
      properties: [...x.properties].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    }));
  return {
    nodes: sortPairs(row!.nodes),
    relationships: sortPairs(row!.relationships),
    redirects: row!.redirects,
    annotations: row!.annotations,
    audits: Number(row!.audits),
  };
}

async function version(id: string): Promise<number> {
  const [row] = await query(db, 'MATCH (n:Entity {id: $id}) RETURN n.version AS v', { id });
  return Number(row!.v);
}

/** Merges the duplicate into the kept entity through the API; returns the merge's audit id. */
async function mergeThem(): Promise<string> {
  const reply = await ed('POST', '/api/curation/merge', {
    keep: KEEP,
    remove: REMOVE,
    keepVersion: await version(KEEP),
    removeVersion: await version(REMOVE),
  });
  expect(reply.status).toBe(200);
  expect(reply.body.auditId).toEqual(expect.any(String));
  return reply.body.auditId as string;
}

const undo = (auditId: string) => ed('POST', '/api/curation/merge/undo', { auditId });

beforeAll(async () => {
  app = await serve(db);
});
beforeEach(writeFixture);
afterAll(async () => {
  await app.close();
  await resetGraph(db);
  await db.close();
});

describe('undoing a merge', () => {
  it('gives back both entities, every relationship and the redirects as they were', async () => {
    const before = await snapshot();
    const keepVersion = await version(KEEP);
    const removeVersion = await version(REMOVE);
    const auditId = await mergeThem();
    const merged = await snapshot();
    // The merge did what it does: one entity, the shared relationship's provenance united.
    expect(merged.nodes.map((n) => n.id)).toEqual([KEEP]);
    expect(merged.redirects).toContainEqual([REMOVE, KEEP]);
    const funds = (snap: typeof before) =>
      snap.relationships.find((r) => r.key === `${KEEP}|FUNDS|dpg:dhis2`);
    expect(JSON.stringify(funds(merged))).toContain('b: Inc funds');
    expect(JSON.stringify(funds(before))).not.toContain('b: Inc funds');
    const keepAfterMerge = await version(KEEP);
    const graphVersion = async () =>
      (await query(db, "MATCH (m:GraphMetrics {id: 'metrics'}) RETURN m.graphVersion AS v"))[0]?.v;
    const mergedGraph = await graphVersion();

    const reply = await undo(auditId);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.entity.id).toBe(KEEP);
    expect(reply.body.restored).toMatchObject({ id: REMOVE, type: 'Organisation' });

    const after = await snapshot();
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relationships).toEqual(before.relationships);
    expect(after.annotations).toEqual(before.annotations);
    // The Redirect of the removed id is gone; the earlier one leads to it again.
    expect(after.redirects).toEqual(before.redirects);
    // The merge and the undo, one event each (the fixture's annotation is the first).
    expect(after.audits).toBe(before.audits + 2);
    // Versions move on: whoever read either entity reads it again before editing.
    expect(await version(KEEP)).toBe(keepAfterMerge + 1);
    expect(keepAfterMerge).toBe(keepVersion + 1);
    expect(await version(REMOVE)).toBe(removeVersion + 1);

    // The old id answers as itself again, not with a 308 to the kept entity.
    const page = await call(app.url, 'GET', `/api/entities/${enc(REMOVE)}`);
    expect(page.status).toBe(200);
    expect(page.body.id).toBe(REMOVE);
    // The network measures are marked stale anew, as by the merge.
    expect(await graphVersion()).not.toBe(mergedGraph);

    const feed = await call(app.url, 'GET', `/api/audit?entity=${enc(REMOVE)}&limit=1`, undefined, {
      token: editor.token,
    });
    expect(feed.body.events[0]).toMatchObject({
      action: 'entity.unmerge',
      entityId: KEEP,
      entityIds: [KEEP, REMOVE],
      before: { merge: auditId },
      after: { merge: auditId, restored: { id: REMOVE } },
    });
  });

  it('says which of the removed entity’s relationship values it dropped, and the undo brings them back', async () => {
    await query(
      db,
      `MATCH (:Entity {id: $remove})-[r:FUNDS]->(:Entity {id: 'dpg:dhis2'}) SET r.role = 'co-funder'`,
      { remove: REMOVE },
    );
    const before = await snapshot();
    const reply = await ed('POST', '/api/curation/merge', {
      keep: KEEP,
      remove: REMOVE,
      keepVersion: await version(KEEP),
      removeVersion: await version(REMOVE),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    // The kept role stays, the removed one's start date fills in, and the dropped role is said.
    expect(reply.body.keptOver).toEqual([
      {
        from: KEEP,
        type: 'FUNDS',
        to: 'dpg:dhis2',
        fromLabel: 'Acme',
        toLabel: 'DHIS2',
        property: 'role',
        kept: 'core donor',
        dropped: 'co-funder',
      },
    ]);
    const [funds] = await query(
      db,
      `MATCH (:Entity {id: $keep})-[r:FUNDS]->(:Entity {id: 'dpg:dhis2'}) RETURN r.role AS role, r.startDate AS start`,
      { keep: KEEP },
    );
    expect(funds).toEqual({ role: 'core donor', start: '2021' });
    const feed = await call(app.url, 'GET', `/api/audit?entity=${enc(KEEP)}&limit=1`, undefined, {
      token: editor.token,
    });
    expect(feed.body.events[0].before.keptOver).toEqual(reply.body.keptOver);

    expect((await undo(reply.body.auditId)).status).toBe(200);
    const after = await snapshot();
    expect(after.relationships).toEqual(before.relationships);
  });

  it('refuses when the kept entity was edited since, and writes nothing', async () => {
    const auditId = await mergeThem();
    const edit = await ed('PATCH', `/api/curation/entities/${enc(KEEP)}`, {
      version: await version(KEEP),
      properties: { description: 'Edited after the merge' },
    });
    expect(edit.status).toBe(200);
    const before = await snapshot();
    const reply = await undo(auditId);
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('UNDO_REFUSED');
    expect(reply.body.error.details).toMatchObject({ reason: 'changed', auditId });
    expect(reply.body.error.details.changes.join(' ')).toContain('description');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses when a relationship the merge moved was changed or removed since', async () => {
    const auditId = await mergeThem();
    const ref = `from=${enc(KEEP)}&type=OWNS&to=${enc('dpg:godata')}`;
    const state = await ed('GET', `/api/curation/relationships?${ref}`);
    const edit = await ed('PATCH', `/api/curation/relationships?${ref}`, {
      version: state.body.version,
      properties: { role: 'maintainer' },
    });
    expect(edit.status).toBe(200);
    const before = await snapshot();
    const reply = await undo(auditId);
    expect(reply.status).toBe(409);
    expect(reply.body.error.details.reason).toBe('changed');
    expect(reply.body.error.details.changes).toEqual([
      expect.stringContaining(`${KEEP} OWNS dpg:godata`),
    ]);
    expect(await snapshot()).toEqual(before);

    // Removed rather than changed: still refused, still nothing written.
    const shared = `from=${enc(KEEP)}&type=FUNDS&to=${enc('dpg:dhis2')}`;
    expect((await ed('DELETE', `/api/curation/relationships?${shared}`)).status).toBe(204);
    const removedBefore = await snapshot();
    const again = await undo(auditId);
    expect(again.status).toBe(409);
    expect(again.body.error.details.changes).toContainEqual(
      expect.stringContaining(`${KEEP} FUNDS dpg:dhis2 was removed`),
    );
    expect(await snapshot()).toEqual(removedBefore);
  });

  it('refuses a second undo of the same merge', async () => {
    const auditId = await mergeThem();
    expect((await undo(auditId)).status).toBe(200);
    const before = await snapshot();
    const again = await undo(auditId);
    expect(again.status).toBe(409);
    expect(again.body.error.details.reason).toBe('already-undone');
    // When, as a person reads it, and as a client reads it.
    const undoneAt = again.body.error.details.undoneAt as string;
    expect(Math.abs(Date.now() - Date.parse(undoneAt))).toBeLessThan(60_000);
    expect(again.body.error.message).toMatch(
      /^This merge was undone already, on \d{1,2} [A-Z][a-z]{2} \d{4} at \d\d:\d\d UTC\.$/,
    );
    expect(again.body.error.message).toContain(undoneAt.slice(11, 16));
    expect(await snapshot()).toEqual(before);
  });

  it('lets exactly one of two undos at once succeed; the other gets 409, never a 500', async () => {
    const before = await snapshot();
    for (let round = 0; round < 3; round += 1) {
      const auditId = await mergeThem();
      const replies = await Promise.all([undo(auditId), undo(auditId)]);
      expect(
        replies.map((r) => r.status).sort(),
        JSON.stringify(replies.map((r) => r.body)),
      ).toEqual([200, 409]);
      const refused = replies.find((r) => r.status === 409)!;
      expect(refused.body.error.details.reason).toBe('already-undone');
      // Both entities once each, every relationship as it was, whichever undo won.
      const after = await snapshot();
      expect(after.nodes).toEqual(before.nodes);
      expect(after.relationships).toEqual(before.relationships);
      expect(after.redirects).toEqual(before.redirects);
    }
  });

  it('refuses when the removed id is in use again', async () => {
    const auditId = await mergeThem();
    // Not through the API, which refuses a merged-away id: as an import of older data might.
    await query(
      db,
      "CREATE (:Entity:Organisation {id: 'org:acme-inc', name: 'Another Acme', aliases: [], sources: ['source:c'], evidence: ['c']})",
    );
    const reply = await undo(auditId);
    expect(reply.status).toBe(409);
    expect(reply.body.error.details.reason).toBe('in-use');
  });

  it('answers an event that is not a merge with 400 naming body.auditId, an unknown one 404', async () => {
    const [row] = await query(
      db,
      "MATCH (e:AuditEvent {action: 'annotation.create'}) RETURN e.id AS id",
    );
    const notMerge = await undo(String(row!.id));
    expect(notMerge.status).toBe(400);
    expect(notMerge.body.error.details).toContainEqual(
      expect.objectContaining({ path: 'body.auditId' }),
    );
    const unknown = await undo('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const malformed = await undo('not-a-uuid');
    expect(malformed.status).toBe(400);
    const viewer = await call(
      app.url,
      'POST',
      '/api/curation/merge/undo',
      { auditId: String(row!.id) },
      {},
    );
    expect(viewer.status).toBe(401);
  });
});

describe('what the merge must record for its undo', () => {
  /** Rewrites the merge's audit record as `change` makes it. */
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

  it('refuses a merge recorded before undo existed, writing nothing', async () => {
    const auditId = await mergeThem();
    await rewriteRecord(auditId, (before) => delete before.undo);
    const before = await snapshot();
    const reply = await undo(auditId);
    expect(reply.status).toBe(409);
    expect(reply.body.error.details.reason).toBe('not-recorded');
    expect(await snapshot()).toEqual(before);
  });

  it('needs the kept entity’s own version of a relationship both had', async () => {
    const auditId = await mergeThem();
    // Without it, the united FUNDS looks changed since the merge: the record alone cannot tell
    // what the kept entity stated before.
    await rewriteRecord(auditId, (before) => {
      (before.undo as Record<string, unknown>).shared = [];
    });
    const reply = await undo(auditId);
    expect(reply.status).toBe(409);
    expect(reply.body.error.details.changes).toEqual([
      expect.stringContaining(`${KEEP} FUNDS dpg:dhis2`),
    ]);
  });

  it('needs the property types JSON blurs', async () => {
    const before = await snapshot();
    const auditId = await mergeThem();
    await rewriteRecord(auditId, (record) => {
      const undoRecord = record.undo as Record<string, unknown>;
      undoRecord.propertyTypes = {};
      undoRecord.relationshipPropertyTypes = {};
    });
    expect((await undo(auditId)).status).toBe(200);
    // Restored from JSON alone, the member count stays a number but the degree, the datetime and
    // the relationship versions come back as other types: not the graph as it was.
    const after = await snapshot();
    expect(after.nodes).not.toEqual(before.nodes);
    expect(after.relationships).not.toEqual(before.relationships);
  });
});
