// cytoscape-fcose ships no types; its declaration lives with the web app, outside the root program.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../web/src/types/cytoscape-fcose.d.ts" />
// Unit tests of fitting and layout helpers (web/src/lib/graph/viewport.ts, layout.ts), including a
// real fCoSE run on a headless Cytoscape to show that seeded layouts are reproducible.
import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { describe, expect, it } from 'vitest';
import type { OverviewResponse } from '../../web/src/lib/api/types.ts';
import {
  LAYOUT_SEED,
  MAX_STRETCH,
  NO_INSETS,
  PATH_MAX_ZOOM,
  cameraFor,
  cameraForPath,
  fitViewport,
  labelFrame,
  labelRect,
  layoutOptions,
  modelRect,
  mulberry32,
  overviewLayout,
  panelsInGraph,
  placeLabelsInFrame,
  placementViewport,
  PLACEMENT_MIN_SHIFT,
  stretchFactors,
  toCytoscapeElements,
  viewMoved,
  visibleFrame,
  withSeededRandom,
} from '../../web/src/lib/graph/index.ts';

cytoscape.use(fcose);

const overview = JSON.parse(
  readFileSync(new URL('./fixtures/web/overview.json', import.meta.url), 'utf8'),
) as OverviewResponse;
const limits = { minZoom: 0.1, maxZoom: 4 };

describe('fitViewport', () => {
  it('centres a box in the canvas at the largest zoom that fits', () => {
    const viewport = fitViewport(
      { x1: 0, y1: 0, w: 200, h: 100 },
      { width: 800, height: 800 },
      NO_INSETS,
      limits,
    );
    expect(viewport.zoom).toBe(4);
    const wide = fitViewport(
      { x1: -100, y1: -50, w: 400, h: 100 },
      { width: 800, height: 800 },
      NO_INSETS,
      limits,
    );
    expect(wide.zoom).toBe(2);
    expect(wide.pan).toEqual({ x: 200, y: 400 });
  });

  it('keeps the insets clear and centres in what is left', () => {
    const insets = { top: 0, right: 0, bottom: 0, left: 200 };
    const viewport = fitViewport(
      { x1: 0, y1: 0, w: 600, h: 100 },
      { width: 800, height: 800 },
      insets,
      limits,
    );
    expect(viewport.zoom).toBe(1);
    expect(viewport.pan.x).toBe(200);
  });

  it('ignores insets that would leave less than half the canvas', () => {
    const insets = { top: 0, right: 300, bottom: 0, left: 300 };
    const viewport = fitViewport(
      { x1: 0, y1: 0, w: 800, h: 10 },
      { width: 800, height: 800 },
      insets,
      limits,
    );
    expect(viewport.zoom).toBe(1);
  });

  it('clamps the zoom and rejects an empty canvas', () => {
    expect(
      fitViewport(
        { x1: 0, y1: 0, w: 100000, h: 100 },
        { width: 800, height: 600 },
        NO_INSETS,
        limits,
      ).zoom,
    ).toBe(0.1);
    expect(() =>
      fitViewport({ x1: 0, y1: 0, w: 1, h: 1 }, { width: 0, height: 600 }, NO_INSETS, limits),
    ).toThrow(RangeError);
  });
});

describe('cameraForPath', () => {
  const size = { width: 1000, height: 800 };
  const at = (zoom: number, x = 0, y = 0) => ({ zoom, pan: { x, y } });

  it('zooms to a path drawn small in the middle of a zoomed-out view', () => {
    // A path 300 × 200 model units drawn at zoom 0.3: 90 × 60 px in a 1000 × 800 canvas.
    const camera = cameraForPath(
      { x1: 1000, y1: 1000, w: 300, h: 200 },
      at(0.3, 0, 0),
      size,
      NO_INSETS,
    );
    expect(camera).not.toBeNull();
    expect(camera!.zoom).toBeCloseTo(Math.min(PATH_MAX_ZOOM, 1000 / 300, 800 / 200));
    // Centred: the box's middle at the canvas's middle.
    expect(1150 * camera!.zoom + camera!.pan.x).toBeCloseTo(500);
    expect(1100 * camera!.zoom + camera!.pan.y).toBeCloseTo(400);
  });

  it('stays put on a canvas squeezed to no height, where fitViewport would refuse the size', () => {
    // 320 × 256 (a 1280 × 1024 screen at 400%): the bars and the sheet take the whole height.
    const box = { x1: 1000, y1: 1000, w: 300, h: 200 };
    expect(cameraForPath(box, at(0.3), { width: 320, height: 0 }, NO_INSETS)).toBeNull();
    expect(() => fitViewport(box, { width: 320, height: 0 }, NO_INSETS, limits)).toThrow(
      RangeError,
    );
  });

  it('stays put when the path is in plain view and would not come much closer', () => {
    expect(cameraForPath({ x1: 100, y1: 100, w: 600, h: 500 }, at(1), size, NO_INSETS)).toBeNull();
  });

  it('brings a path off the canvas or under a panel back, zooming out if it must', () => {
    const offCanvas = cameraForPath({ x1: 3000, y1: 0, w: 500, h: 300 }, at(1), size, NO_INSETS);
    expect(offCanvas).not.toBeNull();
    const underPanel = cameraForPath({ x1: 100, y1: 100, w: 600, h: 500 }, at(1), size, {
      ...NO_INSETS,
      left: 200,
    });
    expect(underPanel).not.toBeNull();
    const wide = cameraForPath({ x1: 0, y1: 0, w: 4000, h: 100 }, at(1), size, NO_INSETS);
    expect(wide!.zoom).toBeCloseTo(1000 / 4000);
  });
});

