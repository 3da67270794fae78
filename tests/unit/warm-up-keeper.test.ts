import { afterEach, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../server/db/neo4j-client.ts';
import { DatabaseUnavailableError } from '../../server/errors.ts';
import type { WarmUpReport } from '../../server/services/query-warm-up.ts';
import { keepQueriesWarm, type WarmUpKeeper } from '../../server/services/warm-up-keeper.ts';

// Both reads are the keeper's options, so no database is needed: the real start-time read and
// the real warm-up against Neo4j are in tests/integration (query-warm-up, faults-database).
const db = {} as GraphDatabase;
const done: WarmUpReport = { reads: [{ name: 'overview', ms: 1 }], ms: 1 };
const HOUR = 3_600_000;

let keeper: WarmUpKeeper | undefined;
afterEach(() => keeper?.stop());

/** A keeper whose start-time reads answer `answers` in turn (an Error is thrown). */
function keeperReading(
  answers: (string | null | Error)[],
  report: () => WarmUpReport = () => done,
) {
  const lines: string[] = [];
  const signals: AbortSignal[] = [];
  let look = 0;
  keeper = keepQueriesWarm(db, {
    intervalMs: HOUR,
    log: (line) => lines.push(line),
    readStartTime: async () => {
      const answer = answers[Math.min(look++, answers.length - 1)] ?? null;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    warmUp: async (_db, { signal }) => {
      signals.push(signal);
      return report();
    },
  });
  return { keeper, lines, signals };
}

describe('keepQueriesWarm', () => {
  it('warms up as it starts, and not again while Neo4j keeps its start time', async () => {
    const { keeper, lines, signals } = keeperReading(['1000']);
    expect(await keeper.check()).toBe('warmed up');
    expect(await keeper.check()).toBe('already warm');
    expect(await keeper.check()).toBe('already warm');
    expect(signals).toHaveLength(1);
    expect(lines).toEqual(['Planned 1 of 1 reads ahead of the first visitors in 0.0 s']);
  });

  it('warms up again when Neo4j was started again, and says why', async () => {
    const { keeper, lines, signals } = keeperReading(['1000', '1000', '2000']);
    await keeper.check();
    expect(await keeper.check()).toBe('already warm');
    expect(await keeper.check()).toBe('warmed up');
    expect(signals).toHaveLength(2);
    expect(lines[1]).toBe(
      'Neo4j was started again: Planned 1 of 1 reads ahead of the first visitors in 0.0 s',
    );
  });

  it('warms up once per cluster member, whichever answers the look', async () => {
    const { keeper, signals } = keeperReading(['1000', '2000', '1000', '2000', '1000']);
    for (let look = 0; look < 5; look++) await keeper.check();
    expect(signals).toHaveLength(2);
  });

  it('does not warm up after an outage when Neo4j was not restarted (its plans are kept)', async () => {
    const { keeper, signals } = keeperReading(['1000', new DatabaseUnavailableError(), '1000']);
    await keeper.check();
    expect(await keeper.check()).toBe('the database is unavailable');
    expect(await keeper.check()).toBe('already warm');
    expect(signals).toHaveLength(1);
  });

  it('goes by outages where the start time is refused, and says so once', async () => {
    const refused = Object.assign(new Error('Executing procedure is not allowed for user'), {
      code: 'Neo.ClientError.Security.Forbidden',
    });
    const { keeper, lines, signals } = keeperReading([
      refused,
      refused,
      new DatabaseUnavailableError(),
      refused,
      refused,
    ]);
    expect(await keeper.check()).toBe('warmed up');
    expect(await keeper.check()).toBe('already warm');
    expect(await keeper.check()).toBe('the database is unavailable');
    expect(await keeper.check()).toBe('warmed up');
    expect(await keeper.check()).toBe('already warm');
    expect(signals).toHaveLength(2);
    expect(lines.filter((line) => line.includes('cannot tell'))).toEqual([
      'The warm-up cannot tell when Neo4j restarts (Executing procedure is not allowed for user); it runs again after an outage only',
    ]);
    expect(lines.at(-1)).toMatch(/^Neo4j is back after an outage: Planned 1 of 1 reads/);
  });

  it('reads any other error as a look that told nothing, not as a refusal', async () => {
    const busy = Object.assign(new Error('busy'), { code: 'Neo.TransientError.General.Busy' });
    const { keeper, lines, signals } = keeperReading(['1000', busy, '1000']);
    await keeper.check();
    expect(await keeper.check()).toBe('failed');
    expect(await keeper.check()).toBe('already warm');
    expect(signals).toHaveLength(1);
    expect(lines.filter((line) => line.includes('cannot tell'))).toEqual([]);
  });

  it('runs again at the next look when the database went away during the warm-up', async () => {
    let first = true;
    const { keeper, signals } = keeperReading(['1000'], () => {
      if (!first) return done;
      first = false;
      return { ...done, stopped: 'the database is unavailable' };
    });
    expect(await keeper.check()).toBe('the database is unavailable');
    expect(await keeper.check()).toBe('warmed up');
    expect(await keeper.check()).toBe('already warm');
    expect(signals).toHaveLength(2);
  });

  it('shares a look under way instead of starting a second warm-up beside it', async () => {
    const { keeper, signals } = keeperReading(['1000']);
    const looks = await Promise.all([keeper.check(), keeper.check(), keeper.check()]);
    expect(looks).toEqual(['warmed up', 'warmed up', 'warmed up']);
    expect(signals).toHaveLength(1);
  });

  it('hands the warm-up a signal that stop() aborts, and starts none after', async () => {
    const { keeper, signals } = keeperReading(['1000', '2000']);
    await keeper.check();
    keeper.stop();
    expect(signals[0]!.aborted).toBe(true);
    expect(await keeper.check()).toBe('shutting down');
    expect(signals).toHaveLength(1);
  });

  it('logs a throwing warm-up instead of letting it crash the app', async () => {
    const lines: string[] = [];
    keeper = keepQueriesWarm(db, {
      intervalMs: HOUR,
      log: (line) => lines.push(line),
      readStartTime: async () => '1000',
      warmUp: async () => {
        throw new TypeError('a bug');
      },
    });
    expect(await keeper.check()).toBe('failed');
    expect(lines).toEqual(['The warm-up stopped: a bug']);
  });
});
