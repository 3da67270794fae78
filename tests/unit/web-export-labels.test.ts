// Unit tests of how exported pictures make room for names (web/src/lib/graph/export-labels.ts) and
// of the PNG's size (svg-export.ts).
import { describe, expect, it } from 'vitest';
import {
  EXPORT_MAX_SPREAD_SIDE,
  EXPORT_SPREADS,
  chooseSpread,
  spreadsFor,
  type SpreadTrial,
} from '../../web/src/lib/graph/export-labels.ts';
import {
  PNG_MAX_AREA,
  PNG_MAX_SIDE,
  PNG_SCALE,
  pngScale,
} from '../../web/src/lib/graph/svg-export.ts';
import type { LabelPlacement } from '../../web/src/lib/graph/label-placement.ts';

/**
 * A placer whose names lack room `unnamed[spread]` times, lie over other nodes
 * `overlapping[spread]` times and fall back on their shorter name `compact[spread]` times (none
 * when not given); it records the spreads asked for.
 */
function placer(
  unnamed: Record<number, number>,
  overlapping: Record<number, number> = {},
  compact: Record<number, number> = {},
) {
  const asked: number[] = [];
  const place = (spread: number): SpreadTrial => {
    asked.push(spread);
    const placements = new Map<string, LabelPlacement>([['a', spread > 1 ? 'above' : 'below']]);
    return {
      placements,
      compact: new Set(Array.from({ length: compact[spread] ?? 0 }, (_, i) => `c${i}`)),
      unnamed: unnamed[spread]!,
      overlapping: overlapping[spread] ?? 0,
    };
  };
  return { place, asked };
}

describe('chooseSpread', () => {
  it('keeps the layout as drawn when every name has room', () => {
    const { place, asked } = placer({ 1: 0, 1.25: 0, 1.5: 0, 2: 0 });
    expect(chooseSpread(place).spread).toBe(1);
    expect(asked).toEqual([1]);
  });

  it('spreads the nodes no further than every name needs', () => {
    const { place, asked } = placer({ 1: 3, 1.25: 1, 1.5: 0, 2: 0 });
    const chosen = chooseSpread(place);
    expect(chosen.spread).toBe(1.5);
    expect(chosen.placements.get('a')).toBe('above');
    expect(asked).toEqual([1, 1.25, 1.5]);
  });

  it('takes the spread naming the most when none names all, the lesser of equals', () => {
    expect(chooseSpread(placer({ 1: 40, 1.25: 30, 1.5: 30, 2: 31 }).place).spread).toBe(1.25);
  });

  it('spreads the nodes until no name lies over another node', () => {
    // UNICEF's picture: every name placed at the layout as drawn, one across a diamond.
    const { place, asked } = placer({ 1: 0, 1.25: 0, 1.5: 0, 2: 0 }, { 1: 1, 1.25: 0 });
    expect(chooseSpread(place).spread).toBe(1.25);
    expect(asked).toEqual([1, 1.25]);
  });

  it('names the most first, then lays the fewest names over other nodes', () => {
    // Clearing the bodies costs a name at 1.25: kept as drawn.
    expect(chooseSpread(placer({ 1: 0, 1.25: 1, 1.5: 1, 2: 1 }, { 1: 2 }).place).spread).toBe(1);
    expect(
      chooseSpread(placer({ 1: 2, 1.25: 1, 1.5: 1, 2: 1 }, { 1.25: 3, 1.5: 1, 2: 1 }).place).spread,
    ).toBe(1.5);
  });

  it('spreads the nodes until every name is drawn in full, not as its shorter name', () => {
    // A collaborators' picture: SDG 16 and SDG 17 named by their numbers as drawn.
    const { place, asked } = placer({ 1: 0, 1.25: 0, 1.5: 0 }, {}, { 1: 2, 1.25: 1, 1.5: 0 });
    const chosen = chooseSpread(place);
    expect(chosen.spread).toBe(1.5);
    expect(chosen.compact.size).toBe(0);
    expect(asked).toEqual([1, 1.25, 1.5]);
    // A name gained, or one off another node, counts for more than a full name.
    expect(chooseSpread(placer({ 1: 1, 1.25: 0 }, {}, { 1.25: 3 }).place).spread).toBe(1.25);
    expect(
      chooseSpread(placer({ 1: 0, 1.25: 0 }, { 1.25: 1 }, { 1: 2 }).place, [1, 1.25]).spread,
    ).toBe(1);
  });

  it('tries only the spreads it is given', () => {
    const { place, asked } = placer({ 1: 5 });
    expect(chooseSpread(place, [1]).spread).toBe(1);
    expect(asked).toEqual([1]);
  });
});

describe('spreadsFor', () => {
  it('spreads a small layout as far as any, and a big one not at all', () => {
    expect(spreadsFor(600)).toEqual(EXPORT_SPREADS);
    expect(spreadsFor(EXPORT_MAX_SPREAD_SIDE / 1.5)).toEqual([1, 1.25, 1.5]);
    expect(spreadsFor(5_000)).toEqual([1]);
  });
});

describe('pngScale', () => {
  it('draws at twice the size, less where that would pass the browser canvas limit', () => {
    expect(pngScale(600, 400)).toBe(PNG_SCALE);
    expect(pngScale(PNG_MAX_SIDE, 100)).toBe(1);
    expect(pngScale(0, 0)).toBe(PNG_SCALE);
    // 5,000 × 4,000 at twice would be 80 million pixels: the scale keeps it to PNG_MAX_AREA.
    const scale = pngScale(5_000, 4_000);
    expect(scale).toBeLessThan(1);
    expect(5_000 * scale * 4_000 * scale).toBeLessThanOrEqual(PNG_MAX_AREA + 1);
  });
});
