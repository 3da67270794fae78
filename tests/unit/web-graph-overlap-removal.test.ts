// Unit tests of separateDiscs (web/src/lib/graph/overlap-removal.ts): overlapping nodes are pushed
// apart, pinned ones stay, nothing moves when nothing overlaps, and coincident nodes separate the
// same way every time.
import { describe, expect, it } from 'vitest';
import { type Disc, separateDiscs } from '../../web/src/lib/graph/overlap-removal.ts';

function overlaps(discs: readonly Disc[], gap: number): number {
  let count = 0;
  for (let i = 0; i < discs.length; i++) {
    for (let j = i + 1; j < discs.length; j++) {
      const a = discs[i]!;
      const b = discs[j]!;
      if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r + gap - 1e-6) count += 1;
    }
  }
  return count;
}

describe('separateDiscs', () => {
  it('pushes a pile of nodes apart, keeping the pinned one where it is', () => {
    const discs: Disc[] = [
      { x: 0, y: 0, r: 20, fixed: true },
      ...Array.from({ length: 12 }, (_, i) => ({
        x: (i % 4) * 5,
        y: Math.floor(i / 4) * 5,
        r: 15,
      })),
    ];
    expect(separateDiscs(discs, 10, 200)).toBe(true);
    expect(discs[0]).toEqual({ x: 0, y: 0, r: 20, fixed: true });
    expect(overlaps(discs, 10)).toBe(0);
  });

  it('moves nothing when nothing overlaps', () => {
    const discs: Disc[] = [
      { x: 0, y: 0, r: 10 },
      { x: 100, y: 0, r: 10 },
    ];
    expect(separateDiscs(discs)).toBe(false);
    expect(discs).toEqual([
      { x: 0, y: 0, r: 10 },
      { x: 100, y: 0, r: 10 },
    ]);
  });

  it('separates coincident nodes deterministically', () => {
    const make = (): Disc[] => Array.from({ length: 5 }, () => ({ x: 50, y: 50, r: 10 }));
    const first = make();
    const second = make();
    separateDiscs(first, 10, 200);
    separateDiscs(second, 10, 200);
    expect(second).toEqual(first);
    expect(overlaps(first, 10)).toBe(0);
  });
});
