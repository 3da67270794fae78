// The HTTP hardening modules without a database: the CORS allowlist, rate-limit settings and
// their OpenAPI entry, the environment that configures them, the graceful shutdown of a plain
// node:http server on loopback (in-flight requests finish, idle keep-alive connections close, new
// connections are refused, a timeout cuts what still runs), and the JSON answers to requests
// Node's parser refuses (oversized headers, malformed HTTP).
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import {
  clientErrorAnswer,
  createHttpServer,
  MAX_HEADER_BYTES,
} from '../../server/http/client-errors.ts';
import { parseCorsOrigins } from '../../server/http/cors-policy.ts';
import { gracefulShutdown } from '../../server/http/graceful-shutdown.ts';
import { withRateLimitResponses } from '../../server/http/rate-limit-docs.ts';
import { DEFAULT_RATE_LIMITS, rateLimiters } from '../../server/http/rate-limits.ts';

describe('parseCorsOrigins', () => {
  it('reads a comma-separated list into canonical origins, without duplicates', () => {
    expect(
      parseCorsOrigins(
        ' https://maps.example.org, http://localhost:5173 ,HTTPS://Maps.Example.org/',
      ),
    ).toEqual(['https://maps.example.org', 'http://localhost:5173']);
  });

  it('is empty (same-origin only) when unset or blank', () => {
    expect(parseCorsOrigins(undefined)).toEqual([]);
    expect(parseCorsOrigins(' , ')).toEqual([]);
  });

  it.each([
    '*',
    'maps.example.org',
    'https://maps.example.org/path',
    'https://maps.example.org?x=1',
    'ftp://maps.example.org',
    'https://user@maps.example.org',
  ])('refuses %s, naming it', (entry) => {
    expect(() => parseCorsOrigins(`https://ok.example.org,${entry}`)).toThrow(entry);
  });
});

describe('rate-limit settings', () => {
  it('builds the three buckets, and none for a bucket set to 0', () => {
    const on = rateLimiters(DEFAULT_RATE_LIMITS);
    expect([on.api, on.signIn, on.imports].every((m) => typeof m === 'function')).toBe(true);
    const off = rateLimiters({ perMinute: 0, signInFailuresPer15Minutes: 0, importsPerHour: 5 });
    expect([off.api, off.signIn, typeof off.imports]).toEqual([null, null, 'function']);
  });

  it('refuses limits that are not whole numbers ≥ 0', () => {
    expect(() => rateLimiters({ ...DEFAULT_RATE_LIMITS, perMinute: -1 })).toThrow(/perMinute/);
    expect(() => rateLimiters({ ...DEFAULT_RATE_LIMITS, importsPerHour: 1.5 })).toThrow(
      /importsPerHour/,
    );
  });

  it('adds a 429 to every operation of the OpenAPI document, keeping one already there', () => {
    const own = { description: 'own' };
    const doc = withRateLimitResponses({
      paths: {
        '/a': { get: { responses: { 200: {} } }, post: { responses: { 429: own } } },
        '/b': { parameters: [], delete: { responses: {} } },
      },
    });
    expect(Object.keys(doc.paths['/a'].get.responses)).toContain('429');
    expect(doc.paths['/a'].post.responses[429]).toBe(own);
    expect(Object.keys(doc.paths['/b'].delete.responses)).toEqual(['429']);
  });
});

