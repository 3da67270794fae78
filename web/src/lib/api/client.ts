/**
 * Typed fetch client for the DPG Explorer API. Every method resolves with the parsed body or rejects
 * with an {@link ApiError}; network failures, aborts and malformed bodies are turned into ApiErrors too,
 * so callers handle exactly one error type.
 */
import { ApiError, isApiErrorBody } from './api-error';
import type {
  EntityDetails,
  FacetsResponse,
  GraphChunk,
  HealthResponse,
  NeighbourhoodResponse,
  OverviewResponse,
  PathsResponse,
  RelationshipDetailsResponse,
  RelationshipRead,
  SearchResponse,
  StatsResponse,
} from './types';

/** Options of a neighbourhood request. */
export interface NeighbourhoodOptions {
  depth?: number;
  limit?: number;
  /** Entity types to keep first when capping ("show more organisations"). */
  prefer?: readonly string[];
}

/** What a client needs: where the API lives and which `fetch` to call (tests pass a fake). */
export interface ApiClientOptions {
  /** Prefix for every path, e.g. `''` for same-origin or `http://localhost:3000`. No trailing slash. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /**
   * The CSRF token sent as `X-CSRF-Token` on every non-GET request (docs/curation.md). Default: the
   * `dpgx_csrf` cookie of the page, when there is a document.
   */
  csrfToken?: () => string | undefined;
}

/** The cookie the server sets at sign-in whose value every non-GET request must echo. */
export const CSRF_COOKIE = 'dpgx_csrf';

/** Methods that change something; each one carries the CSRF header. */
export type WriteMethod = 'POST' | 'PATCH' | 'DELETE';

/** The value of cookie `name` in a `document.cookie` string, else undefined. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function documentCsrfToken(): string | undefined {
  // Through globalThis: the client also compiles (and runs in tests) without the DOM library.
  const page = (globalThis as { document?: { cookie: string } }).document;
  return page ? readCookie(page.cookie, CSRF_COOKIE) : undefined;
}

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** The API's operations. */
export interface ApiClient {
  /** Server and database status. Resolves for both 200 (up) and 503 (down) answers. */
  health(options?: RequestOptions): Promise<HealthResponse>;
  /** The overview graph, at most `limit` nodes. */
  overview(limit: number, options?: RequestOptions): Promise<OverviewResponse>;
  /**
   * Full-text search over entity names; `query` must not be blank. `types` keeps entities of
   * those types only (a country picker).
   */
  search(
    query: string,
    limit: number,
    options?: RequestOptions & { types?: readonly string[] },
  ): Promise<SearchResponse>;
  /** One entity with its properties, neighbours and sources; rejects with status 404 when unknown. */
  entity(id: string, options?: RequestOptions): Promise<EntityDetails>;
  /**
   * One relationship with its properties, provenance and the sources stating it; rejects with
   * status 404 when there is none.
   */
  relationship(
    ref: { from: string; type: string; to: string },
    options?: RequestOptions,
  ): Promise<RelationshipRead>;
  /** The entities around `id`, capped at `limit`, with what the cap left out. */
  neighbourhood(
    id: string,
    query: NeighbourhoodOptions,
    options?: RequestOptions,
  ): Promise<NeighbourhoodResponse>;
  /** The given entities and the relationships among them. */
  subgraph(ids: readonly string[], options?: RequestOptions): Promise<GraphChunk>;
  /**
   * What the relationships among the given entities state (evidence, role, dates, board seat,
   * notes, cited page): the graph answers carry ends, types and sources only.
   */
  relationshipDetails(
    ids: readonly string[],
    options?: RequestOptions,
  ): Promise<RelationshipDetailsResponse>;
  /**
   * The shortest paths between two entities, each with its sentence; along `rels` only, through
   * no entity of the types in `avoid` and no organisation of the kinds in `avoidKinds` when given.
   */
  paths(
    from: string,
    to: string,
    options?: RequestOptions & {
      rels?: readonly string[] | null;
      avoid?: readonly string[];
      avoidKinds?: readonly string[];
      /** How many paths at most (the API's default when absent). */
      k?: number;
    },
  ): Promise<PathsResponse>;
  /** Values and counts of every filterable property. */
  facets(options?: RequestOptions): Promise<FacetsResponse>;
  /** Counts, most connected entities and coverage gaps. */
  stats(options?: RequestOptions): Promise<StatsResponse>;
  /** Any other GET returning JSON (the insights endpoints, whose shapes are still settling). */
  getJson(pathAndQuery: string, options?: RequestOptions): Promise<unknown>;
  /**
   * A POST, PATCH or DELETE with a JSON body (or none); resolves with the parsed answer, or
   * undefined for `204 No Content`. Carries the CSRF header like every non-GET request.
   */
  send(
    method: WriteMethod,
    pathAndQuery: string,
    body?: unknown,
    options?: RequestOptions,
  ): Promise<unknown>;
  /**
   * A write the server answers `204 No Content` with an `Audit-Id` header naming the audit event
   * it recorded (a delete, which that id undoes): resolves with the id, or null without one.
   */
  sendRecorded(
    method: WriteMethod,
    pathAndQuery: string,
    body?: unknown,
    options?: RequestOptions,
  ): Promise<string | null>;
}

