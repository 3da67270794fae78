import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createToken, createUser } from '../../server/auth/accounts.ts';
import type { ImportJob } from '../../server/services/import-jobs.ts';
import { graphSnapshot, openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';
import { REGISTRY_DIR, serveRegistry } from '../support/registry-copy.ts';
import { hasSharedData, SEED_PAGE } from '../support/shared-data.ts';

const TOKEN = 'test-admin-token-0123456789abcdef';
const db = openTestDatabase();
let base = '';
let server: Server;
let disabledServer: Server;
let disabledBase = '';

async function listen(app: ReturnType<typeof createApp>): Promise<[Server, string]> {
  const s = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => s.once('listening', resolve));
  return [s, `http://127.0.0.1:${(s.address() as AddressInfo).port}`];
}

const post = (url: string, body: unknown, token: string | null = TOKEN) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

async function startJob(body: unknown): Promise<ImportJob> {
  return (await (await post(`${base}/api/imports`, body)).json()) as ImportJob;
}

async function waitForJob(id: string): Promise<ImportJob> {
  for (let i = 0; i < 200; i++) {
    const response = await fetch(`${base}/api/imports/${id}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const job = (await response.json()) as ImportJob;
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

beforeAll(async () => {
  await resetGraph(db);
  [server, base] = await listen(createApp(db, { webDist: '/nonexistent', adminToken: TOKEN }));
  [disabledServer, disabledBase] = await listen(createApp(db, { webDist: '/nonexistent' }));
});
afterAll(async () => {
  server.close();
  disabledServer.close();
  await resetGraph(db);
  await db.close();
});

describe('POST /api/imports access', () => {
  it('needs an account when no admin token is configured, and the editor role', async () => {
    const body = { kind: 'member-page', content: 'x', name: 'x.txt' };
    const anonymous = await post(`${disabledBase}/api/imports`, body, null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    await createUser(db, { name: 'imports-viewer', role: 'viewer' });
    const { token: viewerToken } = await createToken(db, 'imports-viewer', 'tests');
    const viewer = await post(`${disabledBase}/api/imports`, body, viewerToken);
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    await createUser(db, { name: 'imports-editor', role: 'editor' });
    const { token: editorToken } = await createToken(db, 'imports-editor', 'tests');
    const editor = await post(`${disabledBase}/api/imports`, { kind: 'member-page' }, editorToken);
    expect(editor.status).toBe(400);
  });

  it.each([
    ['no token', null, 'UNAUTHENTICATED'],
    ['a wrong token', 'wrong-token-wrong-token-wrong', 'INVALID_CREDENTIALS'],
  ])('answers 401 to %s', async (_label, token, code) => {
    const response = await post(
      `${base}/api/imports`,
      { kind: 'member-page', content: 'x', name: 'x.txt' },
      token,
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it.each([
    [{ kind: 'member-page' }, 'body.url'],
    [{ kind: 'member-page', content: 'x', url: 'https://example.org/x' }, 'body.url'],
    [{ kind: 'dpg-registry', content: '[]', name: 'dpgs.json' }, 'body.url'],
    [{ kind: 'member-page', content: 'x' }, 'body.name'],
    [{ kind: 'member-page', content: 'x', name: '../../etc/passwd' }, 'body.name'],
    [{ kind: 'unknown-kind', content: 'x', name: 'x.txt' }, 'body.kind'],
    [{ kind: 'member-page', url: 'file:///etc/passwd' }, 'body.url'],
  ])('rejects %j with a 400 naming %s', async (body, path) => {
    const response = await post(`${base}/api/imports`, body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { details: { path: string }[] } };
    expect(json.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

describe.runIf(hasSharedData())('import jobs', () => {
  it('imports a sent member page in the background and reports it', async () => {
    const response = await post(`${base}/api/imports`, {
      kind: 'member-page',
      name: 'unicef.txt',
      content: readFileSync(SEED_PAGE, 'utf8'),
    });
    expect(response.status).toBe(202);
    const started = (await response.json()) as ImportJob;
    expect(response.headers.get('location')).toBe(`/api/imports/${started.id}`);
    expect(started).toMatchObject({ kind: 'member-page', document: 'unicef.txt' });
    const job = await waitForJob(started.id);
    expect(job).toMatchObject({ status: 'succeeded', error: null });
    expect(job.report!.nodes.created).toBeGreaterThan(40);
    const rows = await query(
      db,
      `MATCH (:Organisation {id: 'org:unicef'})-[:LEADS]->(a) RETURN count(a) AS n`,
    );
    expect(rows[0]!.n).toBe(9);
    const listed = await fetch(`${base}/api/imports`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const list = (await listed.json()) as { jobs: ImportJob[] };
    expect(list.jobs[0]).toMatchObject({ id: started.id, status: 'succeeded' });
  });

  it('imports the registry from a URL, with progress', async () => {
    const registry = await serveRegistry(REGISTRY_DIR);
    try {
      const started = await startJob({ kind: 'dpg-registry', url: registry.url });
      const job = await waitForJob(started.id);
      expect(job).toMatchObject({ status: 'succeeded', progress: { done: 165, total: 165 } });
      expect(job.report!.details).toMatchObject({ records: 165 });
    } finally {
      registry.server.close();
    }
  });

  it('records a failed job with the reason and leaves the graph as it was', async () => {
    const before = await graphSnapshot(db);
    const started = await startJob({
      kind: 'member-page',
      name: 'letter.txt',
      content: 'Dear reader,\nhello.',
    });
    const job = await waitForJob(started.id);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/letter\.txt is not a DPGA member page/);
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('answers 404 for an unknown job and 400 for a malformed id', async () => {
    const auth = { headers: { authorization: `Bearer ${TOKEN}` } };
    expect(
      (await fetch(`${base}/api/imports/00000000-0000-4000-8000-000000000000`, auth)).status,
    ).toBe(404);
    expect((await fetch(`${base}/api/imports/not-a-uuid`, auth)).status).toBe(400);
  });
});
