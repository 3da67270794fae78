/**
 * The one place that talks to neo4j-driver: runs named Cypher in transactions (reads in READ
 * sessions, writes in WRITE sessions, so a cluster routes them), converts driver values to plain
 * JSON-friendly values, and maps an unreachable database to DatabaseUnavailableError.
 *
 * Work functions get a ManagedTransaction, as with executeRead/executeWrite: they run queries and
 * never commit; this module commits, rolls back and retries. It runs its own retries instead of
 * the driver's because the driver waits about a second before the first retry and retries a
 * refused connection for seconds: with the database down a request would hang that long. Here
 * (retry-policy.ts) connection failures are retried for a few hundred milliseconds, then answered
 * 503, and a breaker (connection-breaker.ts) answers the next requests at once until a probe
 * finds the database back; deadlocks and leader changes keep a longer retry. A database that is
 * reachable but over capacity (no pooled connection free in time, transient errors past their
 * retries, memory limits) is answered 503 DATABASE_BUSY, never 500. A write whose commit fails
 * is retried only once a receipt it writes shows it did not land (commit-receipts.ts).
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, {
  type Driver,
  ManagedTransaction,
  type Record as Neo4jRecord,
  type Result,
  type Session,
  type Transaction,
  isInt,
  isDate,
  isDateTime,
} from 'neo4j-driver';
import { DatabaseBusyError, DatabaseUnavailableError } from '../errors.ts';
import type { Neo4jConfig } from '../config.ts';
import { ReceiptExists, UnacknowledgedCommit } from './commit-receipts.ts';
import { ConnectionBreaker } from './connection-breaker.ts';
import { cypher, type CypherName } from './cypher-registry.ts';
import { awaitWithoutStack, startWithoutStack } from './query-stack.ts';
import {
  classifyDriverError,
  DEFAULT_RETRY_POLICY,
  isConstraintViolation,
  isPoolExhausted,
  retryDelay,
  type RetryPolicy,
} from './retry-policy.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/**
 * Creates the process's single driver. A refused connection fails at once; a silent network
 * (packets dropped) costs at most connectionTimeout. GraphDatabase does not use the driver's
 * managed retry (see the header).
 */
export function createDriver(config: Neo4jConfig, pool: PoolOptions = {}): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    connectionTimeout: 2_000,
    // Waiting for a free pooled connection under load is not a fault: allow longer.
    connectionAcquisitionTimeout: pool.connectionAcquisitionTimeout ?? 5_000,
    maxConnectionPoolSize: pool.maxConnectionPoolSize ?? defaultMaxConnections(),
    disableLosslessIntegers: false,
  });
}

/**
 * How many transactions the app runs on Neo4j at once unless NEO4J_MAX_CONNECTIONS says otherwise:
 * twice this machine's cores (at least 4), the usual size for a database beside the app. Further
 * requests wait for a connection in arrival order. A pool far wider than the cores only shares
 * them out thinner: at a million relationships, 50 clients on 2 cores with the driver's 100
 * connections left a 0.5 s collaborator ranking running for over 10 s among the others (128
 * client timeouts in a minute); with 4 or 8, every request was answered, p99 3–7 s (bench/README.md).
 * A remote database (a cluster, Aura) with more cores than this machine wants a larger value.
 */
export function defaultMaxConnections(): number {
  return Math.max(4, 2 * availableParallelism());
}

/** The driver's pool settings; unset: the defaults above. */
export interface PoolOptions {
  maxConnectionPoolSize?: number;
  connectionAcquisitionTimeout?: number;
}

/** Converts driver values (Integer, temporal types, nested lists and maps) into plain values. */
export function toPlain(value: unknown): unknown {
  // Most values are strings, numbers and booleans: they return before the driver's type tests,
  // which run for every value of every row and cost a property lookup each.
  if (typeof value !== 'object') return value === undefined ? null : value;
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDateTime(value) || isDate(value)) return value.toString();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
  return out;
}

/** A record as a plain row, its values converted by {@link toPlain}. */
export function recordToRow(record: Neo4jRecord): Row {
  const row: Row = {};
  record.keys.forEach((key, index) => {
    row[key as string] = toPlain(record.get(index));
  });
  return row;
}

/** How {@link GraphDatabase.readStream} runs a statement. */
export interface StreamReadOptions {
  /** The transaction's timeout: the database terminates it past this. */
  timeoutMs: number;
  /** Records pulled per batch. */
  fetchSize: number;
  /** Shown by SHOW TRANSACTIONS, so an operator can tell these transactions apart. */
  metadata?: Record<string, unknown>;
}

