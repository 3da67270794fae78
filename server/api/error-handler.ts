/**
 * The one error middleware: typed errors become `{ error: { code, message, details } }` with
 * their status; anything else is logged and answered with a generic 500, never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, DatabaseUnavailableError } from '../errors.ts';

export const notFoundHandler: RequestHandler = (req, res) => {
  res
    .status(404)
    .json({ error: { code: 'NOT_FOUND', message: `No API route ${req.method} ${req.path}` } });
};

export const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  if (error instanceof AppError) {
    if (error instanceof DatabaseUnavailableError) res.setHeader('Retry-After', '5');
    res
      .status(error.status)
      .json({ error: { code: error.code, message: error.message, details: error.details } });
    return;
  }
  // Body-parser errors (malformed JSON, too large) carry a status and are the client's fault.
  const status = (error as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({ error: { code: 'BAD_REQUEST', message: (error as Error).message } });
    return;
  }
  console.error('Unhandled error:', error);
  res
    .status(500)
    .json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } });
};
