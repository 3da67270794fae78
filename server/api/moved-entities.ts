/**
 * Old links keep working after a merge: a GET that names an entity id a merge moved (a link, a
 * saved view, a bookmark) is answered 308 with the same URL naming the entity the id now lives
 * in. Only a 404 that names entity ids (NotFoundError.entityIds) looks for redirects, so a request
 * that finds its entities pays for no extra read: the read endpoints are benchmarked against raw
 * Cypher.
 */
import type { ErrorRequestHandler } from 'express';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { movedEntities } from '../curation/merged-ids.ts';
import { NotFoundError } from '../errors.ts';
import { canonicalEntityId } from '../model/entity-ids.ts';

/**
 * The entity id one path segment or query value names, read as the routes read it (decoded,
 * trimmed, in canonical case: `ORG:Acme%20` is `org:acme`); null when it does not decode.
 */
function idIn(raw: string, plusIsSpace: boolean): string | null {
  try {
    return canonicalEntityId(
      decodeURIComponent(plusIsSpace ? raw.replaceAll('+', ' ') : raw).trim(),
    );
  } catch {
    return null;
  }
}

/**
 * The path and query of a request's URL, starting with one slash. A request line may name an
 * absolute URL (`GET http://elsewhere.example/api/… HTTP/1.1`, as proxies send it) or begin with
 * `//`, and Express routes either by its path: built on as it came, the 308's Location would send
 * the client to that host.
 */
export function localPath(url: string): string {
  const parsed = new URL(url, 'http://local.invalid');
  return `/${parsed.pathname.replace(/^\/+/, '')}${parsed.search}`;
}

/**
 * `url` (a path with its query) with every path segment and query value that names a moved id
 * naming where it lives now; everything else is kept as it was written. `moved` is keyed by
 * canonical id.
 */
export function movedUrl(url: string, moved: ReadonlyMap<string, string>): string {
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const query = mark < 0 ? null : url.slice(mark + 1);
  const replace = (raw: string, plusIsSpace: boolean) => {
    const to = moved.get(idIn(raw, plusIsSpace) ?? '');
    return to === undefined ? raw : encodeURIComponent(to);
  };
  const newPath = path
    .split('/')
    .map((segment) => replace(segment, false))
    .join('/');
  if (query === null) return newPath;
  const newQuery = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? pair : `${pair.slice(0, eq + 1)}${replace(pair.slice(eq + 1), true)}`;
    })
    .join('&');
  return `${newPath}?${newQuery}`;
}

/** "a was merged into b; c was merged into d". */
const mergedWords = (moved: ReadonlyMap<string, string>) =>
  [...moved].map(([from, into]) => `${from} was merged into ${into}`).join('; ');

/**
 * Error middleware, before the error handler: a GET (or HEAD) whose 404 names entity ids that
 * were merged away gets `308 Location: <the URL with those ids replaced>` and
 * `{ error: { code: 'MOVED', message, details: { id, to } } }` (the first moved id). A write is
 * never redirected, as a client would send it again to an entity it did not name: its 404 says
 * where the entity went (it said only "No entity has the id", QA). Anything else goes on to the
 * error handler.
 */
export function redirectMovedEntities(db: GraphDatabase): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (!(error instanceof NotFoundError) || error.entityIds.length === 0) {
      next(error);
      return;
    }
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    movedEntities(db, error.entityIds).then((moved) => {
      const [first] = moved;
      if (write) {
        next(
          first
            ? new NotFoundError(
                `${error.message}: ${mergedWords(moved)}; name that entity instead`,
                { id: first[0], to: first[1] },
                error.entityIds,
              )
            : error,
        );
        return;
      }
      const asked = localPath(req.originalUrl);
      const location = movedUrl(asked, moved);
      // Nothing to send on: no id moved, or the URL names it in a form it cannot be swapped in
      // (a country's bare ISO code), where a 308 to the same URL would loop.
      if (!first || location === asked) {
        next(error);
        return;
      }
      const [id, to] = first;
      res
        .status(308)
        .location(location)
        .json({
          error: {
            code: 'MOVED',
            message: mergedWords(moved),
            details: { id, to },
          },
        });
      // The look-up's own failure (the database gone meanwhile) is answered as such: a 404 would
      // tell the client the entity is gone.
    }, next);
  };
}
