/**
 * Applies the schema migrations in cypher/schema/ that the database has not seen yet and records
 * the applied version on a (:SchemaVersion) node. Every statement is idempotent (IF NOT EXISTS),
 * so two app instances starting at once against one cluster do no harm.
 */
import neo4j from 'neo4j-driver';
import { loadMigrations, type Migration } from './cypher-registry.ts';
import type { GraphDatabase } from './neo4j-client.ts';

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

export async function currentSchemaVersion(db: GraphDatabase): Promise<number> {
  const [row] = await db.read('admin/schema-version');
  return Number(row?.version ?? 0);
}

export async function applyMigrations(
  db: GraphDatabase,
  migrations: Migration[] = loadMigrations(),
): Promise<MigrationResult> {
  const from = await currentSchemaVersion(db);
  const applied: string[] = [];
  for (const migration of migrations.filter((m) => m.version > from)) {
    // Schema changes cannot share a transaction with data writes (a commit receipt is one): one
    // transaction per statement, without a receipt; each is idempotent, so safe to run again.
    for (const statement of migration.statements) {
      await db.writeTx((tx) => tx.run(statement), { receipt: false });
    }
    await db.write('admin/set-schema-version', {
      version: migration.version,
      name: migration.name,
    });
    applied.push(migration.name);
  }
  const to = migrations.reduce((max, m) => Math.max(max, m.version), from);
  return { from, to, applied };
}

/** Waits until newly created indexes are online, so a search right after start-up finds data. */
export async function awaitIndexes(db: GraphDatabase, timeoutSeconds = 60): Promise<void> {
  await db.read('admin/await-indexes', { timeoutSeconds: neo4j.int(timeoutSeconds) });
}