/** How GraphDatabase copes with an unreachable database (tests shorten or lengthen them). */
export interface FaultOptions {
  retry?: RetryPolicy;
  /** The breaker's cool-down in milliseconds (see connection-breaker.ts). */
  breakerCooldownMs?: number;
}

export interface WriteOptions {
  /** False: no commit receipt (see GraphDatabase.writeTx). */
  receipt?: boolean;
}

export interface GraphDatabaseOptions extends FaultOptions {
  /**
   * A driver of its own for the trivial reads that say whether the database is there and which
   * revision it serves (health, the answer cache's revision probe), so they never queue behind
   * the requests filling the main pool; the main driver when unset.
   */
  probeDriver?: Driver;
}

/** The probe driver: two connections, since its reads are tiny and revision reads coalesce. */
export function createProbeDriver(config: Neo4jConfig): Driver {
  return createDriver(config, { maxConnectionPoolSize: 2 });
}

/** The app's GraphDatabase: the main driver with `pool`, and a probe driver beside it. */
export function openGraphDatabase(config: Neo4jConfig, pool: PoolOptions = {}): GraphDatabase {
  return new GraphDatabase(createDriver(config, pool), config.database, {
    probeDriver: createProbeDriver(config),
  });
}

/** Query access handed to services; wraps one driver and the database name. */
export class GraphDatabase {
  private readonly breaker: ConnectionBreaker;
  private readonly retry: RetryPolicy;
  private readonly probeDriver: Driver;

  constructor(
    readonly driver: Driver,
    private readonly database?: string,
    options: GraphDatabaseOptions = {},
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.breaker = new ConnectionBreaker(
      options.breakerCooldownMs === undefined
        ? undefined
        : { cooldownMs: options.breakerCooldownMs },
    );
    this.probeDriver = options.probeDriver ?? driver;
  }

  /**
   * Runs one named read query and returns its rows as plain objects. One statement needs no
   * explicit transaction: as an auto-commit query it costs one round trip and one socket write
   * (RUN and PULL together) instead of three (BEGIN, RUN and PULL, COMMIT), which is most of the
   * driver's cost of a small read. Retried like any read (a read is safe to run again).
   */
  async read(name: CypherName, params: Params = {}): Promise<Row[]> {
    return await this.withRetries(() => this.autoCommitRead(cypher(name), params));
  }

  /** Runs one named write query in its own transaction (`options`: see writeTx). */
  async write(name: CypherName, params: Params = {}, options?: WriteOptions): Promise<Row[]> {
    return await this.writeTx((tx) => run(tx, name, params), options);
  }

  /**
   * Which committed state of the graph a read sees now: the bookmark of a trivial read, which
   * names the last transaction the database committed (by any client). Equal revisions mean no
   * write happened in between; the value is opaque and only ever compared.
   */
  async revision(): Promise<string> {
    return await this.withRetries(() =>
      this.inSession(
        'READ',
        async (session) => {
          const text = cypher('admin/revision-probe');
          await awaitWithoutStack(() => session.run(text));
          return session.lastBookmarks().join(',');
        },
        this.probeDriver,
      ),
    );
  }

  /**
   * One named trivial read through the probe driver (see GraphDatabaseOptions): whether the
   * database answers, not how busy the app is. Only for statements that cost next to nothing.
   */
  async probe(name: CypherName, params: Params = {}): Promise<Row[]> {
    return await this.withRetries(() => this.readRows(cypher(name), params, this.probeDriver));
  }

