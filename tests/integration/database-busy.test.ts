// An exhausted connection pool against the real test database: an app whose driver has one
// pooled connection and a short acquisition timeout, that connection held by a transaction, must
// answer the next query 503 DATABASE_BUSY with Retry-After (not 500), and serve again as soon as
// the connection is free. The error mapping itself is unit-tested in database-faults.test.ts.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createDriver, GraphDatabase } from '../../server/db/neo4j-client.ts';

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
