/**
 * Runs the big-graph force layout in the layout worker (layout-worker.ts) and hands the positions
 * back to the canvas. One
 * worker serves the page; cancelling a running job ends that worker (a synchronous simulation cannot
 * be interrupted) and a new one starts with the next job. Where workers are unavailable or the
 * worker's file fails to load, the layout runs on the main thread instead, loaded on demand.
 */
import type { ForceLayoutRequest } from './force-start';
import type { LayoutJob, LayoutReply } from './layout-protocol';

/** What the caller hears about one job. */
export interface LayoutCallbacks {
  /** The final positions, `[x0, y0, x1, y1, …]` in request order. */
  onDone(positions: Float64Array): void;
  onError(message: string): void;
}

/** A running job. */
export interface LayoutTask {
  /** Stops hearing about the job, and stops the work if it is running. */
  cancel(): void;
}

interface Pending {
  job: LayoutJob;
  callbacks: LayoutCallbacks;
}

/**
 * What this module uses of the browser's Worker, typed here because unit tests compile it without
 * the DOM library (and run it in Node, which has no Worker: the in-page fallback is what they test).
 */
interface LayoutWorker {
  postMessage(job: LayoutJob): void;
  terminate(): void;
  onmessage: ((event: { data: LayoutReply }) => void) | null;
  onerror: ((event: { preventDefault(): void }) => void) | null;
}

// Named `Worker` so that Vite recognises `new Worker(new URL(…, import.meta.url))` and bundles the
// worker's module as a file of its own.
const Worker = (
  globalThis as {
    Worker?: new (url: URL, options: { type: 'module'; name: string }) => LayoutWorker;
  }
).Worker;

let worker: LayoutWorker | undefined;
/** Set when the worker could not be created or loaded: every job runs on the main thread. */
let workerUnavailable = Worker === undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function onReply(reply: LayoutReply): void {
  const entry = pending.get(reply.id);
  if (!entry) return;
  pending.delete(reply.id);
  if (reply.kind === 'done') entry.callbacks.onDone(reply.positions);
  else entry.callbacks.onError(reply.message);
}

function startWorker(): LayoutWorker | undefined {
  if (workerUnavailable || Worker === undefined) return undefined;
  try {
    const started = new Worker(new URL('./layout-worker.ts', import.meta.url), {
      type: 'module',
      name: 'graph-layout',
    });
    started.onmessage = (event) => onReply(event.data);
    // A worker whose script cannot load (blocked, missing) reports here: finish its jobs in the page.
    started.onerror = (event) => {
      event.preventDefault();
      if (worker !== started) return;
      workerUnavailable = true;
      stopWorker();
      for (const entry of pending.values()) runInPage(entry);
    };
    return started;
  } catch {
    workerUnavailable = true;
    return undefined;
  }
}

function stopWorker(): void {
  worker?.terminate();
  worker = undefined;
}

/** The main-thread fallback: the same layout, loaded on demand, after the current task. */
function runInPage({ job }: Pending): void {
  void import('./force-layout').then(
    ({ forceLayout }) => {
      setTimeout(() => {
        if (!pending.has(job.id)) return;
        try {
          onReply({ id: job.id, kind: 'done', positions: forceLayout(job.request) });
        } catch (error) {
          onReply({ id: job.id, kind: 'error', message: (error as Error).message });
        }
      }, 0);
    },
    (error: unknown) => onReply({ id: job.id, kind: 'error', message: String(error) }),
  );
}

function post(entry: Pending): void {
  worker ??= startWorker();
  if (worker) worker.postMessage(entry.job);
  else runInPage(entry);
}

/**
 * Starts the layout worker ahead of its first job, so that loading and compiling its script (and
 * d3-force) happen while the page waits for data rather than when a big graph has arrived.
 */
export function prepareLayoutWorker(): void {
  worker ??= startWorker();
}

/** Starts laying `request` out; see {@link LayoutCallbacks} for what comes back. */
export function runForceLayout(
  request: ForceLayoutRequest,
  callbacks: LayoutCallbacks,
): LayoutTask {
  const entry: Pending = { job: { id: nextId++, request }, callbacks };
  pending.set(entry.job.id, entry);
  post(entry);
  return {
    cancel() {
      if (!pending.delete(entry.job.id) || !worker) return;
      // The worker is busy with this job (or queued behind it): restart it with what is left.
      stopWorker();
      for (const rest of pending.values()) post(rest);
    },
  };
}
