// Unit tests of the front end's API layer (web/src/lib/api/): the typed client against a fake fetch,
// its single error type, the async status helpers and the latest-request guard.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  canRetry,
  createApiClient,
  createLatestRequest,
  failure,
  isAbort,
  onSignInNeeded,
  SIGNED_OUT_MESSAGES,
  toUserFacingError,
  type EntityDetails,
} from '../../web/src/lib/api/index.ts';

const entity = JSON.parse(
  readFileSync(new URL('./fixtures/web/entity-unicef.json', import.meta.url), 'utf8'),
) as EntityDetails;

type FetchArgs = Parameters<typeof fetch>;

/** A fake fetch answering with `status` and `body` (a string is sent as is), recording the URLs asked for. */
function fakeFetch(status: number, body: unknown) {
  return vi.fn(
    async (..._args: FetchArgs) =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );
}

function clientWith(fetch: ReturnType<typeof fakeFetch>) {
  return createApiClient({
    baseUrl: 'http://api.test',
    fetch: fetch as unknown as typeof globalThis.fetch,
  });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('a request refused for want of a sign-in', () => {
  const unauthenticated = {
    error: {
      code: 'UNAUTHENTICATED',
      message: 'Sign in (POST /api/auth/session) or send Authorization: Bearer <token>.',
    },
  };

  it('tells the session and says it in the reader’s words, a save or a read', async () => {
    const told = vi.fn();
    const stop = onSignInNeeded(told);
    try {
      const client = clientWith(fakeFetch(401, unauthenticated));
      const save = await rejection(client.send('PATCH', '/api/curation/entities/org:a', {}));
      expect(save).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
      expect(save.message).toBe(SIGNED_OUT_MESSAGES.write);
      const read = await rejection(client.getJson('/api/audit'));
      expect(read.message).toBe(SIGNED_OUT_MESSAGES.read);
      expect(told).toHaveBeenCalledTimes(2);
    } finally {
      stop();
    }
  });

  it('leaves a wrong password as the server said it, telling no one', async () => {
    const told = vi.fn();
    const stop = onSignInNeeded(told);
    try {
      const wrong = {
        error: { code: 'INVALID_CREDENTIALS', message: 'Wrong account name or password.' },
      };
      const error = await rejection(
        clientWith(fakeFetch(401, wrong)).send('POST', '/api/auth/session', {}),
      );
      expect(error.message).toBe('Wrong account name or password.');
      expect(told).not.toHaveBeenCalled();
    } finally {
      stop();
    }
  });
});

describe('createApiClient', () => {
  it('asks for paths with only the filters given, the kinds beside the types', async () => {
    const answer = { from: 'org:a', to: 'org:b', nodes: [], edges: [], paths: [] };
    const fetch = fakeFetch(200, answer);
    const client = clientWith(fetch);
    await client.paths('org:a', 'org:b', { avoid: ['Country'], avoidKinds: ['company', 'ngo'] });
    await client.paths('org:a', 'org:b', { avoid: [], avoidKinds: [] });
    const asked = fetch.mock.calls.map((call) => new URL(String(call[0])).searchParams);
    expect(asked[0]?.get('avoid')).toBe('Country');
    expect(asked[0]?.get('avoidKinds')).toBe('company,ngo');
    // No filter, no parameter: the request (and the answer cache's key) of the unfiltered paths.
    expect([...asked[1]!.keys()]).toEqual(['from', 'to']);
  });

  it('fetches an entity with its id URL-encoded and returns the body', async () => {
    const fetch = fakeFetch(200, entity);
    const result = await clientWith(fetch).entity(
      'activity:unicef/co-leading-the-community-of-practice-on-ai',
    );
    expect(fetch.mock.calls[0]?.[0]).toBe(
      'http://api.test/api/entities/activity%3Aunicef%2Fco-leading-the-community-of-practice-on-ai',
    );
    expect(result.label).toBe('UNICEF');
  });

  it('reads a relationship with the sources stating it in one request', async () => {
    const answer = {
      from: 'org:unicef',
      type: 'FUNDS',
      to: 'dpg:rapidpro',
      fromLabel: 'UNICEF',
      toLabel: 'RapidPro',
      version: 0,
      properties: { sources: [entity.sources[0]!.id], evidence: ['funds it'] },
      editedProperties: [],
      sources: [entity.sources[0]!],
    };
    const fetch = fakeFetch(200, answer);
    const ref = { from: 'org:unicef', type: 'FUNDS', to: 'dpg:rapidpro' };
    expect(await clientWith(fetch).relationship(ref)).toEqual(answer);
    expect(fetch.mock.calls.map((call) => String(call[0]))).toEqual([
      'http://api.test/api/curation/relationships?from=org%3Aunicef&type=FUNDS&to=dpg%3Arapidpro',
    ]);
    // The panel names the sources from this answer alone: one without them is not the answer.
    const { sources: _, ...withoutSources } = answer;
    const error = await rejection(clientWith(fakeFetch(200, withoutSources)).relationship(ref));
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('sends the search query and limit as parameters, trimmed', async () => {
    const fetch = fakeFetch(200, { query: 'dhis', results: [] });
    await clientWith(fetch).search('  DHIS & co ', 12);
    const url = new URL(String(fetch.mock.calls[0]?.[0]));
    expect(url.pathname).toBe('/api/search');
    expect(url.searchParams.get('q')).toBe('DHIS & co');
    expect(url.searchParams.get('limit')).toBe('12');
  });

  it('rejects with the server error code and status for an error body', async () => {
    const fetch = fakeFetch(404, { error: { code: 'NOT_FOUND', message: 'No entity org:nobody' } });
    const error = await rejection(clientWith(fetch).entity('org:nobody'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.status).toBe(404);
    expect(error.isNotFound).toBe(true);
  });

  it('marks a 503 answer as unavailable', async () => {
    const fetch = fakeFetch(503, { error: { code: 'DATABASE_UNAVAILABLE', message: 'down' } });
    const error = await rejection(clientWith(fetch).overview(100));
    expect(error.isUnavailable).toBe(true);
  });

  it('returns the health body for a 503, because a down database is an answer, not a failure', async () => {
    const body = {
      status: 'degraded',
      version: '0.1.0',
      database: { status: 'down', message: 'refused' },
    };
    const health = await clientWith(fakeFetch(503, body)).health();
    expect(health.database.status).toBe('down');
  });

  it('turns a network failure into NETWORK_ERROR with status 0', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    const error = await rejection(
      createApiClient({ fetch: fetch as unknown as typeof globalThis.fetch }).overview(10),
    );
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.status).toBe(0);
  });

  it('turns an unreadable or unexpected body into BAD_RESPONSE', async () => {
    expect((await rejection(clientWith(fakeFetch(200, '<html>')).overview(10))).code).toBe(
      'BAD_RESPONSE',
    );
    expect((await rejection(clientWith(fakeFetch(200, { nodes: 'no' })).overview(10))).code).toBe(
      'BAD_RESPONSE',
    );
    expect((await rejection(clientWith(fakeFetch(500, { oops: true })).search('x', 5))).code).toBe(
      'BAD_RESPONSE',
    );
  });

  it('reports an aborted request as ABORTED, which the UI ignores', async () => {
    const controller = new AbortController();
    const fetch = vi.fn(async (_url: FetchArgs[0], init?: FetchArgs[1]) => {
      controller.abort();
      throw init?.signal?.reason ?? new Error('aborted');
    });
    const client = createApiClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    const error = await rejection(client.search('x', 5, { signal: controller.signal }));
    expect(error.isAborted).toBe(true);
    expect(isAbort(error)).toBe(true);
  });

  it('checks its inputs before calling the server', () => {
    const fetch = fakeFetch(200, {});
    const client = clientWith(fetch);
    expect(() => client.search('   ', 5)).toThrow(TypeError);
    expect(() => client.search('x', 0)).toThrow(TypeError);
    expect(() => client.overview(1.5)).toThrow(TypeError);
    expect(() => client.entity(' ')).toThrow(TypeError);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('async status helpers', () => {
  it('keep the API message and code for the user', () => {
    const status = failure(new ApiError('NOT_FOUND', 'No entity org:x', 404));
    expect(status).toEqual({
      state: 'error',
      error: { code: 'NOT_FOUND', message: 'No entity org:x', status: 404 },
    });
  });

  it('give a generic message for anything else thrown', () => {
    expect(toUserFacingError('weird').code).toBe('UNEXPECTED');
    expect(toUserFacingError(new Error('Boom')).message).toBe('Boom');
  });

  it('offer a retry only where asking again may succeed', () => {
    const error = (e: unknown) => toUserFacingError(e);
    expect(canRetry(error(new ApiError('NETWORK_ERROR', 'offline', 0)))).toBe(true);
    expect(canRetry(error(new ApiError('DATABASE_UNAVAILABLE', 'down', 503)))).toBe(true);
    expect(canRetry(error(new ApiError('RATE_LIMITED', 'slow down', 429)))).toBe(true);
    expect(canRetry(error(new ApiError('INTERNAL', 'oops', 500)))).toBe(true);
    expect(canRetry(error(new ApiError('VALIDATION_ERROR', 'bad id', 400)))).toBe(false);
    expect(canRetry(error(new ApiError('NOT_FOUND', 'no entity', 404)))).toBe(false);
    expect(canRetry(error(new Error('This view does not apply to a Country.')))).toBe(false);
  });
});

describe('createLatestRequest', () => {
  it('aborts the previous request when a new one starts', async () => {
    const latest = createLatestRequest();
    const signals: AbortSignal[] = [];
    const start = (signal: AbortSignal) => {
      signals.push(signal);
      return Promise.resolve(signals.length);
    };
    await latest.run(start);
    await latest.run(start);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
    latest.cancel();
    expect(signals[1]?.aborted).toBe(true);
  });
});
