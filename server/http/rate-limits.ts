/**
 * Per-client rate limits (express-rate-limit, counted per IP address in this process's memory):
 * a generous bucket for the whole API, a strict one for failed sign-ins (password guessing) and
 * one for starting imports (each rewrites part of the graph and recomputes its measures), and one
 * for Cypher console queries (each may hold a transaction up to the console's timeout). A
 * refused request gets 429 with `Retry-After` and the API's JSON error shape.
 *
 * Behind a reverse proxy every client shares the proxy's address unless TRUST_PROXY tells
 * Express how many proxies to look through. Counts live in each app instance, so N instances
 * allow N times the limits.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../errors.ts';

export interface RateLimitSettings {
  /** Requests per client and minute to anything under /api; 0 turns the bucket off. */
  perMinute: number;
  /** Failed `POST /api/auth/session` per client and 15 minutes; 0 turns the bucket off. */
  signInFailuresPer15Minutes: number;
  /** `POST /api/imports` per client and hour; 0 turns the bucket off. */
  importsPerHour: number;
  /** `POST /api/console/query` per client and minute; 0 turns the bucket off. Optional: on by default. */
  consoleQueriesPerMinute?: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  perMinute: 600,
  signInFailuresPer15Minutes: 10,
  importsPerHour: 30,
  // Each console query may hold a database transaction for up to its timeout.
  consoleQueriesPerMinute: 30,
};

/** The buckets, named as 429 answers name them. */
export type RateLimitBucket = 'api' | 'sign-in' | 'imports' | 'console';

/** 429: a client went over one of its limits. `details` says which and when to come back. */
export class RateLimitedError extends AppError {
  constructor(
    readonly bucket: RateLimitBucket,
    readonly retryAfterSeconds: number,
    limit: number,
    windowSeconds: number,
  ) {
    super(
      `Too many ${BUCKET_NOUNS[bucket]} from this client; try again in ${retryAfterSeconds} s.`,
      429,
      'RATE_LIMITED',
      { bucket, limit, windowSeconds, retryAfterSeconds },
    );
  }
}

const BUCKET_NOUNS: Record<RateLimitBucket, string> = {
  api: 'requests',
  'sign-in': 'failed sign-ins',
  imports: 'imports',
  console: 'console queries',
};

const MINUTE = 60_000;

function bucket(
  name: RateLimitBucket,
  limit: number,
  windowMs: number,
  countOnlyFailures = false,
): RequestHandler | null {
  if (limit === 0) return null;
  return rateLimit({
    windowMs,
    limit,
    // RateLimit and RateLimit-Policy (IETF draft 8) on every answer; Retry-After on a 429.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: name,
    skipSuccessfulRequests: countOnlyFailures,
    // The library has set Retry-After; the error middleware writes the JSON answer.
    handler: (_req, res, next) => {
      const seconds = Number(res.getHeader('Retry-After')) || Math.ceil(windowMs / 1000);
      next(new RateLimitedError(name, seconds, limit, windowMs / 1000));
    },
  });
}

/** The limiters to mount, or null for a bucket that is off; throws on a bad setting. */
export function rateLimiters(settings: RateLimitSettings): {
  api: RequestHandler | null;
  signIn: RequestHandler | null;
  imports: RequestHandler | null;
  console: RequestHandler | null;
} {
  for (const [key, value] of Object.entries(settings))
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`rateLimiters: ${key} must be a whole number ≥ 0, got ${value}`);
  return {
    api: bucket('api', settings.perMinute, MINUTE),
    signIn: bucket('sign-in', settings.signInFailuresPer15Minutes, 15 * MINUTE, true),
    imports: bucket('imports', settings.importsPerHour, 60 * MINUTE),
    console: bucket(
      'console',
      settings.consoleQueriesPerMinute ?? DEFAULT_RATE_LIMITS.consoleQueriesPerMinute!,
      MINUTE,
    ),
  };
}
