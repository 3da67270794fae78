/**
 * Runs the warm-up (query-warm-up.ts) once the app serves, and again whenever Neo4j has lost its
 * plans since: Neo4j keeps them in memory only, so a restart under the running app made the first
 * reads after it as slow as after a cold start (a stakeholder map 2.4 s against 25–53 ms).
 *
 * Every `intervalMs` it asks when the Neo4j process that answers started, a trivial read through
 * the probe driver. A start time it has not warmed up for means a restart. Where the read is
 * refused (a managed service may not allow the procedure), it goes by the outages it sees
 * instead: the database unreachable at one look and back at a later one. A cluster's members each
 * keep their own plans and start times; the keeper remembers the ones it has warmed up for, so the
 * next look answered by another member does not start it again. That is approximate in a
 * cluster: the look and the warm-up's reads may be routed to different members, so a member seen
 * is not always a member warmed. Like the warm-up, it keeps no answers: the app stays stateless.
 */
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { DatabaseUnavailableError } from '../errors.ts';
import { type WarmUpReport, warmUpQueries, warmUpSummary } from './query-warm-up.ts';

/** What one look found and did. */
export type WarmUpCheck =
  'warmed up' | 'already warm' | 'the database is unavailable' | 'shutting down' | 'failed';

export interface WarmUpKeeperOptions {
  /** Time between looks at the database's start time. */
  intervalMs: number;
  log: (line: string) => void;
  /** When the Neo4j answering started, or null where it cannot tell (tests pass their own). */
  readStartTime?: (db: GraphDatabase) => Promise<string | null>;
  /** The warm-up to run (tests pass their own). */
  warmUp?: (db: GraphDatabase, options: { signal: AbortSignal }) => Promise<WarmUpReport>;
}

export interface WarmUpKeeper {
  /** Looks once now, as each interval does; a look already under way is shared, not doubled. */
  check(): Promise<WarmUpCheck>;
  /** Stops looking, and stops a warm-up under way between two reads. */
  stop(): void;
}

/** Start times of members warmed up for, kept: more than any cluster has members. */
const REMEMBERED_START_TIMES = 16;

/**
 * Whether Neo4j refused the start-time read for good: no such procedure (an edition or version
 * without it), or not allowed to this user (a managed service).
 */
function refused(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code === 'Neo.ClientError.Procedure.ProcedureNotFound' ||
      code.startsWith('Neo.ClientError.Security.'))
  );
}

/** The Neo4j process's start time, read as cypher/admin/server-start-time.cypher does. */
export async function readServerStartTime(db: GraphDatabase): Promise<string | null> {
  const [row] = await db.probe('admin/server-start-time');
  const startedAt = row?.startedAt;
  return typeof startedAt === 'number' || typeof startedAt === 'string' ? String(startedAt) : null;
}

/** Warms up now, then looks every `intervalMs` whether Neo4j needs it again. */
export function keepQueriesWarm(db: GraphDatabase, options: WarmUpKeeperOptions): WarmUpKeeper {
  const readStartTime = options.readStartTime ?? readServerStartTime;
  const warmUp = options.warmUp ?? warmUpQueries;
  const stopping = new AbortController();
  const warmedFor: string[] = [];
  let warmedOnce = false;
  // Since the last warm-up that ran to its end, a look or a read found the database away.
  let sawOutage = false;
  let saidCannotTell = false;
  let running: Promise<WarmUpCheck> | null = null;
  let timer: NodeJS.Timeout | undefined;

  async function lookOnce(): Promise<WarmUpCheck> {
    let startedAt: string | null;
    try {
      startedAt = await readStartTime(db);
    } catch (error) {
      if (stopping.signal.aborted) return 'shutting down';
      if (error instanceof DatabaseUnavailableError) {
        sawOutage = true;
        return 'the database is unavailable';
      }
      // Anything else (a busy database, a transient error) tells nothing: the next look asks again.
      if (!refused(error)) return 'failed';
      if (!saidCannotTell)
        options.log(
          `The warm-up cannot tell when Neo4j restarts (${(error as Error).message ?? String(error)}); it runs again after an outage only`,
        );
      saidCannotTell = true;
      startedAt = null;
    }
    const restarted = startedAt !== null && warmedOnce && !warmedFor.includes(startedAt);
    const back = startedAt === null && sawOutage;
    if (warmedOnce && !restarted && !back) return 'already warm';
    if (stopping.signal.aborted) return 'shutting down';
    const report = await warmUp(db, { signal: stopping.signal });
    const why = restarted
      ? 'Neo4j was started again: '
      : warmedOnce
        ? 'Neo4j is back after an outage: '
        : '';
    options.log(why + warmUpSummary(report));
    if (report.stopped) {
      if (report.stopped === 'the database is unavailable') sawOutage = true;
      return report.stopped;
    }
    warmedOnce = true;
    sawOutage = false;
    if (startedAt !== null) remember(startedAt);
    return 'warmed up';
  }

  function remember(startedAt: string): void {
    warmedFor.push(startedAt);
    if (warmedFor.length > REMEMBERED_START_TIMES) warmedFor.shift();
  }

  function check(): Promise<WarmUpCheck> {
    running ??= lookOnce()
      .catch((error: unknown) => {
        // The warm-up reports its own failures; this is a bug's, logged rather than crash the app.
        options.log(`The warm-up stopped: ${(error as Error).message ?? String(error)}`);
        return 'failed' as const;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function schedule(): void {
    if (stopping.signal.aborted) return;
    timer = setTimeout(() => void check().finally(schedule), options.intervalMs);
    // Looking never keeps the process alive on its own.
    timer.unref();
  }

  void check().finally(schedule);
  return {
    check,
    stop() {
      stopping.abort();
      clearTimeout(timer);
    },
  };
}
