/**
 * Starts the app under benchmark (api-server.ts) as a child process and talks to it: its base URL,
 * its memory (current and peak since the last reset) and stopping it. The child runs under tsx, so
 * it loads the TypeScript sources as `npm start` does.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MemorySnapshot, ParentMessage, ServerMessage } from './api-server.ts';

export type { MemorySnapshot } from './api-server.ts';

export interface Neo4jAddress {
  uri: string;
  user: string;
  password: string;
}

export interface BenchServer {
  baseUrl: string;
  pid: number;
  /** The server's memory now and its peak since the last reset (sampled every 100 ms). */
  memory(options?: {
    resetPeak?: boolean;
    collectGarbage?: boolean;
  }): Promise<{ current: MemorySnapshot; peak: MemorySnapshot }>;
  stop(): Promise<void>;
}

const SERVER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'api-server.ts');
const START_TIMEOUT_MS = 60_000;
const REPLY_TIMEOUT_MS = 10_000;

function waitFor<T extends ServerMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<ServerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`bench server: no "${type}" message within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: ServerMessage) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<ServerMessage, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`bench server exited (code ${code}) before sending "${type}"`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Forks the app on an ephemeral loopback port against `neo4j` and waits until it listens.
 * `answerCache: false` computes every answer; by default the answer cache is on, as deployed.
 */
export async function startBenchServer(
  neo4j: Neo4jAddress,
  options: { answerCache?: boolean } = {},
): Promise<BenchServer> {
  const child = fork(SERVER_SCRIPT, [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: {
      ...process.env,
      BENCH_NEO4J_URI: neo4j.uri,
      BENCH_NEO4J_USER: neo4j.user,
      BENCH_NEO4J_PASSWORD: neo4j.password,
      ...(options.answerCache === false ? { BENCH_ANSWER_CACHE_MB: '0' } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await waitFor(child, 'ready', START_TIMEOUT_MS).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const send = (message: ParentMessage) => child.send(message);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async memory(options = {}) {
      const reply = waitFor(child, 'memory', REPLY_TIMEOUT_MS);
      send({ type: 'memory', ...options });
      const { current, peak } = await reply;
      return { current, peak };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
