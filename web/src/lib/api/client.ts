/**
 * Typed fetch client for the DPG Explorer API. Every method resolves with the parsed body or rejects
 * with an {@link ApiError}; network failures, aborts and malformed bodies are turned into ApiErrors too,
 * so callers handle exactly one error type.
 */
import { ApiError, isApiErrorBody } from './api-error';
import type { EntityDetails, HealthResponse, OverviewResponse, SearchResponse } from './types';

/** What a client needs: where the API lives and which `fetch` to call (tests pass a fake). */
export interface ApiClientOptions {
  /** Prefix for every path, e.g. `''` for same-origin or `http://localhost:3000`. No trailing slash. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
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
  /** Full-text search over entity names; `query` must not be blank. */
  search(query: string, limit: number, options?: RequestOptions): Promise<SearchResponse>;
  /** One entity with its properties, neighbours and sources; rejects with status 404 when unknown. */
  entity(id: string, options?: RequestOptions): Promise<EntityDetails>;
}

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

/** Creates a client bound to one base URL and fetch implementation. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function request(
    path: string,
    init: RequestOptions,
  ): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        headers: { accept: 'application/json' },
        signal: init.signal,
      });
    } catch (error) {
      if (init.signal?.aborted) throw new ApiError('ABORTED', 'The request was cancelled.', 0);
      throw new ApiError('NETWORK_ERROR', NETWORK_MESSAGE, 0, { cause: String(error) });
    }
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
    return { status: response.status, body };
  }

  async function getJson<T>(
    path: string,
    init: RequestOptions,
    isShape: (body: unknown) => boolean,
  ): Promise<T> {
    const { status, body } = await request(path, init);
    if (status >= 400 || isApiErrorBody(body)) {
      if (isApiErrorBody(body)) {
        throw new ApiError(body.error.code, body.error.message, status, body.error.details);
      }
      throw new ApiError('BAD_RESPONSE', `The server answered with HTTP ${status}.`, status);
    }
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

    search(query, limit, init = {}) {
      const q = query.trim();
      if (q === '') throw new TypeError('api client: search query must not be blank');
      assertPositiveInteger('search limit', limit);
      const params = new URLSearchParams({ q, limit: String(limit) });
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
  };
}
