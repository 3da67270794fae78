/**
 * Fuzzing the explorer's read endpoints and the API documentation (every route of the `query`
 * group in fuzz-route-catalogue.ts): thousands of mutated requests, none answered with a 5xx or
 * an error without its JSON shape, and the database unchanged at the end. Also: paths under /api
 * that name no route, and malformed percent-encoding, get a JSON 404 or 400.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  fuzzParameters,
  fuzzTimeout,
  hostileString,
  wellFormed,
} from '../support/hostile-input.ts';
import { databaseSnapshot, useFuzzEnvironment } from './fuzz-fixture.ts';
import { expectCleanError, isHeaderOverflow, send } from './fuzz-http.ts';
import { fuzzGroup } from './fuzz-properties.ts';

const environment = useFuzzEnvironment();
let before: Awaited<ReturnType<typeof databaseSnapshot>>;
beforeAll(async () => {
  before = await databaseSnapshot(environment().db);
});

fuzzGroup('query', environment);

describe('paths that name no route', () => {
  const segment = fc.oneof(
    hostileString.map((s) => encodeURIComponent(wellFormed(s))),
    fc.constantFrom('%', '%E0%A4%A', '%zz', '..%2F..', '%00', ';', '~', '.json'),
  );

  it(
    'answer a JSON 404 or 400, never a 5xx',
    async () => {
      const env = environment();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
          fc.constantFrom(
            '/api/',
            '/api/graph/',
            '/api/entities/x/',
            '/api/curation/',
            '/api/docs/',
          ),
          fc.array(segment, { minLength: 1, maxLength: 3 }),
          async (method, prefix, segments) => {
            const path = `${prefix}fuzz-${segments.join('/')}`;
            const request = { method, path, query: [] };
            const reply = await send(env.url, request);
            const label = `${method} ${path} → ${reply.status}`;
            expect(reply.status, label).toBeLessThan(500);
            if (method !== 'OPTIONS' && !isHeaderOverflow(reply, request)) {
              expect([400, 404], label).toContain(reply.status);
              expectCleanError(reply, label);
            }
          },
        ),
        fuzzParameters('unknown routes'),
      );
    },
    fuzzTimeout(),
  );
});

describe('after all of it', () => {
  it('the database is as it was', async () => {
    expect(await databaseSnapshot(environment().db)).toEqual(before);
  });
});
