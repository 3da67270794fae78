/**
 * Private local Neo4j instances for the fault tests, which stop, restart and crash their
 * database: never the shared test database other files use. Each gets its own port and data
 * folder (LOCAL_NEO4J_FAULT_PORT, default 7714, and the ports after it; LOCAL_NEO4J_FAULT_DATA,
 * default .neo4j/faults) and is stopped when its file ends.
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DEFAULT_LOCAL_PASSWORD, startLocalNeo4j, stopLocalNeo4j } from '../../db/local-neo4j.ts';
import { REPO_ROOT, type Neo4jConfig } from '../../server/config.ts';

export const FAULT_INSTANCES = { database: 0, 'import-kill': 1, keeper: 2 } as const;
export type FaultInstance = keyof typeof FAULT_INSTANCES;

export interface PrivateNeo4j {
  config: Neo4jConfig;
  port: number;
  dataDir: string;
  /** Starts it (again, on the same data); resolves once Bolt answers. */
  start: () => Promise<void>;
  /** Stops it (SIGTERM, waits for the process to exit). */
  stop: () => Promise<void>;
}

/** True when this machine can run a local Neo4j (Java on the PATH); says why when it cannot. */
export function canRunPrivateNeo4j(): boolean {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (!java.error && java.status === 0) return true;
  const message =
    'no Java on the PATH: the fault tests, which run Neo4j instances of their own, are skipped';
  if (process.env.CI === 'true')
    throw new Error(`${message} — but CI=true, where Java is installed`);
  console.warn(message);
  return false;
}

export function privateNeo4j(instance: FaultInstance): PrivateNeo4j {
  const port = Number(process.env.LOCAL_NEO4J_FAULT_PORT ?? 7714) + FAULT_INSTANCES[instance];
  const base = process.env.LOCAL_NEO4J_FAULT_DATA ?? path.join(REPO_ROOT, '.neo4j', 'faults');
  const dataDir = path.join(base, instance);
  const log = (line: string) => console.log(`[${instance} neo4j] ${line}`);
  return {
    port,
    dataDir,
    config: { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: DEFAULT_LOCAL_PASSWORD },
    start: async () => {
      await startLocalNeo4j({ port, dataDir, password: DEFAULT_LOCAL_PASSWORD, log });
    },
    stop: async () => {
      await stopLocalNeo4j({ dataDir, log });
    },
  };
}
