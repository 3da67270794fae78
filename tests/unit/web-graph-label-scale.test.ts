// Unit tests of the label scale (web/src/lib/graph/label-scale.ts): labels grow when zoomed far out
// so that the biggest stay readable and shrink close up as far as the smallest stay readable, in
// steps.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { TIER_FONT_SIZE } from '../../web/src/lib/graph/index.ts';
import {
  LABEL_SCALE_STEP,
  READABLE_LABEL_PX,
  SMALLEST_LABEL_PX,
  currentLabelScale,
  labelScale,
  setLabelScale,
} from '../../web/src/lib/graph/label-scale.ts';

describe('labelScale', () => {
  const largest = TIER_FONT_SIZE[1];
  const smallest = TIER_FONT_SIZE[3];
  const onScreen = (font: number, zoom: number) => font * labelScale(zoom) * zoom;

  it('leaves labels as they are between the zooms where they read well as they are', () => {
    expect(labelScale(READABLE_LABEL_PX / largest)).toBe(1);
    expect(labelScale(SMALLEST_LABEL_PX / smallest)).toBe(1);
    expect(labelScale(0.75)).toBe(1);
  });

  it('grows them far out so that the biggest stay readable, at most one step more', () => {
    for (const zoom of [0.05, 0.1, 0.15, 0.281, 0.4, 0.6, 0.66]) {
      expect(onScreen(largest, zoom)).toBeGreaterThanOrEqual(READABLE_LABEL_PX - 1e-9);
      expect(onScreen(largest, zoom)).toBeLessThan(READABLE_LABEL_PX * LABEL_SCALE_STEP + 1e-9);
    }
  });

  it('shrinks them close up, the smallest no smaller than readable, so more names find room', () => {
    for (const zoom of [1, 1.5, 2.4, 4]) {
      expect(labelScale(zoom)).toBeLessThan(1);
      expect(onScreen(smallest, zoom)).toBeGreaterThanOrEqual(SMALLEST_LABEL_PX - 1e-9);
      expect(onScreen(smallest, zoom)).toBeLessThan(SMALLEST_LABEL_PX * LABEL_SCALE_STEP + 1e-9);
    }
    // The biggest stay the biggest.
    expect(onScreen(largest, 2.4)).toBeGreaterThan(onScreen(smallest, 2.4));
  });

  it('moves in steps, so a small zoom changes nothing', () => {
    expect(labelScale(0.3)).toBe(labelScale(0.299));
    for (const zoom of [0.2, 2]) {
      const step = Math.log(labelScale(zoom)) / Math.log(LABEL_SCALE_STEP);
      expect(step).toBeCloseTo(Math.round(step), 9);
    }
    expect(labelScale(0.1)).toBeGreaterThan(labelScale(0.2));
    expect(labelScale(4)).toBeLessThan(labelScale(2));
  });

  it('answers 1 for a zoom or font it cannot use', () => {
    expect(labelScale(0)).toBe(1);
    expect(labelScale(Number.NaN)).toBe(1);
    expect(labelScale(0.2, 0)).toBe(1);
    expect(labelScale(2, 18, 0)).toBe(1);
  });
});

describe('currentLabelScale and setLabelScale', () => {
  it('keeps the factor on the instance, 1 until one is set', () => {
    const cy = cytoscape({ headless: true });
    const other = cytoscape({ headless: true });
    expect(currentLabelScale(cy)).toBe(1);
    expect(setLabelScale(cy, 1)).toBe(false);
    expect(setLabelScale(cy, 2)).toBe(true);
    expect(currentLabelScale(cy)).toBe(2);
    expect(currentLabelScale(other)).toBe(1);
    cy.destroy();
    other.destroy();
  });
});
