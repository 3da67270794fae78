// Neo4j stopped under a running app: /api/health says the database is down, query endpoints
// answer 503 with Retry-After at once instead of hanging, and when the same database comes back
// the same app serves again without a restart. Runs on a private Neo4j (faults-fixture.ts), never
// the shared test database. The times are printed; the bound asserted is generous because a busy
// machine stretches them (README, "Operations and hardening", has the measured numbers).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { connect } from '../../server/bootstrap.ts';
import type { GraphDatabase } from '../../server/db/neo4j-client.ts';
import type { WarmUpReport } from '../../server/services/query-warm-up.ts';
import { keepQueriesWarm, type WarmUpKeeper } from '../../server/services/warm-up-keeper.ts';
import { canRunPrivateNeo4j, privateNeo4j } from './faults-fixture.ts';

const neo4j = privateNeo4j('database');
let db: GraphDatabase;
let server: Server;
let base = '';
// The keeper's real look at Neo4j's start time, with a warm-up that only counts its runs (the
// real warm-up's reads are tested in query-warm-up.test.ts).
let keeper: WarmUpKeeper;
const warmUps: string[] = [];
const keeperLog: string[] = [];

async function timed(path: string, init?: RequestInit) {
  const started = performance.now();
  const response = await fetch(base + path, init);
  const body = (await response.json()) as Record<string, unknown>;
  return { response, body, ms: Math.round(performance.now() - started) };
}

const subgraph = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ ids: ['org:unicef'] }),
};

describe.runIf(canRunPrivateNeo4j())('when Neo4j stops under the running app', () => {
  beforeAll(async () => {
    await neo4j.start();
    ({ db } = await connect(neo4j.config));
    server = createApp(db, { webDist: '/nonexistent', rateLimit: false }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    keeper = keepQueriesWarm(db, {
      intervalMs: 3_600_000,
      log: (line) => keeperLog.push(line),
      warmUp: async (): Promise<WarmUpReport> => {
        warmUps.push(new Date().toISOString());
        return { reads: [], ms: 0 };
      },
    });
  }, 240_000);

  afterAll(async () => {
    keeper?.stop();
    await new Promise((resolve) => server?.close(resolve));
    await db?.close();
    await neo4j.stop();
  }, 120_000);

  it('says so, answers 503 with Retry-After at once, and serves again when it returns', async () => {
    expect(await keeper.check()).toBe('warmed up');
    expect(await keeper.check()).toBe('already warm');
    expect((await timed('/api/health')).response.status).toBe(200);
    expect((await timed('/api/search?q=unicef')).response.status).toBe(200);

    await neo4j.stop();

    const health = await timed('/api/health');
    expect(health.response.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', database: { status: 'down' } });
    expect(await keeper.check()).toBe('the database is unavailable');

    const times: number[] = [];
    for (const [path, init] of [
      ['/api/search?q=unicef'],
      ['/api/graph/neighbourhood?id=org:unicef'],
      ['/api/entities/org:unicef'],
      ['/api/graph/subgraph', subgraph],
    ] as [string, RequestInit?][]) {
      const answer = await timed(path, init);
      expect(answer.response.status, path).toBe(503);
      expect(answer.response.headers.get('retry-after'), path).toBe('5');
      expect(answer.body, path).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
      times.push(answer.ms);
    }
    console.log(
      `database down: /api/health answered 503 in ${health.ms} ms; queries 503 in ${times.join(', ')} ms`,
    );
    expect(health.ms).toBeLessThan(3_000);
    expect(Math.max(...times)).toBeLessThan(3_000);

    await neo4j.start();
    const back = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - back < 30_000) {
      status = (await timed('/api/health')).response.status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(`database back: /api/health 200 again ${Date.now() - back} ms after Bolt answered`);
    expect(status).toBe(200);
    expect((await timed('/api/search?q=unicef')).response.status).toBe(200);
    expect((await timed('/api/graph/subgraph', subgraph)).response.status).toBe(200);

    // Neo4j lost its query plans with the restart: the keeper's next look plans them again.
    expect(warmUps).toHaveLength(1);
    expect(await keeper.check()).toBe('warmed up');
    expect(warmUps).toHaveLength(2);
    expect(keeperLog.at(-1)).toMatch(/^Neo4j was started again: /);
    expect(await keeper.check()).toBe('already warm');
  }, 240_000);
});
