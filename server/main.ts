/**
 * `npm start`: configuration → database (local one started when NEO4J_URI is not set) →
 * migrations → seed into an empty graph → HTTP server. Stops cleanly on SIGINT/SIGTERM; the local
 * database keeps running for the next start (`npm run db:stop` stops it).
 */
import { createApp } from './app.ts';
import { connect, loadSeedIfEmpty, resolveNeo4j } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { ensureMetrics } from './insights/metrics-service.ts';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const config = loadConfig();
  const neo4jConfig = await resolveNeo4j(config, log);
  const { db, migrations } = await connect(neo4jConfig);
  log(
    migrations.applied.length > 0
      ? `Schema migrated from version ${migrations.from} to ${migrations.to}: ${migrations.applied.join(', ')}`
      : `Schema at version ${migrations.to}`,
  );
  if (config.loadSeed === 'auto') await loadSeedIfEmpty(db, config.seedPage, log);
  // A graph imported before the measures existed (or by another tool) gets them now.
  const metrics = await ensureMetrics(db);
  if (metrics) log(`Network measures computed over ${metrics.nodeCount} entities`);

  const server = createApp(db, { adminToken: config.adminToken, auth: config.auth }).listen(
    config.port,
    config.host,
    () => {
      log(`DPG Explorer is serving http://localhost:${config.port} (API under /api)`);
    },
  );
  const stop = () => {
    server.close(() => void db.close().then(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`DPG Explorer could not start: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
});