  /**
   * Several reads in one transaction. Neo4j isolates reads as read committed: a later statement
   * may see a write that committed after an earlier one ran.
   */
  async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return await this.transaction('READ', work);
  }

  /**
   * Several writes in one transaction: all of them land or none does, and once only: a commit
   * whose answer is lost is looked into before the work runs again (commit-receipts.ts).
   * `receipt: false` for work that may safely run twice and cannot write a receipt beside it
   * (schema changes) or should not leave one (pruning the receipts).
   */
  async writeTx<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    { receipt = true }: WriteOptions = {},
  ): Promise<T> {
    // One receipt for all the attempts of this write: whichever commits leaves it.
    return await this.transaction('WRITE', work, receipt ? randomUUID() : undefined);
  }

  /**
   * Whether the write with this receipt committed. Asked in a WRITE session, so a cluster
   * answers from its leader, which has every committed transaction.
   */
  private async committed(receipt: string): Promise<boolean> {
    const text = cypher('admin/find-commit-receipt');
    // Not refused by the breaker: the database has just answered this write's queries, and a
    // refusal would leave the caller not knowing whether it landed.
    return await this.retrying(() =>
      this.inSession('WRITE', async (session) => {
        const result = await awaitWithoutStack(() => session.run(text, { receipt }));
        return result.records[0]?.get('committed') === true;
      }),
    );
  }

  /**
   * The Cypher console's one exception to named queries (docs/console.md): runs `text` in a READ
   * access-mode transaction with a timeout and hands its streaming result to `consume`, which may
   * stop reading early; the transaction is then rolled back, discarding what was not pulled.
   * Records arrive in batches of `fetchSize`, so stopping early pulls at most one batch more.
   */
  async readStream<T>(
    text: string,
    params: Params,
    options: StreamReadOptions,
    consume: (result: Result) => Promise<T>,
  ): Promise<T> {
    return this.withRetries(async () => {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.READ,
        fetchSize: options.fetchSize,
      });
      try {
        const tx = await session.beginTransaction({
          timeout: options.timeoutMs,
          metadata: options.metadata,
        });
        try {
          return await consume(tx.run(text, params));
        } finally {
          // A read has nothing to commit; rolling back also drops the records not pulled.
          if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        }
      } finally {
        await session.close();
      }
    });
  }

  async close(): Promise<void> {
    await this.driver.close();
    if (this.probeDriver !== this.driver) await this.probeDriver.close();
  }

  private async transaction<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
    receipt?: string,
  ): Promise<T> {
    let unacknowledged: UnacknowledgedCommit<T> | undefined;
    return await this.withRetries(async () => {
      try {
        return await this.attempt(mode, work, receipt);
      } catch (error) {
        if (error instanceof UnacknowledgedCommit) {
          // Whether it landed decides: its result, or its commit's error for the retry policy.
          if (await this.committed(error.receipt)) return error.result as T;
          unacknowledged = error as UnacknowledgedCommit<T>;
          throw error.cause;
        }
        // A run again found the receipt there: the commit looked for was still landing then.
        if (error instanceof ReceiptExists && unacknowledged) return unacknowledged.result;
        throw error;
      }
    });
  }

  /** Attempts `work` under the retry policy; see the header for why not the driver's retry. */
  private async withRetries<T>(attemptOnce: () => Promise<T>): Promise<T> {
    if (!this.breaker.admit()) throw new DatabaseUnavailableError();
    return await this.retrying(attemptOnce);
  }

  /** The retry policy without the breaker's admission (a commit's lookup is never refused). */
  private async retrying<T>(attemptOnce: () => Promise<T>): Promise<T> {
    // Budgets run from the first failure, so a long transaction (an import) still gets retries.
    let firstFailure: number | undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await attemptOnce();
        this.breaker.succeeded();
        return result;
      } catch (error) {
        // Already answered by the retries of a commit receipt's lookup, breaker and all.
        if (error instanceof DatabaseUnavailableError || error instanceof DatabaseBusyError) {
          throw error;
        }
        const failure = classifyDriverError(error);
        firstFailure ??= Date.now();
        const delay = retryDelay(failure, attempt, Date.now() - firstFailure, this.retry);
        if (delay !== null) {
          await sleep(delay);
          continue;
        }
        if (failure === 'connection' || failure === 'refused-credentials') {
          this.breaker.failed();
          throw new DatabaseUnavailableError();
        }
        // No pooled connection came free: the database was not asked; the breaker learns nothing.
        if (failure === 'busy' && isPoolExhausted(error)) throw new DatabaseBusyError();
        if (failure === 'busy' || failure === 'transient') {
          this.breaker.succeeded();
          throw new DatabaseBusyError();
        }
        // Anything else (a query error, the work's own error) means the database is reachable.
        this.breaker.succeeded();
        throw error;
      }
    }
  }

  /** One auto-commit read query, in a READ session so a cluster routes it to a reader. */
  protected async autoCommitRead(text: string, params: Params): Promise<Row[]> {
    return await this.readRows(text, params, this.driver);
  }

  /** One auto-commit read through `driver` (the main one, or the probe driver), as plain rows. */
  private async readRows(text: string, params: Params, driver: Driver): Promise<Row[]> {
    return await this.inSession(
      'READ',
      async (session) => {
        const result = await awaitWithoutStack(() => session.run(text, params));
        return result.records.map(recordToRow);
      },
      driver,
    );
  }

  /** A session of `driver` in `mode` for `work`, closed after it whatever happens. */
  private async inSession<T>(
    mode: 'READ' | 'WRITE',
    work: (session: Session) => Promise<T>,
    driver: Driver = this.driver,
  ): Promise<T> {
    const session = driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  }

  /**
   * One transaction: commit when the work resolves, roll back when it throws. With a `receipt`,
   * the transaction writes it, and a failed commit throws UnacknowledgedCommit.
   */
  private async attempt<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
    receipt?: string,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      // Not awaited: BEGIN goes out with the first query, as in the driver's executeRead, rather
      // than costing a round trip of its own; a failed BEGIN fails that query.
      const tx = session.beginTransaction();
      try {
        // Not awaited either: it goes out with BEGIN and the work's first query. Its own error is
        // kept: the driver reports a failed statement to the next ones only as "rolled back".
        const receiptFailure = receipt ? writeReceipt(tx, receipt) : NOTHING_FAILED;
        let result: T;
        try {
          result = await work(ManagedTransaction.fromTransaction(tx));
        } catch (error) {
          // A failed transaction (a statement, the connection) has the receipt answered or about
          // to be; an open one failed in the work's own code, which need not wait for it.
          throw (tx.isOpen() ? undefined : await receiptFailure) ?? error;
        }
        try {
          // A commit is a query to the driver, with a stack of its own (query-stack.ts).
          await awaitWithoutStack(() => tx.commit());
        } catch (error) {
          // The driver sends COMMIT only once every query of the transaction was answered.
          const failed = await receiptFailure;
          if (failed) throw failed;
          // The commit may have landed (a connection cut after COMMIT went out, a cluster's
          // failure to replicate): the receipt says. Not when the server refused the transaction
          // itself (a ClientError: a constraint its writes break, found at commit): nothing
          // landed, and a lookup would only cost a round trip.
          if (receipt && !isClientRefusal(error))
            throw new UnacknowledgedCommit(receipt, result, error);
          throw error;
        }
        return result;
      } finally {
        // The work threw (or the commit failed): the error that matters is the first one.
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      }
    } finally {
      await session.close();
    }
  }
}

