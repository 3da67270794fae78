import { describe, expect, it } from 'vitest';
import {
  COVER_GAP,
  NO_COVER,
  canvasCover,
  coveredInsets,
  panelBox,
} from '../../web/src/state/view/canvas-cover.ts';
import { canvasInsets } from '../../web/src/state/view/utils.ts';

/** The canvas at 1440×900 beside the side panel, and at 390×844 above the sheet (measured). */
const DESKTOP_CANVAS = { top: 150, right: 1066, bottom: 900, left: 0 };
const PHONE_CANVAS = { top: 150, right: 390, bottom: 476, left: 0 };

describe('what a notice covers of the canvas', () => {
  it('reaches up from the bottom for a notice at the canvas’s foot (a desktop’s undo notice)', () => {
    const notice = { top: 819, right: 796, bottom: 876, left: 270 };
    expect(canvasCover(notice, DESKTOP_CANVAS)).toEqual({ top: 0, bottom: 81 + COVER_GAP });
  });

  it('reaches down from the top for one over the canvas’s upper half (a phone’s, when it is tall)', () => {
    const notice = { top: 72, right: 378, bottom: 190, left: 12 };
    expect(canvasCover(notice, PHONE_CANVAS)).toEqual({ top: 40 + COVER_GAP, bottom: 0 });
  });

  it('covers nothing when it lies beside the canvas, above it or over the side panel', () => {
    expect(canvasCover({ top: 72, right: 378, bottom: 134, left: 12 }, PHONE_CANVAS)).toEqual(
      NO_COVER,
    );
    expect(canvasCover({ top: 500, right: 1400, bottom: 560, left: 1100 }, DESKTOP_CANVAS)).toEqual(
      NO_COVER,
    );
  });
});

describe('the insets with what notices cover', () => {
  const panels = canvasInsets(true);

  it('keeps the panels’ insets where the notices reach less far, and the same object without any', () => {
    expect(coveredInsets(panels, [])).toBe(panels);
    expect(coveredInsets(panels, [{ top: 10, bottom: 0 }])).toBe(panels);
  });

  it('widens the top and bottom to the farthest reach of any notice, the sides untouched', () => {
    expect(
      coveredInsets(panels, [
        { top: 0, bottom: 93 },
        { top: 60, bottom: 40 },
      ]),
    ).toEqual({ ...panels, top: 60, bottom: 93 });
  });
});

describe('where a floating panel lies over the canvas', () => {
  it('is the open legend in the canvas’s corner, from the canvas’s top-left, grown by the gap', () => {
    // Measured at 1440×900: the legend 16 px from the canvas's left and bottom edges.
    const legend = { top: 629, right: 260, bottom: 884, left: 16 };
    expect(panelBox(legend, DESKTOP_CANVAS)).toEqual({
      top: 629 - 150 - COVER_GAP,
      right: 260 + COVER_GAP,
      bottom: 884 + COVER_GAP - 150,
      left: 16 - COVER_GAP,
    });
  });

  it('is cut to the canvas, and none when the panel lies beside it', () => {
    expect(panelBox({ top: 100, right: 50, bottom: 200, left: -20 }, DESKTOP_CANVAS)).toEqual({
      top: 0,
      right: 50 + COVER_GAP,
      bottom: 50 + COVER_GAP,
      left: 0,
    });
    expect(panelBox({ top: 500, right: 1400, bottom: 560, left: 1100 }, DESKTOP_CANVAS)).toBeNull();
  });
});
