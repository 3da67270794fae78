// Where a relationship's name lies on screen, turned along its edge (web/src/lib/graph/edge-label-boxes.ts).
import { describe, expect, it } from 'vitest';
import { edgeLabelBox, labelsOverlap } from '../../web/src/lib/graph/edge-label-boxes.ts';

/** A name 100 px long and 12 px high, centred on the middle of the edge `from` → `to`. */
const along = (from: [number, number], to: [number, number]) =>
  edgeLabelBox(
    { x: from[0], y: from[1] },
    { x: to[0], y: to[1] },
    { x: (from[0] + to[0]) / 2, y: (from[1] + to[1]) / 2 },
    100,
    12,
  );

describe('edge label boxes', () => {
  it('turns a label with its edge', () => {
    const box = along([0, 0], [0, 200]);
    expect([box.ux, box.uy]).toEqual([0, 1]);
    expect(along([5, 5], [5, 5])).toMatchObject({ ux: 1, uy: 0 });
  });

  it('finds names along near-parallel edges lying over each other, as upright boxes did not', () => {
    // Two steep edges 8 px apart: their names overlap although their midpoints are 40 px apart
    // vertically, beyond two upright 12 px boxes.
    const a = along([100, 0], [100, 200]);
    const b = along([108, 40], [108, 240]);
    expect(labelsOverlap(a, b)).toBe(true);
    expect(labelsOverlap(b, a)).toBe(true);
  });

  it('keeps apart names on parallel edges far enough apart, and crossing names that miss', () => {
    expect(labelsOverlap(along([100, 0], [100, 200]), along([130, 0], [130, 200]))).toBe(false);
    // A horizontal name beside the end of a vertical one.
    expect(labelsOverlap(along([100, 0], [100, 200]), along([120, 160], [320, 160]))).toBe(false);
    // …and across its middle.
    expect(labelsOverlap(along([100, 0], [100, 200]), along([0, 100], [200, 100]))).toBe(true);
  });
});
