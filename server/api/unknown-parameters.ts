/**
 * Refuses query parameters a route does not take. Express and zod would drop them silently, so
 * `?lmit=5` or `?type=DPG` (for `types`) answered as if not written: a default the caller did not
 * ask for, with nothing to say why. The parameters each route takes are the OpenAPI document's
 * (route-table.ts), itself made from the routes' zod schemas, so this list cannot drift from them.
 */
import type { RequestHandler } from 'express';
import { closest, distance } from 'fastest-levenshtein';
import { ValidationError } from '../errors.ts';
import { routedMethod, routeOf, type ApiRoute } from './route-table.ts';
import { cutShort } from './zod-messages.ts';

/**
 * The parameter a mistyped name most likely meant: the same letters in another case, or a name a
 * few edits away (one for names of up to five letters, two for longer ones; a swapped pair counts
 * as two).
 */
export function likelyMeant(name: string, known: readonly string[]): string | undefined {
  const sameButCase = known.find((k) => k.toLowerCase() === name.toLowerCase());
  if (sameButCase) return sameButCase;
  if (known.length === 0) return undefined;
  const nearest = closest(name, [...known]);
  // "lmit" is limit (one edit) and "maxhop" maxHops (two); "id" is not "q".
  return distance(name, nearest) <= Math.min(2, Math.floor(nearest.length / 3))
    ? nearest
    : undefined;
}

/** What to say of each parameter of `given` that `route` does not take on `method`. */
export function unknownParameters(
  route: ApiRoute,
  method: string,
  given: readonly string[],
): { path: string; message: string }[] {
  // HEAD is answered as GET, and its error must be as long as GET's (Content-Length).
  const asked = routedMethod(method);
  const known = route.query[asked] ?? [];
  const takes =
    known.length === 0 ? 'it takes no query parameters' : `it takes ${known.join(', ')}`;
  return given
    .filter((name) => !known.includes(name))
    .map((name) => {
      const meant = likelyMeant(name, known);
      // A name is the client's text like a value, and as long as it likes: cut short the same way.
      return {
        path: `query.${cutShort(name)}`,
        message:
          `is not a parameter of ${asked} ${route.template}` +
          (meant ? ` (did you mean ${meant}?)` : '') +
          `; ${takes}`,
      };
    });
}

/** The guard, before any route: a 400 that names each unknown parameter and what was meant. */
export function refuseUnknownQueryParameters(routes: readonly ApiRoute[]): RequestHandler {
  return (req, _res, next) => {
    // Most requests without a query string cost nothing here.
    if (!req.originalUrl.includes('?')) return next();
    const given = Object.keys(req.query as Record<string, unknown>);
    if (given.length === 0) return next();
    const route = routeOf(routes, req.method, req.baseUrl + req.path);
    // No route: the 404 or 405 says more than a parameter would.
    if (!route) return next();
    const details = unknownParameters(route, req.method, given);
    if (details.length === 0) return next();
    next(ValidationError.of('query', details));
  };
}
