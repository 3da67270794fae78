// An exhausted connection pool against the real test database: an app whose driver has one
// pooled connection and a short acquisition timeout, that connection held by a transaction, must
// answer the next query 503 DATABASE_BUSY with Retry-After (not 500), and serve again as soon as
// the connection is free. The error mapping itself is unit-tested in database-faults.test.ts.
// And the default pool: no more transactions at once than defaultMaxConnections(), the next
// request waiting its turn rather than failing; while it is full, the probe driver still answers
// the health check and the answer cache's revision reads at once.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import {
  createDriver,
  createProbeDriver,
  defaultMaxConnections,
  GraphDatabase,
} from '../../server/db/neo4j-client.ts';

const ACQUISITION_TIMEOUT_MS = 300;
let db: GraphDatabase;
let server: Server;
let base = '';

beforeAll(async () => {
  const config = inject('neo4j');
  db = new GraphDatabase(
    createDriver(config, {
      maxConnectionPoolSize: 1,
      connectionAcquisitionTimeout: ACQUISITION_TIMEOUT_MS,
    }),
    config.database,
  );
  server = createApp(db, { webDist: '/nonexistent', rateLimit: false }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

describe('an exhausted connection pool', () => {
  it('answers 503 DATABASE_BUSY with Retry-After, then serves again once a connection is free', async () => {
    expect((await fetch(`${base}/api/search?q=unicef`)).status).toBe(200);

    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let taken = () => {};
    const connectionTaken = new Promise<void>((resolve) => (taken = resolve));
    // A transaction that has run a query holds the pool's only connection until it ends.
    const holder = db.readTx(async (tx) => {
      await tx.run('RETURN 1');
      taken();
      await released;
    });
    try {
      await connectionTaken;
      const started = Date.now();
      const response = await fetch(`${base}/api/search?q=unicef`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      expect(await response.json()).toMatchObject({
        error: { code: 'DATABASE_BUSY', message: expect.any(String) },
      });
      // It waited for a connection as long as configured, and not for retries on top.
      expect(Date.now() - started).toBeGreaterThanOrEqual(ACQUISITION_TIMEOUT_MS - 20);
      expect(Date.now() - started).toBeLessThan(ACQUISITION_TIMEOUT_MS + 1_500);
    } finally {
      release();
      await holder;
    }
    expect((await fetch(`${base}/api/search?q=unicef`)).status).toBe(200);
  });
});

describe('the default connection pool', () => {
  it('reads NEO4J_MAX_CONNECTIONS, and names it when it is no whole number of at least 1', () => {
    expect(loadConfig({}).neo4jPool).toEqual({ maxConnectionPoolSize: undefined });
    expect(loadConfig({ NEO4J_MAX_CONNECTIONS: '32' }).neo4jPool.maxConnectionPoolSize).toBe(32);
    for (const bad of ['0', '2.5', 'many'])
      expect(() => loadConfig({ NEO4J_MAX_CONNECTIONS: bad })).toThrow(/NEO4J_MAX_CONNECTIONS/);
    expect(defaultMaxConnections()).toBeGreaterThanOrEqual(4);
  });

  it('runs at most defaultMaxConnections() transactions at once; the next request waits its turn', async () => {
    const config = inject('neo4j');
    const pooled = new GraphDatabase(createDriver(config), config.database);
    const app = createApp(pooled, { webDist: '/nonexistent', rateLimit: false });
    const appServer = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => appServer.once('listening', resolve));
    const url = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/api/search?q=unicef`;
    const releases: (() => void)[] = [];
    const holders: Promise<void>[] = [];
    try {
      for (let i = 0; i < defaultMaxConnections(); i++) {
        let taken = () => {};
        const connectionTaken = new Promise<void>((resolve) => (taken = resolve));
        const released = new Promise<void>((resolve) => releases.push(resolve));
        holders.push(
          pooled.readTx(async (tx) => {
            await tx.run('RETURN 1');
            taken();
            await released;
          }),
        );
        await connectionTaken;
      }
      let answered = false;
      const waiting = fetch(url).then((response) => {
        answered = true;
        return response;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(answered).toBe(false);
      releases[0]!();
      const response = await waiting;
      expect(response.status).toBe(200);
    } finally {
      releases.forEach((release) => release());
      await Promise.all(holders);
      await new Promise((resolve) => appServer.close(resolve));
      await pooled.close();
    }
  });
});

describe('a full pool beside the probe driver', () => {
  it('still answers the health check and cached answers at once, and the rest 503 as before', async () => {
    const config = inject('neo4j');
    const busy = new GraphDatabase(
      createDriver(config, { maxConnectionPoolSize: 1, connectionAcquisitionTimeout: 300 }),
      config.database,
      { probeDriver: createProbeDriver(config) },
    );
    const app = createApp(busy, { webDist: '/nonexistent', rateLimit: false });
    const appServer = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => appServer.once('listening', resolve));
    const url = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let taken = () => {};
    const connectionTaken = new Promise<void>((resolve) => (taken = resolve));
    let holder: Promise<void> | undefined;
    try {
      // Computed while the pool is free: the answer cache keeps it.
      expect((await fetch(`${url}/api/overview`)).status).toBe(200);
      holder = busy.readTx(async (tx) => {
        await tx.run('RETURN 1');
        taken();
        await released;
      });
      await connectionTaken;

      let started = Date.now();
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { database: { status: string } }).database.status).toBe(
        'up',
      );
      expect(Date.now() - started).toBeLessThan(250);

      started = Date.now();
      expect((await fetch(`${url}/api/overview`)).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(250);

      // What needs the main pool still waits for it, and says the app is busy.
      expect((await fetch(`${url}/api/search?q=unicef`)).status).toBe(503);
    } finally {
      release();
      await holder;
      await new Promise((resolve) => appServer.close(resolve));
      await busy.close();
    }
  });
});
