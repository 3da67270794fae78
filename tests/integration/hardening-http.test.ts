// The app's HTTP hardening against the real test database: CORS only for listed origins (and a
// cross-origin cookie write still refused by the CSRF check), per-client rate limits answered
// 429 with Retry-After in the API's error shape, body size limits answered 413, oversized
// headers 431 and undecodable bodies 415 in the same shape, and no stack trace in any error
// answer. Apps are served as main.ts serves them (createHttpServer).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../../server/app.ts';
import { createHttpServer } from '../../server/http/client-errors.ts';
import type { Role } from '../../server/auth/roles.ts';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';
import {
  call,
  createAccounts,
  PASSWORD,
  SESSION_SECRET,
  signIn,
  type Account,
} from './curation-fixture.ts';

const ADMIN_TOKEN = 'hardening-admin-token-0123456789abcdef';
const ALLOWED = 'https://maps.example.org';
const db = openTestDatabase();
const servers: Server[] = [];
let accounts: Record<Role, Account>;

/** Serves an app with sessions on and the given options; closed after the file. */
async function serve(options: Partial<AppOptions> = {}): Promise<string> {
  const server = createHttpServer(
    createApp(db, {
      webDist: '/nonexistent',
      adminToken: ADMIN_TOKEN,
      auth: { sessionSecret: SESSION_SECRET },
      ...options,
    }),
  ).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  await resetGraph(db);
  accounts = await createAccounts(db);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await resetGraph(db);
  await db.close();
});

const corsHeaders = (headers: Headers) =>
  [...headers.keys()].filter((name) => name.startsWith('access-control-'));

/** A JSON error body must say what went wrong and nothing about the server's insides. */
function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\/work\/|Error: .*\n\s+at /);
}