describe('cameraFor', () => {
  const size = { width: 1000, height: 800 };
  const insets = { top: 24, right: 64, bottom: 24, left: 276 };
  const fitted = { zoom: 0.5, pan: { x: 500, y: 400 } };

  it('leaves a node in plain view where it is', () => {
    // Model (0, 0) is drawn at (500, 400): inside the free area, at the fit's zoom.
    expect(cameraFor({ x: 0, y: 0 }, fitted, size, insets, 0.5)).toBeNull();
  });

  it('brings a node under the legend, off screen or too small into the free area’s middle', () => {
    const centre = { x: 276 + (1000 - 276 - 64) / 2, y: 400 };
    // Drawn at x = 300: under the legend's column.
    for (const camera of [
      cameraFor({ x: -400, y: 0 }, fitted, size, insets, 0.5),
      cameraFor({ x: 2000, y: 0 }, fitted, size, insets, 0.5),
      cameraFor({ x: 0, y: 0 }, { zoom: 0.3, pan: { x: 500, y: 400 } }, size, insets, 0.5),
    ]) {
      expect(camera).not.toBeNull();
      expect(camera!.zoom).toBeCloseTo(0.675);
    }
    const camera = cameraFor({ x: -400, y: 0 }, fitted, size, insets, 0.5)!;
    expect(-400 * camera.zoom + camera.pan.x).toBeCloseTo(centre.x);
    expect(0 * camera.zoom + camera.pan.y).toBeCloseTo(centre.y);
    // Closer than that already: the zoom stays.
    expect(
      cameraFor({ x: 5000, y: 0 }, { zoom: 2, pan: { x: 0, y: 0 } }, size, insets, 0.5)!.zoom,
    ).toBe(2);
  });
});

describe('concentric rings', () => {
  // A hub and its spokes, a second hub one hop out with spokes of its own, and a loner.
  const graph = () =>
    cytoscape({
      headless: true,
      elements: [
        ...['hub', 'a', 'b', 'c', 'big', 'd', 'e', 'loner'].map((id) => ({
          data: { id, degree: id === 'big' ? 60 : id === 'hub' ? 30 : 1 },
        })),
        ...['a', 'b', 'c', 'big'].map((to) => ({
          data: { id: `hub-${to}`, source: 'hub', target: to },
        })),
        ...['d', 'e'].map((to) => ({ data: { id: `big-${to}`, source: 'big', target: to } })),
      ],
    });
  /** How far entity `id` lies from entity `centre` once laid out. */
  const distance = (cy: cytoscape.Core, centre: string, id: string) => {
    const c = cy.getElementById(centre).position();
    const p = cy.getElementById(id).position();
    return Math.hypot(p.x - c.x, p.y - c.y);
  };
  /** The graph laid out with the app's own concentric options (a fresh layout, from `root`). */
  const concentric = (root: string | null) => {
    const cy = graph();
    cy.layout(layoutOptions('concentric', true, root)).run();
    return cy;
  };

  it('puts the explored entity in the middle and a ring per hop from it', () => {
    const cy = concentric('hub');
    const radius = (id: string) => distance(cy, 'hub', id);
    expect(radius('hub')).toBeCloseTo(0);
    // The best-connected entity one hop out is on the first ring, with the other neighbours.
    const first = ['a', 'b', 'c', 'big'].map(radius);
    for (const r of first) expect(r).toBeCloseTo(first[0]!);
    expect(radius('d')).toBeGreaterThan(first[0]! + 1);
    expect(radius('loner')).toBeGreaterThan(radius('d') + 1);
    cy.destroy();
  });

  it('rings by degree in four bands without an explored entity', () => {
    const cy = concentric(null);
    const from = (id: string) => distance(cy, 'big', id);
    // The hub (30 of 60) is a band out from the best-connected; the degree-1 entities share a ring.
    expect(from('hub')).toBeGreaterThan(1);
    const outer = ['a', 'b', 'c', 'd', 'e', 'loner'].map(from);
    for (const r of outer) expect(r).toBeCloseTo(outer[0]!);
    cy.destroy();
  });
});

