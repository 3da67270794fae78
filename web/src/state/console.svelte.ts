/**
 * Cypher console domain (docs/console.md): whether the console is open, the query being written,
 * the row limit, the last answer or error, and loading its entities into the explorer. Components
 * read `cypherConsole` and call `consoleActions`.
 */
import { api, ApiError } from '../lib/api';
import { type AsyncStatus, failure, idle, loading, success } from '../lib/api/async-status';
import { createLatestRequest } from '../lib/api/latest-request';
import { graphActions } from './graph/index.svelte';
import type { ConsoleAnswer } from '../lib/api/types';
import { graphIds, isConsoleAnswer } from './console-format';

/** An error as the console shows it: the server's message, and where in the query when known. */
export interface ConsoleError {
  code: string;
  message: string;
  line?: number;
  column?: number;
}

export const CONSOLE_LIMITS = [25, 200, 1000] as const;

const EXAMPLE = `MATCH (o:Organisation)-[r:LEADS]->(a:Activity)
RETURN o, r, a
LIMIT 25`;

let open = $state(false);
let text = $state(EXAMPLE);
let limit = $state<number>(200);
let status = $state<AsyncStatus<ConsoleAnswer>>(idle());
let error = $state<ConsoleError | null>(null);
let showing = $state<AsyncStatus<number>>(idle());
const request = createLatestRequest();

function consoleError(caught: unknown): ConsoleError {
  if (caught instanceof ApiError) {
    const details = (caught.details ?? {}) as { line?: unknown; column?: unknown };
    return {
      code: caught.code,
      message: caught.message,
      ...(typeof details.line === 'number' ? { line: details.line } : {}),
      ...(typeof details.column === 'number' ? { column: details.column } : {}),
    };
  }
  return { code: 'UNEXPECTED', message: caught instanceof Error ? caught.message : String(caught) };
}

/** Read-only view of the console. */
export const cypherConsole = {
  get open() {
    return open;
  },
  get text() {
    return text;
  },
  get limit() {
    return limit;
  },
  get status() {
    return status;
  },
  /** The last run's error, kept until the next run. */
  get error() {
    return error;
  },
  /** "Show in graph": loading, or how many entities it showed. */
  get showing() {
    return showing;
  },
};

/** The only ways to change the console. */
export const consoleActions = {
  toggle(): void {
    open = !open;
  },
  close(): void {
    open = false;
  },
  setText(next: string): void {
    text = next;
  },
  setLimit(next: number): void {
    limit = next;
  },
  /** Runs the query; the answer or the error replaces the last one. */
  async run(): Promise<void> {
    if (text.trim() === '') return;
    status = loading();
    error = null;
    showing = idle();
    try {
      const body = await request.run((signal) =>
        api.send('POST', '/api/console/query', { query: text, limit }, { signal }),
      );
      if (!isConsoleAnswer(body)) throw new Error('The server sent an unexpected answer.');
      status = success(body);
    } catch (caught) {
      if (caught instanceof ApiError && caught.isAborted) return;
      error = consoleError(caught);
      status = failure(caught);
    }
  },
  /**
   * Draws the answer's entities and the relationships among them on the canvas, as the path
   * finder draws paths: an exploration from the first entity with the rest shown on top. The
   * console then closes so the canvas is in view.
   */
  async showInGraph(): Promise<void> {
    if (status.state !== 'success') return;
    const ids = graphIds(status.data);
    if (ids.length === 0) return;
    showing = loading();
    try {
      const chunk = await api.subgraph(ids);
      graphActions.focus(ids[0]!);
      graphActions.setExtra(chunk);
      showing = success(chunk.nodes.length);
      // Out of the canvas's way; opening it again shows the same query and answer.
      open = false;
    } catch (caught) {
      showing = failure(caught);
    }
  },
};
