/**
 * Vitest global setup for browser tests: builds the front end, loads the seed into the test
 * database, and serves the app on a free loopback port, provided to tests as `appUrl`.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { createApp } from '../../server/app.ts';
import { REPO_ROOT } from '../../server/config.ts';
import { createDriver, GraphDatabase } from '../../server/db/neo4j-client.ts';
import { awaitIndexes } from '../../server/db/migrations.ts';
import { importMemberPage } from '../../server/importers/member-page/member-page-importer.ts';
import { readSourceText } from '../../server/importers/source-reader.ts';
import { hasSharedData, SEED_PAGE } from './shared-data.ts';

export default async function setup(project: TestProject) {
  await build({ configFile: path.join(REPO_ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
  const config = project.getProvidedContext().neo4j;
  const db = new GraphDatabase(createDriver(config), config.database);
  await db.write('admin/wipe');
  if (hasSharedData()) await importMemberPage(db, await readSourceText(SEED_PAGE));
  await awaitIndexes(db);
  const server = createApp(db).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('appUrl', `http://127.0.0.1:${port}`);
  return async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  };
}
