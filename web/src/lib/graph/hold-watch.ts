/**
 * Whether the reader holds the graph (a button or a finger down on the canvas), for work that must
 * wait until they let go: labels are not placed again under a hand still panning. Cytoscape says
 * when a hold starts (`tapstart`) and, mostly, when it ends (`tapend`); but a touch the browser
 * cancels (pointercancel, touchcancel: Cytoscape emits no `tapend` for them), a button released
 * outside the window, or a window left mid-drag (Alt+Tab) end it without one, and a hold that
 * never ended turned placement off until the next tap. So the page's own releases end it too.
 */

/** The renderer's events the watch listens to (a Cytoscape core has them). */
export interface GraphEvents {
  on(events: string, handler: () => void): unknown;
  off(events: string, handler: () => void): unknown;
}

/** The page's events that end any hold, whatever the renderer heard. */
export const PAGE_RELEASE_EVENTS = ['pointerup', 'pointercancel', 'blur'] as const;

/** A running watch. */
export interface HoldWatch {
  /** Whether the graph is held now. */
  held(): boolean;
  /** Stops listening. */
  stop(): void;
}

/**
 * Watches `graph` (its `tapstart` and `tapend`) and `page` (the window: {@link PAGE_RELEASE_EVENTS},
 * heard in the capture phase, so no handler that stops them hides them) for holds; `onRelease` is
 * called once when a hold ends, however it ends.
 */
export function watchHold(
  graph: GraphEvents,
  page: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  onRelease: () => void,
): HoldWatch {
  let held = false;
  const hold = () => {
    held = true;
  };
  const release = () => {
    if (!held) return;
    held = false;
    onRelease();
  };
  graph.on('tapstart', hold);
  graph.on('tapend', release);
  for (const type of PAGE_RELEASE_EVENTS) page.addEventListener(type, release, true);
  return {
    held: () => held,
    stop: () => {
      graph.off('tapstart', hold);
      graph.off('tapend', release);
      for (const type of PAGE_RELEASE_EVENTS) page.removeEventListener(type, release, true);
    },
  };
}
