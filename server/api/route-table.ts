/**
 * The API's routes as its OpenAPI document lists them (every route is registered there, which
 * tests/unit/fuzz-route-coverage.test.ts holds to), so that a request no route answered can be
 * told apart: a known path asked with another method (405, with the methods it has), an id with
 * an unencoded "/" (activity ids have one), or a path that does not exist.
 */

/** A path template of the document (`/api/entities/{id}`) and the methods it answers. */
export interface ApiRoute {
  template: string;
  methods: string[];
  /** Per method (upper case), the query parameters it takes, as the document lists them. */
  query: Record<string, string[]>;
  /** The template with each `{parameter}` one path segment. */
  exact: RegExp;
  /** With each `{parameter}` anything, "/" included; null for a template without parameters. */
  slashed: RegExp | null;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The names of an operation's `in: query` parameters. */
function queryParameterNames(operation: unknown): string[] {
  const parameters = (operation as { parameters?: unknown } | undefined)?.parameters;
  if (!Array.isArray(parameters)) return [];
  return parameters
    .filter((p: { in?: unknown }) => p.in === 'query')
    .map((p: { name?: unknown }) => String(p.name));
}

/**
 * The routes of an OpenAPI document's `paths`, their patterns built once: OPTIONS is answered
 * before the rate limits, so a request must not cost a regular expression per route.
 */
export function apiRoutes(paths: Record<string, object>): ApiRoute[] {
  return Object.entries(paths).map(([template, item]) => ({
    template,
    methods: METHODS.filter((method) => method in item).map((m) => m.toUpperCase()),
    query: Object.fromEntries(
      METHODS.filter((method) => method in item).map((method) => [
        method.toUpperCase(),
        queryParameterNames((item as Record<string, unknown>)[method]),
      ]),
    ),
    exact: templatePattern(template, '[^/]+'),
    slashed: template.includes('{') ? templatePattern(template, '.+') : null,
  }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A template as a regular expression; `segment` is what a `{parameter}` may match. In any case,
 * as Express routes: `/api/Search` is the search route, and must be told apart as one.
 */
function templatePattern(template: string, segment: string): RegExp {
  const parts = template.split(/\{[^}]+\}/).map(escapeRegExp);
  return new RegExp(`^${parts.join(segment)}/?$`, 'i');
}

/** The method whose route answers `method`: Express answers HEAD wherever it answers GET. */
export function routedMethod(method: string): string {
  return method === 'HEAD' ? 'GET' : method;
}

/** The route that answers `method` on `path`, if any. */
export function routeOf(
  routes: readonly ApiRoute[],
  method: string,
  path: string,
): ApiRoute | undefined {
  const asked = routedMethod(method);
  return routes.find((route) => route.methods.includes(asked) && route.exact.test(path));
}

/** What a request for `path` that no route answered should be told. */
export type Unrouted =
  | { kind: 'method'; allow: string[] }
  | { kind: 'unencoded-slash'; template: string }
  | { kind: 'unknown' };

/** Why no route answered `method` on `path` (the path without its query). */
export function explainUnrouted(routes: readonly ApiRoute[], path: string): Unrouted {
  const known = routes.find((route) => route.exact.test(path));
  if (known) {
    // Express answers HEAD wherever it answers GET.
    const allow = known.methods.includes('GET') ? [...known.methods, 'HEAD'] : known.methods;
    return { kind: 'method', allow };
  }
  const slashed = routes.find((route) => route.slashed?.test(path));
  return slashed ? { kind: 'unencoded-slash', template: slashed.template } : { kind: 'unknown' };
}
