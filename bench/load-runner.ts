/**
 * Closed-loop load at a fixed concurrency, bounded by time or by a number of requests: HTTP
 * requests with autocannon on loopback, or any async task (the raw Cypher baseline) with as many
 * loops as connections. Both record every latency, so latency-stats.ts summarises them alike.
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { summarise, type LatencySummary } from './latency-stats.ts';

/** Run for `seconds`, or until `amount` requests have been answered (for slow endpoints). */
export type LoadBound = { seconds: number } | { amount: number };

export interface LoadResult {
  /** Latency in ms of every good answer (HTTP 2xx, or a task that resolved). */
  latencies: number[];
  /** Wall time of the run: from the first request sent to the last answer read. */
  seconds: number;
  /** Answers by HTTP status ("200", "404"…); for tasks, "ok". */
  statusCounts: Record<string, number>;
  /** Requests that failed without an answer (connection errors, rejected tasks). */
  errors: number;
  timeouts: number;
  /** The first few failures, for the notes. */
  errorSamples: string[];
}

export interface HttpLoadOptions {
  baseUrl: string;
  /** Paths sent in turn: request k of the run (over all connections) asks for paths[k % n]. */
  paths: readonly string[];
  connections: number;
  bound: LoadBound;
  /** Request headers (none by default: no compression asked for). */
  headers?: Record<string, string>;
}

const REQUEST_TIMEOUT_S = 10;

/** What went wrong in a run, for a table's notes: answers other than 2xx, errors, timeouts. */
export function loadFailures(result: LoadResult): string[] {
  const bad = Object.entries(result.statusCounts)
    .filter(([status]) => status !== 'ok' && !status.startsWith('2'))
    .map(([status, n]) => `${n}× HTTP ${status}`);
  if (result.errors > 0) bad.push(`${result.errors} errors (${result.errorSamples.join('; ')})`);
  if (result.timeouts > 0) bad.push(`${result.timeouts} timeouts`);
  return bad;
}
const ERROR_SAMPLES = 5;

/**
 * One path asked `amount` times at one connection: what a request costs when it does not queue,
 * and what went wrong, if anything.
 */
export async function oneAtATime(
  baseUrl: string,
  path: string,
  amount: number,
): Promise<{ latency: LatencySummary; failures: string[] }> {
  const result = await httpLoad({ baseUrl, paths: [path], connections: 1, bound: { amount } });
  return { latency: summarise(result.latencies, result.seconds), failures: loadFailures(result) };
}

/** Runs autocannon against `baseUrl`, recording each response's status and latency. */
export function httpLoad(options: HttpLoadOptions): Promise<LoadResult> {
  if (options.paths.length === 0) throw new Error('load-runner: no paths to request');
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const errorSamples: string[] = [];
  let next = 0;
  const started = performance.now();
  // The window runs from the first request sent to the last answer read: connecting the clients
  // is not part of it.
  let firstSent = Infinity;
  let lastRead = -Infinity;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        ...('seconds' in options.bound
          ? { duration: options.bound.seconds }
          : { amount: options.bound.amount }),
        timeout: REQUEST_TIMEOUT_S,
        ...(options.headers ? { headers: options.headers } : {}),
        requests: [
          {
            method: 'GET',
            // One turn over all connections, so concurrent requests mix the paths.
            setupRequest: (request) => ({
              ...request,
              path: options.paths[next++ % options.paths.length],
            }),
          },
        ],
      },
      (error, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const window = lastRead > firstSent ? lastRead - firstSent : performance.now() - started;
        resolve({
          latencies,
          seconds: window / 1000,
          statusCounts,
          errors: result.errors - result.timeouts,
          timeouts: result.timeouts,
          errorSamples,
        });
      },
    );
    instance.on('response', (_client, statusCode: number, _bytes: number, responseTime: number) => {
      const now = performance.now();
      firstSent = Math.min(firstSent, now - responseTime);
      lastRead = now;
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
    instance.on('reqError', (error: Error) => {
      if (errorSamples.length < ERROR_SAMPLES) errorSamples.push(error.message);
    });
  });
}

export interface TaskLoadOptions {
  connections: number;
  bound: LoadBound;
  /** One unit of work; `n` counts calls across all loops (to take inputs in turn). */
  task: (n: number) => Promise<void>;
}

/** Runs `connections` loops of `task` until the bound is reached, timing each call. */
export async function taskLoad(options: TaskLoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let calls = 0;
  const started = performance.now();
  const more =
    'seconds' in options.bound
      ? (
          (deadline) => () =>
            performance.now() < deadline
        )(started + options.bound.seconds * 1000)
      : (
          (amount) => () =>
            calls < amount
        )(options.bound.amount);
  const loop = async () => {
    while (more()) {
      const n = calls++;
      const t0 = performance.now();
      try {
        await options.task(n);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors++;
        if (errorSamples.length < ERROR_SAMPLES) errorSamples.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  return {
    latencies,
    seconds: (performance.now() - started) / 1000,
    statusCounts: { ok: latencies.length },
    errors,
    timeouts: 0,
    errorSamples,
  };
}

/** One result of several runs (interleaved rounds): latencies and counts pooled, times added. */
export function pool(results: readonly LoadResult[]): LoadResult {
  const statusCounts: Record<string, number> = {};
  for (const r of results) {
    for (const [status, n] of Object.entries(r.statusCounts)) {
      statusCounts[status] = (statusCounts[status] ?? 0) + n;
    }
  }
  return {
    latencies: results.flatMap((r) => r.latencies),
    seconds: results.reduce((s, r) => s + r.seconds, 0),
    statusCounts,
    errors: results.reduce((s, r) => s + r.errors, 0),
    timeouts: results.reduce((s, r) => s + r.timeouts, 0),
    errorSamples: results.flatMap((r) => r.errorSamples).slice(0, ERROR_SAMPLES),
  };
}
