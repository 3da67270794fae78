import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';
import { createToken, createUser } from '../../server/auth/accounts.ts';
import {
  PASSWORD,
  call,
  createAccounts,
  enc,
  serve,
  type Account,
  type Reply,
  type Served,
} from './curation-fixture.ts';

const db = openTestDatabase();
let app: Served;
let editor: Account;
let admin: Account;
let viewer: Account;

const as = (account: Account) => ({ token: account.token });
const ed = (method: string, path: string, body?: unknown) =>
  call(app.url, method, path, body, as(editor));

async function auditCount(): Promise<number> {
  const [row] = await query(db, 'MATCH (e:AuditEvent) RETURN count(e) AS n');
  return Number(row!.n);
}

/** Runs one write and checks that it left exactly one audit event, returned with the reply. */
async function audited(write: () => Promise<Reply>) {
  const before = await auditCount();
  const reply = await write();
  expect(reply.status).toBeLessThan(300);
  expect(await auditCount()).toBe(before + 1);
  const feed = await call(app.url, 'GET', '/api/audit?limit=1', undefined, as(viewer));
  return { reply, event: feed.body.events[0] };
}

const newOrg = (name: string, extra: Record<string, unknown> = {}) =>
  ed('POST', '/api/curation/entities', { type: 'Organisation', properties: { name, ...extra } });

beforeAll(async () => {
  await resetGraph(db);
  ({ editor, admin, viewer } = await createAccounts(db));
  app = await serve(db);
});
afterAll(async () => {
  await app.close();
  await resetGraph(db);
  await db.close();
});

