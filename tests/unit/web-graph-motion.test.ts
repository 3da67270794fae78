// Unit tests of the canvas's motion preference (web/src/lib/graph/motion.ts).
import type cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { moveCamera, reducedMotion, zoomCanvasBy } from '../../web/src/lib/graph/motion.ts';

/** A page whose reader asks for less motion, or not. */
function prefer(reduce: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query === '(prefers-reduced-motion: reduce)',
  }));
}

/** The Cytoscape calls moveCamera makes, recorded. */
function recordingCore() {
  const calls: [string, unknown][] = [];
  const cy = {
    animate: (to: unknown, options: unknown) => calls.push(['animate', { to, options }]),
    zoom: (zoom: unknown) => calls.push(['zoom', zoom]),
    pan: (pan: unknown) => calls.push(['pan', pan]),
  } as unknown as cytoscape.Core;
  return { cy, calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('moveCamera', () => {
  const to = { zoom: 1.2, pan: { x: 40, y: -10 } };

  it('animates the camera for a reader who has not asked for less motion', () => {
    prefer(false);
    const { cy, calls } = recordingCore();
    moveCamera(cy, to, 420);
    expect(calls).toEqual([
      ['animate', { to, options: { duration: 420, easing: 'ease-in-out-cubic' } }],
    ]);
  });

  it('moves it at once, zoom then pan, for one who has', () => {
    prefer(true);
    expect(reducedMotion()).toBe(true);
    const { cy, calls } = recordingCore();
    moveCamera(cy, to, 420);
    expect(calls).toEqual([
      ['zoom', 1.2],
      ['pan', { x: 40, y: -10 }],
    ]);
    // The zoom buttons' zoom about the canvas's middle.
    const about = { level: 2, renderedPosition: { x: 100, y: 80 } };
    const buttons = recordingCore();
    moveCamera(buttons.cy, { zoom: about }, 180, 'linear');
    expect(buttons.calls).toEqual([['zoom', about]]);
  });

  it('counts no preference where there is no page to ask (tests, exports)', () => {
    vi.stubGlobal('matchMedia', undefined);
    expect(reducedMotion()).toBe(false);
  });
});

describe('zoomCanvasBy', () => {
  /** A canvas at zoom 1 whose zoom animations are still on their way when asked. */
  function movingCore() {
    const targets: number[] = [];
    let animating = false;
    const cy = {
      zoom: () => 1,
      minZoom: () => 0.05,
      maxZoom: () => 4,
      width: () => 800,
      height: () => 600,
      animated: () => animating,
      stop: () => cy,
      animate: (to: { zoom: { level: number } }) => {
        targets.push(to.zoom.level);
        animating = true;
      },
    } as unknown as cytoscape.Core;
    return { cy, targets };
  }

  it('goes on from where a step still moving goes, so two quick presses zoom twice', () => {
    prefer(false);
    const { cy, targets } = movingCore();
    zoomCanvasBy(cy, 1 / 1.3);
    zoomCanvasBy(cy, 1 / 1.3);
    expect(targets[0]).toBeCloseTo(1 / 1.3);
    // From the first step's target, not from the zoom of the moment (1): it had zoomed out once.
    expect(targets[1]).toBeCloseTo(1 / 1.69);
  });

  it('stops at the canvas’s zoom limits', () => {
    prefer(false);
    const { cy, targets } = movingCore();
    zoomCanvasBy(cy, 10);
    expect(targets).toEqual([4]);
  });
});
