/**
 * The app under benchmark, in a process of its own (forked by bench-server.ts): createApp over
 * its own driver, on an ephemeral loopback port. A separate process keeps the load generator off
 * the server's event loop and lets the soak read the server's own memory. It answers the parent
 * over IPC: `ready` with its port, then `memory` snapshots (current and peak since the last reset).
 * Reads its database from BENCH_NEO4J_URI / _USER / _PASSWORD, the answer cache's size from
 * BENCH_ANSWER_CACHE_MB (unset: as deployed); serves web/dist when built.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app.ts';
import { openGraphDatabase } from '../server/db/neo4j-client.ts';
import { useUntranslatedStackTraces } from '../server/stack-traces.ts';

export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export type ServerMessage =
  | { type: 'ready'; port: number }
  | { type: 'memory'; current: MemorySnapshot; peak: MemorySnapshot };

export type ParentMessage =
  { type: 'memory'; resetPeak?: boolean; collectGarbage?: boolean } | { type: 'stop' };

const SAMPLE_MS = 100;

function snapshot(): MemorySnapshot {
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external };
}

function maxOf(a: MemorySnapshot, b: MemorySnapshot): MemorySnapshot {
  return {
    rss: Math.max(a.rss, b.rss),
    heapUsed: Math.max(a.heapUsed, b.heapUsed),
    heapTotal: Math.max(a.heapTotal, b.heapTotal),
    external: Math.max(a.external, b.external),
  };
}

async function main(): Promise<void> {
  // As server/main.ts serves.
  useUntranslatedStackTraces();
  const uri = process.env.BENCH_NEO4J_URI;
  if (!uri || !process.send) {
    throw new Error(
      'bench/api-server.ts: run it through bench-server.ts (needs BENCH_NEO4J_URI and IPC)',
    );
  }
  // As server/bootstrap.ts connects: the main pool and the probe driver.
  const db = openGraphDatabase({
    uri,
    user: process.env.BENCH_NEO4J_USER ?? 'neo4j',
    password: process.env.BENCH_NEO4J_PASSWORD ?? '',
  });
  await db.driver.verifyConnectivity();
  // The per-client rate limiter would turn a load test into a test of the limiter: off here.
  // BENCH_ANSWER_CACHE_MB=0: every answer computed (what the raw-Cypher comparison needs);
  // unset: the answer cache as deployed.
  const cacheMb = process.env.BENCH_ANSWER_CACHE_MB;
  const app = createApp(db, {
    rateLimit: false,
    answerCache: cacheMb === undefined ? undefined : { maxMegabytes: Number(cacheMb) },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));

  let peak = snapshot();
  const sampler = setInterval(() => (peak = maxOf(peak, snapshot())), SAMPLE_MS);
  const send = (message: ServerMessage) => process.send!(message);

  process.on('message', (message: ParentMessage) => {
    if (message.type === 'memory') {
      // Started with --expose-gc: what is retained, not what the collector has yet to free.
      if (message.collectGarbage) globalThis.gc?.();
      const current = snapshot();
      peak = maxOf(peak, current);
      send({ type: 'memory', current, peak });
      if (message.resetPeak) peak = current;
    } else if (message.type === 'stop') {
      clearInterval(sampler);
      server.closeAllConnections();
      server.close(() => void db.close().finally(() => process.exit(0)));
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port: (server.address() as AddressInfo).port });
}

main().catch((error: unknown) => {
  console.error(`bench api server failed: ${(error as Error).message}`);
  process.exit(1);
});
