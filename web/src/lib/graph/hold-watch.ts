/**
 * Whether the reader holds the graph (a button or a finger down on the canvas), for work that must
 * wait until they let go: labels are not placed again under a hand still panning. Cytoscape says
 * when a hold starts (`tapstart`) and, mostly, when it ends (`tapend`); but a touch the browser
 * cancels (pointercancel, touchcancel: Cytoscape emits no `tapend` for them), a button released
 * outside the window, or a window left mid-drag (Alt+Tab) end it without one, and a hold that
 * never ended turned placement off until the next tap. So the page's own releases end it too:
 * the last pointer's, since a pinch lifts one finger before the other and the hold goes on until
 * both are up (as Cytoscape's `tapend`, which waits for the last touch).
 */

/** The renderer's events the watch listens to (a Cytoscape core has them). */
export interface GraphEvents {
  on(events: string, handler: () => void): unknown;
  off(events: string, handler: () => void): unknown;
}

/** What the watch reads of a pointer event (typed here: the server's build has no DOM library). */
type PointerLike = Event & { pointerId?: number };

/** A running watch. */
export interface HoldWatch {
  /** Whether the graph is held now. */
  held(): boolean;
  /** Stops listening. */
  stop(): void;
}

/**
 * Watches `graph` (its `tapstart` and `tapend`) and `page` (the window: its pointers going down,
 * up and cancelled, and its `blur`, heard in the capture phase, so no handler that stops them hides
 * them) for holds; `onRelease` is called once when a hold ends, however it ends.
 */
export function watchHold(
  graph: GraphEvents,
  page: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  onRelease: () => void,
): HoldWatch {
  let held = false;
  /** The page's pointers down now, by id. */
  const down = new Set<number | undefined>();
  const hold = () => {
    held = true;
  };
  const release = () => {
    if (!held) return;
    held = false;
    onRelease();
  };
  // Every pointer is up (the renderer's tapend, or a window left): none stays counted as down.
  const releaseAll = () => {
    down.clear();
    release();
  };
  const press = (event: Event) => {
    down.add((event as PointerLike).pointerId);
  };
  const lift = (event: Event) => {
    down.delete((event as PointerLike).pointerId);
    if (down.size === 0) release();
  };
  const pageHandlers: [string, (event: Event) => void][] = [
    ['pointerdown', press],
    ['pointerup', lift],
    ['pointercancel', lift],
    ['blur', releaseAll],
  ];
  graph.on('tapstart', hold);
  graph.on('tapend', releaseAll);
  for (const [type, handler] of pageHandlers) page.addEventListener(type, handler, true);
  return {
    held: () => held,
    stop: () => {
      graph.off('tapstart', hold);
      graph.off('tapend', releaseAll);
      for (const [type, handler] of pageHandlers) page.removeEventListener(type, handler, true);
    },
  };
}
