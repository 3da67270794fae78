/**
 * Keeps only the newest of a series of requests alive: starting one aborts the one before, so a slow
 * stale answer (an old search, a previously selected entity) can never overwrite a newer one.
 */

/** Runs requests so that only the most recent can complete. */
export interface LatestRequest {
  /** Aborts the previous request, then calls `start` with a fresh signal. */
  run<T>(start: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Aborts the in-flight request, if any. */
  cancel(): void;
}

/** Creates a {@link LatestRequest}. */
export function createLatestRequest(): LatestRequest {
  let controller: AbortController | undefined;
  return {
    run(start) {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      return start(current.signal);
    },
    cancel() {
      controller?.abort();
      controller = undefined;
    },
  };
}
