/**
 * Which database the tests use. Tests wipe it, so it is never the app's NEO4J_URI: it is
 * NEO4J_TEST_URI when set, else a local Neo4j of its own (port 7688, data in .neo4j/test).
 */
import path from 'node:path';
import { DEFAULT_LOCAL_PASSWORD, startLocalNeo4j, stopLocalNeo4j } from '../../db/local-neo4j.ts';
import type { Neo4jConfig } from '../../server/config.ts';
import { REPO_ROOT } from '../../server/config.ts';

export const TEST_DATA_DIR =
  process.env.LOCAL_NEO4J_TEST_DATA ?? path.join(REPO_ROOT, '.neo4j', 'test');

export async function startTestDatabase(
  log: (line: string) => void,
): Promise<{ config: Neo4jConfig; stop: () => Promise<void> }> {
  const env = process.env;
  if (env.NEO4J_TEST_URI) {
    return {
      config: {
        uri: env.NEO4J_TEST_URI,
        user: env.NEO4J_TEST_USER ?? 'neo4j',
        password: env.NEO4J_TEST_PASSWORD ?? DEFAULT_LOCAL_PASSWORD,
        database: env.NEO4J_TEST_DATABASE,
      },
      stop: async () => {},
    };
  }
  const local = await startLocalNeo4j({
    port: Number(env.LOCAL_NEO4J_TEST_PORT ?? 7688),
    dataDir: TEST_DATA_DIR,
    password: DEFAULT_LOCAL_PASSWORD,
    log,
  });
  return {
    config: { uri: local.uri, user: local.user, password: local.password },
    // Leave a database that was already running (a developer's warm instance) as it was.
    stop: async () => {
      if (local.startedNow && env.KEEP_TEST_NEO4J !== '1')
        await stopLocalNeo4j({ dataDir: TEST_DATA_DIR });
    },
  };
}