/**
 * Told when the server refuses a request for want of a sign-in (`UNAUTHENTICATED`): a session that
 * ended elsewhere (signed out in another tab, expired, revoked) left the page saying "signed in"
 * and showed a save the server's own words, "Sign in (POST /api/auth/session)…" (QA). The session
 * domain listens (state/session).
 */
const signInNeeded = new Set<() => void>();

/** Calls `listener` whenever a request is refused for want of a sign-in; returns the unsubscribe. */
export function onSignInNeeded(listener: () => void): () => void {
  signInNeeded.add(listener);
  return () => signInNeeded.delete(listener);
}

/** What a reader is told of a request refused for want of a sign-in, a write or a read. */
export const SIGNED_OUT_MESSAGES = {
  write: 'Not saved: you are signed out (the session ended). Sign in again, then save once more.',
  // A read may need an account from the start (READS_REQUIRE_SIGN_IN), not only after a session.
  read: 'You are not signed in, or your session ended: sign in to see this.',
} as const;

const NETWORK_MESSAGE =
  'Cannot reach the DPG Explorer server. Check that it is running, then try again.';

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new TypeError(`api client: ${name} must be a positive integer, got ${String(value)}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isGraphChunk(body: unknown): boolean {
  return isObject(body) && Array.isArray(body.nodes) && Array.isArray(body.edges);
}

/** The method a request is sent with: the one named, else POST with a body and GET without. */
function methodOf(init: { body?: unknown; method?: WriteMethod }): string {
  return init.method ?? (init.body === undefined ? 'GET' : 'POST');
}

/** Creates a client bound to one base URL and fetch implementation. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const csrfToken = options.csrfToken ?? documentCsrfToken;

  function headersFor(method: string, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (hasBody) headers['content-type'] = 'application/json';
    const token = method === 'GET' ? undefined : csrfToken();
    if (token) headers['x-csrf-token'] = token;
    return headers;
  }

  async function request(
    path: string,
    init: RequestOptions & { body?: unknown; method?: WriteMethod },
  ): Promise<{ status: number; body: unknown; headers: Headers | null }> {
    const method = methodOf(init);
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        headers: headersFor(method, init.body !== undefined),
        ...(method === 'GET' ? {} : { method }),
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        credentials: 'same-origin',
        signal: init.signal,
      });
    } catch (error) {
      if (init.signal?.aborted) throw new ApiError('ABORTED', 'The request was cancelled.', 0);
      throw new ApiError('NETWORK_ERROR', NETWORK_MESSAGE, 0, { cause: String(error) });
    }
    // A fake fetch in the tests may answer without headers.
    const headers = response.headers ?? null;
    if (response.status === 204) return { status: 204, body: undefined, headers };
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      if (init.signal?.aborted) throw new ApiError('ABORTED', 'The request was cancelled.', 0);
      throw new ApiError(
        'BAD_RESPONSE',
        `The server sent an unreadable answer (HTTP ${response.status}).`,
        response.status,
      );
    }
    return { status: response.status, body, headers };
  }

  /** Rejects an error answer with the server's code, message and details. */
  function throwIfError(status: number, body: unknown, method: string): void {
    if (status < 400 && !isApiErrorBody(body)) return;
    if (isApiErrorBody(body) && body.error.code === 'UNAUTHENTICATED') {
      for (const listener of signInNeeded) listener();
      const message = method === 'GET' ? SIGNED_OUT_MESSAGES.read : SIGNED_OUT_MESSAGES.write;
      throw new ApiError(body.error.code, message, status, body.error.details);
    }
    if (isApiErrorBody(body))
      throw new ApiError(body.error.code, body.error.message, status, body.error.details);
    throw new ApiError('BAD_RESPONSE', `The server answered with HTTP ${status}.`, status);
  }

  async function getJson<T>(
    path: string,
    init: RequestOptions & { body?: unknown; method?: WriteMethod },
    isShape: (body: unknown) => boolean,
  ): Promise<T> {
    const { status, body } = await request(path, init);
    throwIfError(status, body, methodOf(init));
    if (!isShape(body)) {
      throw new ApiError(
        'BAD_RESPONSE',
        `The server's answer to ${path.split('?')[0]} has an unexpected shape.`,
        status,
      );
    }
    return body as T;
  }

  return {
    async health(init = {}) {
      const { status, body } = await request('/api/health', init);
      if (isObject(body) && isObject(body.database) && typeof body.database.status === 'string') {
        return body as unknown as HealthResponse;
      }
      if (isApiErrorBody(body))
        throw new ApiError(body.error.code, body.error.message, status, body.error.details);
      throw new ApiError('BAD_RESPONSE', `The health check answered with HTTP ${status}.`, status);
    },

    overview(limit, init = {}) {
      assertPositiveInteger('overview limit', limit);
      return getJson<OverviewResponse>(
        `/api/overview?limit=${limit}`,
        init,
        (body) =>
          isObject(body) &&
          Array.isArray(body.nodes) &&
          Array.isArray(body.edges) &&
          isObject(body.total),
      );
    },

    search(query, limit, { types, ...init } = {}) {
      const q = query.trim();
      if (q === '') throw new TypeError('api client: search query must not be blank');
      assertPositiveInteger('search limit', limit);
      const params = new URLSearchParams({ q, limit: String(limit) });
      if (types && types.length > 0) params.set('types', types.join(','));
      return getJson<SearchResponse>(
        `/api/search?${params.toString()}`,
        init,
        (body) => isObject(body) && Array.isArray(body.results),
      );
    },

    entity(id, init = {}) {
      if (id.trim() === '') throw new TypeError('api client: entity id must not be blank');
      return getJson<EntityDetails>(
        `/api/entities/${encodeURIComponent(id)}`,
        init,
        (body) => isObject(body) && typeof body.id === 'string' && Array.isArray(body.neighbours),
      );
    },

    relationship({ from, type, to }, init = {}) {
      const params = new URLSearchParams({ from, type, to });
      return getJson<RelationshipRead>(
        `/api/curation/relationships?${params.toString()}`,
        init,
        (body) =>
          isObject(body) &&
          typeof body.type === 'string' &&
          isObject(body.properties) &&
          Array.isArray(body.sources),
      );
    },

    neighbourhood(id, query, init = {}) {
      if (id.trim() === '') throw new TypeError('api client: neighbourhood id must not be blank');
      const params = new URLSearchParams({ id });
      if (query.depth !== undefined) params.set('depth', String(query.depth));
      if (query.limit !== undefined) {
        assertPositiveInteger('neighbourhood limit', query.limit);
        params.set('limit', String(query.limit));
      }
      if (query.prefer && query.prefer.length > 0) params.set('prefer', query.prefer.join(','));
      return getJson<NeighbourhoodResponse>(
        `/api/graph/neighbourhood?${params.toString()}`,
        init,
        isGraphChunk,
      );
    },

    subgraph(ids, init = {}) {
      if (ids.length === 0) throw new TypeError('api client: subgraph needs at least one id');
      return getJson<GraphChunk>('/api/graph/subgraph', { ...init, body: { ids } }, isGraphChunk);
    },

    relationshipDetails(ids, init = {}) {
      if (ids.length === 0)
        throw new TypeError('api client: relationshipDetails needs at least one id');
      return getJson<RelationshipDetailsResponse>(
        '/api/graph/relationship-details',
        { ...init, body: { ids } },
        (body) =>
          isObject(body) && Array.isArray(body.relationships) && Array.isArray(body.sources),
      );
    },

    paths(from, to, { rels, avoid, avoidKinds, k, ...init } = {}) {
      const params = new URLSearchParams({ from, to });
      if (k !== undefined) params.set('k', String(k));
      // An empty list is no filter to the API: the caller decides what following nothing means.
      if (rels && rels.length > 0) params.set('rels', rels.join(','));
      if (avoid && avoid.length > 0) params.set('avoid', avoid.join(','));
      if (avoidKinds && avoidKinds.length > 0) params.set('avoidKinds', avoidKinds.join(','));
      return getJson<PathsResponse>(
        `/api/graph/paths?${params.toString()}`,
        init,
        (body) => isGraphChunk(body) && Array.isArray((body as { paths?: unknown }).paths),
      );
    },

    facets(init = {}) {
      return getJson<FacetsResponse>('/api/facets', init, isObject);
    },

    stats(init = {}) {
      return getJson<StatsResponse>(
        '/api/stats',
        init,
        (body) => isObject(body) && isObject(body.totals),
      );
    },

    getJson(pathAndQuery, init = {}) {
      return getJson<unknown>(pathAndQuery, init, isObject);
    },

    send(method, pathAndQuery, body, init = {}) {
      return getJson<unknown>(
        pathAndQuery,
        { ...init, method, body },
        (answer) => answer === undefined || isObject(answer),
      );
    },

    async sendRecorded(method, pathAndQuery, body, init = {}) {
      const {
        status,
        body: answer,
        headers,
      } = await request(pathAndQuery, {
        ...init,
        method,
        body,
      });
      throwIfError(status, answer, method);
      return headers?.get('audit-id') ?? null;
    },
  };
}
