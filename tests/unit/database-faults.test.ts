// How the data layer treats an unreachable database, without one: which driver errors are worth
// a retry and for how long (retry-policy.ts), and the breaker that answers at once while the
// database is known to be down (connection-breaker.ts). The real stop/restart is in
// tests/integration/faults-database.test.ts.
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ConnectionBreaker } from '../../server/db/connection-breaker.ts';
import {
  classifyDriverError,
  DEFAULT_RETRY_POLICY,
  retryDelay,
} from '../../server/db/retry-policy.ts';

const driverError = (code: string) => new Neo4jError('message', code, 'N/A', 'N/A');

describe('classifyDriverError', () => {
  it.each([
    ['ServiceUnavailable', 'connection'],
    ['SessionExpired', 'connection'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'connection'],
    ['Neo.ClientError.Security.Unauthorized', 'refused-credentials'],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'transient'],
    ['Neo.TransientError.Transaction.LockClientStopped', 'transient'],
    ['Neo.ClientError.Statement.SyntaxError', 'other'],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'other'],
  ])('%s is a %s failure', (code, kind) => {
    expect(classifyDriverError(driverError(code))).toBe(kind);
  });

  it('treats errors that are not the driver’s as the caller’s own', () => {
    expect(classifyDriverError(new Error('dry run: rolled back'))).toBe('other');
    expect(classifyDriverError(null)).toBe('other');
    expect(classifyDriverError({ code: 42 })).toBe('other');
  });
});

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

  it('never retries refused credentials or the caller’s own errors', () => {
    expect(retryDelay('refused-credentials', 1, 0, policy)).toBeNull();
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
