// Unit tests of the label scale (web/src/lib/graph/label-scale.ts): labels grow when zoomed far out
// so that the biggest stay readable, in steps, and never shrink below their own size.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { TIER_FONT_SIZE } from '../../web/src/lib/graph/index.ts';
import {
  LABEL_SCALE_STEP,
  READABLE_LABEL_PX,
  currentLabelScale,
  labelScale,
  setLabelScale,
} from '../../web/src/lib/graph/label-scale.ts';

describe('labelScale', () => {
  const largest = TIER_FONT_SIZE[1];
  const onScreen = (zoom: number) => largest * labelScale(zoom) * zoom;

  it('leaves labels as they are once the biggest read at the readable size', () => {
    expect(labelScale(READABLE_LABEL_PX / largest)).toBe(1);
    expect(labelScale(1)).toBe(1);
    expect(labelScale(4)).toBe(1);
  });

  it('grows them far out so that the biggest stay readable, at most one step more', () => {
    for (const zoom of [0.05, 0.1, 0.15, 0.281, 0.4, 0.6, 0.66]) {
      expect(onScreen(zoom)).toBeGreaterThanOrEqual(READABLE_LABEL_PX - 1e-9);
      expect(onScreen(zoom)).toBeLessThan(READABLE_LABEL_PX * LABEL_SCALE_STEP + 1e-9);
    }
  });

  it('moves in steps, so a small zoom changes nothing', () => {
    expect(labelScale(0.3)).toBe(labelScale(0.299));
    const step = Math.log(labelScale(0.2)) / Math.log(LABEL_SCALE_STEP);
    expect(step).toBeCloseTo(Math.round(step), 9);
    expect(labelScale(0.1)).toBeGreaterThan(labelScale(0.2));
  });

  it('answers 1 for a zoom or font it cannot use', () => {
    expect(labelScale(0)).toBe(1);
    expect(labelScale(Number.NaN)).toBe(1);
    expect(labelScale(0.2, 0)).toBe(1);
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
