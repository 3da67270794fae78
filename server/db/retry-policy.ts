/**
 * When a failed transaction is worth another attempt, and how soon. The driver's own managed
 * retry waits about a second before its first retry and keeps retrying a refused connection for
 * maxTransactionRetryTime, so a request held on a stopped database for seconds; this policy tells
 * "the database is not there" (retried briefly, then a 503) from "the database asked us to try
 * again" (deadlocks, leader changes: retried with backoff for longer), so a healthy cluster keeps
 * its retries and a dead database answers within a second. "The app is over its capacity" (no
 * pooled connection free within the acquisition timeout, a transaction over its memory limit)
 * is not retried: the wait already happened, or the same transaction would fail the same way.
 */
import { isRetryableError, Neo4jError } from 'neo4j-driver';

/** How a driver error bears on retrying: see {@link classifyDriverError}. */
export type DriverFailure = 'connection' | 'refused-credentials' | 'transient' | 'busy' | 'other';

const CONNECTION_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);
const CREDENTIAL_CODES = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);
/** Over a limit of the database's configuration (db.memory.transaction.max): a ClientError, so
 * not retryable, yet not the request's fault either. Its transient relatives (the global memory
 * pool, the number of open transactions) are retried like any transient error. */
const OVER_CAPACITY_CODES = new Set(['Neo.ClientError.General.TransactionOutOfMemoryError']);
/** The pool's timeout has no code ('N/A'); its message is neo4j-driver-core's pool.js. */
const POOL_TIMEOUT_MESSAGE = /^Connection acquisition timed out in \d+ ms/;

/** True when a statement broke a uniqueness constraint (an id or a name that exists already). */
export function isConstraintViolation(error: unknown): boolean {
  return (
    (error as { code?: unknown } | null)?.code ===
    'Neo.ClientError.Schema.ConstraintValidationFailed'
  );
}

/** True when no pooled connection became free within connectionAcquisitionTimeout. */
export function isPoolExhausted(error: unknown): boolean {
  return error instanceof Neo4jError && POOL_TIMEOUT_MESSAGE.test(error.message);
}

/**
 * - `connection`: the database (or the cluster member) cannot be reached or is not serving;
 * - `refused-credentials`: it is there but refuses the app's user (configuration, not load);
 * - `transient`: it asked for a retry (deadlock, lock timeout, leader switch, memory pool full…);
 * - `busy`: the app is over its capacity: no pooled connection free in time, or a transaction
 *   over the database's memory limit — not retried;
 * - `other`: anything else, including the app's own errors thrown inside a transaction.
 */
export function classifyDriverError(error: unknown): DriverFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return 'connection';
  if (typeof code === 'string' && CREDENTIAL_CODES.has(code)) return 'refused-credentials';
  if (typeof code === 'string' && OVER_CAPACITY_CODES.has(code)) return 'busy';
  if (isPoolExhausted(error)) return 'busy';
  if (isRetryableError(error)) return 'transient';
  return 'other';
}

export interface RetryPolicy {
  /** Connection failures are retried only this long (a pooled socket the server closed, a
   * routing-table refresh); after that the request gets a 503 with Retry-After. */
  connectionBudgetMs: number;
  /** Transient errors are retried this long, then answered 503 DATABASE_BUSY. */
  transientBudgetMs: number;
  /** The first delay; each further one doubles, with ±20 % jitter. */
  initialDelayMs: number;
  /** The longest single delay. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  connectionBudgetMs: 400,
  transientBudgetMs: 5_000,
  initialDelayMs: 50,
  maxDelayMs: 1_000,
};

/**
 * The delay before attempt `attempt + 1` after `attempt` attempts failed, the last with
 * `failure`, `elapsedMs` after the first failure; or null when the error goes to the caller.
 */
export function retryDelay(
  failure: DriverFailure,
  attempt: number,
  elapsedMs: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number | null {
  const budget =
    failure === 'connection'
      ? policy.connectionBudgetMs
      : failure === 'transient'
        ? policy.transientBudgetMs
        : 0;
  const base = Math.min(policy.initialDelayMs * 2 ** Math.max(0, attempt - 1), policy.maxDelayMs);
  const delay = Math.round(base * (0.8 + 0.4 * random()));
  return elapsedMs + delay <= budget ? delay : null;
}
