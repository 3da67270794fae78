// Styling ahead of the first frame (web/src/lib/graph/style-ahead.ts): slices bounded by the clock,
// one per task; finish() styles the rest at once; cancel() stops; removed elements are skipped. And
// nextTask, which the canvas also uses to add a new big graph a task after posting its layout job.
import { describe, expect, it } from 'vitest';
import {
  STYLE_SLICE_MS,
  nextTask as scheduleTask,
  styleAhead,
} from '../../web/src/lib/graph/style-ahead.ts';

/** Stand-ins for Cytoscape elements that count how often their style was read. */
function fakeElements(count: number, removed: ReadonlySet<number> = new Set()) {
  const reads = new Array<number>(count).fill(0);
  const elements = Array.from({ length: count }, (_, i) => ({
    removed: () => removed.has(i),
    numericStyle: () => {
      reads[i]! += 1;
      return 0;
    },
  }));
  return { reads, collection: elements };
}

/** A clock that advances `step` ms each time it is read. */
function steppingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('styleAhead', () => {
  it('does nothing in the current task, then styles every element once over several tasks', async () => {
    const { reads, collection } = fakeElements(100);
    // Each clock read is 1 ms: a slice ends after about STYLE_SLICE_MS reads of 8 elements each.
    styleAhead(collection, steppingClock(1));
    expect(reads.every((n) => n === 0)).toBe(true);
    // A task posted the same way, after the slice's: a timer may fire before a posted message on a
    // busy machine, so waiting on one would sometimes find no slice run yet.
    await new Promise<void>((resolve) => scheduleTask(resolve));
    const afterOne = reads.filter((n) => n > 0).length;
    expect(afterOne).toBeGreaterThan(0);
    expect(afterOne).toBeLessThanOrEqual(8 * STYLE_SLICE_MS);
    for (let i = 0; i < 20 && reads.some((n) => n === 0); i++) await nextTask();
    expect(reads.every((n) => n === 1)).toBe(true);
  });

  it('styles what is left at once on finish, and nothing more afterwards', async () => {
    const { reads, collection } = fakeElements(1_000);
    const job = styleAhead(collection, steppingClock(STYLE_SLICE_MS));
    await nextTask();
    expect(reads.some((n) => n === 0)).toBe(true);
    job.finish();
    expect(reads.every((n) => n === 1)).toBe(true);
    await nextTask();
    expect(reads.every((n) => n === 1)).toBe(true);
  });

  it('stops on cancel and skips removed elements', async () => {
    const cancelled = fakeElements(50);
    styleAhead(cancelled.collection).cancel();
    await nextTask();
    expect(cancelled.reads.every((n) => n === 0)).toBe(true);

    const partly = fakeElements(10, new Set([3, 7]));
    styleAhead(partly.collection).finish();
    expect(partly.reads).toEqual([1, 1, 1, 0, 1, 1, 1, 0, 1, 1]);
  });
});

describe('nextTask', () => {
  it('runs after the current task, once, and not at all when cancelled first', async () => {
    const runs: string[] = [];
    scheduleTask(() => runs.push('kept'));
    const cancel = scheduleTask(() => runs.push('cancelled'));
    cancel();
    expect(runs).toEqual([]);
    await nextTask();
    await nextTask();
    expect(runs).toEqual(['kept']);
  });
});
