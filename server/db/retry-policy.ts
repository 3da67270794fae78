/**
 * When a failed transaction is worth another attempt, and how soon. The driver's own managed
 * retry waits about a second before its first retry and keeps retrying a refused connection for
 * maxTransactionRetryTime, so a request held on a stopped database for seconds; this policy tells
 * "the database is not there" (retried briefly, then a 503) from "the database asked us to try
 * again" (deadlocks, leader changes: retried with backoff for longer), so a healthy cluster keeps
 * its retries and a dead database answers within a second.
 */
import { isRetryableError } from 'neo4j-driver';

/** How a driver error bears on retrying: see {@link classifyDriverError}. */
export type DriverFailure = 'connection' | 'refused-credentials' | 'transient' | 'other';

const CONNECTION_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);
const CREDENTIAL_CODES = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);

/**
 * - `connection`: the database (or the cluster member) cannot be reached or is not serving;
 * - `refused-credentials`: it is there but refuses the app's user (configuration, not load);
 * - `transient`: it asked for a retry (deadlock, lock timeout, leader switch…);
 * - `other`: anything else, including the app's own errors thrown inside a transaction.
 */
export function classifyDriverError(error: unknown): DriverFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return 'connection';
  if (typeof code === 'string' && CREDENTIAL_CODES.has(code)) return 'refused-credentials';
  if (isRetryableError(error)) return 'transient';
  return 'other';
}

export interface RetryPolicy {
  /** Connection failures are retried only this long (a pooled socket the server closed, a
   * routing-table refresh); after that the request gets a 503 with Retry-After. */
  connectionBudgetMs: number;
  /** Transient errors are retried this long. */
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
