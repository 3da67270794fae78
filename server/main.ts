/**
 * `npm start`: configuration → database (local one started when NEO4J_URI is not set) →
 * migrations → seed into an empty graph → HTTP server. On SIGINT/SIGTERM it drains: no new
 * connections, requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), then the driver closes and
 * the process exits 0 (1 if requests had to be cut). The local database keeps running for the
 * next start (`npm run db:stop` stops it); while the app serves, it is started again if it dies
 * unasked (db/local-neo4j-keeper.ts).
 */
import type { AddressInfo } from 'node:net';
import { keepLocalNeo4jRunning } from '../db/local-neo4j-keeper.ts';
import { createApp } from './app.ts';
import { startCommitReceiptPruner } from './db/commit-receipt-pruner.ts';
import { loadAllStatements } from './db/cypher-registry.ts';
import { connect, loadSeedIfEmpty, resolveNeo4j } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { createHttpServer } from './http/client-errors.ts';
import { gracefulShutdown } from './http/graceful-shutdown.ts';
import { startMetricsRefresher } from './insights/metrics-refresher.ts';
import { ensureMetrics } from './insights/metrics-service.ts';
import { keepQueriesWarm, type WarmUpKeeper } from './services/warm-up-keeper.ts';
import { useUntranslatedStackTraces } from './stack-traces.ts';

const log = (line: string) => console.log(line);
const RECEIPT_PRUNE_INTERVAL_MS = 5 * 60_000;
// A restart of Neo4j under the running app is planned for again within this (warm-up-keeper.ts).
const RESTART_CHECK_INTERVAL_MS = 15_000;

async function main(): Promise<void> {
  useUntranslatedStackTraces();
  const config = loadConfig();
  loadAllStatements();
  const neo4jConfig = await resolveNeo4j(config, log);
  // Only the database this app started or reused for itself: a configured one is its operator's.
  const keeper = config.neo4j ? null : keepLocalNeo4jRunning({ ...config.localNeo4j, log });
  const { db, migrations } = await connect(neo4jConfig, config.neo4jPool);
  log(
    migrations.applied.length > 0
      ? `Schema migrated from version ${migrations.from} to ${migrations.to}: ${migrations.applied.join(', ')}`
      : `Schema at version ${migrations.to}`,
  );
  if (config.loadSeed === 'auto') await loadSeedIfEmpty(db, config.seedPage, log);
  // Measures never computed (a graph imported before they existed, or by another tool) or stale
  // (an import killed before its recompute, editors' edits since) are brought up to date now,
  // unless another recompute holds the claim (another instance's, or one killed within the
  // lease): serving does not wait for it, and the refresher looks again.
  const metrics = await ensureMetrics(db, { wait: false });
  if (metrics) log(`Network measures computed over ${metrics.nodeCount} entities`);
  // And while serving: editors' edits leave them stale (see metrics-refresher.ts).
  const refresher = startMetricsRefresher(db, { intervalMs: config.metricsRefreshMs, log });
  // Old commit receipts go (server/db/commit-receipts.ts); they matter for seconds after a write.
  const pruner = startCommitReceiptPruner(db, { intervalMs: RECEIPT_PRUNE_INTERVAL_MS, log });

  const app = createApp(db, {
    adminToken: config.adminToken,
    auth: config.auth,
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
    rateLimit: config.rateLimit,
    answerCache: config.answerCache,
    importUrlPolicy: config.importUrlPolicy,
    console: config.console,
  });
  let warmUp: WarmUpKeeper | undefined;
  let stopping = false;
  // Not app.listen: this server answers oversized headers and malformed requests in JSON too.
  const server = createHttpServer(app).listen(config.port, config.host, () => {
    // PORT=0 picks a free port: say which.
    const { port } = server.address() as AddressInfo;
    log(`DPG Explorer is serving http://localhost:${port} (API under /api)`);
    // The first visitors' reads are planned while it serves, not before (query-warm-up.ts), and
    // again after Neo4j restarts.
    if (config.warmUp && !stopping)
      warmUp = keepQueriesWarm(db, { intervalMs: RESTART_CHECK_INTERVAL_MS, log });
  });
  server.once('error', (error) => {
    stopping = true;
    warmUp?.stop();
    console.error(`DPG Explorer could not listen on port ${config.port}: ${error.message}`);
    void db.close().finally(() => process.exit(1));
  });
  const shutdown = gracefulShutdown(server, {
    timeoutMs: config.shutdownTimeoutMs,
    release: () => db.close(),
    log,
  });
  const onSignal = (signal: NodeJS.Signals) => {
    // No recompute starts while draining; one running is rolled back when the driver closes.
    refresher.stop();
    pruner.stop();
    stopping = true;
    warmUp?.stop();
    keeper?.stop();
    shutdown(signal).then(
      ({ drained }) => {
        log(drained ? 'Stopped.' : 'Stopped; some requests were cut off.');
        process.exit(drained ? 0 : 1);
      },
      (error: unknown) => {
        console.error(`Stopping failed: ${(error as Error).message ?? String(error)}`);
        process.exit(1);
      },
    );
  };
  // Not once: a second signal cuts the requests still running.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: unknown) => {
  console.error(`DPG Explorer could not start: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
});
