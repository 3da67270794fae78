/**
 * The one error middleware: typed errors become `{ error: { code, message, details } }` with
 * their status (and Retry-After on the database's 503s); body-parser's refusals (malformed JSON,
 * a body over the route's limit, a charset it cannot decode) keep their 4xx status with a code of
 * their own; anything else is logged and answered with a generic 500, never a stack trace. The
 * app also mounts it last for non-API paths, so Express's default handler (which prints stack
 * traces outside NODE_ENV=production) never answers.
 */
import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { z } from 'zod';
import { AppError, DatabaseBusyError, DatabaseUnavailableError } from '../errors.ts';
import { explainUnrouted, type ApiRoute } from './route-table.ts';
import { parseInput } from './validate.ts';

/** Codes of the 4xx statuses body-parser and the static server raise; others are BAD_REQUEST. */
const CLIENT_ERROR_CODES: Record<number, string> = {
  404: 'NOT_FOUND',
  // body-parser: a charset or Content-Encoding it cannot decode.
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Answers OPTIONS on a known API path with 204 and the same `Allow` a 405 gives. Mounted before
 * the routers: Express would otherwise answer from whichever router first matched the path,
 * with only that router's methods. CORS answers a listed origin's preflight before this.
 */
export function optionsResponder(routes: readonly ApiRoute[]): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'OPTIONS') return next();
    const unrouted = explainUnrouted(routes, req.baseUrl + req.path);
    if (unrouted.kind !== 'method') return next();
    res
      .set('Allow', [...unrouted.allow, 'OPTIONS'].join(', '))
      .status(204)
      .end();
  };
}

/**
 * Answers an API request no route took: 405 with `Allow` when the path exists for other methods,
 * else 404, which says how to write an id that holds a "/" when that is the likely mistake.
 */
export function notFoundHandler(routes: readonly ApiRoute[]): RequestHandler {
  return (req, res) => {
    // The full path the client asked for: this handler sits in a router mounted at /api.
    const path = req.baseUrl + req.path;
    const unrouted = explainUnrouted(routes, path);
    if (unrouted.kind === 'method') {
      const allow = [...unrouted.allow, 'OPTIONS'];
      res.set('Allow', allow.join(', '));
      res.status(405).json({
        error: {
          code: 'METHOD_NOT_ALLOWED',
          message: `${path} does not take ${req.method}; it takes ${allow.join(', ')}`,
          details: { allow },
        },
      });
      return;
    }
    const hint =
      unrouted.kind === 'unencoded-slash'
        ? ` An id that contains "/" goes into the path encoded, as %2F (${unrouted.template}).`
        : '';
    res.status(404).json({
      error: { code: 'NOT_FOUND', message: `No API route ${req.method} ${path}.${hint}` },
    });
  };
}

/**
 * The JSON of a body body-parser refused as "not valid JSON" although it is: `null`, `"x"` or `1`
 * (its strict mode takes objects and lists only); undefined when it really is not JSON.
 */
function strictlyRefused(body: unknown): { value: unknown } | undefined {
  if (typeof body !== 'string') return undefined;
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    return undefined;
  }
}

/** The 400 for a refused body or path, as ValidationError and the decoders' own errors say it. */
function clientErrorOf(error: unknown, req: Request): AppError | undefined {
  const { type, body, code, status } = (error ?? {}) as Record<string, unknown>;
  if (type === 'entity.parse.failed') {
    const json = strictlyRefused(body);
    if (json === undefined) return undefined;
    // The same words as any other body of the wrong type: "body must be an object …, not null".
    try {
      parseInput(z.looseObject({}), json.value, 'body');
    } catch (refusal) {
      if (refusal instanceof AppError) return refusal;
    }
    return undefined;
  }
  const encoding = req.get('content-encoding');
  // zlib's own words ("incorrect header check", "Decompression failed") named no body or encoding.
  // body-parser hands them on with status 400 and zlib's code (Z_DATA_ERROR, ERR__ERROR_…).
  if (
    status === 400 &&
    type === undefined &&
    typeof code === 'string' &&
    /^(Z_|ERR_)/.test(code) &&
    encoding !== undefined
  )
    return new AppError(
      `The request body is not valid ${encoding} data, as its Content-Encoding says it is.`,
      400,
      'BAD_REQUEST',
    );
  // The router's "Failed to decode param '%zz'" for a path outside the API (the API's are
  // refused before, parameter named: malformed-escapes.ts).
  if (error instanceof URIError && status === 400)
    return new AppError(
      'The path is not valid percent-encoding: each "%" must start two hex digits that spell UTF-8 text.',
      400,
      'BAD_REQUEST',
    );
  return undefined;
}

export const errorHandler: ErrorRequestHandler = (caught, req, res, _next) => {
  const error: unknown = clientErrorOf(caught, req) ?? caught;
  if (error instanceof AppError) {
    if (error instanceof DatabaseUnavailableError || error instanceof DatabaseBusyError)
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
    res
      .status(error.status)
      .json({ error: { code: error.code, message: error.message, details: error.details } });
    return;
  }
  // Body-parser and static-file errors carry a status and are the client's fault.
  const { status, type, limit, syscall } = (error ?? {}) as Record<string, unknown>;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (type === 'entity.too.large') {
      res.status(413).json({
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          message: `The request body is larger than the ${String(limit)} bytes this route accepts.`,
          details: { limit },
        },
      });
      return;
    }
    // Their messages describe the request ("Unexpected token…", "Failed to decode param…"),
    // except system errors (a file the static server could not read), which name server paths.
    // The JSON parser's says where but not what: "Expected property name or '}' in JSON at
    // position 1" alone did not say that the body was the problem.
    const message =
      syscall !== undefined
        ? (STATUS_CODES[status] ?? 'Bad request')
        : type === 'entity.parse.failed'
          ? `The request body is not valid JSON: ${(error as Error).message}`
          : (error as Error).message;
    res
      .status(status)
      .json({ error: { code: CLIENT_ERROR_CODES[status] ?? 'BAD_REQUEST', message } });
    return;
  }
  console.error('Unhandled error:', error);
  res
    .status(500)
    .json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } });
};
