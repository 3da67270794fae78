// Starts and stops the local development Neo4j: Neo4j Community 5.26 embedded in a small Java
// launcher (db/src/main/java), run in the background with its Bolt port on loopback. Starting is
// idempotent — a running instance of the same data directory is reused — so `npm run db:start`,
// the test suite's global setup and the app can all call it.

import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { checkJava } from './java-toolchain.ts';
import { ensureLauncherBuilt, LAUNCHER_MAIN_CLASS, launcherClassPath } from './launcher-build.ts';
import {
  describeLauncherExit,
  parseReadyPort,
  portTakenMessage,
  tailLines,
} from './launcher-output.ts';
import {
  isLauncherProcess,
  isProcessAlive,
  readPidFile,
  removePidFile,
  writePidFile,
} from './launcher-pid-file.ts';
import { LocalNeo4jError } from './local-neo4j-error.ts';
import { canConnect, isPortFree, LOOPBACK } from './port-probe.ts';

export { LocalNeo4jError } from './local-neo4j-error.ts';
export type { LocalNeo4jErrorCode } from './local-neo4j-error.ts';

/** The password a local development database gets when NEO4J_PASSWORD is not set. */
export const DEFAULT_LOCAL_PASSWORD = 'dpg-explorer-local';

/** Where and how to run the local Neo4j. */
export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1. */
  port: number;
  /** Holds the database (`home/`), `neo4j.log` and `neo4j.pid`. */
  dataDir: string;
  /** Password of the `neo4j` user; at least 8 characters. Set on every start. */
  password: string;
  /** Receives progress lines; silent when omitted. */
  log?: (line: string) => void;
  /**
   * Java heap, e.g. `1g` (the default, or LOCAL_NEO4J_HEAP). One transaction may use 70 % of it;
   * graphs of a million relationships (the benchmarks) want more for their imports and reads.
   */
  heap?: string;
  /**
   * Neo4j's page cache, e.g. `256m` (the default, or LOCAL_NEO4J_PAGECACHE): the store files it
   * holds are read without touching the disk, so a graph bigger than it answers far slower.
   */
  pageCache?: string;
}

/** How to reach a running local Neo4j. */
export interface LocalNeo4jConnection {
  uri: string;
  user: string;
  password: string;
  /** True when this call started the database, false when it reused a running one. */
  startedNow: boolean;
}

const NEO4J_USER = 'neo4j';
/**
 * The JVM's flags for a heap size. Up to 1 GiB (development, tests) the serial collector keeps
 * the footprint small; above it, G1, Neo4j's own default: with serial collection a 4 GiB heap
 * under load (the 1M-relationship benchmark) stopped the database for 1-2 s at a time.
 */
function jvmOptions(heap: string): string[] {
  const megabytes = Number(heap.slice(0, -1)) * (heap.endsWith('g') ? 1024 : 1);
  const collector = megabytes > 1024 ? '-XX:+UseG1GC' : '-XX:+UseSerialGC';
  return ['-Xms256m', collector, '-XX:+ExitOnOutOfMemoryError'];
}
const MEMORY_SIZE_PATTERN = /^[1-9]\d{0,5}[mg]$/;

/** A memory size: the option, else the environment variable, else the default; else refused by name. */
function memorySize(
  what: string,
  option: string | undefined,
  variable: string,
  fallback: string,
): string {
  const size = option ?? process.env[variable] ?? fallback;
  if (!MEMORY_SIZE_PATTERN.test(size))
    throw new LocalNeo4jError(
      'INVALID_OPTIONS',
      `local Neo4j: ${what} "${size}" (${variable}) must look like 512m or 4g`,
    );
  return size;
}
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;
const KILL_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 250;
const LOG_TAIL_LINES = 25;

