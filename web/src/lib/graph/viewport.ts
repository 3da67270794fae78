/**
 * Fitting the graph into the part of the canvas that floating panels (legend, toolbar) leave free.
 * Cytoscape's own `fit` pads all sides equally; this computes zoom and pan for uneven insets.
 */

/** Space, in screen pixels, to keep clear on each side of the canvas. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A model-space bounding box, as Cytoscape's `boundingBox()` returns it. */
export interface Box {
  x1: number;
  y1: number;
  w: number;
  h: number;
}

/** Zoom and pan to hand to `cy.viewport()`. */
export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** No insets. */
export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/** The insets, or none when they would leave less than half of either dimension free. */
function usableInsets(size: { width: number; height: number }, insets: Insets): Insets {
  return size.width - insets.left - insets.right >= size.width / 2 &&
    size.height - insets.top - insets.bottom >= size.height / 2
    ? insets
    : NO_INSETS;
}

/**
 * The model-space box a `viewport` shows in a `width` × `height` canvas clear of `insets` (the
 * floating panels), as {@link fitViewport} counts them: after a fit, where nothing drawn is cut by
 * the canvas's edge or hidden under a panel.
 */
export function visibleFrame(
  viewport: Viewport,
  size: { width: number; height: number },
  insets: Insets,
): { x1: number; y1: number; x2: number; y2: number } {
  const usable = usableInsets(size, insets);
  const { zoom, pan } = viewport;
  return {
    x1: (usable.left - pan.x) / zoom,
    y1: (usable.top - pan.y) / zoom,
    x2: (size.width - usable.right - pan.x) / zoom,
    y2: (size.height - usable.bottom - pan.y) / zoom,
  };
}

/**
 * What the box labels keep to is, for the canvas: `panels`, the canvas clear of the floating
 * panels' insets (a big graph, fitted without its labels); `canvas`, the whole canvas (a small
 * graph whose labels beside their nodes went past its fit); `fit`, none while the view is the one
 * the fit chose (a small graph's fit took its labels in), the whole canvas once it moves.
 */
export type LabelBounds = 'panels' | 'canvas' | 'fit';

/** Screen px a view may lie from its fit and still count as it (rounding of the pan). */
const FITTED_SLACK = 0.5;

/**
 * The model-space box labels must stay inside, placed for `view` (the viewport they are placed
 * for, GraphCanvas's `placementView`) in a `size` canvas whose floating panels take `insets`: what
 * that view shows, as `bounds` says, or null where nothing limits them (`fit`, at the `fit`'s
 * view). The frame of the last fit instead let a label beside a node at the canvas's edge, once
 * panned, run off it, and kept labels out of the strip the pan had brought into view.
 */
export function labelFrame(
  view: Viewport,
  size: { width: number; height: number },
  insets: Insets,
  bounds: LabelBounds,
  fit: Viewport | undefined,
): { x1: number; y1: number; x2: number; y2: number } | null {
  if (bounds === 'fit' && fit && !viewMoved(fit, view, FITTED_SLACK)) return null;
  const frame = visibleFrame(view, size, bounds === 'panels' ? insets : NO_INSETS);
  // In by the least move that places labels again: a nudge that does not (a pan of 3 px) cannot
  // carry a label past the canvas's edge or under a panel.
  const margin = PLACEMENT_MIN_SHIFT / view.zoom;
  return {
    x1: frame.x1 + margin,
    y1: frame.y1 + margin,
    x2: frame.x2 - margin,
    y2: frame.y2 - margin,
  };
}

/**
 * The model-space box under `screen` (px from the canvas's top-left corner) in `viewport`: where a
 * floating panel lies over the graph as that viewport draws it.
 */
export function modelRect(
  screen: { top: number; right: number; bottom: number; left: number },
  viewport: Viewport,
): { x1: number; y1: number; x2: number; y2: number } {
  const { zoom, pan } = viewport;
  return {
    x1: (screen.left - pan.x) / zoom,
    y1: (screen.top - pan.y) / zoom,
    x2: (screen.right - pan.x) / zoom,
    y2: (screen.bottom - pan.y) / zoom,
  };
}

