import { describe, expect, it } from 'vitest';
import { oncePerBurst } from '../../web/src/lib/graph/once-per-burst';

describe('oncePerBurst', () => {
  it('runs once after a burst of calls, not during it', async () => {
    let runs = 0;
    const trigger = oncePerBurst(() => runs++);
    for (let i = 0; i < 5_000; i++) trigger();
    expect(runs).toBe(0);
    await Promise.resolve();
    expect(runs).toBe(1);
  });

  it('runs again for a later burst', async () => {
    const seen: number[] = [];
    let state = 0;
    const trigger = oncePerBurst(() => seen.push(state));
    state = 1;
    trigger();
    state = 2;
    trigger();
    await Promise.resolve();
    state = 3;
    trigger();
    await Promise.resolve();
    // Each run sees the state its whole burst left.
    expect(seen).toEqual([2, 3]);
  });
});