describe('stretchFactors', () => {
  it('stretches only the short side, toward the free area aspect, up to the maximum', () => {
    expect(stretchFactors({ w: 200, h: 100 }, { width: 100, height: 100 })).toEqual({
      x: 1,
      y: MAX_STRETCH,
    });
    expect(stretchFactors({ w: 100, h: 110 }, { width: 120, height: 100 })).toEqual({
      x: 1.32,
      y: 1,
    });
    expect(stretchFactors({ w: 100, h: 100 }, { width: 100, height: 100 })).toEqual({ x: 1, y: 1 });
    expect(stretchFactors({ w: 0, h: 100 }, { width: 100, height: 100 })).toEqual({ x: 1, y: 1 });
  });
});

describe('seeded layouts', () => {
  it('mulberry32 repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(100);
  });

  it('withSeededRandom restores Math.random, even when the callback throws', () => {
    const original = Math.random;
    expect(withSeededRandom(1, () => Math.random())).toBe(mulberry32(1)());
    expect(Math.random).toBe(original);
    expect(() =>
      withSeededRandom(1, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Math.random).toBe(original);
  });

  it('gives the same fCoSE positions for the same graph on every run', () => {
    const run = () => {
      const cy = cytoscape({
        headless: true,
        elements: toCytoscapeElements(overview, { hiddenTypes: new Set() }),
      });
      withSeededRandom(LAYOUT_SEED, () => cy.layout(overviewLayout(true)).run());
      const positions = cy.nodes().map((n) => ({ id: n.id(), ...n.position() }));
      cy.destroy();
      return positions;
    };
    const first = run();
    expect(run()).toEqual(first);
    const distinct = new Set(first.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(distinct.size).toBe(first.length);
  });
});

describe('visibleFrame', () => {
  it('is the model box a fitted viewport shows clear of the panels, the fitted box inside it', () => {
    const box = { x1: -100, y1: -50, w: 200, h: 100 };
    const size = { width: 800, height: 600 };
    const insets = { top: 60, right: 0, bottom: 0, left: 240 };
    const viewport = fitViewport(box, size, insets, limits);
    const frame = visibleFrame(viewport, size, insets);
    expect(frame.x1).toBeLessThanOrEqual(box.x1 + 1e-6);
    expect(frame.y1).toBeLessThanOrEqual(box.y1 + 1e-6);
    expect(frame.x2).toBeGreaterThanOrEqual(box.x1 + box.w - 1e-6);
    expect(frame.y2).toBeGreaterThanOrEqual(box.y1 + box.h - 1e-6);
    // Its left edge is where the panel on the left ends, on screen.
    expect(frame.x1 * viewport.zoom + viewport.pan.x).toBeCloseTo(240);
    expect((frame.x2 - frame.x1) * viewport.zoom).toBeCloseTo(800 - 240);
    expect((frame.y2 - frame.y1) * viewport.zoom).toBeCloseTo(600 - 60);
  });
});

describe('labelFrame', () => {
  const size = { width: 800, height: 600 };
  const insets = { top: 60, right: 0, bottom: 0, left: 240 };
  const fit = { zoom: 2, pan: { x: 400, y: 300 } };
  // The reader dragged the graph 300 px left and 100 up.
  const panned = { zoom: 2, pan: { x: 100, y: 200 } };
  /** A frame's corners on the screen, as `view` draws them. */
  const onScreen = (frame: { x1: number; y1: number; x2: number; y2: number }, view = panned) => ({
    x1: frame.x1 * view.zoom + view.pan.x,
    y1: frame.y1 * view.zoom + view.pan.y,
    x2: frame.x2 * view.zoom + view.pan.x,
    y2: frame.y2 * view.zoom + view.pan.y,
  });

  it('is what the view labels are placed for shows, not what the last fit showed', () => {
    const frame = labelFrame(panned, size, insets, 'panels', fit)!;
    // In by 4 px, the least pan that places the labels again.
    expect(onScreen(frame)).toEqual({ x1: 244, y1: 64, x2: 796, y2: 596 });
    // Moved with the graph: the fit's frame would stop 150 model px short of the right edge.
    expect(frame.x2 - labelFrame(fit, size, insets, 'panels', fit)!.x2).toBeCloseTo(150);
  });

  it('follows a zoom as it follows a pan', () => {
    const zoomed = { zoom: 4, pan: { x: -400, y: -300 } };
    expect(onScreen(labelFrame(zoomed, size, insets, 'panels', fit)!, zoomed)).toEqual({
      x1: 244,
      y1: 64,
      x2: 796,
      y2: 596,
    });
  });

  it('is the whole canvas for a small graph whose labels went past its fit', () => {
    expect(onScreen(labelFrame(panned, size, insets, 'canvas', fit)!)).toEqual({
      x1: 4,
      y1: 4,
      x2: 796,
      y2: 596,
    });
  });

  it('leaves a small graph free at the fit that took its labels in, and keeps it to the canvas once moved', () => {
    expect(labelFrame(fit, size, insets, 'fit', fit)).toBeNull();
    // A rounding of the pan is still the fit.
    expect(labelFrame({ zoom: 2, pan: { x: 400.2, y: 300 } }, size, insets, 'fit', fit)).toBeNull();
    expect(onScreen(labelFrame(panned, size, insets, 'fit', fit)!)).toEqual({
      x1: 4,
      y1: 4,
      x2: 796,
      y2: 596,
    });
    // Never fitted yet: the canvas.
    expect(labelFrame(fit, size, insets, 'fit', undefined)).not.toBeNull();
  });

  it('keeps a label inside the canvas through a pan too small to place it again', () => {
    // A label placed flush with the frame's right edge, then the view nudged 3.9 px right.
    const frame = labelFrame(panned, size, NO_INSETS, 'panels', fit)!;
    const nudged = { zoom: panned.zoom, pan: { x: panned.pan.x + 3.9, y: panned.pan.y } };
    expect(viewMoved(panned, nudged)).toBe(false);
    expect(onScreen(frame, nudged).x2).toBeLessThanOrEqual(800);
    expect(
      onScreen(frame, { ...nudged, pan: { x: panned.pan.x - 3.9, y: panned.pan.y } }).x1,
    ).toBeGreaterThanOrEqual(0);
  });

  it('keeps a label beside a node panned to the canvas’s edge inside the canvas', () => {
    // A node 120 px from the fitted view's right edge, panned 90 px right: 30 px from the
    // canvas's, with room for its name only on its right (a wall of nodes left, above and below).
    const node = {
      id: 'dpg:x',
      x: 140,
      y: 0,
      size: 20,
      fontSize: 12,
      text: 'Kenya',
      rank: 0,
    };
    const wall = [
      { id: 'w:l', x: 110, y: 0, size: 30, fontSize: 12, text: '', rank: 1 },
      { id: 'w:a', x: 140, y: -25, size: 30, fontSize: 12, text: '', rank: 1 },
      { id: 'w:b', x: 140, y: 25, size: 30, fontSize: 12, text: '', rank: 1 },
    ];
    const view = { zoom: 2, pan: { x: 800 - 30 - 2 * 140, y: 300 } };
    const inCanvas = (placed: Map<string, string>) => {
      const side = placed.get('dpg:x')!;
      if (side === 'hidden') return true;
      const box = onScreen(labelRect(node, side as 'below'), view);
      return box.x1 >= 0 && box.x2 <= 800 && box.y1 >= 0 && box.y2 <= 600;
    };
    const now = placeLabelsInFrame([node, ...wall], undefined, {
      frame: labelFrame(view, size, NO_INSETS, 'panels', fit)!,
    });
    expect(inCanvas(now.sides)).toBe(true);
    // The last fit's frame lets it run past the canvas's edge.
    const stale = placeLabelsInFrame([node, ...wall], undefined, {
      frame: labelFrame(fit, size, NO_INSETS, 'panels', fit)!,
    });
    expect(stale.sides.get('dpg:x')).toBe('right');
    expect(inCanvas(stale.sides)).toBe(false);
  });
});

describe('modelRect', () => {
  it('is the model box under a screen box, as the viewport draws it', () => {
    const viewport = { zoom: 2, pan: { x: 100, y: -40 } };
    const box = modelRect({ top: 460, right: 272, bottom: 750, left: 4 }, viewport);
    expect(box).toEqual({ x1: -48, y1: 250, x2: 86, y2: 395 });
    // Back on the screen, its corners are the box's.
    expect(box.x1 * viewport.zoom + viewport.pan.x).toBe(4);
    expect(box.y2 * viewport.zoom + viewport.pan.y).toBe(750);
  });
});

describe('panelsInGraph', () => {
  // The legend in a 1000 × 700 canvas's lower-left corner.
  const legend = { top: 520, right: 260, bottom: 688, left: 12 };
  const fitted = { zoom: 0.5, pan: { x: 300, y: 100 } };
  /** The screen box a model box is drawn in by `viewport`. */
  const onScreen = (
    box: { x1: number; y1: number; x2: number; y2: number },
    viewport: typeof fitted,
  ) => ({
    left: box.x1 * viewport.zoom + viewport.pan.x,
    top: box.y1 * viewport.zoom + viewport.pan.y,
    right: box.x2 * viewport.zoom + viewport.pan.x,
    bottom: box.y2 * viewport.zoom + viewport.pan.y,
  });

  it('maps each panel with the viewport given, so after a pan it follows the graph under it', () => {
    const panned = { zoom: 0.5, pan: { x: 500, y: 40 } };
    const [atFit] = panelsInGraph([legend], fitted);
    const [now] = panelsInGraph([legend], panned);
    // 200 px to the right and 60 up on the screen: the graph under the legend is 400 model px
    // further left and 120 further down.
    expect(now).toEqual({
      x1: atFit!.x1 - 400,
      y1: atFit!.y1 + 120,
      x2: atFit!.x2 - 400,
      y2: atFit!.y2 + 120,
    });
    expect(onScreen(now!, panned)).toEqual(legend);
    // The fit's box, drawn by the panned view, is no longer where the legend is.
    expect(onScreen(atFit!, panned)).not.toEqual(legend);
  });

  it('shrinks a panel’s model box as the view zooms in', () => {
    const zoomed = { zoom: 2, pan: { x: -400, y: -600 } };
    const [box] = panelsInGraph([legend], zoomed);
    expect(box!.x2 - box!.x1).toBe((legend.right - legend.left) / 2);
    expect(box!.y2 - box!.y1).toBe((legend.bottom - legend.top) / 2);
    expect(onScreen(box!, zoomed)).toEqual(legend);
  });

  it('maps no panels to nothing', () => {
    expect(panelsInGraph([], fitted)).toEqual([]);
  });
});

describe('placementViewport', () => {
  const now = { zoom: 0.8, pan: { x: 10, y: 20 } };
  const fit = { zoom: 0.5, pan: { x: 300, y: 100 } };

  it('is the viewport shown, unless a fit is on its way to another', () => {
    expect(placementViewport(now, null)).toBe(now);
    expect(placementViewport(now, fit)).toBe(fit);
  });
});

describe('viewMoved', () => {
  const placed = { zoom: 0.5, pan: { x: 300, y: 100 } };

  it('asks for the labels to be placed again after a pan that moves the graph on the screen', () => {
    expect(viewMoved(placed, { zoom: 0.5, pan: { x: 500, y: 40 } })).toBe(true);
    expect(viewMoved(placed, { zoom: 0.5, pan: { x: 300, y: 100 + PLACEMENT_MIN_SHIFT } })).toBe(
      true,
    );
  });

  it('does no work for a pan that barely moves (a nudge, a click’s jitter)', () => {
    expect(viewMoved(placed, { zoom: 0.5, pan: { x: 301, y: 101 } })).toBe(false);
    expect(viewMoved(placed, { zoom: 0.5, pan: { x: 300, y: 100 } })).toBe(false);
  });

  it('asks again after any zoom, which moves the panels over another part of the graph', () => {
    expect(viewMoved(placed, { zoom: 0.55, pan: { x: 300, y: 100 } })).toBe(true);
  });

  it('does no work where a camera rests on the view the labels were placed for while it flew', () => {
    // A fit places the labels for where it is going (placementViewport), not where it is.
    const flying = { zoom: 0.8, pan: { x: 10, y: 10 } };
    const placedFor = placementViewport(flying, placed);
    expect(viewMoved(placedFor, flying)).toBe(true);
    expect(viewMoved(placedFor, { zoom: 0.5, pan: { x: 300, y: 100 } })).toBe(false);
  });
});