describe('the hardening environment', () => {
  it('defaults: no CORS, no proxy trusted, production rate limits, 10 s to drain', () => {
    const config = loadConfig({});
    expect(config.corsOrigins).toEqual([]);
    expect(config.trustProxy).toBe(false);
    expect(config.rateLimit).toEqual(DEFAULT_RATE_LIMITS);
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(config.metricsRefreshMs).toBe(30_000);
    expect(config.importUrlPolicy).toEqual({ allowPrivate: false, allowHosts: [] });
  });

  it('reads the import URL opt-ins', () => {
    const config = loadConfig({
      IMPORT_URL_ALLOW_HOSTS: 'intranet.example.org, 10.1.0.0/16',
      IMPORT_ALLOW_PRIVATE_URLS: 'true',
    });
    expect(config.importUrlPolicy).toEqual({
      allowPrivate: true,
      allowHosts: ['intranet.example.org', '10.1.0.0/16'],
    });
  });

  it('reads CORS_ORIGINS, TRUST_PROXY, the limits and SHUTDOWN_TIMEOUT_MS', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://maps.example.org',
      TRUST_PROXY: '1',
      RATE_LIMIT_PER_MINUTE: '120',
      SIGN_IN_LIMIT_PER_15_MINUTES: '5',
      IMPORT_LIMIT_PER_HOUR: '0',
      SHUTDOWN_TIMEOUT_MS: '2500',
      METRICS_REFRESH_SECONDS: '0',
      PORT: '0',
    });
    expect(config).toMatchObject({
      corsOrigins: ['https://maps.example.org'],
      trustProxy: 1,
      rateLimit: { perMinute: 120, signInFailuresPer15Minutes: 5, importsPerHour: 0 },
      shutdownTimeoutMs: 2500,
      metricsRefreshMs: 0,
      port: 0,
    });
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
  });

  it.each([
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ RATE_LIMIT_PER_MINUTE: '-5' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ SHUTDOWN_TIMEOUT_MS: 'soon' }, 'SHUTDOWN_TIMEOUT_MS'],
    [{ METRICS_REFRESH_SECONDS: '-1' }, 'METRICS_REFRESH_SECONDS'],
    [{ IMPORT_URL_ALLOW_HOSTS: 'http://intranet/' }, 'IMPORT_URL_ALLOW_HOSTS'],
    [{ IMPORT_ALLOW_PRIVATE_URLS: 'yes' }, 'IMPORT_ALLOW_PRIVATE_URLS'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
  });
});

/**
 * A server whose /slow requests wait until `release()` before answering, /streaming ones send
 * their headers at once and finish at `release()`; everything else answers at once.
 */
async function slowServer(): Promise<{ server: Server; port: number; release: () => void }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = createServer((req, res) => {
    if (req.url === '/slow') void released.then(() => res.end('slow answer, in full'));
    else if (req.url === '/streaming') {
      res.write('first half, ');
      void released.then(() => res.end('second half'));
    } else res.end('quick');
  });
  server.keepAliveTimeout = 60_000; // idle connections would outlive the test unless closed
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, release };
}

/** GET over its own keep-alive connection; resolves with the response and its full body. */
function get(port: number, path: string): Promise<{ response: IncomingMessage; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ response, body }));
    });
    req.setHeader('Connection', 'keep-alive');
    req.on('error', reject);
    req.end();
  });
}