/** The files of one local instance inside its data directory. */
export function instanceFiles(dataDir: string): {
  home: string;
  log: string;
  pid: string;
  stopped: string;
} {
  const root = resolve(dataDir);
  return {
    home: join(root, 'home'),
    log: join(root, 'neo4j.log'),
    pid: join(root, 'neo4j.pid'),
    // Left by stopLocalNeo4j, removed by the next start: the instance was stopped on purpose, so
    // the keeper (local-neo4j-keeper.ts) must not start it again, even mid-start.
    stopped: join(root, 'neo4j.stopped'),
  };
}

/**
 * Idempotent: reuses a running instance (pid file alive AND Bolt port answers), else builds jars
 * if missing and starts one in the background, returning once Bolt answers.
 *
 * @throws {LocalNeo4jError} with a message fit to show as is.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4jConnection> {
  validateStartOptions(opts);
  const heap = memorySize('heap', opts.heap, 'LOCAL_NEO4J_HEAP', '1g');
  const pageCache = memorySize('page cache', opts.pageCache, 'LOCAL_NEO4J_PAGECACHE', '256m');
  const log = opts.log ?? (() => {});
  const files = instanceFiles(opts.dataDir);
  rmSync(files.stopped, { force: true });
  const connection = (startedNow: boolean): LocalNeo4jConnection => ({
    uri: `bolt://${LOOPBACK}:${opts.port}`,
    user: NEO4J_USER,
    password: opts.password,
    startedNow,
  });

  const runningPid = readPidFile(files.pid);
  if (runningPid !== undefined && isLauncherProcess(runningPid)) {
    const readyPort = parseReadyPort(readLog(files.log));
    if (readyPort !== undefined && readyPort !== opts.port) {
      throw new LocalNeo4jError(
        'ALREADY_RUNNING_ELSEWHERE',
        `The local Neo4j of ${resolve(opts.dataDir)} already runs on port ${readyPort} (pid ${runningPid}), ` +
          `not ${opts.port}; stop it first (npm run db:stop) or use LOCAL_NEO4J_PORT=${readyPort}.`,
      );
    }
    log(`Local Neo4j already running (pid ${runningPid}); waiting for Bolt on port ${opts.port}…`);
    await waitUntilReady({
      port: opts.port,
      logFile: files.log,
      exitStatus: () => (isProcessAlive(runningPid) ? undefined : { code: null, signal: null }),
    });
    return connection(false);
  }
  if (runningPid !== undefined) removePidFile(files.pid);

  checkJava();
  await ensureLauncherBuilt(log);
  if (!(await isPortFree(opts.port))) {
    throw new LocalNeo4jError('PORT_TAKEN', portTakenMessage(opts.port));
  }

  mkdirSync(files.home, { recursive: true });
  log(`Starting local Neo4j on port ${opts.port} (data: ${files.home}, log: ${files.log})…`);
  const logFd = openSync(files.log, 'w');
  let exit: { code: number | null; signal: string | null } | undefined;
  let pid: number | undefined;
  try {
    const child = spawn(
      'java',
      [
        ...jvmOptions(heap),
        `-Xmx${heap}`,
        '-cp',
        launcherClassPath(delimiter),
        LAUNCHER_MAIN_CLASS,
        files.home,
        String(opts.port),
      ],
      {
        detached: true,
        stdio: ['ignore', logFd, logFd],
        env: { ...process.env, NEO4J_PASSWORD: opts.password, NEO4J_PAGECACHE: pageCache },
      },
    );
    child.once('exit', (code, signal) => (exit = { code, signal }));
    child.once('error', () => (exit ??= { code: null, signal: null }));
    child.unref();
    pid = child.pid;
  } finally {
    closeSync(logFd);
  }
  if (pid === undefined) {
    throw new LocalNeo4jError('START_FAILED', 'Could not start `java` for the local Neo4j.');
  }
  writePidFile(files.pid, pid);

  try {
    await waitUntilReady({ port: opts.port, logFile: files.log, exitStatus: () => exit });
  } catch (error) {
    if (exit === undefined) await terminate(pid, log);
    removePidFile(files.pid);
    throw error;
  }
  log(`Local Neo4j ready at bolt://${LOOPBACK}:${opts.port} (pid ${pid}).`);
  return connection(true);
}

/**
 * Stops the instance whose pid file is in dataDir (SIGTERM, waits for exit, SIGKILL after a
 * timeout); returns false if none was running.
 */