/**
 * The viewport labels are placed for: the one the canvas shows `now`, or, while a fit animates
 * toward `fitAhead`, the fit's, where the labels will be read once it lands.
 */
export function placementViewport(now: Viewport, fitAhead: Viewport | null): Viewport {
  return fitAhead ?? now;
}

/**
 * How far (screen px) the view may move from the one labels were placed for before they are placed
 * again: a nudge, or the jitter of a click on the background, does no placement work.
 */
export const PLACEMENT_MIN_SHIFT = 4;

/**
 * Whether the view moved from `placed` (the viewport labels were placed for) to `now` enough that
 * the floating panels lie over another part of the graph and another part of it is in sight: a
 * pan of at least `minShift` screen px, or any zoom.
 */
export function viewMoved(
  placed: Viewport,
  now: Viewport,
  minShift = PLACEMENT_MIN_SHIFT,
): boolean {
  if (Math.abs(now.zoom / placed.zoom - 1) > 1e-6) return true;
  return Math.hypot(now.pan.x - placed.pan.x, now.pan.y - placed.pan.y) >= minShift;
}

/**
 * Where the floating panels (boxes in px from the canvas's top-left corner) lie over the graph in
 * `viewport`, the one labels are placed for: the boxes no label may take. Mapped with the fit's
 * viewport instead, a pan or a zoom left the legend's box where the fit had drawn it, and labels
 * placed after it went under the legend while the strip it had left was kept empty.
 */
export function panelsInGraph(
  panels: readonly { top: number; right: number; bottom: number; left: number }[],
  viewport: Viewport,
): { x1: number; y1: number; x2: number; y2: number }[] {
  return panels.map((panel) => modelRect(panel, viewport));
}

/** Whether a canvas of `size` has room to show anything: fitViewport refuses one that has none. */
export function hasArea(size: { width: number; height: number }): boolean {
  return size.width > 0 && size.height > 0;
}

/**
 * The viewport that shows `box` as large as possible inside a `width` × `height` canvas minus `insets`,
 * centred in the free area, with zoom clamped to [`minZoom`, `maxZoom`]. When the insets leave too
 * little room (less than half of either dimension) they are ignored so the graph is never squeezed.
 */
export function fitViewport(
  box: Box,
  size: { width: number; height: number },
  insets: Insets,
  limits: { minZoom: number; maxZoom: number },
): Viewport {
  if (!hasArea(size)) {
    throw new RangeError(
      `viewport: canvas size must be positive, got ${size.width}×${size.height}`,
    );
  }
  const usable = usableInsets(size, insets);
  const freeWidth = size.width - usable.left - usable.right;
  const freeHeight = size.height - usable.top - usable.bottom;
  const rawZoom = Math.min(freeWidth / Math.max(box.w, 1), freeHeight / Math.max(box.h, 1));
  const zoom = Math.min(limits.maxZoom, Math.max(limits.minZoom, rawZoom));
  const centreX = box.x1 + box.w / 2;
  const centreY = box.y1 + box.h / 2;
  return {
    zoom,
    pan: {
      x: usable.left + freeWidth / 2 - zoom * centreX,
      y: usable.top + freeHeight / 2 - zoom * centreY,
    },
  };
}

/** Largest factor by which {@link stretchFactors} widens or heightens a layout. */
export const MAX_STRETCH = 1.35;

/**
 * Scale factors that bring a layout's aspect ratio closer to the free canvas area's, stretching only
 * the layout's short side (by at most `maxStretch`), so a wide graph in a tall canvas uses the height.
 * Force-directed layouts come out roughly round whatever the canvas shape, which wastes space.
 */
export function stretchFactors(
  box: Pick<Box, 'w' | 'h'>,
  free: { width: number; height: number },
  maxStretch: number = MAX_STRETCH,
): { x: number; y: number } {
  if (box.w <= 0 || box.h <= 0 || free.width <= 0 || free.height <= 0) return { x: 1, y: 1 };
  const layoutAspect = box.w / box.h;
  const freeAspect = free.width / free.height;
  if (layoutAspect > freeAspect)
    return { x: 1, y: Math.min(maxStretch, layoutAspect / freeAspect) };
  return { x: Math.min(maxStretch, freeAspect / layoutAspect), y: 1 };
}

