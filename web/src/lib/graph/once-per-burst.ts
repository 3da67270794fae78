/**
 * Cytoscape emits `add`, `remove`, `select` and the like once per element: adding a graph of 5,000
 * elements calls an `add` handler 5,000 times in one task. A handler that does real work for each
 * call pays for every element (even resetting a timer 5,000 times takes 12–14 ms of an idle page's
 * main thread); one that answers the burst once pays for one.
 */

/**
 * A trigger that runs `run` once, in a microtask after the current code, however often it is
 * called meanwhile. `run` sees the state the whole burst left.
 */
export function oncePerBurst(run: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      run();
    });
  };
}