describe('CORS', () => {
  it('sends no CORS headers at all when no origin is listed (same-origin only)', async () => {
    const base = await serve();
    const get = await fetch(`${base}/api/health`, { headers: { origin: ALLOWED } });
    expect(corsHeaders(get.headers)).toEqual([]);
    const preflight = await fetch(`${base}/api/graph/subgraph`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST' },
    });
    expect(corsHeaders(preflight.headers)).toEqual([]);
  });

  it('answers a listed origin’s preflight and requests, without credentials', async () => {
    const base = await serve({ corsOrigins: [ALLOWED] });
    const preflight = await fetch(`${base}/api/graph/subgraph`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

    const get = await fetch(`${base}/api/health`, { headers: { origin: ALLOWED } });
    expect(get.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(get.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(get.headers.get('vary')).toContain('Origin');
  });

  it('gives an origin not listed no CORS headers, and its cookie write is refused', async () => {
    const base = await serve({ corsOrigins: [ALLOWED] });
    const evil = 'https://evil.example';
    const preflight = await fetch(`${base}/api/curation/entities`, {
      method: 'OPTIONS',
      headers: { origin: evil, 'access-control-request-method': 'POST' },
    });
    expect(corsHeaders(preflight.headers)).toEqual([]);
    const get = await fetch(`${base}/api/health`, { headers: { origin: evil } });
    expect(corsHeaders(get.headers)).toEqual([]);
    expect(get.headers.get('vary')).toContain('Origin');

    // A page elsewhere can make the browser send the session cookie, but not the CSRF token.
    const { cookie } = await signIn(base, accounts.editor.name);
    const write = await fetch(`${base}/api/curation/entities`, {
      method: 'POST',
      headers: { origin: evil, cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'Group', properties: { name: 'Cross Origin Group' } }),
    });
    expect(write.status).toBe(403);
    expect(corsHeaders(write.headers)).toEqual([]);
    expect(await write.json()).toMatchObject({ error: { code: 'CSRF_REJECTED' } });
    const rows = await query(
      db,
      `MATCH (g:Group {name: 'Cross Origin Group'}) RETURN count(g) AS n`,
    );
    expect(rows[0]!.n).toBe(0);
  });
});

describe('rate limits', () => {
  const wrongSignIn = (base: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: accounts.viewer.name, password: 'not the password' }),
    });

  it('stops password guessing: failed sign-ins over the limit get 429 with Retry-After', async () => {
    const base = await serve({
      rateLimit: { perMinute: 1000, signInFailuresPer15Minutes: 3, importsPerHour: 10 },
    });
    for (let i = 0; i < 3; i++) expect((await wrongSignIn(base)).status).toBe(401);
    const refused = await wrongSignIn(base);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const text = await refused.text();
    expectNoStackTrace(text);
    expect(JSON.parse(text)).toMatchObject({
      error: {
        code: 'RATE_LIMITED',
        message: expect.any(String),
        details: { bucket: 'sign-in', limit: 3, windowSeconds: 900, retryAfterSeconds: retryAfter },
      },
    });
    // The right password does not get through either until the window has passed.
    const right = await call(base, 'POST', '/api/auth/session', {
      name: accounts.viewer.name,
      password: PASSWORD,
    });
    expect(right.status).toBe(429);
    // Reads are another bucket.
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('counts only failed sign-ins', async () => {
    const base = await serve({
      rateLimit: { perMinute: 1000, signInFailuresPer15Minutes: 2, importsPerHour: 10 },
    });
    for (let i = 0; i < 5; i++) await signIn(base, accounts.viewer.name);
    expect((await wrongSignIn(base)).status).toBe(401);
  });

  it('counts per client: behind a trusted proxy, one client over its limit leaves others alone', async () => {
    const limits = { perMinute: 1000, signInFailuresPer15Minutes: 2, importsPerHour: 10 };
    const proxied = await serve({ rateLimit: limits, trustProxy: 1 });
    const a = { 'x-forwarded-for': '203.0.113.10' };
    const b = { 'x-forwarded-for': '203.0.113.20' };
    for (let i = 0; i < 2; i++) expect((await wrongSignIn(proxied, a)).status).toBe(401);
    expect((await wrongSignIn(proxied, a)).status).toBe(429);
    expect((await wrongSignIn(proxied, b)).status).toBe(401);

    // Without TRUST_PROXY the header is the client's word, and changing it escapes nothing.
    const direct = await serve({ rateLimit: limits });
    for (let i = 0; i < 2; i++) expect((await wrongSignIn(direct, a)).status).toBe(401);
    expect((await wrongSignIn(direct, b)).status).toBe(429);
  });

  it('limits all API requests per client per minute, with RateLimit headers', async () => {
    const base = await serve({
      rateLimit: { perMinute: 5, signInFailuresPer15Minutes: 10, importsPerHour: 10 },
    });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await fetch(`${base}/api/search?q=unicef`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('ratelimit-policy')).toContain('q=5');
    expect(await last!.json()).toMatchObject({
      error: { code: 'RATE_LIMITED', details: { bucket: 'api', limit: 5 } },
    });
  });

  it('limits starting imports', async () => {
    const base = await serve({
      rateLimit: { perMinute: 1000, signInFailuresPer15Minutes: 10, importsPerHour: 2 },
    });
    const start = () =>
      call(base, 'POST', '/api/imports', { kind: 'member-page' }, { token: ADMIN_TOKEN });
    expect((await start()).status).toBe(400);
    expect((await start()).status).toBe(400);
    const refused = await start();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      error: { code: 'RATE_LIMITED', details: { bucket: 'imports' } },
    });
    // Following a job is not starting one.
    expect(
      (await call(base, 'GET', '/api/imports', undefined, { token: ADMIN_TOKEN })).status,
    ).toBe(200);
  });

  it('is on by default, and documented: every operation lists a 429', async () => {
    const base = await serve({ rateLimit: undefined });
    const health = await fetch(`${base}/api/health`);
    expect(health.headers.get('ratelimit-policy')).toContain('q=600');
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths['/api/auth/session']!.post!.responses)).toContain('429');
    expect(Object.keys(doc.paths['/api/search']!.get!.responses)).toContain('429');
  });
});

