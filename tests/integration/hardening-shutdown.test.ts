// Graceful shutdown of the real server process (`server/main.ts` as a child, on the test
// database): SIGTERM while a request is in flight — a client uploading its body slowly, so the
// request is naturally still running — lets it finish with its full answer, refuses new
// connections, and exits 0; a request that never finishes is cut after SHUTDOWN_TIMEOUT_MS and
// the exit code says so.
import type { ChildProcess } from 'node:child_process';
import { request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeAll, describe, expect, it, inject } from 'vitest';
import { openTestDatabase, resetGraph } from '../support/graph-fixture.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const children: ChildProcess[] = [];

beforeAll(async () => {
  const db = openTestDatabase();
  await resetGraph(db);
  await db.close();
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the server on the test database with `env` and resolves with its port. */
async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const neo4j = inject('neo4j');
  const server = await startServerProcess({
    ...process.env,
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    LOAD_SEED: 'never',
    ...env,
  });
  children.push(server.child);
  return server;
}

/** POSTs `body` in two parts; the second is sent when `finish` is called. */
function slowUpload(port: number, path: string, body: string) {
  const half = Math.floor(body.length / 2);
  let finish = () => {};
  const answer = new Promise<{ response: IncomingMessage; text: string }>((resolve, reject) => {
    const req = request(
      {
        port,
        host: '127.0.0.1',
        path,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ response, text }));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, half));
    finish = () => req.end(body.slice(half));
  });
  return { answer, finish: () => finish() };
}

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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGTERM', () => {
  it('drains the request in flight, refuses new connections, and exits 0', async () => {
    const server = await startServer({ SHUTDOWN_TIMEOUT_MS: '20000' });
    const body = JSON.stringify({ ids: ['org:unicef', 'dpg:dhis2', 'country:SL'] });
    const upload = slowUpload(server.port, '/api/graph/subgraph', body);
    await pause(300); // the request has reached the server and waits for the rest of its body

    server.child.kill('SIGTERM');
    await pause(300);
    expect(await refuses(server.port)).toBe(true);
    expect(server.child.exitCode).toBeNull(); // still serving the request in flight

    upload.finish();
    const { response, text } = await upload.answer;
    expect(response.statusCode).toBe(200);
    expect(response.headers.connection).toBe('close');
    expect(JSON.parse(text)).toMatchObject({
      nodes: [],
      missing: ['org:unicef', 'dpg:dhis2', 'country:SL'],
    });
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: no new connections; 1 request\(s\) in flight/);
  }, 120_000);

  it('cuts a request that outlasts SHUTDOWN_TIMEOUT_MS, and exits 1', async () => {
    const server = await startServer({ SHUTDOWN_TIMEOUT_MS: '1000' });
    const upload = slowUpload(server.port, '/api/graph/subgraph', JSON.stringify({ ids: ['x'] }));
    const outcome = upload.answer.then(
      () => 'answered',
      () => 'cut',
    );
    await pause(300);
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(1);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(900);
    expect(await outcome).toBe('cut');
  }, 120_000);
});