/** Screen pixels a node must keep from the free area's edges to count as in plain view. */
export const PLAIN_VIEW_MARGIN = 40;

/**
 * Where the camera should go to show a selected node at model position `at`: nowhere (null) when
 * it is already in plain view — inside the free area (the canvas minus `insets`, less a margin)
 * at a zoom no lower than the fit's; else centred in the free area, zoomed in to 1.35× the fit's
 * zoom (at most 1, at least the fit's) unless the view is closer already. Insets that leave less
 * than half the canvas are ignored, as fitViewport does.
 */
export function cameraFor(
  at: { x: number; y: number },
  current: Viewport,
  size: { width: number; height: number },
  insets: Insets,
  fitZoom: number,
): Viewport | null {
  const usable = usableInsets(size, insets);
  const screen = {
    x: at.x * current.zoom + current.pan.x,
    y: at.y * current.zoom + current.pan.y,
  };
  const inPlainView =
    current.zoom >= fitZoom - 1e-9 &&
    screen.x >= usable.left + PLAIN_VIEW_MARGIN &&
    screen.x <= size.width - usable.right - PLAIN_VIEW_MARGIN &&
    screen.y >= usable.top + PLAIN_VIEW_MARGIN &&
    screen.y <= size.height - usable.bottom - PLAIN_VIEW_MARGIN;
  if (inPlainView) return null;
  const zoom = Math.max(current.zoom, fitZoom, Math.min(fitZoom * 1.35, 1));
  const centre = {
    x: usable.left + (size.width - usable.left - usable.right) / 2,
    y: usable.top + (size.height - usable.top - usable.bottom) / 2,
  };
  return { zoom, pan: { x: centre.x - zoom * at.x, y: centre.y - zoom * at.y } };
}

/** Room round entities' bodies for their names, which most draw below them (model units). */
export const NAME_ROOM = { side: 40, below: 70 } as const;

/** The box entities whose bodies span `bodies` take with their names. */
export function withNameRoom(bodies: Box): Box {
  return {
    x1: bodies.x1 - NAME_ROOM.side,
    y1: bodies.y1 - NAME_ROOM.side,
    w: bodies.w + 2 * NAME_ROOM.side,
    h: bodies.h + NAME_ROOM.side + NAME_ROOM.below,
  };
}

/** Largest zoom the camera takes to show a found path: a two-hop path is not blown up. */
export const PATH_MAX_ZOOM = 1.2;

/** How much closer the path's fitted view must be before the camera moves to it. */
export const PATH_ZOOM_GAIN = 1.5;

/**
 * Where the camera should go to show a found path whose nodes span `box` (model units, bodies and
 * the room their names take below): nowhere (null) when the path lies in plain view and fitting
 * it would not bring it much closer (less than {@link PATH_ZOOM_GAIN} times the zoom); else the
 * box fitted into the free area, zoomed in to at most {@link PATH_MAX_ZOOM} (out to at least
 * `minZoom`, the canvas's). The overview's
 * fitted view (zoom ~0.3) drew a path of four entities as a speck among 800.
 */
export function cameraForPath(
  box: Box,
  current: Viewport,
  size: { width: number; height: number },
  insets: Insets,
  minZoom = 0.01,
): Viewport | null {
  // A canvas squeezed to nothing (a 320 × 256 window under its bars) shows no path to move to.
  if (!hasArea(size)) return null;
  // The canvas's own least zoom: a pan worked out for a smaller zoom would be off-centre.
  const target = fitViewport(box, size, insets, { minZoom, maxZoom: PATH_MAX_ZOOM });
  const usable = usableInsets(size, insets);
  const screen = (x: number, y: number) => ({
    x: x * current.zoom + current.pan.x,
    y: y * current.zoom + current.pan.y,
  });
  const topLeft = screen(box.x1, box.y1);
  const bottomRight = screen(box.x1 + box.w, box.y1 + box.h);
  const inView =
    topLeft.x >= usable.left &&
    topLeft.y >= usable.top &&
    bottomRight.x <= size.width - usable.right &&
    bottomRight.y <= size.height - usable.bottom;
  return inView && target.zoom < current.zoom * PATH_ZOOM_GAIN ? null : target;
}