describe('entity edits', () => {
  it('creates an entity with an id from its name, editor provenance and one audit event', async () => {
    const { reply, event } = await audited(() =>
      newOrg('Acme Foundation', { kind: 'foundation', website: 'https://acme.example' }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      id: 'org:acme-foundation',
      type: 'Organisation',
      version: 1,
      properties: { name: 'Acme Foundation', kind: 'foundation' },
      provenance: [{ source: `source:editor:${editor.id}` }],
    });
    expect(reply.body.provenance[0].evidence).toMatch(/^stated by editor test-editor on \d{4}-/);
    expect(event).toMatchObject({
      action: 'entity.create',
      entityId: 'org:acme-foundation',
      actor: editor.id,
      actorName: editor.name,
      before: null,
      after: { id: 'org:acme-foundation', version: 1 },
    });
    const page = await call(app.url, 'GET', '/api/entities/org:acme-foundation');
    expect(page.body.sources.map((s: { id: string }) => s.id)).toContain(
      `source:editor:${editor.id}`,
    );
    expect(page.body.properties).not.toHaveProperty('version');
  });

  it('answers 409 ALREADY_EXISTS for an id that exists', async () => {
    const reply = await newOrg('Acme Foundation');
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('ALREADY_EXISTS');
  });

  it.each([
    [{ type: 'Organisation', properties: { name: 'X', colour: 'red' } }, 'body.properties.colour'],
    [{ type: 'Organisation', properties: { name: 'X', kind: 'pirate' } }, 'body.properties.kind'],
    [{ type: 'Country', properties: { name: 'Atlantis' } }, 'body.type'],
    [{ type: 'DPG', id: 'org:wrong-prefix', properties: { name: 'X' } }, 'body.id'],
    [{ type: 'Activity', properties: {} }, 'body.properties.name'],
  ])('rejects %j with a 400 naming %s', async (body, path) => {
    const reply = await ed('POST', '/api/curation/entities', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('updates whitelisted properties with the version read, recording before and after', async () => {
    const { reply, event } = await audited(() =>
      ed('PATCH', '/api/curation/entities/org:acme-foundation', {
        version: 1,
        properties: { name: 'Acme Foundation for Good', website: null, aliases: ['AFG'] },
      }),
    );
    expect(reply.body).toMatchObject({
      version: 2,
      properties: { name: 'Acme Foundation for Good', aliases: ['AFG'] },
    });
    expect(reply.body.properties).not.toHaveProperty('website');
    expect(reply.body.editedProperties).toEqual(
      expect.arrayContaining(['name', 'website', 'aliases']),
    );
    expect(event.before).toMatchObject({
      version: 1,
      properties: { name: 'Acme Foundation', website: 'https://acme.example' },
    });
    expect(event.after).toMatchObject({
      version: 2,
      properties: { name: 'Acme Foundation for Good' },
    });
    const found = await call(app.url, 'GET', '/api/search?q=AFG');
    expect(found.body.results.map((r: { id: string }) => r.id)).toContain('org:acme-foundation');
  });

  it('writes nothing for an edit that sets what is stored (QA: it froze imported values)', async () => {
    const before = await auditCount();
    const state = await call(app.url, 'GET', '/api/curation/entities/org:acme-foundation');
    const reply = await ed('PATCH', '/api/curation/entities/org:acme-foundation', {
      version: state.body.version,
      properties: { name: state.body.properties.name, aliases: ['AFG'], website: null },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      version: state.body.version,
      editedProperties: state.body.editedProperties,
      provenance: state.body.provenance,
    });
    expect(await auditCount()).toBe(before);
    // Only what differs is written and marked edited.
    const created = await newOrg('Noop Check', { kind: 'ngo', website: 'https://noop.example' });
    const one = await ed('PATCH', `/api/curation/entities/${created.body.id}`, {
      version: created.body.version,
      properties: { name: 'Noop Check', website: 'https://noop.example', kind: 'foundation' },
    });
    expect(one.body).toMatchObject({
      version: created.body.version + 1,
      properties: { kind: 'foundation' },
    });
    expect(one.body.editedProperties).toContain('kind');
  });

  it('answers a stale version with 409 and the current version, changing nothing', async () => {
    const before = await auditCount();
    const reply = await ed('PATCH', '/api/curation/entities/org:acme-foundation', {
      version: 1,
      properties: { name: 'Lost Update' },
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: 2 } });
    expect(await auditCount()).toBe(before);
    const state = await call(app.url, 'GET', '/api/curation/entities/org:acme-foundation');
    expect(state.body.properties.name).toBe('Acme Foundation for Good');
  });

  it('lets exactly one of two concurrent edits of one entity win', async () => {
    const [a, b] = await Promise.all([
      ed('PATCH', '/api/curation/entities/org:acme-foundation', {
        version: 2,
        properties: { description: 'A' },
      }),
      ed('PATCH', '/api/curation/entities/org:acme-foundation', {
        version: 2,
        properties: { description: 'B' },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect(loser.body.error.details.current).toBe(3);
    const state = await call(app.url, 'GET', '/api/curation/entities/org:acme-foundation');
    expect(state.body).toMatchObject({
      version: 3,
      properties: { description: winner.body.properties.description },
    });
    const events = await call(
      app.url,
      'GET',
      `/api/audit?entity=org:acme-foundation`,
      undefined,
      as(viewer),
    );
    expect(
      events.body.events.filter((e: { action: string }) => e.action === 'entity.update'),
    ).toHaveLength(2);
  });

  it('refuses control characters in a name, keeping line breaks in a description', async () => {
    const before = await auditCount();
    for (const name of ['QA\u0000Null', 'Two\nLines', 'Tab\there', 'C1\u0085next']) {
      const reply = await newOrg(name);
      expect(reply.status, JSON.stringify(name)).toBe(400);
      expect(reply.body.error.details).toEqual([
        {
          path: 'body.properties.name',
          message: 'must not hold control characters (a line break, a tab, a NUL)',
        },
      ]);
    }
    expect(await auditCount()).toBe(before);
    const described = await newOrg('Line Break Trust', {
      description: 'First line.\nSecond line,\tindented.',
    });
    expect(described.status).toBe(201);
    const bell = await newOrg('Bell Trust', { description: 'Ring\u0007' });
    expect(bell.status).toBe(400);
  });

  it('refuses invisible or reversed names and personal data in entity texts (QA)', async () => {
    const before = await auditCount();
    const refused = async (properties: Record<string, unknown>, path: string, message: RegExp) => {
      const reply = await ed('POST', '/api/curation/entities', {
        type: 'Organisation',
        id: 'org:qa-refused',
        properties,
      });
      expect(reply.status, JSON.stringify(properties)).toBe(400);
      expect(reply.body.error.details).toContainEqual({
        path,
        message: expect.stringMatching(message),
      });
    };
    await refused({ name: '\u200b\u200b' }, 'body.properties.name', /letter or a digit/);
    await refused({ name: '\u202eQA rtl' }, 'body.properties.name', /bidirectional/);
    await refused(
      { name: 'Contact Trust', description: 'Contact jane.doe@example.com' },
      'body.properties.description',
      /e-mail addresses or phone numbers/,
    );
    await refused(
      { name: 'Call Trust', aliases: ['Ring +44 20 7946 0958'] },
      'body.properties.aliases.0',
      /e-mail addresses or phone numbers/,
    );
    const view = await ed('POST', '/api/views', {
      name: 'Call +44 20 7946 0958',
      state: { entities: [], filters: {}, layout: 'cose' },
    });
    expect(view.status).toBe(400);
    expect(view.body.error.details.map((d: { path: string }) => d.path)).toEqual(['body.name']);
    expect(await auditCount()).toBe(before);
    // Dates and amounts are no phone numbers.
    const dated = await newOrg('Dated Trust', {
      description: 'MoU signed 2023-01-15; a grant of EUR 2.500.000 reached 1 200 000 learners.',
    });
    expect(dated.status).toBe(201);
  });

  it('refuses to edit reference data (countries, SDGs)', async () => {
    await query(
      db,
      "CREATE (:Entity:Country {id: 'country:SL', name: 'Sierra Leone', sources: ['s'], evidence: ['e']})",
    );
    const reply = await ed('PATCH', '/api/curation/entities/country:SL', {
      version: 0,
      properties: { name: 'X' },
    });
    expect(reply.status).toBe(400);
  });

  it('refuses to merge reference data, leaving both countries and their relationships', async () => {
    await query(
      db,
      `CREATE (:Entity:Country {id: 'country:KE', name: 'Kenya', sources: ['s'], evidence: ['e']})
       CREATE (:Entity:Country {id: 'country:UG', name: 'Uganda', sources: ['s'], evidence: ['e']})
       WITH 1 AS one
       MATCH (o:Entity {id: 'org:acme-foundation'}), (ug:Entity {id: 'country:UG'})
       CREATE (o)-[:BASED_IN {sources: ['s'], evidence: ['e']}]->(ug)`,
    );
    const before = await auditCount();
    const reply = await ed('POST', '/api/curation/merge', {
      keep: 'country:KE',
      remove: 'country:UG',
      keepVersion: 0,
      removeVersion: 0,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('reference data');
    expect(reply.body.error.details).toEqual([
      { path: 'body.keep', message: 'Country is not editable' },
    ]);
    const [row] = await query(
      db,
      `MATCH (c:Country) WHERE c.id IN ['country:KE', 'country:UG']
       RETURN count(c) AS countries, COUNT { ()-[:BASED_IN]->(:Entity {id: 'country:UG'}) } AS based`,
    );
    expect(row).toEqual({ countries: 2, based: 1 });
    expect(await auditCount()).toBe(before);
  });
});

describe('relationship edits', () => {
  it('states a relationship between the right entity types, once', async () => {
    await ed('POST', '/api/curation/entities', {
      type: 'Activity',
      id: 'activity:acme/clinics',
      properties: { name: 'Clinics' },
    });
    const { reply, event } = await audited(() =>
      ed('POST', '/api/curation/relationships', {
        from: 'org:acme-foundation',
        type: 'LEADS',
        to: 'activity:acme/clinics',
      }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      fromLabel: 'Acme Foundation for Good',
      toLabel: 'Clinics',
      version: 1,
      editedProperties: [],
    });
    expect(reply.body.properties.sources).toEqual([`source:editor:${editor.id}`]);
    expect(event).toMatchObject({
      action: 'relationship.create',
      entityId: 'org:acme-foundation|LEADS|activity:acme/clinics',
      entityIds: expect.arrayContaining(['org:acme-foundation', 'activity:acme/clinics']),
      before: null,
      after: { fromLabel: 'Acme Foundation for Good', toLabel: 'Clinics', type: 'LEADS' },
    });
    const again = await ed('POST', '/api/curation/relationships', {
      from: 'org:acme-foundation',
      type: 'LEADS',
      to: 'activity:acme/clinics',
    });
    expect(again.status).toBe(409);
  });

  it('rejects a relationship between the wrong types and one to a missing entity', async () => {
    const wrong = await ed('POST', '/api/curation/relationships', {
      from: 'activity:acme/clinics',
      type: 'LEADS',
      to: 'org:acme-foundation',
    });
    expect(wrong.status).toBe(400);
    const missing = await ed('POST', '/api/curation/relationships', {
      from: 'org:nobody',
      type: 'LEADS',
      to: 'activity:acme/clinics',
    });
    expect(missing.status).toBe(404);
    const unknownType = await ed('POST', '/api/curation/relationships', {
      from: 'org:acme-foundation',
      type: 'LIKES',
      to: 'activity:acme/clinics',
    });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.type',
    ]);
    expect(wrong.body.error.details.map((d: { path: string }) => d.path)).toEqual(['body.type']);
  });

  it('refuses a relationship from an entity to itself, writing nothing', async () => {
    const before = await auditCount();
    const loop = await ed('POST', '/api/curation/relationships', {
      from: 'org:acme-foundation',
      type: 'MEMBER_OF',
      to: 'org:acme-foundation',
    });
    expect(loop.status).toBe(400);
    expect(loop.body.error.details).toEqual([
      { path: 'body.to', message: 'must differ from from: a relationship joins two entities' },
    ]);
    const [row] = await query(
      db,
      "MATCH (o:Entity {id: 'org:acme-foundation'}) RETURN COUNT { (o)-[:MEMBER_OF]->(o) } AS loops",
    );
    expect(row!.loops).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it.each([
    [{ role: 'x'.repeat(201) }, 'body.properties.role'],
    [{ startDate: '2024-13' }, 'body.properties.startDate'],
    [{ startDate: '2023-02-29' }, 'body.properties.startDate'],
    [{ startDate: '2024-05', endDate: '2023' }, 'body.properties.endDate'],
    [{ notes: 'Ask jane.doe@example.org' }, 'body.properties.notes'],
    [{ colour: 'red' }, 'body.properties.colour'],
    [{ board: true }, 'body.properties.board'],
    [{ sourceUrl: 'ftp://example.org/report.pdf' }, 'body.properties.sourceUrl'],
  ])('rejects stating %j with a 400 naming %s, writing nothing', async (properties, path) => {
    const before = await auditCount();
    const reply = await ed('POST', '/api/curation/relationships', {
      from: 'org:acme-foundation',
      type: 'CO_LEADS',
      to: 'activity:acme/clinics',
      properties,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await auditCount()).toBe(before);
    const found = await call(
      app.url,
      'GET',
      `/api/curation/relationships?from=org:acme-foundation&type=CO_LEADS&to=${enc('activity:acme/clinics')}`,
    );
    expect(found.status).toBe(404);
  });

  describe('correcting a relationship', () => {
    const ref = `from=org:acme-foundation&type=LEADS&to=${enc('activity:acme/clinics')}`;
    const path = `/api/curation/relationships?${ref}`;

    it('reads the state to edit: version, properties and both ends’ names', async () => {
      const reply = await call(app.url, 'GET', path);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        from: 'org:acme-foundation',
        type: 'LEADS',
        to: 'activity:acme/clinics',
        fromLabel: 'Acme Foundation for Good',
        toLabel: 'Clinics',
        version: 1,
      });
    });

    it('changes role, dates and notes with the version read, audited with both names', async () => {
      const { reply, event } = await audited(() =>
        ed('PATCH', path, {
          version: 1,
          properties: {
            role: 'technical partner',
            startDate: '2023-04',
            endDate: '2025',
            notes: 'Runs the clinic pilots.',
          },
        }),
      );
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        version: 2,
        properties: {
          role: 'technical partner',
          startDate: '2023-04',
          endDate: '2025',
          notes: 'Runs the clinic pilots.',
          sources: [`source:editor:${editor.id}`],
        },
      });
      expect(reply.body.editedProperties.sort()).toEqual(['endDate', 'notes', 'role', 'startDate']);
      expect(reply.body.properties).not.toHaveProperty('version');
      expect(event).toMatchObject({
        action: 'relationship.update',
        entityId: 'org:acme-foundation|LEADS|activity:acme/clinics',
        entityIds: expect.arrayContaining(['org:acme-foundation', 'activity:acme/clinics']),
        before: { version: 1, fromLabel: 'Acme Foundation for Good', toLabel: 'Clinics' },
        after: { version: 2, fromLabel: 'Acme Foundation for Good', toLabel: 'Clinics' },
      });
      expect(event.before.properties).not.toHaveProperty('role');
      const history = await call(
        app.url,
        'GET',
        '/api/audit?entity=activity:acme/clinics&limit=1',
        undefined,
        as(viewer),
      );
      expect(history.body.events[0].action).toBe('relationship.update');
      const page = await call(app.url, 'GET', '/api/entities/org:acme-foundation');
      expect(page.body.neighbours).toContainEqual(
        expect.objectContaining({
          id: 'activity:acme/clinics',
          relationship: 'LEADS',
          role: 'technical partner',
          startDate: '2023-04',
          endDate: '2025',
          notes: 'Runs the clinic pilots.',
        }),
      );
    });

    it('removes a property with null', async () => {
      const reply = await ed('PATCH', path, { version: 2, properties: { notes: null } });
      expect(reply.status).toBe(200);
      expect(reply.body.version).toBe(3);
      expect(reply.body.properties).not.toHaveProperty('notes');
      expect(reply.body.properties.role).toBe('technical partner');
    });

    it('writes nothing for a change to what is stored', async () => {
      const before = await auditCount();
      const reply = await ed('PATCH', path, {
        version: 3,
        properties: { role: 'technical partner', notes: null },
      });
      expect(reply.status).toBe(200);
      expect(reply.body.version).toBe(3);
      expect(await auditCount()).toBe(before);
    });

    it('answers a stale version with 409 and the current state, changing nothing', async () => {
      const before = await auditCount();
      const reply = await ed('PATCH', path, { version: 2, properties: { role: 'lost update' } });
      expect(reply.status).toBe(409);
      expect(reply.body.error).toMatchObject({
        code: 'VERSION_CONFLICT',
        details: { current: 3, state: { version: 3, properties: { role: 'technical partner' } } },
      });
      expect(await auditCount()).toBe(before);
    });

    it('lets exactly one of two concurrent changes win', async () => {
      const [a, b] = await Promise.all([
        ed('PATCH', path, { version: 3, properties: { role: 'A' } }),
        ed('PATCH', path, { version: 3, properties: { role: 'B' } }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a : b;
      const state = await call(app.url, 'GET', path);
      expect(state.body).toMatchObject({
        version: 4,
        properties: { role: winner.body.properties.role },
      });
    });

    it.each([
      [{ version: 4, properties: {} }, 'body.properties'],
      [{ version: 4, properties: { role: '' } }, 'body.properties.role'],
      [{ version: 4, properties: { endDate: '2020' } }, 'body.properties.endDate'],
      [{ version: 4, properties: { startDate: '2026-01-01' } }, 'body.properties.startDate'],
      [{ version: 4, properties: { board: true } }, 'body.properties.board'],
      [{ version: 4, properties: { sources: [] } }, 'body.properties'],
      [{ version: 4, properties: { notes: 'Call +44 20 7946 0958' } }, 'body.properties.notes'],
      [
        { version: 4, properties: { sourceUrl: 'javascript:alert(1)' } },
        'body.properties.sourceUrl',
      ],
      [{ version: 4, properties: { sourceUrl: 'unicef.org/news' } }, 'body.properties.sourceUrl'],
      [{ version: -1, properties: { role: 'x' } }, 'body.version'],
      [{ properties: { role: 'x' } }, 'body.version'],
    ])('rejects %j with a 400 naming %s, writing nothing', async (body, field) => {
      const before = await auditCount();
      const state = await call(app.url, 'GET', path);
      const reply = await ed('PATCH', path, body);
      expect(reply.status).toBe(400);
      expect(reply.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
      expect(await auditCount()).toBe(before);
      expect((await call(app.url, 'GET', path)).body).toEqual(state.body);
    });

    it('answers 404 for a relationship that does not exist and 400 for a bad reference', async () => {
      const missing = await ed(
        'PATCH',
        `/api/curation/relationships?from=org:acme-foundation&type=CO_LEADS&to=${enc('activity:acme/clinics')}`,
        { version: 0, properties: { role: 'x' } },
      );
      expect(missing.status).toBe(404);
      const bad = await ed(
        'PATCH',
        '/api/curation/relationships?from=org:acme-foundation&type=LIKES&to=x',
        {
          version: 0,
          properties: { role: 'x' },
        },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
        expect.arrayContaining(['query.type', 'query.to']),
      );
    });

    it('answers 409 when stating a relationship the editor stated already, pointing to PATCH', async () => {
      const again = await ed('POST', '/api/curation/relationships', {
        from: 'org:acme-foundation',
        type: 'LEADS',
        to: 'activity:acme/clinics',
        properties: { role: 'x' },
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ALREADY_EXISTS');
    });

    it('cites a web page for the relationship, shown with its neighbours and removable', async () => {
      const page = 'https://example.org/news/acme-clinics?lang=en';
      const reply = await ed('PATCH', path, { version: 4, properties: { sourceUrl: page } });
      expect(reply.status).toBe(200);
      expect(reply.body.properties).toMatchObject({ sourceUrl: page, role: expect.any(String) });
      expect(reply.body.editedProperties).toContain('sourceUrl');
      const neighbours = async () =>
        (await call(app.url, 'GET', '/api/entities/org:acme-foundation')).body.neighbours.find(
          (n: { id: string }) => n.id === 'activity:acme/clinics',
        );
      expect(await neighbours()).toMatchObject({ sourceUrl: page });
      const removed = await ed('PATCH', path, { version: 5, properties: { sourceUrl: null } });
      expect(removed.status).toBe(200);
      expect(removed.body.properties).not.toHaveProperty('sourceUrl');
      expect(await neighbours()).not.toHaveProperty('sourceUrl');
    });
  });

  it('deletes a relationship with one audit event and a tombstone', async () => {
    const path = `/api/curation/relationships?from=org:acme-foundation&type=LEADS&to=${enc('activity:acme/clinics')}`;
    const { reply, event } = await audited(() => ed('DELETE', path));
    expect(reply.status).toBe(204);
    expect(event).toMatchObject({
      action: 'relationship.delete',
      after: null,
      before: { type: 'LEADS', fromLabel: 'Acme Foundation for Good', toLabel: 'Clinics' },
    });
    expect((await ed('DELETE', path)).status).toBe(404);
    const [t] = await query(
      db,
      "MATCH (t:Tombstone {key: 'org:acme-foundation|LEADS|activity:acme/clinics'}) RETURN count(t) AS n",
    );
    expect(t!.n).toBe(1);
  });
});

describe('merging duplicates', () => {
  beforeAll(async () => {
    // Two nodes for one organisation, as two sources named it, each with relationships.
    await query(
      db,
      `CREATE (a:Entity:Organisation {id: 'org:who', name: 'WHO', aliases: [], sources: ['source:a'], evidence: ['a says WHO'], kind: 'un-agency'})
       CREATE (b:Entity:Organisation {id: 'org:world-health-organization', name: 'World Health Organization', aliases: ['OMS'], website: 'https://who.int', sources: ['source:b', 'source:a'], evidence: ['b says WHO', 'a says World Health Organization']})
       CREATE (d:Entity:DPG {id: 'dpg:dhis2', name: 'DHIS2', sources: ['source:a'], evidence: ['x']})
       CREATE (g:Entity:DPG {id: 'dpg:godata', name: 'Go.Data', sources: ['source:b'], evidence: ['x']})
       CREATE (act:Entity:Activity {id: 'activity:x/y', name: 'Y', sources: ['source:b'], evidence: ['x']})
       CREATE (a)-[:FUNDS {sources: ['source:a'], evidence: ['a: funds']}]->(d)
       CREATE (b)-[:FUNDS {sources: ['source:b', 'source:a'], evidence: ['b: funds', 'a: funds as World Health Organization']}]->(d)
       CREATE (b)-[:OWNS {sources: ['source:b'], evidence: ['b: owns']}]->(g)
       CREATE (act)-[:INVOLVES {sources: ['source:b'], evidence: ['b: involves']}]->(b)
       CREATE (a)-[:MEMBER_OF {sources: ['source:a'], evidence: ['loop']}]->(b)`,
    );
  });

  it('moves every relationship with its provenance, leaves a redirect, records one event', async () => {
    const { reply, event } = await audited(() =>
      ed('POST', '/api/curation/merge', {
        keep: 'org:who',
        remove: 'org:world-health-organization',
        keepVersion: 0,
        removeVersion: 0,
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.entity).toMatchObject({
      id: 'org:who',
      version: 1,
      properties: {
        name: 'WHO',
        kind: 'un-agency',
        website: 'https://who.int',
        aliases: ['World Health Organization', 'OMS'],
      },
    });
    expect(reply.body.entity.provenance.map((p: { source: string }) => p.source)).toEqual([
      'source:a',
      'source:b',
      `source:editor:${editor.id}`,
    ]);
    // Source a named both: the kept entity keeps what it said of each, not of WHO alone.
    expect(reply.body.entity.provenance[0].evidence).toBe(
      'a says WHO; a says World Health Organization',
    );
    const rels = await query(
      db,
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id = 'org:who' OR b.id = 'org:who'
       RETURN a.id AS from, type(r) AS type, b.id AS to, r.sources AS sources, r.evidence AS evidence ORDER BY from, type, to`,
    );
    expect(rels).toEqual([
      {
        from: 'activity:x/y',
        type: 'INVOLVES',
        to: 'org:who',
        sources: ['source:b'],
        evidence: ['b: involves'],
      },
      {
        from: 'org:who',
        type: 'FUNDS',
        to: 'dpg:dhis2',
        sources: ['source:a', 'source:b'],
        evidence: ['a: funds; a: funds as World Health Organization', 'b: funds'],
      },
      {
        from: 'org:who',
        type: 'OWNS',
        to: 'dpg:godata',
        sources: ['source:b'],
        evidence: ['b: owns'],
      },
    ]);
    expect(
      await query(db, "MATCH (n:Entity {id: 'org:world-health-organization'}) RETURN n"),
    ).toEqual([]);
    expect(event).toMatchObject({
      action: 'entity.merge',
      entityId: 'org:who',
      entityIds: ['org:who', 'org:world-health-organization'],
    });
    expect(event.before.remove.relationships).toHaveLength(4);
    const moved = await call(
      app.url,
      'GET',
      '/api/entities/org:world-health-organization?neighbours=5',
    );
    expect(moved.status).toBe(308);
    expect(moved.headers.get('location')).toBe('/api/entities/org%3Awho?neighbours=5');
  });

  it('refuses to merge entities of different types', async () => {
    const reply = await ed('POST', '/api/curation/merge', {
      keep: 'org:who',
      remove: 'dpg:godata',
      keepVersion: 1,
      removeVersion: 0,
    });
    expect(reply.status).toBe(400);
  });
});

describe('deleting an entity', () => {
  it('deletes it with its relationships and records them in the audit event', async () => {
    const { reply, event } = await audited(() =>
      ed('DELETE', '/api/curation/entities/org:who?version=1'),
    );
    expect(reply.status).toBe(204);
    expect(event).toMatchObject({
      action: 'entity.delete',
      after: null,
      before: { id: 'org:who', version: 1 },
    });
    expect(event.before.relationships).toHaveLength(3);
    expect(event.before.relationships).toContainEqual(
      expect.objectContaining({
        from: 'org:who',
        fromLabel: 'WHO',
        to: 'dpg:dhis2',
        toLabel: 'DHIS2',
      }),
    );
    expect(event.entityIds).toEqual(expect.arrayContaining(['dpg:dhis2', 'activity:x/y']));
  });
});

describe('annotations', () => {
  let id = '';
  it('annotates a stakeholder for a topic, versioned and audited', async () => {
    const { reply } = await audited(() =>
      ed('POST', '/api/curation/annotations', {
        topic: 'activity:acme/clinics',
        subject: 'org:acme-foundation',
        stance: 'supportive',
        priority: 'high',
        notes: 'Funds two pilots; ask about 2025–2026 plans.',
        tags: ['funder'],
      }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ version: 1, author: editor.id, stance: 'supportive' });
    id = reply.body.id;
    const { reply: updated, event } = await audited(() =>
      ed('PATCH', `/api/curation/annotations/${id}`, { version: 1, stance: 'neutral' }),
    );
    expect(updated.body).toMatchObject({ version: 2, stance: 'neutral', priority: 'high' });
    expect(event).toMatchObject({ before: { stance: 'supportive' }, after: { stance: 'neutral' } });
    // Set to what it holds: nothing is written, the version stays.
    const events = await auditCount();
    const same = await ed('PATCH', `/api/curation/annotations/${id}`, {
      version: 2,
      stance: 'neutral',
      priority: 'high',
      tags: ['funder'],
    });
    expect(same.body).toMatchObject({ version: 2, stance: 'neutral' });
    expect(await auditCount()).toBe(events);
    const stale = await ed('PATCH', `/api/curation/annotations/${id}`, {
      version: 1,
      stance: 'opposed',
    });
    expect(stale.status).toBe(409);
    const list = await call(
      app.url,
      'GET',
      `/api/curation/annotations?topic=${enc('activity:acme/clinics')}`,
    );
    expect(list.body.annotations.map((a: { id: string }) => a.id)).toEqual([id]);
    expect(list.body.annotations[0]).toMatchObject({
      topicLabel: 'Clinics',
      subjectLabel: 'Acme Foundation for Good',
    });
    expect(updated.body).toMatchObject({ subjectLabel: 'Acme Foundation for Good' });
  });

  it.each([
    ['notes', { notes: 'Call jane.doe@example.org first' }, 'body.notes'],
    ['notes', { notes: 'Phone +44 20 7946 0958' }, 'body.notes'],
    ['tags', { tags: ['ok', 'me@example.org'] }, 'body.tags.1'],
  ])('rejects personal data in %s', async (_field, extra, path) => {
    const reply = await ed('POST', '/api/curation/annotations', {
      topic: 'activity:acme/clinics',
      subject: 'org:acme-foundation',
      ...extra,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('needs an organisation or group as the subject', async () => {
    const reply = await ed('POST', '/api/curation/annotations', {
      topic: 'org:acme-foundation',
      subject: 'activity:acme/clinics',
    });
    expect(reply.status).toBe(400);
  });

  it("lets only its author or an admin change or delete it, another editor's attempt writing nothing", async () => {
    const name = 'test-editor-two';
    const other = await createUser(db, { name, role: 'editor', password: PASSWORD });
    const { token } = await createToken(db, name, 'tests');
    const asOther = (method: string, path: string, body?: unknown) =>
      call(app.url, method, path, body, { token });
    const before = await auditCount();
    const rewrite = await asOther('PATCH', `/api/curation/annotations/${id}`, {
      version: 2,
      notes: 'editor overwrote',
    });
    expect(rewrite.status).toBe(403);
    expect(rewrite.body.error.message).toBe(
      `Annotation ${id} is test-editor's; only they or an admin change it`,
    );
    expect((await asOther('DELETE', `/api/curation/annotations/${id}?version=2`)).status).toBe(403);
    expect(await auditCount()).toBe(before);
    const [row] = await query(
      db,
      'MATCH (a:Annotation {id: $id}) RETURN a.notes AS notes, a.version AS version',
      { id },
    );
    expect(row).toEqual({ notes: 'Funds two pilots; ask about 2025–2026 plans.', version: 2 });
    // An admin may, as with saved views.
    const { reply } = await audited(() =>
      call(
        app.url,
        'PATCH',
        `/api/curation/annotations/${id}`,
        { version: 2, priority: 'low' },
        as(admin),
      ),
    );
    expect(reply.body).toMatchObject({ version: 3, priority: 'low', author: editor.id });
    expect(other.id).not.toBe(editor.id);
  });

  it('deletes with the version, audited', async () => {
    const { reply } = await audited(() =>
      ed('DELETE', `/api/curation/annotations/${id}?version=3`),
    );
    expect(reply.status).toBe(204);
  });
});

describe('saved views', () => {
  const state = {
    entities: ['org:acme-foundation', 'activity:acme/clinics'],
    filters: { types: ['Organisation'] },
    layout: 'fcose',
    positions: { 'org:acme-foundation': { x: 1, y: 2 } },
  };
  let id = '';

  it('saves, lists, opens, renames and deletes a view, each change audited', async () => {
    const { reply: created } = await audited(() =>
      call(app.url, 'POST', '/api/views', { name: 'Acme map', state }, as(viewer)),
    );
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.headers.get('location')).toBe(`/api/views/${id}`);
    expect(created.body).toMatchObject({ name: 'Acme map', owner: viewer.id, version: 1, state });
    const opened = await call(app.url, 'GET', `/api/views/${id}`);
    expect(opened.body.state).toEqual(state);
    const listed = await call(app.url, 'GET', '/api/views?owner=me', undefined, as(viewer));
    expect(listed.body.views.map((v: { id: string }) => v.id)).toEqual([id]);
    // By the owner's name too; an owner no account has is said to a signed-in reader, not an
    // empty list. To anyone else it is the empty list a real account without views gives.
    const byName = await call(app.url, 'GET', `/api/views?owner=${enc(viewer.name)}`);
    expect(byName.body.views.map((v: { id: string }) => v.id)).toEqual([id]);
    const nobody = await call(
      app.url,
      'GET',
      '/api/views?owner=no-such-account',
      undefined,
      as(viewer),
    );
    expect(nobody.status).toBe(404);
    expect(nobody.body.error.message).toBe('No account has the id or name "no-such-account"');
    const anonymous = await call(app.url, 'GET', '/api/views?owner=no-such-account');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.views).toEqual([]);
    const { reply: renamed } = await audited(() =>
      call(app.url, 'PATCH', `/api/views/${id}`, { version: 1, name: 'Acme, 2025' }, as(viewer)),
    );
    expect(renamed.body).toMatchObject({ name: 'Acme, 2025', version: 2, state });
  });

  it('stores positions for the entities shown and gives them back exactly', async () => {
    const positions = {
      'org:acme-foundation': { x: -412.5, y: 88.25 },
      'activity:acme/clinics': { x: 1200, y: -3.125 },
    };
    const created = await call(
      app.url,
      'POST',
      '/api/views',
      { name: 'Placed', state: { ...state, positions } },
      as(viewer),
    );
    expect(created.status).toBe(201);
    const opened = await call(app.url, 'GET', `/api/views/${created.body.id}`);
    expect(opened.body.state.positions).toEqual(positions);
    const gone = await call(
      app.url,
      'DELETE',
      `/api/views/${created.body.id}?version=1`,
      undefined,
      as(viewer),
    );
    expect(gone.status).toBe(204);
  });

  it.each([
    [
      'a position for an entity not shown',
      { 'org:other': { x: 1, y: 2 } },
      'body.state.positions.org:other',
    ],
    [
      'a coordinate out of range',
      { 'org:acme-foundation': { x: 1e9, y: 2 } },
      'body.state.positions.org:acme-foundation.x',
    ],
    [
      'a coordinate that is not a number',
      { 'org:acme-foundation': { x: 'left', y: 2 } },
      'body.state.positions.org:acme-foundation.x',
    ],
    ['a key that is not an entity id', { '<script>': { x: 1, y: 2 } }, 'body.state.positions'],
    [
      'an extra field',
      { 'org:acme-foundation': { x: 1, y: 2, z: 3 } },
      'body.state.positions.org:acme-foundation',
    ],
  ])('rejects %s with a 400 naming the field, saving nothing', async (_what, positions, field) => {
    const before = await auditCount();
    const reply = await call(
      app.url,
      'POST',
      '/api/views',
      { name: 'Bad', state: { ...state, positions } },
      as(viewer),
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.some((d: { path: string }) => d.path.startsWith(field))).toBe(
      true,
    );
    expect(await auditCount()).toBe(before);
  });

  it('rejects more positions than entities', async () => {
    const reply = await call(
      app.url,
      'POST',
      '/api/views',
      {
        name: 'Too many',
        state: {
          entities: ['org:acme-foundation'],
          positions: { 'org:acme-foundation': { x: 0, y: 0 }, 'org:b': { x: 1, y: 1 } },
        },
      },
      as(viewer),
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.map((d: { path: string }) => d.path)).toContain(
      'body.state.positions',
    );
  });

  it('lets only the owner or an admin change a view', async () => {
    const other = await call(
      app.url,
      'PATCH',
      `/api/views/${id}`,
      { version: 2, name: 'mine' },
      as(editor),
    );
    expect(other.status).toBe(403);
    const byAdmin = await call(
      app.url,
      'PATCH',
      `/api/views/${id}`,
      { version: 2, name: 'tidied' },
      as(admin),
    );
    expect(byAdmin.status).toBe(200);
    const gone = await call(app.url, 'DELETE', `/api/views/${id}?version=3`, undefined, as(viewer));
    expect(gone.status).toBe(204);
    expect((await call(app.url, 'GET', `/api/views/${id}`)).status).toBe(404);
  });
});

describe('the site-wide audit feed', () => {
  it('pages past events that share a time, none skipped and none twice', async () => {
    // Three changes recorded in the same instant (as one transaction's datetime() gives), newer
    // than anything the tests above wrote.
    await query(
      db,
      `UNWIND ['tie-a', 'tie-b', 'tie-c'] AS id
       CREATE (:AuditEvent {id: id, at: datetime('2099-01-01T00:00:00Z'), actor: 'tie-actor',
         actorName: 'tie', action: 'entity.update', entityId: 'org:tie', entityIds: ['org:tie']})`,
    );
    try {
      const seen: string[] = [];
      let path = '/api/audit?actor=tie-actor&limit=1';
      for (let page = 0; page < 4; page++) {
        const reply = await call(app.url, 'GET', path, undefined, as(viewer));
        expect(reply.status).toBe(200);
        const events = reply.body.events as { id: string; at: string }[];
        if (events.length === 0) break;
        seen.push(...events.map((e) => e.id));
        const last = events.at(-1)!;
        path = `/api/audit?actor=tie-actor&limit=1&before=${encodeURIComponent(last.at)}&beforeId=${last.id}`;
      }
      expect(seen).toEqual(['tie-a', 'tie-b', 'tie-c']);
      // Without beforeId, `before` alone still means strictly before that time.
      const strict = await call(
        app.url,
        'GET',
        `/api/audit?actor=tie-actor&before=${encodeURIComponent('2099-01-01T00:00:00Z')}`,
        undefined,
        as(viewer),
      );
      expect(strict.body.events).toEqual([]);
      // `beforeId` alone pages nothing: refused, naming it.
      const alone = await call(app.url, 'GET', '/api/audit?beforeId=tie-a', undefined, as(viewer));
      expect(alone.status).toBe(400);
      expect(alone.body.error.details).toEqual([
        expect.objectContaining({ path: 'query.beforeId' }),
      ]);
    } finally {
      await query(db, `MATCH (e:AuditEvent {actor: 'tie-actor'}) DELETE e`);
    }
  });
});