describe('caching', () => {
  it('has browsers revalidate API answers, shared caches keep none, sessions are never stored', async () => {
    const base = await serve();
    const facets = await fetch(`${base}/api/facets`);
    expect(facets.headers.get('cache-control')).toBe('private, no-cache');
    // Revalidating costs no body: the ETag answers it. (fetch would add `Cache-Control: no-cache`
    // to a conditional request, which asks the server not to answer from what the client holds.)
    const etag = facets.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${base}/api/facets`, {
      headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
    const me = await fetch(`${base}/api/auth/me`);
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    // The docs page's files keep their own caching.
    const docs = await fetch(`${base}/api/docs/swagger-ui.css`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('cache-control')).toMatch(/max-age=86400/);
  });

  it('keeps the hashed scripts a year and has the page that names them asked again (QA)', async () => {
    const webDist = mkdtempSync(path.join(tmpdir(), 'caching-web-'));
    mkdirSync(path.join(webDist, 'assets'));
    writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(path.join(webDist, 'assets', 'index-AbC123.js'), '// hashed');
    const base = await serve({ webDist });
    for (const page of ['/', '/index.html', '/explore/some/route']) {
      const response = await fetch(base + page);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('cache-control'), page).toBe('no-cache');
    }
    const script = await fetch(`${base}/assets/index-AbC123.js`);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy without upgrade-insecure-requests, and HSTS', async () => {
    // The app is often served over plain http (npm start on a laptop). With
    // upgrade-insecure-requests, Chromium followed a 308 from the API (a merged-away id) to
    // https and failed with ERR_SSL_PROTOCOL_ERROR; HSTS covers deployments behind TLS.
    const base = await serve();
    for (const url of [`${base}/api/health`, `${base}/api/entities/org:nobody`]) {
      const response = await fetch(url);
      const csp = response.headers.get('content-security-policy');
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toMatch(/upgrade-insecure-requests/i);
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    }
  });
});

describe('body size limits and error answers', () => {
  const postRaw = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('refuses a body over 1 MB with 413 in the JSON error shape', async () => {
    const base = await serve();
    const ids = Array.from({ length: 120_000 }, (_, i) => `org:organisation-${i}`);
    const response = await postRaw(`${base}/api/graph/subgraph`, JSON.stringify({ ids }));
    expect(response.status).toBe(413);
    const text = await response.text();
    expectNoStackTrace(text);
    expect(JSON.parse(text)).toMatchObject({
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: expect.any(String),
        details: { limit: 1048576 },
      },
    });
  });

  it('lets imports carry up to 25 MB, and no more', async () => {
    const base = await serve();
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const page = (size: number) =>
      JSON.stringify({
        kind: 'member-page',
        name: 'big.txt',
        content: 'x'.repeat(size),
        dryRun: true,
      });
    const twoMegabytes = await postRaw(`${base}/api/imports`, page(2_000_000), auth);
    expect(twoMegabytes.status).not.toBe(413);
    const tooBig = await postRaw(`${base}/api/imports`, page(26 * 1024 * 1024), auth);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({
      error: { code: 'PAYLOAD_TOO_LARGE', details: { limit: 25 * 1024 * 1024 } },
    });
  });

  it('refuses query parameters a route does not take, naming what was likely meant', async () => {
    const base = await serve();
    const typo = await fetch(`${base}/api/search?q=health&lmit=5`);
    expect(typo.status).toBe(400);
    // The wording is unknown-parameters.ts's (its unit test); here: the shape, what and where.
    const refused = (await typo.json()) as {
      error: { code: string; message: string; details: { path: string; message: string }[] };
    };
    expect(refused.error.code).toBe('VALIDATION_ERROR');
    expect(refused.error.details.map((d) => d.path)).toEqual(['query.lmit']);
    expect(refused.error.message).toContain('did you mean limit?');
    // In any case, as Express routes it.
    const upper = await fetch(`${base}/api/Search?q=health&lmit=5`);
    expect(upper.status).toBe(400);
    // A write with a stray parameter is refused before it runs.
    const stray = await fetch(
      `${base}/api/views/00000000-0000-4000-8000-000000000000?version=1&force=true`,
      {
        method: 'DELETE',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      },
    );
    expect(stray.status).toBe(400);
    expect(await stray.json()).toMatchObject({
      error: { code: 'VALIDATION_ERROR', details: [{ path: 'query.force' }] },
    });
    // The parameters a route takes pass, and a path no route has still gets its 404.
    expect((await fetch(`${base}/api/search?q=health&limit=5`)).status).toBe(200);
    expect((await fetch(`${base}/api/nowhere?x=1`)).status).toBe(404);
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const base = await serve();
    const response = await postRaw(`${base}/api/graph/subgraph`, '{"ids": [');
    expect(response.status).toBe(400);
    const text = await response.text();
    expectNoStackTrace(text);
    expect(JSON.parse(text)).toMatchObject({
      error: {
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^The request body is not valid JSON: /),
      },
    });
  });

  it('says a body that is JSON but no object must be an object, as any other wrong type', async () => {
    const base = await serve();
    const bodies: [string, string][] = [
      ['null', 'null'],
      ['"x"', 'the text "x"'],
      ['1', 'the number 1'],
      ['[]', 'a list'],
    ];
    for (const [body, received] of bodies) {
      const response = await postRaw(`${base}/api/graph/subgraph`, body);
      expect(response.status, body).toBe(400);
      expect(await response.json(), body).toEqual({
        error: {
          code: 'VALIDATION_ERROR',
          message: `Invalid body: body must be an object (a JSON object of named fields), not ${received}`,
          details: [
            {
              path: 'body',
              message: `must be an object (a JSON object of named fields), not ${received}`,
            },
          ],
        },
      });
    }
  });

  it('names a body field no route takes, and what was likely meant', async () => {
    const base = await serve();
    const response = await postRaw(
      `${base}/api/graph/subgraph`,
      JSON.stringify({ ids: ['org:unicef'], rel: ['FUNDS'] }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { details: unknown } }).error.details).toEqual([
      {
        path: 'body.rel',
        message: 'is not a field this request takes (did you mean rels?); it takes ids, rels',
      },
    ]);
  });

  it('says a compressed body that does not decompress is not what its Content-Encoding says', async () => {
    const base = await serve();
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const response = await postRaw(`${base}/api/graph/subgraph`, '{"ids": ["org:unicef"]}', {
        'content-encoding': encoding,
      });
      expect(response.status, encoding).toBe(400);
      expect(await response.json(), encoding).toEqual({
        error: {
          code: 'BAD_REQUEST',
          message: `The request body is not valid ${encoding} data, as its Content-Encoding says it is.`,
        },
      });
    }
  });

  it('names the parameter whose percent-encoding is malformed, in the path and in the query', async () => {
    const base = await serve();
    const rule =
      'is not valid percent-encoding: each "%" must start two hex digits that spell UTF-8 text (write "%" itself as %25)';
    const inPath = await fetch(`${base}/api/entities/org:%zz`);
    expect(inPath.status).toBe(400);
    expect(((await inPath.json()) as { error: unknown }).error).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ path: 'path.id', message: `"org:%zz" ${rule}` }],
    });
    // A lone surrogate: hex digits, but no UTF-8.
    const surrogate = await fetch(`${base}/api/search?q=a%ED%A0%80`);
    expect(((await surrogate.json()) as { error: unknown }).error).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ path: 'query.q', message: `"a%ED%A0%80" ${rule}` }],
    });
    // Well-formed escapes pass: "%" itself, a slash in an activity id.
    expect((await fetch(`${base}/api/search?q=100%25`)).status).toBe(200);
  });

  it('refuses a body sent as anything but JSON with 415, saying what to send', async () => {
    const base = await serve();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await fetch(`${base}/api/graph/subgraph`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{"ids": ["org:unicef"]}',
      });
      expect(response.status, type).toBe(415);
      expect(await response.json()).toEqual({
        error: {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: `The request body must be JSON, sent with Content-Type: application/json (it came as ${type}).`,
        },
      });
    }
    // JSON under its own name, with a charset, passes; so does a request with no body.
    const json = await fetch(`${base}/api/graph/subgraph`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"ids": ["org:unicef"]}',
    });
    expect(json.status).toBe(200);
    const empty = await fetch(`${base}/api/graph/subgraph`, { method: 'POST' });
    const emptyBody = (await empty.json()) as { error: { details: unknown } };
    expect(emptyBody.error.details).toEqual([{ path: 'body.ids', message: 'is required (array)' }]);
  });

  it('answers headers over 16 kB with 431 in the JSON error shape', async () => {
    const base = await serve();
    const response = await fetch(`${base}/api/search?q=unicef`, {
      headers: { 'x-padding': 'a'.repeat(17 * 1024) },
    });
    expect(response.status).toBe(431);
    expect(response.headers.get('connection')).toBe('close');
    const text = await response.text();
    expectNoStackTrace(text);
    expect(JSON.parse(text)).toMatchObject({
      error: { code: 'HEADERS_TOO_LARGE', message: expect.any(String) },
    });
    // With the security headers of every other answer, as strict as a JSON body allows.
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // The server goes on serving.
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it.each([
    ['a charset it cannot decode', { 'content-type': 'application/json; charset=latin-7' }],
    ['a Content-Encoding it cannot decode', { 'content-encoding': 'compress' }],
  ])('answers a body in %s with 415 UNSUPPORTED_MEDIA_TYPE', async (_label, headers) => {
    const base = await serve();
    const response = await postRaw(`${base}/api/graph/subgraph`, '{"ids": []}', headers);
    expect(response.status).toBe(415);
    const text = await response.text();
    expectNoStackTrace(text);
    expect(JSON.parse(text)).toMatchObject({
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) },
    });
  });

  it('answers an error outside the API without a stack trace or the server’s paths', async () => {
    // A front-end build without its index.html: the app shell cannot be sent.
    const webDist = mkdtempSync(path.join(tmpdir(), 'hardening-web-'));
    writeFileSync(path.join(webDist, 'app.js'), '// an asset');
    const base = await serve({ webDist });
    const response = await fetch(`${base}/some/client/route`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expectNoStackTrace(text);
    expect(text).not.toContain(webDist);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await fetch(`${base}/app.js`)).status).toBe(200);
  });
});
