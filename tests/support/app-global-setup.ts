/**
 * Vitest global setup for browser tests: builds the front end, loads the seed into the test
 * database, and serves the app on a free loopback port, provided to tests as `appUrl`. Sign-in is
 * on (a test-only SESSION_SECRET) and an editor account exists, provided as `editor`.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { createApp } from '../../server/app.ts';
import { createUser } from '../../server/auth/accounts.ts';
import { REPO_ROOT } from '../../server/config.ts';
import { createDriver, GraphDatabase } from '../../server/db/neo4j-client.ts';
import { awaitIndexes } from '../../server/db/migrations.ts';
import { importMemberPage } from '../../server/importers/member-page/member-page-importer.ts';
import { readSourceText } from '../../server/importers/source-reader.ts';
import { hasSharedData, SEED_PAGE } from './shared-data.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The editor account the browser tests sign in with. */
    editor: { name: string; password: string };
  }
}

/** Test-only: the served app's session key and its editor account (created like `npm run user`). */
const SESSION_SECRET = 'e2e-session-secret-not-for-production-use-0123456789';
const EDITOR = { name: 'e2e-editor', password: 'e2e-editor-password-2026' };

export default async function setup(project: TestProject) {
  await build({ configFile: path.join(REPO_ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
  const config = project.getProvidedContext().neo4j;
  const db = new GraphDatabase(createDriver(config), config.database);
  await db.write('admin/wipe');
  if (hasSharedData()) await importMemberPage(db, await readSourceText(SEED_PAGE));
  await awaitIndexes(db);
  await createUser(db, { name: EDITOR.name, role: 'editor', password: EDITOR.password });
  const server = createApp(db, { auth: { sessionSecret: SESSION_SECRET } }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('appUrl', `http://127.0.0.1:${port}`);
  project.provide('editor', EDITOR);
  return async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  };
}
