/**
 * Messages between the canvas (layout-runner.ts) and the layout worker (layout-worker.ts). A job
 * carries an id; every reply names it, so replies to a superseded job are recognised and dropped.
 */
import type { ForceLayoutRequest } from './force-start';

/** Main thread → worker. */
export interface LayoutJob {
  id: number;
  request: ForceLayoutRequest;
}

/** Worker → main thread. Positions are `[x0, y0, x1, y1, …]` in the order of the job's nodes. */
export type LayoutReply =
  | { id: number; kind: 'done'; positions: Float64Array }
  | { id: number; kind: 'error'; message: string };
