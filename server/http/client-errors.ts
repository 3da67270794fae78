/**
 * Requests Node's HTTP parser refuses before Express sees them — headers over 16 kB, a malformed
 * request line, a request that never finished arriving — answered in the API's JSON error shape
 * (`{ error: { code, message } }`) instead of Node's bare status line, and the connection closed:
 * after a parse error nothing more can be read from it.
 */
import { createServer, STATUS_CODES, type RequestListener, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** The largest request line plus headers accepted (Node's default, stated so it is ours). */
export const MAX_HEADER_BYTES = 16 * 1024;

interface ClientErrorAnswer {
  status: number;
  code: string;
  message: string;
}

/** The answer to a parser or socket error code (`HPE_*` from llhttp, `ERR_HTTP_*` from Node). */
export function clientErrorAnswer(errorCode: string | undefined): ClientErrorAnswer {
  switch (errorCode) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'HEADERS_TOO_LARGE',
        message: `The request line and headers are larger than the ${MAX_HEADER_BYTES / 1024} kB this server accepts.`,
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        code: 'REQUEST_TIMEOUT',
        message: 'The request did not arrive in time.',
      };
    default:
      return { status: 400, code: 'BAD_REQUEST', message: 'The request is not well-formed HTTP.' };
  }
}

/** The whole HTTP/1.1 response, written straight to the socket (there is no response object). */
function rawResponse({ status, code, message }: ClientErrorAnswer): string {
  const body = JSON.stringify({ error: { code, message } });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    // What helmet sends on every other answer, as strict as a JSON body allows: nothing loads,
    // nothing frames it.
    "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
    'Cross-Origin-Resource-Policy: same-origin',
    'Referrer-Policy: no-referrer',
    'Strict-Transport-Security: max-age=31536000; includeSubDomains',
    'X-Content-Type-Options: nosniff',
    'X-Frame-Options: DENY',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * The server's 'clientError' listener. Like Node's default it answers only when nothing of a
 * response has gone out on the socket yet (otherwise the bytes would corrupt that response), and
 * a reset connection gets nothing; the socket is ended, then destroyed once the answer is
 * flushed (HTTP servers allow half-open sockets, so ending alone would leave it open).
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(rawResponse(clientErrorAnswer(error.code)), () => socket.destroy());
}

/** An HTTP server for `app` with the header limit and the JSON answers to client errors. */
export function createHttpServer(app: RequestListener): Server {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
  server.on('clientError', answerClientError);
  return server;
}
