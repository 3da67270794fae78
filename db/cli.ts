// `tsx db/cli.ts start|stop` (npm run db:start / db:stop): starts or stops the local development
// Neo4j configured by LOCAL_NEO4J_PORT, LOCAL_NEO4J_DATA and NEO4J_PASSWORD.

import { join } from 'node:path';

import { resolveLocalNeo4jSettings } from './cli-settings.ts';
import { DEFAULT_LOCAL_PASSWORD, startLocalNeo4j, stopLocalNeo4j } from './local-neo4j.ts';
import { LocalNeo4jError } from './local-neo4j-error.ts';

const USAGE = 'usage: tsx db/cli.ts start|stop';

async function main(command: string | undefined): Promise<number> {
  if (command !== 'start' && command !== 'stop') {
    console.error(USAGE);
    return 2;
  }
  const settings = resolveLocalNeo4jSettings(process.env, process.cwd());
  const log = (line: string): void => console.log(line);

  if (command === 'stop') {
    const stopped = await stopLocalNeo4j({ dataDir: settings.dataDir, log });
    console.log(
      stopped
        ? `Local Neo4j stopped (${settings.dataDir}).`
        : `No local Neo4j was running for ${settings.dataDir}.`,
    );
    return 0;
  }

  const connection = await startLocalNeo4j({ ...settings, log });
  console.log(
    [
      connection.startedNow ? 'Local Neo4j started.' : 'Local Neo4j was already running.',
      `  uri:      ${connection.uri}`,
      `  user:     ${connection.user}`,
      `  password: ${settings.password === DEFAULT_LOCAL_PASSWORD ? `${DEFAULT_LOCAL_PASSWORD} (default)` : '(from NEO4J_PASSWORD)'}`,
      `  data:     ${join(settings.dataDir, 'home')}`,
      `  log:      ${join(settings.dataDir, 'neo4j.log')}`,
      'Stop it with: npm run db:stop',
    ].join('\n'),
  );
  return 0;
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof LocalNeo4jError ? message : `Unexpected error: ${message}`);
    process.exitCode = 1;
  },
);
