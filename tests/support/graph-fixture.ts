/**
 * Per-file access to the test database: a GraphDatabase on the provided connection, a reset to an
 * empty graph, the seed import, and small count helpers that read the real graph.
 */
import { inject } from 'vitest';
import { createHash } from 'node:crypto';
import { createDriver, GraphDatabase, toPlain } from '../../server/db/neo4j-client.ts';
import { runImport } from '../../server/importers/import-runner.ts';
import { importMemberPage } from '../../server/importers/member-page/member-page-importer.ts';
import { readSourceText } from '../../server/importers/source-reader.ts';
import { MEMBERS_FILE, REGISTRY_DIR, ROADMAP_FILE } from './registry-copy.ts';
import { SEED_PAGE } from './shared-data.ts';

export function openTestDatabase(): GraphDatabase {
  const config = inject('neo4j');
  return new GraphDatabase(createDriver(config), config.database);
}

export async function resetGraph(db: GraphDatabase): Promise<void> {
  await db.write('admin/wipe');
}

export async function importSeed(db: GraphDatabase) {
  return importMemberPage(db, await readSourceText(SEED_PAGE));
}

/**
 * Empties the graph and imports every real source as the app does: the seed, then the DPG
 * Registry, the DPGA members and the roadmap sheet, each import followed by the network measures.
 */
export async function importRealSources(db: GraphDatabase): Promise<void> {
  await resetGraph(db);
  await importSeed(db);
  await runImport(db, { kind: 'dpg-registry', location: REGISTRY_DIR });
  await runImport(db, { kind: 'members', location: MEMBERS_FILE });
  await runImport(db, { kind: 'activities-csv', location: ROADMAP_FILE });
}

/** Row data of a verification query (tests read the graph directly to check what code wrote). */
export async function query(
  db: GraphDatabase,
  cypher: string,
  params: Record<string, unknown> = {},
) {
  const result = await db.driver.executeQuery(cypher, params);
  return result.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
}

/**
 * A fingerprint of the whole graph — every entity, relationship and property except import
 * timestamps — to prove that an operation changed nothing.
 */
export async function graphSnapshot(
  db: GraphDatabase,
): Promise<{ nodes: number; relationships: number; digest: string }> {
  const [row] = await query(
    db,
    `MATCH (n:Entity)
     WITH n ORDER BY n.id
     WITH collect(n {.*, labels: labels(n)}) AS nodes
     OPTIONAL MATCH (a:Entity)-[r]->(b:Entity)
     WITH nodes, a, r, b ORDER BY a.id, type(r), b.id
     WITH nodes, collect(CASE WHEN r IS NULL THEN null ELSE {from: a.id, type: type(r), to: b.id, props: properties(r)} END) AS rels
     RETURN size(nodes) AS nodes, size(rels) AS relationships, nodes AS nodeList, rels AS relList`,
  );
  const digest = createHash('sha256')
    .update(JSON.stringify([row?.nodeList, row?.relList]))
    .digest('hex');
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships), digest };
}
