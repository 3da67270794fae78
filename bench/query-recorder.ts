/**
 * The raw-Cypher baseline of an endpoint: the very statements its route ran, with the very
 * parameters, in the same order and transactions, replayed straight through neo4j-driver with no
 * Express, no zod and no shaping of the answer. The statements are captured by serving the
 * endpoint once from an in-process app over a recording GraphDatabase, so the baseline follows
 * whatever the service does (several queries per request included) without restating it here.
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { createApp } from '../server/app.ts';
import { GraphDatabase } from '../server/db/neo4j-client.ts';

export interface RecordedQuery {
  text: string;
  params: Record<string, unknown>;
}

/** One read the request ran: an explicit transaction of statements, or one auto-commit query. */
export interface RecordedTransaction {
  autoCommit: boolean;
  queries: RecordedQuery[];
}

/** The reads one request ran, in order. */
export type RecordedRequest = RecordedTransaction[];

/**
 * Copies parameters at the moment they are sent: services may grow an array they passed (the
 * neighbourhood's `seen` list) after the statement ran. Driver values (Integer) are immutable and
 * kept as they are.
 */
function snapshot(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snapshot);
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, snapshot(v)]));
  }
  return value;
}

function recordingTx(tx: ManagedTransaction, log: RecordedQuery[]): ManagedTransaction {
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'run') {
        return (text: string, params: Record<string, unknown> = {}) => {
          log.push({ text, params: snapshot(params) as Record<string, unknown> });
          return target.run(text, params);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/** A GraphDatabase that keeps the statements of every read it runs. */
class RecordingDatabase extends GraphDatabase {
  transactions: RecordedTransaction[] = [];

  override async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    let attempt: RecordedQuery[] = [];
    const result = await super.readTx((tx) => {
      // A retried transaction starts its record afresh.
      attempt = [];
      return work(recordingTx(tx, attempt));
    });
    this.transactions.push({ autoCommit: false, queries: attempt });
    return result;
  }

  protected override async autoCommitRead(
    text: string,
    params: Record<string, unknown>,
  ): Promise<Record<string, unknown>[]> {
    const query = { text, params: snapshot(params) as Record<string, unknown> };
    const rows = await super.autoCommitRead(text, params);
    this.transactions.push({ autoCommit: true, queries: [query] });
    return rows;
  }
}

/** What one request ran, and how long a second one took on its own (a first measure of its cost). */
export interface Recording {
  transactions: RecordedRequest;
  ms: number;
}

/**
 * Serves each path once from an in-process app over a recording database and returns what each
 * request ran. Throws when a path does not answer 200: a benchmark of an error page is no baseline.
 */
export async function recordRequests(
  driver: Driver,
  paths: readonly string[],
  database?: string,
): Promise<Map<string, Recording>> {
  const recorder = new RecordingDatabase(driver, database);
  // The answer cache off: the timed second request must compute its answer, not find it cached.
  const server = createApp(recorder, {
    webDist: '/nonexistent',
    rateLimit: false,
    answerCache: { maxMegabytes: 0 },
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const recorded = new Map<string, Recording>();
  try {
    for (const path of paths) {
      recorder.transactions = [];
      const response = await fetch(base + path);
      const body = await response.text();
      if (response.status !== 200) {
        throw new Error(
          `query recorder: ${path} answered ${response.status}: ${body.slice(0, 300)}`,
        );
      }
      const transactions = recorder.transactions;
      recorder.transactions = [];
      // Timed on a second request: the first pays for planning the statements.
      const started = performance.now();
      await (await fetch(base + path)).arrayBuffer();
      recorded.set(path, { transactions, ms: performance.now() - started });
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  return recorded;
}

/**
 * Runs a recorded request through the driver: one session per recorded read, and in it the same
 * kind of read (an auto-commit query, or a read transaction of the same statements).
 */
export async function replay(
  driver: Driver,
  request: RecordedRequest,
  database?: string,
): Promise<void> {
  for (const { autoCommit, queries } of request) {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      if (autoCommit) {
        for (const query of queries) await session.run(query.text, query.params);
      } else {
        await session.executeRead(async (tx) => {
          for (const query of queries) await tx.run(query.text, query.params);
        });
      }
    } finally {
      await session.close();
    }
  }
}
