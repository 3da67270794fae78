// How the data layer treats an unreachable or overloaded database, without one: which driver
// errors are worth a retry and for how long (retry-policy.ts), the breaker that answers at once
// while the database is known to be down (connection-breaker.ts), and which errors GraphDatabase
// turns into 503 DATABASE_UNAVAILABLE or DATABASE_BUSY (with Retry-After) rather than a 500.
// The real stop/restart is in tests/integration/faults-database.test.ts, a real exhausted pool in
// tests/integration/database-busy.test.ts.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Neo4jError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { internal } from 'neo4j-driver-core';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../server/api/error-handler.ts';
import { ConnectionBreaker } from '../../server/db/connection-breaker.ts';
import { GraphDatabase } from '../../server/db/neo4j-client.ts';
import {
  classifyDriverError,
  DEFAULT_RETRY_POLICY,
  isPoolExhausted,
  retryDelay,
  type RetryPolicy,
} from '../../server/db/retry-policy.ts';
import { DatabaseBusyError, DatabaseUnavailableError } from '../../server/errors.ts';

const driverError = (code: string) => new Neo4jError('message', code, 'N/A', 'N/A');

describe('classifyDriverError', () => {
  it.each([
    ['ServiceUnavailable', 'connection'],
    ['SessionExpired', 'connection'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'connection'],
    ['Neo.ClientError.Security.Unauthorized', 'refused-credentials'],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'transient'],
    ['Neo.TransientError.Transaction.LockClientStopped', 'transient'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'transient'],
    ['Neo.TransientError.Transaction.MaximumTransactionLimitReached', 'transient'],
    ['Neo.ClientError.General.TransactionOutOfMemoryError', 'busy'],
    ['Neo.ClientError.Statement.SyntaxError', 'other'],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'other'],
  ])('%s is a %s failure', (code, kind) => {
    expect(classifyDriverError(driverError(code))).toBe(kind);
  });

  it('tells the pool’s acquisition timeout (the driver’s real error) from other errors', async () => {
    const timeout = await poolTimeoutError();
    expect(isPoolExhausted(timeout)).toBe(true);
    expect(classifyDriverError(timeout)).toBe('busy');
    // Same words from the app's own code are not the driver's.
    expect(classifyDriverError(new Error((timeout as Error).message))).toBe('other');
  });

  it('treats errors that are not the driver’s as the caller’s own', () => {
    expect(classifyDriverError(new Error('dry run: rolled back'))).toBe('other');
    expect(classifyDriverError(null)).toBe('other');
    expect(classifyDriverError({ code: 42 })).toBe('other');
  });
});

/**
 * The error neo4j-driver's own connection pool raises when no connection comes free in time:
 * a pool of one whose connection is held, asked for another with a 20 ms acquisition timeout.
 */
async function poolTimeoutError(): Promise<unknown> {
  const { Pool, PoolConfig } = internal.pool;
  const pool = new Pool({
    create: async (_context: unknown, address: unknown, release: unknown) => ({
      address,
      release,
      close: async () => {},
    }),
    config: new PoolConfig(1, 20),
  } as ConstructorParameters<typeof Pool>[0]);
  const address = internal.serverAddress.ServerAddress.fromUrl('localhost:7687');
  await pool.acquire({}, address);
  return pool.acquire({}, address).then(
    () => new Error('the pool handed out a second connection'),
    (error: unknown) => error,
  );
}

describe('retryDelay', () => {
  const policy = DEFAULT_RETRY_POLICY;
  const noJitter = () => 0.5;

  it('retries a connection failure only within its short budget', () => {
    let elapsed = 0;
    let attempts = 1;
    for (;;) {
      const delay = retryDelay('connection', attempts, elapsed, policy, noJitter);
      if (delay === null) break;
      elapsed += delay;
      attempts++;
    }
    expect(attempts).toBeGreaterThan(1);
    expect(elapsed).toBeLessThanOrEqual(policy.connectionBudgetMs);
    expect(policy.connectionBudgetMs).toBeLessThan(1_000);
  });

  it('keeps retrying transient errors longer, with doubling delays up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) =>
      retryDelay('transient', n, 0, policy, noJitter),
    );
    expect(delays.slice(0, 5)).toEqual([50, 100, 200, 400, 800]);
    expect(delays[6]).toBe(policy.maxDelayMs);
    expect(retryDelay('transient', 3, policy.transientBudgetMs - 10, policy, noJitter)).toBeNull();
  });

  it('never retries refused credentials, an app over capacity or the caller’s own errors', () => {
    expect(retryDelay('refused-credentials', 1, 0, policy)).toBeNull();
    expect(retryDelay('busy', 1, 0, policy)).toBeNull();
    expect(retryDelay('other', 1, 0, policy)).toBeNull();
  });

  it('spreads delays by ±20 %', () => {
    expect(retryDelay('transient', 1, 0, policy, () => 0)).toBe(40);
    expect(retryDelay('transient', 1, 0, policy, () => 0.999_999)).toBe(60);
  });
});

