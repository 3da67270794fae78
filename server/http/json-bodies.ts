/**
 * The API takes JSON bodies only. A body sent as anything else (a form, text/plain from a script
 * that forgot the header) was never parsed, so the route saw no fields and answered that `ids`
 * was required, which sent people looking at the wrong thing. It is refused first, with 415 and
 * what to send instead.
 */
import type { RequestHandler } from 'express';

export function requireJsonBodies(): RequestHandler {
  return (req, res, next) => {
    // `is` answers null when the request has no body at all (a GET); an empty POST says
    // Content-Length: 0, which `is` counts as a body.
    const json = req.is(['application/json', 'application/*+json']);
    if (json !== false || req.get('content-length') === '0') return next();
    res.status(415).json({
      error: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `The request body must be JSON, sent with Content-Type: application/json (it came as ${req.get('content-type') ?? 'no content type'}).`,
      },
    });
  };
}
