/**
 * A circuit breaker for the database connection. Once a transaction has given up on reaching
 * Neo4j, the next requests fail at once (503 with Retry-After) instead of each spending the retry
 * budget on a database that is known to be down; once per cool-down one request is let through
 * as a probe, and the first success closes the breaker again. It keeps nothing else, so the app
 * reconnects by itself as soon as the database answers.
 */

export interface BreakerOptions {
  /** How long after a connection failure requests are refused before one probes again. */
  cooldownMs: number;
  /** The clock (tests pass their own). */
  now?: () => number;
}

export const DEFAULT_BREAKER_COOLDOWN_MS = 1_000;

export class ConnectionBreaker {
  /** 0 while closed; while open, when the next probe may go. */
  private openUntil = 0;
  private readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(options: BreakerOptions = { cooldownMs: DEFAULT_BREAKER_COOLDOWN_MS }) {
    if (!Number.isFinite(options.cooldownMs) || options.cooldownMs < 0)
      throw new RangeError(
        `ConnectionBreaker: cooldownMs must be a non-negative number, got ${options.cooldownMs}`,
      );
    this.cooldownMs = options.cooldownMs;
    this.now = options.now ?? Date.now;
  }

  /** True while a recent connection failure has not been followed by a success. */
  get isOpen(): boolean {
    return this.openUntil !== 0;
  }

  /**
   * Whether a transaction may go to the database now: always while closed; while open, one
   * caller per cool-down (the probe), so a probe that hangs does not keep the breaker shut.
   */
  admit(): boolean {
    if (this.openUntil === 0) return true;
    const now = this.now();
    if (now < this.openUntil) return false;
    this.openUntil = now + this.cooldownMs;
    return true;
  }

  /** The database answered (any answer, even an error of the query's own). */
  succeeded(): void {
    this.openUntil = 0;
  }

  /** A transaction gave up on reaching the database. */
  failed(): void {
    this.openUntil = this.now() + this.cooldownMs;
  }
}