/** Resolves true when a new TCP connection is refused, false when it is accepted. */
function refuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('gracefulShutdown', () => {
  it('lets a request in flight finish, closes idle connections, refuses new ones', async () => {
    const { server, port, release } = await slowServer();
    const released: string[] = [];
    // Far longer than the test runs: finishing early proves nothing was waited out.
    const shutdown = gracefulShutdown(server, {
      timeoutMs: 60_000,
      release: async () => void released.push('driver'),
    });
    // An idle keep-alive connection: it must be closed, not waited for.
    const idle = connect(port, '127.0.0.1');
    await new Promise((resolve) => idle.once('connect', resolve));
    idle.write('GET /quick HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    await new Promise((resolve) => idle.once('data', resolve));
    const idleClosed = new Promise<string>((resolve) => idle.once('close', () => resolve('idle')));

    const slow = get(port, '/slow');
    // Its headers (keep-alive) go out before the shutdown: the server must close the connection
    // once the answer is done, as the client keeps it open.
    const streaming = connect(port, '127.0.0.1');
    await new Promise((resolve) => streaming.once('connect', resolve));
    streaming.write('GET /streaming HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    let streamed = '';
    streaming.on('data', (chunk: Buffer) => (streamed += chunk.toString('utf8')));
    const streamingClosed = new Promise((resolve) => streaming.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 100)); // the requests have arrived
    const shutdownAt = Date.now();
    const done = shutdown('SIGTERM');

    expect(await idleClosed).toBe('idle');
    expect(await refuses(port)).toBe(true);
    expect(released).toEqual([]); // still draining
    release();
    const { response, body } = await slow;
    expect(response.statusCode).toBe(200);
    expect(body).toBe('slow answer, in full');
    expect(response.headers.connection).toBe('close');
    await streamingClosed;
    expect(streamed).toMatch(/first half, .*second half/s);
    expect(await done).toEqual({ drained: true });
    expect(Date.now() - shutdownAt).toBeLessThan(5_000);
    expect(released).toEqual(['driver']);
  });

  it('cuts what still runs after the timeout and says so', async () => {
    const { server, port } = await slowServer();
    const shutdown = gracefulShutdown(server, { timeoutMs: 300, release: async () => {} });
    const slow = get(port, '/slow').then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    expect(await shutdown('SIGTERM')).toEqual({ drained: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(await slow).toBe('cut');
  });

  it('cuts at once on a second call', async () => {
    const { server, port } = await slowServer();
    const shutdown = gracefulShutdown(server, { timeoutMs: 60_000, release: async () => {} });
    const slow = get(port, '/slow').catch(() => 'cut');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const first = shutdown('SIGINT');
    const second = shutdown('SIGINT');
    expect(await second).toEqual({ drained: false });
    expect(await first).toEqual({ drained: false });
    expect(await slow).toBe('cut');
  });
});

/** Writes raw bytes on a new connection; resolves with all it received once the server closes it. */
function exchange(port: number, ...writes: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    socket.once('connect', async () => {
      for (const data of writes) {
        socket.write(data);
        // Each request answered before the next goes out, as on a kept-alive connection.
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    socket.once('close', () => resolve(received));
    socket.once('error', reject);
    setTimeout(() => reject(new Error(`still open; received ${received}`)), 5_000).unref();
  });
}

/** The status, headers and JSON body of the last response in `raw`. */
function lastResponse(raw: string) {
  const start = raw.lastIndexOf('HTTP/1.1 ');
  const [head, body] = raw.slice(start).split('\r\n\r\n') as [string, string];
  const [statusLine, ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 2),
    ]),
  );
  return { status: Number(statusLine!.split(' ')[1]), headers, json: JSON.parse(body) as unknown };
}

describe('client errors (createHttpServer)', () => {
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    server = createHttpServer((_req, res) => res.end('fine'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers headers over 16 kB with a JSON 431 and closes the connection', async () => {
    const raw = await exchange(
      port,
      `GET / HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(MAX_HEADER_BYTES)}\r\n\r\n`,
    );
    const response = lastResponse(raw);
    expect(response.status).toBe(431);
    expect(response.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      connection: 'close',
    });
    expect(response.json).toMatchObject({
      error: { code: 'HEADERS_TOO_LARGE', message: expect.stringContaining('16 kB') },
    });
  });

  it('answers a malformed request line with a JSON 400, also after an answered request', async () => {
    const raw = await exchange(
      port,
      'GET / HTTP/1.1\r\nHost: x\r\n\r\n',
      'NOT HTTP AT ALL\r\n\r\n',
    );
    expect(raw.startsWith('HTTP/1.1 200 OK')).toBe(true);
    const response = lastResponse(raw);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      error: { code: 'BAD_REQUEST', message: 'The request is not well-formed HTTP.' },
    });
  });

  it('maps parser error codes to statuses', () => {
    expect(clientErrorAnswer('HPE_HEADER_OVERFLOW').status).toBe(431);
    expect(clientErrorAnswer('ERR_HTTP_REQUEST_TIMEOUT')).toMatchObject({
      status: 408,
      code: 'REQUEST_TIMEOUT',
    });
    expect(clientErrorAnswer('HPE_INVALID_METHOD').status).toBe(400);
    expect(clientErrorAnswer(undefined).status).toBe(400);
  });
});
