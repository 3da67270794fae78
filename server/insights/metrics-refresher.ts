/**
 * Brings stale network measures up to date while the app runs, so an editor's edit shows in the
 * measures, communities and collaborator rankings within a minute rather than at the next import
 * or restart. It polls the recorded staleness (metrics-service.ts) instead of hooking the edits:
 * an edit made through another app instance, or a script writing to Neo4j and marking the graph
 * stale, is caught the same way, and the app keeps no state of its own.
 *
 * A recompute reads the graph, computes off the server's thread and writes in short batches
 * (metrics-service.ts), so serving goes on meanwhile; what it still takes is CPU, which the app and
 * Neo4j share. So after a recompute that took D, the refresher waits `restFactor` × D before the
 * next (the default 9 keeps recomputing under a tenth of the time): an edit shows within the poll
 * interval on the real data (~0.5 s a recompute), within about 15 minutes at a million
 * relationships (~100 s). And it leaves the graph alone while a recompute is running anywhere (an
 * import's, another instance's: each holds the one claim to recompute and says every quarter
 * lease that it runs; recompute-claim.ts).
 */
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { ensureMetrics, metricsNeedRecompute, type MetricsRun } from './metrics-service.ts';

export interface MetricsRefreshOptions {
  /** Time between checks; 0 turns the refresher off. */
  intervalMs: number;
  /** After a recompute that took D, wait this many times D before the next. */
  restFactor?: number;
  log?: (line: string) => void;
}

export const DEFAULT_REST_FACTOR = 9;

export interface MetricsRefresher {
  /** Checks once now, as each poll does; what was recomputed, if anything. */
  check(): Promise<MetricsRun | null>;
  /**
   * Stops polling. A check in progress is not waited for: on shutdown, closing the driver rolls a
   * recompute back and the measures stay stale for the next start, rather than hold the exit.
   */
  stop(): void;
}

/** Starts polling every `intervalMs` (the first check after one interval). */
export function startMetricsRefresher(
  db: GraphDatabase,
  options: MetricsRefreshOptions,
): MetricsRefresher {
  const restFactor = options.restFactor ?? DEFAULT_REST_FACTOR;
  const log = options.log ?? (() => {});
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<MetricsRun | null> | null = null;
  let stopped = false;
  // One line per outage, not one per check while the database is away.
  let failing = false;

  async function checkOnce(): Promise<MetricsRun | null> {
    const [state] = await db.read('insights/metrics-state');
    if (!state || !metricsNeedRecompute(state)) return null;
    // One running elsewhere (within its lease) measures the change, or leaves the graph stale
    // for the next check.
    if (state.recomputeRunning === true) return null;
    const lastMs = state.durationMs === null ? null : Number(state.durationMs);
    const agoMs = state.computedMsAgo === null ? null : Number(state.computedMsAgo);
    if (lastMs !== null && agoMs !== null && agoMs < restFactor * lastMs) return null;
    // Not behind one that claimed it since: the next poll looks again.
    return ensureMetrics(db, { wait: false });
  }

  function check(): Promise<MetricsRun | null> {
    // One check at a time: a slow recompute is not started again underneath itself.
    running ??= checkOnce()
      .then((run) => {
        if (failing) log('Network measures: the database answers again');
        failing = false;
        if (run) {
          log(
            `Network measures recomputed after changes: ${run.changedNodes} entities changed, ${run.durationMs} ms`,
          );
        }
        return run;
      })
      .catch((error: unknown) => {
        if (!failing) log(`Network measures not refreshed: ${(error as Error).message}`);
        failing = true;
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function schedule(): void {
    if (stopped || options.intervalMs <= 0) return;
    timer = setTimeout(() => {
      void check().finally(schedule);
    }, options.intervalMs);
    // Polling never keeps the process alive on its own.
    timer.unref();
  }
  schedule();

  return {
    check,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