describe('ConnectionBreaker', () => {
  const clock = () => {
    let t = 10_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('lets everything through while closed', () => {
    const breaker = new ConnectionBreaker({ cooldownMs: 1_000 });
    expect([breaker.admit(), breaker.admit(), breaker.isOpen]).toEqual([true, true, false]);
  });

  it('refuses at once after a failure, then admits one probe per cool-down', () => {
    const time = clock();
    const breaker = new ConnectionBreaker({ cooldownMs: 1_000, now: time.now });
    breaker.failed();
    expect(breaker.isOpen).toBe(true);
    expect(breaker.admit()).toBe(false);
    time.advance(999);
    expect(breaker.admit()).toBe(false);
    time.advance(1);
    expect(breaker.admit()).toBe(true); // the probe
    expect(breaker.admit()).toBe(false); // the others wait for its answer
    time.advance(1_000);
    expect(breaker.admit()).toBe(true); // a probe that hangs does not keep it shut
  });

  it('closes on the first success and reopens on the next failure', () => {
    const time = clock();
    const breaker = new ConnectionBreaker({ cooldownMs: 500, now: time.now });
    breaker.failed();
    time.advance(500);
    expect(breaker.admit()).toBe(true);
    breaker.succeeded();
    expect([breaker.isOpen, breaker.admit(), breaker.admit()]).toEqual([false, true, true]);
    breaker.failed();
    expect(breaker.admit()).toBe(false);
  });

  it('rejects a negative cool-down', () => {
    expect(() => new ConnectionBreaker({ cooldownMs: -1 })).toThrow(RangeError);
  });
});

/**
 * A driver whose every statement and commit fails with `error()` (however GraphDatabase runs
 * them: auto-commit or in a transaction); counts the attempts.
 */
function failingDriver(error: () => unknown): { driver: Driver; attempts: () => number } {
  // An attempt is a transaction begun or an auto-commit query, whatever it runs before failing.
  let attempts = 0;
  const fail = async () => {
    throw error();
  };
  // A query's Result, as far as GraphDatabase reads one: awaited, or its summary.
  const failedQuery = () => ({
    summary: fail,
    then: (ok: never, ko: never) => fail().then(ok, ko),
  });
  const transaction = {
    run: failedQuery,
    commit: fail,
    rollback: async () => {},
    isOpen: () => false,
  };
  const session = {
    run: () => {
      attempts++;
      return fail();
    },
    beginTransaction: () => {
      attempts++;
      return transaction;
    },
    close: async () => {},
  };
  return { driver: { session: () => session } as unknown as Driver, attempts: () => attempts };
}

const FAST_RETRIES: RetryPolicy = {
  connectionBudgetMs: 40,
  transientBudgetMs: 80,
  initialDelayMs: 5,
  maxDelayMs: 20,
};
const driverFailure = (code: string) => () => new Neo4jError('message', code, 'N/A', 'N/A');

describe('GraphDatabase under load and faults', () => {
  const noWork = async () => [];

  it('answers DATABASE_BUSY when transient errors outlast the retries', async () => {
    const { driver, attempts } = failingDriver(
      driverFailure('Neo.TransientError.General.MemoryPoolOutOfMemoryError'),
    );
    const db = new GraphDatabase(driver, undefined, { retry: FAST_RETRIES });
    await expect(db.readTx(noWork)).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(attempts()).toBeGreaterThan(1);
  });

  it('answers DATABASE_BUSY at once, without retrying, for a transaction over its memory limit', async () => {
    const { driver, attempts } = failingDriver(
      driverFailure('Neo.ClientError.General.TransactionOutOfMemoryError'),
    );
    const db = new GraphDatabase(driver, undefined, { retry: FAST_RETRIES });
    await expect(db.writeTx(noWork)).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(attempts()).toBe(1);
  });

  it('answers DATABASE_BUSY when the pool stays exhausted, leaving the breaker closed', async () => {
    const timeout = await poolTimeoutError();
    const { driver, attempts } = failingDriver(() => timeout);
    const db = new GraphDatabase(driver, undefined, { retry: FAST_RETRIES });
    await expect(db.readTx(noWork)).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(attempts()).toBe(1);
    // A database that is down would open the breaker; a busy pool says nothing about it.
    await expect(db.readTx(noWork)).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(attempts()).toBe(2);
  });

  it('still answers DATABASE_UNAVAILABLE for a database that cannot be reached', async () => {
    const { driver } = failingDriver(driverFailure('ServiceUnavailable'));
    const db = new GraphDatabase(driver, undefined, { retry: FAST_RETRIES });
    await expect(db.readTx(noWork)).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });

  it('passes the query’s own errors through unchanged (a 500 or the route’s own answer)', async () => {
    const syntax = new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', 'N/A', 'N/A');
    const db = new GraphDatabase(failingDriver(() => syntax).driver);
    await expect(db.readTx(noWork)).rejects.toBe(syntax);
  });
});

/**
 * A driver whose write transactions succeed except for the commits `commitFails` says fail (by
 * their number, from 1) with `lost()` (a ServiceUnavailable); `receiptFound` answers the receipt lookup (a
 * function, so it can fail too). Counts the work's runs by the queries it makes.
 */
function commitLosingDriver(
  commitFails: (n: number) => boolean,
  receiptFound: () => boolean,
  receiptTaken: (n: number) => boolean = () => false,
  lost = () => new Neo4jError('lost', 'ServiceUnavailable', 'N/A', 'N/A'),
) {
  let commits = 0;
  let lookups = 0;
  let begun = 0;
  const answered = (records: unknown[] = []) => {
    const result = { records, summary: async () => ({}) };
    return { ...result, then: (ok: never, ko: never) => Promise.resolve(result).then(ok, ko) };
  };
  // As the driver does when a statement fails: the queries after it fail with a generic error
  // of their own, which can reach the work before the failed statement's own summary settles
  // (here: a turn of the event loop later), and the transaction is no longer open.
  const failed = (error: Error, settleLater = false) => {
    const fail = () =>
      settleLater
        ? new Promise<never>((_, reject) => setImmediate(() => reject(error)))
        : Promise.reject(error);
    return { summary: fail, then: (ok: never, ko: never) => fail().then(ok, ko) };
  };
  let failedQuery = false;
  const transaction = {
    run: (text: string) => {
      if (failedQuery) return failed(new Error('the transaction was rolled back: a query failed'));
      if (!text.includes('CommitReceipt') || !receiptTaken(begun)) return answered();
      failedQuery = true;
      const code = 'Neo.ClientError.Schema.ConstraintValidationFailed';
      return failed(new Neo4jError('taken', code, 'N/A', 'N/A'), true);
    },
    commit: async () => {
      if (failedQuery) throw new Error('the transaction was rolled back: a query failed');
      commits++;
      if (commitFails(commits)) throw lost();
    },
    rollback: async () => {},
    isOpen: () => !failedQuery,
  };
  const session = {
    beginTransaction: () => {
      begun++;
      failedQuery = false;
      return transaction;
    },
    run: () => {
      lookups++;
      const found = receiptFound();
      return answered([{ get: () => found }]);
    },
    close: async () => {},
  };
  let sessions = 0;
  return {
    driver: {
      session: () => {
        sessions++;
        return session;
      },
    } as unknown as Driver,
    commits: () => commits,
    lookups: () => lookups,
    sessions: () => sessions,
  };
}

describe('a write whose commit fails (commit-receipts.ts)', () => {
  const counted = () => {
    let runs = 0;
    const work = async () => `run ${++runs}`;
    return { work, runs: () => runs };
  };

  it('answers with the result of the run that committed, without running the work again', async () => {
    const fake = commitLosingDriver(
      (n) => n === 1,
      () => true,
    );
    const { work, runs } = counted();
    const db = new GraphDatabase(fake.driver, undefined, { retry: FAST_RETRIES });
    await expect(db.writeTx(work)).resolves.toBe('run 1');
    expect([runs(), fake.commits(), fake.lookups()]).toEqual([1, 1, 1]);
  });

  it('looks for no receipt when the server refused the commit', async () => {
    const refusal = new Neo4jError(
      'a constraint fails at commit',
      'Neo.ClientError.Schema.ConstraintValidationFailed',
      'N/A',
      'N/A',
    );
    const fake = commitLosingDriver(
      (n) => n === 1,
      () => true,
      () => false,
      () => refusal,
    );
    const { work, runs } = counted();
    const db = new GraphDatabase(fake.driver, undefined, { retry: FAST_RETRIES });
    // Nothing landed, whatever a lookup would say: the refusal stands, the work is not run again.
    await expect(db.writeTx(work)).rejects.toBe(refusal);
    expect([runs(), fake.commits(), fake.lookups()]).toEqual([1, 1, 0]);
  });

  it('runs the work again when the receipt is not there', async () => {
    const fake = commitLosingDriver(
      (n) => n === 1,
      () => false,
    );
    const { work, runs } = counted();
    const db = new GraphDatabase(fake.driver, undefined, { retry: FAST_RETRIES });
    await expect(db.writeTx(work)).resolves.toBe('run 2');
    expect([runs(), fake.commits(), fake.lookups()]).toEqual([2, 2, 1]);
  });

  it('answers with the result of the first run when the run again finds its receipt (the first commit was still landing when looked for)', async () => {
    const fake = commitLosingDriver(
      (n) => n === 1,
      () => false,
      (n) => n === 2,
    );
    const { work, runs } = counted();
    const db = new GraphDatabase(fake.driver, undefined, { retry: FAST_RETRIES });
    await expect(db.writeTx(work)).resolves.toBe('run 1');
    expect(runs()).toBe(2);
  });

  it('answers with the result of the first run when the run again finds its receipt through its own query', async () => {
    const fake = commitLosingDriver(
      (n) => n === 1,
      () => false,
      (n) => n === 2,
    );
    let runs = 0;
    const work = async (tx: ManagedTransaction) => {
      runs++;
      await tx.run('CREATE (:Probe)');
      return `run ${runs}`;
    };
    const db = new GraphDatabase(fake.driver, undefined, { retry: FAST_RETRIES });
    await expect(db.writeTx(work)).resolves.toBe('run 1');
    expect(runs).toBe(2);
  });

  it('answers DATABASE_UNAVAILABLE when commits keep failing and the receipt is never there', async () => {
    const fake = commitLosingDriver(
      () => true,
      () => false,
    );
    const db = new GraphDatabase(fake.driver, undefined, { retry: FAST_RETRIES });
    await expect(db.writeTx(counted().work)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(fake.lookups()).toBe(fake.commits());
  });

  it('answers DATABASE_UNAVAILABLE, without running the work again, when the receipt cannot be looked for', async () => {
    const fake = commitLosingDriver(
      (n) => n === 1,
      () => {
        throw new Neo4jError('down', 'ServiceUnavailable', 'N/A', 'N/A');
      },
    );
    const { work, runs } = counted();
    const db = new GraphDatabase(fake.driver, undefined, { retry: FAST_RETRIES });
    await expect(db.writeTx(work)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(runs()).toBe(1);
    expect(fake.lookups()).toBeGreaterThan(1);
    // The lookup's connection failures opened the breaker: the next request is answered at once.
    const sessions = fake.sessions();
    await expect(db.readTx(work)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(fake.sessions()).toBe(sessions);
  });

  it('looks for no receipt for a write that asked for none, nor for a read', async () => {
    // The first commit of each: the write's and the read's.
    const fake = commitLosingDriver(
      (n) => n === 1 || n === 3,
      () => true,
    );
    const db = new GraphDatabase(fake.driver, undefined, { retry: FAST_RETRIES });
    const { work, runs } = counted();
    await expect(db.writeTx(work, { receipt: false })).resolves.toBe('run 2');
    await expect(db.readTx(work)).resolves.toBe('run 4');
    expect([runs(), fake.lookups()]).toEqual([4, 0]);
  });
});

describe('the answers to database errors', () => {
  it.each([
    [new DatabaseBusyError(), 'DATABASE_BUSY', '2'],
    [new DatabaseUnavailableError(), 'DATABASE_UNAVAILABLE', '5'],
  ])('%s is a 503 with Retry-After', async (error, code, retryAfter) => {
    const app = express();
    app.get('/', () => {
      throw error;
    });
    app.use(errorHandler);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe(retryAfter);
      expect(await response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    } finally {
      server.close();
    }
  });
});
