// The local database dies under `npm start`: the real server process (`server/main.ts`, NEO4J_URI
// unset, so it starts and keeps its own local Neo4j) sees the JVM killed — as a console query that
// runs it out of heap kills it — answers 503 meanwhile, starts the database again by itself and
// serves again, with what was committed before still there. A database stopped on purpose
// (`npm run db:stop`) stays stopped. Runs on a private Neo4j (faults-fixture.ts).
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4jDriver, { type Driver } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive, readPidFile } from '../../db/launcher-pid-file.ts';
import { DEFAULT_LOCAL_PASSWORD } from '../../db/local-neo4j.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { canRunPrivateNeo4j, privateNeo4j } from './faults-fixture.ts';

const neo4j = privateNeo4j('keeper');
const pidFile = path.join(neo4j.dataDir, 'neo4j.pid');
let server: ServerProcess | undefined;
const output = () => server?.output() ?? '';

/** Starts `npm start`'s server on the private local database and resolves with its base URL. */
async function startServer(): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOCAL_NEO4J_PORT: String(neo4j.port),
    LOCAL_NEO4J_DATA: neo4j.dataDir,
    NEO4J_PASSWORD: DEFAULT_LOCAL_PASSWORD,
    LOAD_SEED: 'never',
  };
  delete env.NEO4J_URI;
  const started = await startServerProcess(env);
  server = started;
  return `http://127.0.0.1:${started.port}`;
}

async function healthStatus(base: string): Promise<number> {
  return (await fetch(`${base}/api/health`)).status;
}

/** Polls the health endpoint until it answers `status`; returns the milliseconds it took. */
async function waitForHealth(base: string, status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if ((await healthStatus(base)) === status) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`/api/health did not answer ${status} within ${timeoutMs} ms:\n${output()}`);
    }
    await sleep(250);
  }
}

async function withDriver<T>(work: (driver: Driver) => Promise<T>): Promise<T> {
  const { uri, user, password } = neo4j.config;
  const driver = neo4jDriver.driver(uri, neo4jDriver.auth.basic(user, password));
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
}

const RESTARTED = /stopped without npm run db:stop; starting it again/g;

describe.runIf(canRunPrivateNeo4j())('when the local Neo4j dies under npm start', () => {
  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    await neo4j.stop();
  }, 120_000);

  it('starts it again, serves again with the committed data, and leaves a stopped one stopped', async () => {
    const base = await startServer();
    expect(await healthStatus(base)).toBe(200);
    const marker = `keeper-${Date.now()}`;
    await withDriver((driver) =>
      driver.executeQuery('CREATE (:KeeperProbe {marker: $marker})', { marker }),
    );

    const killed = readPidFile(pidFile);
    expect(killed, 'the server started the local Neo4j and wrote its pid file').toBeDefined();
    process.kill(killed!, 'SIGKILL');

    await waitForHealth(base, 503, 10_000);
    const back = await waitForHealth(base, 200, 150_000);
    console.log(`serving again ${back} ms after the database was found down`);
    expect(output().match(RESTARTED)).toHaveLength(1);
    const restarted = readPidFile(pidFile);
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(killed);
    expect(isProcessAlive(restarted!)).toBe(true);
    const found = await withDriver((driver) =>
      driver.executeQuery('MATCH (p:KeeperProbe {marker: $marker}) RETURN count(p) AS n', {
        marker,
      }),
    );
    expect(found.records[0]!.get('n').toNumber()).toBe(1);
    expect((await fetch(`${base}/api/search?q=anything`)).status).toBe(200);

    // Stopped on purpose: the pid file goes with it, and the keeper leaves it alone.
    await neo4j.stop();
    await waitForHealth(base, 503, 10_000);
    await sleep(5_000);
    expect(await healthStatus(base)).toBe(503);
    expect(readPidFile(pidFile)).toBeUndefined();
    expect(output().match(RESTARTED)).toHaveLength(1);
  }, 360_000);
});
