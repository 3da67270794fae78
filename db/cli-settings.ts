// Turns the environment into the settings of `npm run db:start` / `db:stop`: LOCAL_NEO4J_PORT,
// LOCAL_NEO4J_DATA and NEO4J_PASSWORD, each with a development default.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { DEFAULT_LOCAL_PASSWORD } from './local-neo4j.ts';
import { LocalNeo4jError } from './local-neo4j-error.ts';

/** The repository root (the parent of db/). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Bolt port when LOCAL_NEO4J_PORT is not set. */
export const DEFAULT_LOCAL_PORT = 7687;

/** What the CLI starts or stops. */
export interface LocalNeo4jSettings {
  port: number;
  dataDir: string;
  password: string;
}

/**
 * Reads the settings from `env`; a relative LOCAL_NEO4J_DATA is taken from `cwd`, the default
 * is `.neo4j/dev` under `repoRoot`.
 */
export function resolveLocalNeo4jSettings(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  repoRoot: string = REPO_ROOT,
): LocalNeo4jSettings {
  return {
    port: parsePort(env.LOCAL_NEO4J_PORT),
    dataDir: env.LOCAL_NEO4J_DATA
      ? resolve(cwd, env.LOCAL_NEO4J_DATA)
      : join(repoRoot, '.neo4j', 'dev'),
    password: env.NEO4J_PASSWORD || DEFAULT_LOCAL_PASSWORD,
  };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_LOCAL_PORT;
  const port = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || port < 1 || port > 65535) {
    throw new LocalNeo4jError(
      'INVALID_OPTIONS',
      `LOCAL_NEO4J_PORT must be a port number from 1 to 65535, got ${JSON.stringify(raw)}`,
    );
  }
  return port;
}
