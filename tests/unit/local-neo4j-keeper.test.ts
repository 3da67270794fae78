import { describe, expect, it } from 'vitest';
import { restartDelayMs } from '../../db/local-neo4j-keeper.ts';

describe('restartDelayMs', () => {
  it('restarts at once the first time, then backs off doubling from 5 s up to 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(restartDelayMs)).toEqual([
      0, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
  });

  it('refuses an attempt number that is not a positive integer, naming it', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => restartDelayMs(bad)).toThrow(/attempt must be an integer from 1, got/);
    }
  });
});
