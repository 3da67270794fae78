/**
 * Stopping the HTTP server without dropping requests: stop accepting connections, let the
 * requests in flight finish (answers sent while draining carry `Connection: close`), close
 * keep-alive connections as soon as they are idle, cut whatever is still open after a timeout,
 * then release what the server used (the database driver). A second call (a second Ctrl-C) cuts
 * at once.
 */
import type { Server, ServerResponse } from 'node:http';

export interface ShutdownOptions {
  /** How long requests in flight may take to finish before their connections are cut. */
  timeoutMs: number;
  /** Runs once the server has closed: release the database driver and the like. */
  release: () => Promise<void>;
  log?: (line: string) => void;
}

export interface ShutdownResult {
  /** False when the timeout (or a second call) cut requests that were still running. */
  drained: boolean;
}

/** How often connections that went idle while draining are looked for and closed. */
const IDLE_SWEEP_MS = 50;

/**
 * Prepares `server` for a graceful shutdown and returns the function that performs it (call it
 * from SIGTERM/SIGINT handlers). Install it right after creating the server: it tracks the
 * answers in flight from then on.
 */
export function gracefulShutdown(
  server: Server,
  options: ShutdownOptions,
): (reason: string) => Promise<ShutdownResult> {
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs < 0)
    throw new RangeError(
      `gracefulShutdown: timeoutMs must be a non-negative number, got ${options.timeoutMs}`,
    );
  const log = options.log ?? (() => {});
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let forced = false;
  let result: Promise<ShutdownResult> | undefined;

  const closeAfterAnswer = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  server.prependListener('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    // A request that came over a kept-alive connection while draining is served, then closed.
    if (draining) closeAfterAnswer(res);
  });

  const cut = () => {
    forced = inFlight.size > 0;
    server.closeAllConnections();
  };

  return (reason) => {
    if (result) {
      log(`${reason} again: closing ${inFlight.size} connection(s) now`);
      cut();
      return result;
    }
    draining = true;
    log(
      `${reason}: no new connections; ${inFlight.size} request(s) in flight get up to ${options.timeoutMs} ms`,
    );
    inFlight.forEach(closeAfterAnswer);
    result = new Promise<ShutdownResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (inFlight.size > 0) log(`cutting ${inFlight.size} request(s) still running`);
        cut();
      }, options.timeoutMs);
      const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
      server.close(() => {
        clearTimeout(timer);
        clearInterval(sweep);
        options.release().then(() => resolve({ drained: !forced }), reject);
      });
      server.closeIdleConnections();
    });
    return result;
  };
}
