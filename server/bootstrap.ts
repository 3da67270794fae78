/**
 * Start-up steps shared by the server and the test setup: find or start the database, connect,
 * apply schema migrations, and load the seed page into an empty graph.
 */
import { existsSync } from 'node:fs';
import { startLocalNeo4j } from '../db/local-neo4j.ts';
import type { AppConfig, Neo4jConfig } from './config.ts';
import { applyMigrations, awaitIndexes, type MigrationResult } from './db/migrations.ts';
import { openGraphDatabase, type GraphDatabase, type PoolOptions } from './db/neo4j-client.ts';
import { formatReport, type ImportReport } from './importers/import-report.ts';
import { importMemberPage } from './importers/member-page/member-page-importer.ts';
import { readSourceText } from './importers/source-reader.ts';
import { ensureMetrics } from './insights/metrics-service.ts';

type Log = (line: string) => void;

/** The configured database, or the local one started (or reused) for this machine. */
export async function resolveNeo4j(config: AppConfig, log: Log): Promise<Neo4jConfig> {
  if (config.neo4j) return config.neo4j;
  log(`NEO4J_URI is not set: using the local Neo4j on port ${config.localNeo4j.port}`);
  const local = await startLocalNeo4j({ ...config.localNeo4j, log });
  return { uri: local.uri, user: local.user, password: local.password };
}

export async function connect(
  neo4jConfig: Neo4jConfig,
  pool: PoolOptions = {},
): Promise<{ db: GraphDatabase; migrations: MigrationResult }> {
  const db = openGraphDatabase(neo4jConfig, pool);
  try {
    await db.driver.verifyConnectivity({ database: neo4jConfig.database });
  } catch (error) {
    await db.close();
    throw new Error(`Cannot reach Neo4j at ${neo4jConfig.uri}: ${(error as Error).message}`);
  }
  const migrations = await applyMigrations(db);
  await awaitIndexes(db);
  return { db, migrations };
}

/** Loads the seed member page when the graph holds no entities; returns the report, if any. */
export async function loadSeedIfEmpty(
  db: GraphDatabase,
  seedPage: string,
  log: Log,
): Promise<ImportReport | null> {
  const [row] = await db.read('admin/count-entities');
  if (Number(row?.count ?? 0) > 0) return null;
  if (!existsSync(seedPage)) {
    log(
      `The graph is empty and the seed page ${seedPage} is not there: set SEED_PAGE, or import data with npm run import.`,
    );
    return null;
  }
  const report = await importMemberPage(db, await readSourceText(seedPage));
  log(formatReport(report));
  await awaitIndexes(db);
  // Not behind another's recompute (another instance seeding the same empty graph): it measures.
  await ensureMetrics(db, { wait: false });
  return report;
}
