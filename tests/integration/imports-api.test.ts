import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
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
let strictServer: Server;
let strictBase = '';
/** The loopback servers these tests import from are allowed the way an operator would. */
const LOOPBACK_ALLOWED = { allowPrivate: false, allowHosts: ['127.0.0.1'] };

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
  [server, base] = await listen(
    createApp(db, {
      webDist: '/nonexistent',
      adminToken: TOKEN,
      importUrlPolicy: LOOPBACK_ALLOWED,
    }),
  );
  [disabledServer, disabledBase] = await listen(createApp(db, { webDist: '/nonexistent' }));
  // The default outbound URL policy: public addresses only.
  [strictServer, strictBase] = await listen(
    createApp(db, { webDist: '/nonexistent', adminToken: TOKEN }),
  );
});
afterAll(async () => {
  server.close();
  disabledServer.close();
  strictServer.close();
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
    [{ kind: 'member-page', url: 'https://ana:s3cret@example.org/page' }, 'body.url'],
  ])('rejects %j with a 400 naming %s', async (body, path) => {
    const response = await post(`${base}/api/imports`, body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { details: { path: string }[] } };
    expect(json.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

describe('POST /api/imports with a url (SSRF)', () => {
  it.each([
    ['http://127.0.0.1:7474/', /loopback/],
    ['http://localhost:3000/api/health', /loopback/],
    ['http://[::1]/', /loopback/],
    ['http://10.0.0.8/members.json', /private/],
    ['http://192.168.1.1/', /private/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['http://0.0.0.0:3000/', /unspecified/],
  ])('refuses %s by default with a 400 naming body.url', async (url, reason) => {
    const response = await post(`${strictBase}/api/imports`, { kind: 'member-page', url });
    expect(response.status).toBe(400);
    const json = (await response.json()) as {
      error: { code: string; details: { path: string; message: string }[] };
    };
    expect(json.error.code).toBe('VALIDATION_ERROR');
    expect(json.error.details).toEqual([
      { path: 'body.url', message: expect.stringMatching(reason) },
    ]);
  });

  it('fails the job when the url redirects to a refused address, which is never requested', async () => {
    const requests: string[] = [];
    const source = createServer((req, res) => {
      requests.push(`${req.headers.host}${req.url}`);
      const port = (source.address() as AddressInfo).port;
      // 127.0.0.2 is loopback too, but not the listed 127.0.0.1.
      res.writeHead(302, { location: `http://127.0.0.2:${port}/internal` }).end();
    });
    const [, sourceBase] = await new Promise<[Server, string]>((resolve) =>
      source.listen(0, '127.0.0.1', () =>
        resolve([source, `http://127.0.0.1:${(source.address() as AddressInfo).port}`]),
      ),
    );
    try {
      const started = await startJob({ kind: 'member-page', url: `${sourceBase}/page.txt` });
      const job = await waitForJob(started.id);
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/redirected to http:\/\/127\.0\.0\.2:\d+\/internal.*loopback/);
      expect(requests).toEqual([`${sourceBase.slice('http://'.length)}/page.txt`]);
    } finally {
      source.close();
    }
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

  it('imports the registry from a URL the operator allowed, with progress', async () => {
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
