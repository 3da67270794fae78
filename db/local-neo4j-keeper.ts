// Keeps the local Neo4j up while `npm start` relies on it (NEO4J_URI unset). The database runs in
// the background, detached from the app, so when it dies nobody notices: a console query that
// runs it out of heap makes it exit (-XX:+ExitOnOutOfMemoryError, docs/console.md), and a killed
// JVM stays dead. The app already answers 503 meanwhile and serves again by itself once Bolt
// answers; the keeper brings the database back so that happens without anyone at the keyboard.
//
// A database stopped on purpose is left stopped: `npm run db:stop` leaves a `neo4j.stopped` mark
// (the next start removes it) and removes the pid file, and the keeper only restarts an instance
// whose pid file is still there while its process is gone, on two looks in a row, with no mark. A
// restart that fails removes the pid file too; the keeper then keeps trying, backing off, until
// one starts or the instance is stopped on purpose.

import { existsSync, readFileSync } from 'node:fs';

import { tailLines } from './launcher-output.ts';
import { isLauncherProcess, readPidFile } from './launcher-pid-file.ts';
import { instanceFiles, startLocalNeo4j, type LocalNeo4jOptions } from './local-neo4j.ts';

export interface KeeperOptions extends LocalNeo4jOptions {
  /** How often the keeper looks at the process (default 1 s). */
  checkIntervalMs?: number;
  /** How long a restarted instance must stay up before it counts as recovered (default 60 s). */
  stableAfterMs?: number;
  /** The wait before the second restart of a run, doubling after (default 5 s; tests shorten it). */
  firstRetryDelayMs?: number;
  /** Starts the instance (default startLocalNeo4j; tests stand in for it). */
  start?: (opts: LocalNeo4jOptions) => Promise<unknown>;
}

export interface LocalNeo4jKeeper {
  /** Restarts begun so far. */
  readonly restarts: number;
  /** Stops looking; a restart in progress still finishes. */
  stop(): void;
}

const DEFAULT_CHECK_INTERVAL_MS = 1_000;
const DEFAULT_STABLE_AFTER_MS = 60_000;
const FIRST_RETRY_DELAY_MS = 5_000;
const MAX_RETRY_DELAY_MS = 5 * 60_000;
const CRASH_LOG_LINES = 5;

/**
 * How long to wait before restart number `attempt` (1-based) of a run of failures: the first at
 * once, then 5 s doubling up to 5 minutes, so a database that cannot start (a corrupt store, a
 * full disk) is not restarted in a tight loop, its log overwritten each time.
 */
export function restartDelayMs(attempt: number, firstRetryMs = FIRST_RETRY_DELAY_MS): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`restartDelayMs: attempt must be an integer from 1, got ${attempt}`);
  }
  if (attempt === 1) return 0;
  return Math.min(firstRetryMs * 2 ** (attempt - 2), MAX_RETRY_DELAY_MS);
}

/** Watches the local Neo4j of `opts.dataDir` and starts it again when it dies unasked. */
export function keepLocalNeo4jRunning(opts: KeeperOptions): LocalNeo4jKeeper {
  const log = opts.log ?? (() => {});
  const files = instanceFiles(opts.dataDir);
  const stableAfterMs = opts.stableAfterMs ?? DEFAULT_STABLE_AFTER_MS;
  const start = opts.start ?? startLocalNeo4j;
  const delayBefore = (n: number) => restartDelayMs(n, opts.firstRetryDelayMs);
  let stopped = false;
  let restarting = false;
  let restarts = 0;
  // A dead pid seen once: restarted if the pid file still names it at the next look.
  let suspect: number | undefined;
  // The current run of restarts (reset once an instance stays up for stableAfterMs).
  let attempt = 0;
  let lastRestartAt = 0;
  // A restart failed: try again (after restartDelayMs) though no pid file names the instance now.
  let retrying = false;

  const look = async (): Promise<void> => {
    if (stopped || restarting) return;
    if (existsSync(files.stopped)) {
      // npm run db:stop: stopped on purpose, even if that interrupted a restart.
      retrying = false;
      suspect = undefined;
      return;
    }
    const pid = readPidFile(files.pid);
    if (pid !== undefined && isLauncherProcess(pid)) retrying = false;
    if (!retrying && (pid === undefined || isLauncherProcess(pid))) {
      suspect = undefined;
      if (pid !== undefined && attempt > 0 && Date.now() - lastRestartAt > stableAfterMs) {
        attempt = 0;
      }
      return;
    }
    if (!retrying && suspect !== pid) {
      suspect = pid;
      return;
    }
    const delay = delayBefore(attempt + 1);
    if (Date.now() - lastRestartAt < delay) return;
    attempt += 1;
    restarts += 1;
    lastRestartAt = Date.now();
    restarting = true;
    log(
      retrying
        ? `Starting the local Neo4j again (attempt ${attempt}).`
        : `The local Neo4j (pid ${pid}) stopped without npm run db:stop; starting it again.` +
            crashLog(files.log),
    );
    try {
      await start(opts);
      suspect = undefined;
      retrying = false;
    } catch (error) {
      retrying = true;
      const next = delayBefore(attempt + 1) / 1000;
      log(
        `The local Neo4j did not start again: ${(error as Error).message} Next try in ${next} s.`,
      );
    } finally {
      restarting = false;
    }
  };

  const timer = setInterval(() => void look(), opts.checkIntervalMs ?? DEFAULT_CHECK_INTERVAL_MS);
  // The keeper never holds the process open: the server does, and stopping it ends the keeper.
  timer.unref();
  return {
    get restarts() {
      return restarts;
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** The end of the launcher's log, which a restart overwrites: why it died, if it said. */
function crashLog(logFile: string): string {
  let text: string;
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return '';
  }
  const tail = tailLines(text, CRASH_LOG_LINES);
  return tail === '' ? '' : ` The end of ${logFile}:\n${tail}`;
}
