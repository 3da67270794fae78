/**
 * `npm run bench`: on a database of its own (port 7694, data in .neo4j/bench), times each import
 * of the real sources from ../shared/data — first import and an unchanged re-import — then serves
 * the app and measures the query endpoints. Speed targets live here, not in timed tests.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LOCAL_PASSWORD, startLocalNeo4j } from '../db/local-neo4j.ts';
import { createApp } from '../server/app.ts';
import { connect } from '../server/bootstrap.ts';
import { REPO_ROOT } from '../server/config.ts';
import { runImport, type ImportKind } from '../server/importers/import-runner.ts';
import { benchQueryApi } from './query-api.bench.ts';

const SHARED = process.env.DPG_SHARED_DATA ?? path.resolve(REPO_ROOT, '..', 'shared', 'data');
const SOURCES: [ImportKind, string][] = [
  ['member-page', path.join(SHARED, 'seed', 'unicef-member-activities.txt')],
  ['dpg-registry', path.join(SHARED, 'dpg-registry', 'api-2023')],
  ['members', path.join(SHARED, 'dpga', 'members-2025.json')],
  ['activities-csv', path.join(SHARED, 'dpga', 'roadmap-2023.csv')],
];

async function main(): Promise<void> {
  const local = await startLocalNeo4j({
    port: Number(process.env.LOCAL_NEO4J_BENCH_PORT ?? 7694),
    dataDir: path.join(REPO_ROOT, '.neo4j', 'bench'),
    password: DEFAULT_LOCAL_PASSWORD,
    log: (line) => console.error(line),
  });
  const { db } = await connect(local);
  try {
    await db.write('admin/wipe');
    console.log('import\tfirst (ms)\tre-import (ms)\tentities\trelationships');
    for (const [kind, location] of SOURCES) {
      const t0 = performance.now();
      const first = await runImport(db, { kind, location });
      const t1 = performance.now();
      await runImport(db, { kind, location });
      const t2 = performance.now();
      const total = (c: { created: number; updated: number; unchanged: number }) =>
        c.created + c.updated + c.unchanged;
      console.log(
        [
          kind,
          (t1 - t0).toFixed(0),
          (t2 - t1).toFixed(0),
          total(first.nodes),
          total(first.relationships),
        ].join('\t'),
      );
    }
    const server = createApp(db, { webDist: '/nonexistent' }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await benchQueryApi(`http://127.0.0.1:${port}`, Number(process.env.BENCH_RUNS ?? 20));
    } finally {
      server.close();
    }
  } finally {
    await db.close();
  }
  console.error('The bench database keeps running: LOCAL_NEO4J_DATA=.neo4j/bench npm run db:stop');
}

main().catch((error: unknown) => {
  console.error(`benchmark failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
