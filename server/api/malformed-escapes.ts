/**
 * Refuses a request whose path or query holds text that is not valid percent-encoding (`%zz`, or
 * `%ED%A0%80`, which decodes to no UTF-8). Express answered such a path with "Failed to decode
 * param 'org:%zz'", naming neither the parameter nor the rule, and read the same text in a query
 * as it stood; both now get the API's 400, naming the parameter (`path.id`, `query.q`).
 */
import type { RequestHandler } from 'express';
import { ValidationError } from '../errors.ts';
import { routeOf, type ApiRoute } from './route-table.ts';
import { cutShort, quoted } from './zod-messages.ts';

const RULE =
  'is not valid percent-encoding: each "%" must start two hex digits that spell UTF-8 text (write "%" itself as %25)';

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** What to say of each malformed part of `path` (the API path, e.g. `/api/entities/org:%zz`). */
export function malformedPathParts(
  routes: readonly ApiRoute[],
  method: string,
  path: string,
): { path: string; message: string }[] {
  const segments = path.split('/');
  const names = routeOf(routes, method, path)?.template.split('/');
  return segments
    .map((segment, i) => ({ segment, name: /^\{(.+)\}$/.exec(names?.[i] ?? '')?.[1] }))
    .filter(({ segment }) => !decodes(segment))
    .map(({ segment, name }) => ({
      path: name === undefined ? 'path' : `path.${name}`,
      message: `${quoted(segment)} ${RULE}`,
    }));
}

/** What to say of each malformed name or value of a raw query string (`q=%zz&limit=5`). */
export function malformedQueryParts(query: string): { path: string; message: string }[] {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .flatMap((pair) => {
      const [name = '', ...rest] = pair.replace(/\+/g, ' ').split('=');
      const value = rest.join('=');
      if (!decodes(name))
        return [{ path: 'query', message: `parameter name ${quoted(name)} ${RULE}` }];
      if (decodes(value)) return [];
      return [
        {
          path: `query.${cutShort(decodeURIComponent(name))}`,
          message: `${quoted(value)} ${RULE}`,
        },
      ];
    });
}

/** The guard, before any route reads a parameter. */
export function refuseMalformedEscapes(routes: readonly ApiRoute[]): RequestHandler {
  return (req, _res, next) => {
    // Nearly every request has no "%" at all, and costs one search here.
    if (!req.originalUrl.includes('%')) return next();
    const at = req.originalUrl.indexOf('?');
    const details = [
      ...malformedPathParts(routes, req.method, req.baseUrl + req.path),
      ...(at === -1 ? [] : malformedQueryParts(req.originalUrl.slice(at + 1))),
    ];
    if (details.length === 0) return next();
    const parts = new Set(details.map((d) => d.path.split('.')[0]));
    const [only] = parts;
    const where = parts.size > 1 || only === undefined ? 'request' : only;
    next(ValidationError.of(where, details));
  };
}