const NOTHING_FAILED = Promise.resolve(undefined);

/** An error the server answered with, refusing the request as it stands (never a lost answer). */
function isClientRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Neo.ClientError.');
}

/**
 * Writes `receipt` in `tx` without waiting for it. Resolves, once the statement is answered, with
 * what it failed with (ReceiptExists when another attempt of the same write committed it
 * already), else with undefined.
 */
function writeReceipt(tx: Transaction, receipt: string): Promise<unknown> {
  const text = cypher('admin/record-commit-receipt');
  const written = startWithoutStack(() => tx.run(text, { receipt }));
  return written.summary().then(
    () => undefined,
    (error: unknown) => (isConstraintViolation(error) ? new ReceiptExists(receipt) : error),
  );
}

/** Runs a named statement inside a transaction and maps the records to plain rows. */
export async function run(
  tx: ManagedTransaction,
  name: CypherName,
  params: Params = {},
): Promise<Row[]> {
  const text = cypher(name);
  const result = await awaitWithoutStack(() => tx.run(text, params));
  return result.records.map(recordToRow);
}

/**
 * Runs a named statement inside a transaction and hands each record, as a plain row, to `onRow` as
 * it arrives; resolves with the number of rows. For results too big to hold as records (the
 * relationships of a million-relationship graph): they are decoded a fetch-size batch at a time,
 * so the server answers other requests in between, and dropped once `onRow` has taken what it
 * needs. An error thrown by `onRow` fails the statement.
 */
export function forEachRow(
  tx: ManagedTransaction,
  name: CypherName,
  params: Params,
  onRow: (row: Row) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    let failed = false;
    tx.run(cypher(name), params).subscribe({
      onNext: (record) => {
        if (failed) return;
        try {
          onRow(recordToRow(record));
          count++;
        } catch (error) {
          failed = true;
          reject(error as Error);
        }
      },
      onCompleted: () => {
        if (!failed) resolve(count);
      },
      onError: reject,
    });
  });
}
