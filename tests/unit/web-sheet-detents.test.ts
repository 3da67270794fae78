import { describe, expect, it } from 'vitest';
import {
  SHEET_DETENTS,
  draggedHeight,
  nearestDetent,
  stepDetent,
  tappedDetent,
} from '../../web/src/state/view/sheet-detents.ts';

/** A 390 × 844 phone's space below the header. */
const SCREEN = 784;

describe('a phone sheet’s resting heights', () => {
  it('rests at the height nearest where a drag let go', () => {
    expect(nearestDetent(0.33 * SCREEN, SCREEN)).toBe('low');
    expect(nearestDetent(0.45 * SCREEN, SCREEN)).toBe('mid');
    expect(nearestDetent(0.6 * SCREEN, SCREEN)).toBe('high');
    // Past either end it stays at the end.
    expect(nearestDetent(20, SCREEN)).toBe('low');
    expect(nearestDetent(2 * SCREEN, SCREEN)).toBe('high');
    // A screen of no height (not laid out yet) keeps the middle.
    expect(nearestDetent(300, 0)).toBe('mid');
  });

  it('steps one height at a time and stays at the ends', () => {
    expect(stepDetent('low', 1)).toBe('mid');
    expect(stepDetent('mid', 1)).toBe('high');
    expect(stepDetent('high', 1)).toBe('high');
    expect(stepDetent('high', -1)).toBe('mid');
    expect(stepDetent('low', -1)).toBe('low');
  });

  it('goes up to reading height on a tap, and back to the middle from there', () => {
    expect(tappedDetent('low')).toBe('high');
    expect(tappedDetent('mid')).toBe('high');
    expect(tappedDetent('high')).toBe('mid');
  });

  it('follows the finger between the lowest and the highest resting height', () => {
    const start = SHEET_DETENTS.mid * SCREEN;
    expect(draggedHeight(start, -100, SCREEN)).toBeCloseTo(start + 100);
    expect(draggedHeight(start, 50, SCREEN)).toBeCloseTo(start - 50);
    expect(draggedHeight(start, -1000, SCREEN)).toBeCloseTo(SHEET_DETENTS.high * SCREEN);
    expect(draggedHeight(start, 1000, SCREEN)).toBeCloseTo(SHEET_DETENTS.low * SCREEN);
  });
});
