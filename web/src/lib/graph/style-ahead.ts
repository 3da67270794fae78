/**
 * Computing Cytoscape styles ahead of the first frame. Cytoscape styles an element lazily, when a
 * frame is about to draw it: for a graph of 5,000 elements that was ~0.7 s of CPU in one task, most
 * of it the edges'. The canvas adds a new big graph while the layout worker is still running and
 * styles its edges here, in short slices between other tasks, so that work overlaps the layout
 * instead of following it. Reading any style property (`numericStyle`, public API) makes Cytoscape
 * compute the element's whole style.
 */

/** What this module uses of a Cytoscape collection: its elements in order. */
export type Styleable = ArrayLike<{ removed(): boolean; numericStyle(name: string): unknown }>;

/**
 * What this module uses of MessageChannel, typed here because the tests compile it without the DOM
 * library (Node has MessageChannel too).
 */
interface Channel {
  port1: { onmessage: (() => void) | null; close(): void };
  port2: { postMessage(message: null): void };
}
const MessageChannel = (globalThis as unknown as { MessageChannel?: new () => Channel })
  .MessageChannel;

/** Longest stretch of styling in one task, in ms: short enough to keep input answered. */
export const STYLE_SLICE_MS = 24;

/** A styling job in progress. */
export interface StyleAhead {
  /** Styles what is left at once (the elements are about to be drawn). */
  finish(): void;
  /** Stops styling; whatever is left is styled by the first frame that draws it. */
  cancel(): void;
}

/**
 * Schedules `run` as a task after the current one, ahead of timers (which browsers clamp to ≥ 4 ms);
 * returns what cancels it.
 */
export function nextTask(run: () => void): () => void {
  if (MessageChannel === undefined) {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  const channel = new MessageChannel();
  let live = true;
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (live) run();
  };
  channel.port2.postMessage(null);
  return () => {
    live = false;
    channel.port1.close();
  };
}

/**
 * Styles `elements` in slices of about {@link STYLE_SLICE_MS}, one slice per task, starting after
 * the current task. `now` is the clock (injectable for tests).
 */
export function styleAhead(
  elements: Styleable,
  now: () => number = () => performance.now(),
): StyleAhead {
  let next = 0;
  let cancelScheduled: (() => void) | undefined;
  const styleNext = () => {
    const element = elements[next++]!;
    if (!element.removed()) element.numericStyle('display');
  };
  const slice = () => {
    cancelScheduled = undefined;
    const end = now() + STYLE_SLICE_MS;
    // The clock is read every few elements only: reading it costs about as much as one element.
    while (next < elements.length && now() < end) {
      for (let i = 0; i < 8 && next < elements.length; i++) styleNext();
    }
    if (next < elements.length) cancelScheduled = nextTask(slice);
  };
  cancelScheduled = nextTask(slice);
  return {
    finish() {
      cancelScheduled?.();
      cancelScheduled = undefined;
      while (next < elements.length) styleNext();
    },
    cancel() {
      cancelScheduled?.();
      cancelScheduled = undefined;
      next = elements.length;
    },
  };
}
