/** Answers a route from the answer cache (server/services/answer-cache.ts): JSON already serialised. */
import type { Request, Response } from 'express';
import type { AnswerCache } from '../services/answer-cache.ts';

/** The ETag res.send would give `body` (the app's `etag fn`), or undefined where ETags are off. */
export function etagFor(req: Request, body: Buffer | string): string | undefined {
  const etagOf: unknown = req.app.get('etag fn');
  return typeof etagOf === 'function'
    ? (etagOf as (body: Buffer | string) => string | undefined)(body)
    : undefined;
}

/**
 * Sends the cached answer's stored gzip bytes to a client that accepts gzip; the compression
 * middleware leaves a response that already has a Content-Encoding alone. Otherwise the JSON,
 * which that middleware compresses as usual (the cache off, or an answer too small to keep
 * gzipped).
 */
export async function sendCached(
  req: Request,
  res: Response,
  cache: AnswerCache,
  kind: string,
  request: unknown,
  compute: () => Promise<unknown>,
): Promise<void> {
  const answer = await cache.answer(kind, request, compute);
  res.type('application/json');
  // The answer depends on Accept-Encoding whichever representation goes out.
  res.vary('Accept-Encoding');
  if (answer.gzip && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    // The ETag of the bytes sent, as res.send would make it, so a revalidation is answered here:
    // res.send's 304 would keep the Content-Encoding set for the body it drops, representation
    // metadata a 304 should not carry (RFC 9110, 15.4.5).
    const etag = res.get('ETag') ? undefined : etagFor(req, answer.gzip);
    if (etag) res.set('ETag', etag);
    if (req.fresh) {
      // As res.send strips a 304: no body, so nothing to describe.
      res.removeHeader('Content-Type');
      res.status(304).end();
      return;
    }
    res.set('Content-Encoding', 'gzip').send(answer.gzip);
    return;
  }
  res.send(answer.json);
}
