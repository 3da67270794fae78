/**
 * The reader's motion preference for the canvas's own movements: the camera flying to a selection
 * or a path, a fit, the zoom buttons, nodes gliding to a new layout. CSS transitions follow
 * `prefers-reduced-motion` in app.css, and Cytoscape's style transitions in the stylesheet; these
 * are script-driven and ignored it (a layout switch animated its nodes, then its camera, frame for
 * frame as without the preference: QA). Read when each movement starts, as the setting can change
 * while the page is open.
 */
import type cytoscape from 'cytoscape';

/** Whether the reader asked for less motion. */
export function reducedMotion(): boolean {
  // Through globalThis: lib/graph is also compiled and tested without the DOM's types.
  // Called on globalThis, not taken off it: the browser's matchMedia refuses another `this`.
  const page = globalThis as { matchMedia?: (query: string) => { matches: boolean } };
  return page.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * Moves the camera to `to`, over `duration` ms, or at once where less motion is asked for; true
 * when it animates (the camera is then still on its way).
 */
export function moveCamera(
  cy: cytoscape.Core,
  to: Pick<cytoscape.AnimationOptions, 'zoom' | 'pan'>,
  duration: number,
  easing: cytoscape.Css.TransitionTimingFunction = 'ease-in-out-cubic',
): boolean {
  if (reducedMotion()) {
    // The zoom first: a pan is worked out for the zoom it goes with.
    if (to.zoom !== undefined) cy.zoom(to.zoom);
    if (to.pan !== undefined) cy.pan(to.pan);
    return false;
  }
  cy.animate(to, { duration, easing });
  return true;
}

/** How much one press of a zoom button (or key) zooms in or out. */
export const ZOOM_STEP = 1.3;

/** How long one zoom step takes, in ms. */
const ZOOM_STEP_MS = 180;

/** The zoom a step is on its way to, and until when: the next step goes on from there. */
const zoomSteps = new WeakMap<cytoscape.Core, { level: number; until: number }>();

/**
 * Zooms the canvas by `factor` about its middle, as the zoom buttons and keys do. A step taken
 * while the last is still moving goes on from where that one goes: each started from the zoom of
 * the moment and stopped the last, so two quick presses of − zoomed out once.
 */
export function zoomCanvasBy(cy: cytoscape.Core, factor: number): void {
  const last = zoomSteps.get(cy);
  const from = last && cy.animated() && Date.now() < last.until ? last.level : cy.zoom();
  const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), from * factor));
  zoomSteps.set(cy, { level, until: Date.now() + ZOOM_STEP_MS });
  cy.stop(true, false);
  moveCamera(
    cy,
    { zoom: { level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } } },
    ZOOM_STEP_MS,
    'linear',
  );
}