export async function stopLocalNeo4j(opts: {
  dataDir: string;
  log?: (line: string) => void;
}): Promise<boolean> {
  if (typeof opts.dataDir !== 'string' || opts.dataDir === '') {
    throw new LocalNeo4jError(
      'INVALID_OPTIONS',
      `stopLocalNeo4j: dataDir must be a non-empty path, got ${JSON.stringify(opts.dataDir)}`,
    );
  }
  const log = opts.log ?? (() => {});
  const files = instanceFiles(opts.dataDir);
  // Before anything else: a keeper watching this instance sees the intent at once.
  if (existsSync(dirname(files.pid))) writeFileSync(files.stopped, `${new Date().toISOString()}\n`);
  const pid = readPidFile(files.pid);
  if (pid === undefined) return false;
  if (!isLauncherProcess(pid)) {
    // The pid file outlived its process (a crash or a reboot); the pid may now be someone else's.
    removePidFile(files.pid);
    return false;
  }
  log(`Stopping local Neo4j (pid ${pid})…`);
  await terminate(pid, log);
  removePidFile(files.pid);
  return true;
}

function validateStartOptions(opts: LocalNeo4jOptions): void {
  if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65535) {
    throw new LocalNeo4jError(
      'INVALID_OPTIONS',
      `startLocalNeo4j: port must be an integer from 1 to 65535, got ${JSON.stringify(opts.port)}`,
    );
  }
  if (typeof opts.dataDir !== 'string' || opts.dataDir === '') {
    throw new LocalNeo4jError(
      'INVALID_OPTIONS',
      `startLocalNeo4j: dataDir must be a non-empty path, got ${JSON.stringify(opts.dataDir)}`,
    );
  }
  if (typeof opts.password !== 'string' || opts.password.length < 8) {
    throw new LocalNeo4jError(
      'INVALID_OPTIONS',
      'startLocalNeo4j: the password must have at least 8 characters (Neo4j refuses shorter ones); ' +
        'set NEO4J_PASSWORD or leave it unset for the default',
    );
  }
}

interface ReadyWait {
  port: number;
  logFile: string;
  /** How the launcher ended, or undefined while it runs. */
  exitStatus: () => { code: number | null; signal: string | null } | undefined;
}

/** Polls until the log says READY and the port accepts a connection; throws if the launcher dies. */
async function waitUntilReady(wait: ReadyWait): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const exited = wait.exitStatus();
    if (exited) {
      const { portTaken, summary } = describeLauncherExit(exited.code, exited.signal, wait.port);
      throw new LocalNeo4jError(
        portTaken ? 'PORT_TAKEN' : 'START_FAILED',
        `The local Neo4j stopped while starting: ${summary}.${logTail(wait.logFile)}`,
      );
    }
    if (parseReadyPort(readLog(wait.logFile)) !== undefined && (await canConnect(wait.port)))
      return;
    if (Date.now() > deadline) {
      throw new LocalNeo4jError(
        'START_TIMEOUT',
        `The local Neo4j did not answer on port ${wait.port} within ${START_TIMEOUT_MS / 1000} s.${logTail(wait.logFile)}`,
      );
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

/** SIGTERM, wait for the exit, SIGKILL if it takes longer than the stop timeout. */
async function terminate(pid: number, log: (line: string) => void): Promise<void> {
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, STOP_TIMEOUT_MS)) return;
  log(`Local Neo4j (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it.`);
  signal(pid, 'SIGKILL');
  await waitForExit(pid, KILL_TIMEOUT_MS);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(POLL_INTERVAL_MS);
  }
  return true;
}

function readLog(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8');
  } catch {
    return '';
  }
}

function logTail(logFile: string): string {
  const tail = tailLines(readLog(logFile), LOG_TAIL_LINES);
  return tail === '' ? ` (${logFile} is empty)` : `\nLast lines of ${logFile}:\n${tail}`;
}
