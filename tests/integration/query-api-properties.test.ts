/**
 * Property tests: random and hostile strings — Cypher and Lucene syntax, quotes, control
 * characters, unicode, 100 kB — in every parameter of every query endpoint never give a 500 and
 * never change the graph. Runs are bounded (CASES per parameter) so the file stays well under a
 * minute.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, type TestApi } from '../support/api-client.ts';
import {
  graphSnapshot,
  importSeed,
  openTestDatabase,
  resetGraph,
} from '../support/graph-fixture.ts';
import { hostileString, wellFormed } from '../support/hostile-input.ts';
import { hasSharedData } from '../support/shared-data.ts';
import { addTrickyDpg } from './query-api-fixture.ts';

const CASES = 30;
const db = openTestDatabase();
let api: TestApi;
let before: Awaited<ReturnType<typeof graphSnapshot>>;

beforeAll(async () => {
  await resetGraph(db);
  if (hasSharedData()) await importSeed(db);
  await addTrickyDpg(db).catch(() => undefined);
  await db.read('admin/await-indexes', { timeoutSeconds: 30 });
  api = await serveApi(db);
  before = await graphSnapshot(db);
}, 120_000);

afterAll(async () => {
  await api.close();
  await resetGraph(db);
  await db.close();
});

/** GETs a path with one parameter replaced; answers the status. */
async function getWith(path: string, base: Record<string, string>, name: string, value: string) {
  const params = new URLSearchParams({ ...base, [name]: value });
  const response = await fetch(`${api.url}${path}?${params.toString()}`);
  await response.arrayBuffer();
  return response.status;
}

const ENDPOINTS: [string, Record<string, string>, string[]][] = [
  ['/api/search', { q: 'unicef' }, ['q', 'types', 'limit', 'offset']],
  ['/api/entities/org%3Aunicef', {}, ['neighbours']],
  ['/api/overview', {}, ['limit', 'mode']],
  [
    '/api/graph/neighbourhood',
    { id: 'org:unicef' },
    ['id', 'depth', 'types', 'rels', 'limit', 'prefer'],
  ],
  [
    '/api/graph/paths',
    { from: 'org:google', to: 'org:unicef' },
    ['from', 'to', 'maxHops', 'k', 'rels'],
  ],
  ['/api/stats', {}, ['top', 'examples']],
  ['/api/facets', {}, ['limit']],
  ['/api/export', { format: 'csv' }, ['format', 'part', 'id', 'depth', 'types', 'rels', 'limit']],
];

describe('hostile query parameters', () => {
  it.each(ENDPOINTS.map(([path, base]) => [path, base] as const))(
    'GET %s answers 200 with its baseline parameters (so the properties start from a valid request)',
    async (path, base) => {
      const response = await fetch(`${api.url}${path}?${new URLSearchParams(base).toString()}`);
      await response.arrayBuffer();
      expect(response.status).toBe(200);
    },
  );

  for (const [path, base, names] of ENDPOINTS) {
    it.each(names)(`GET ${path}: any %s gives no 500`, async (name) => {
      await fc.assert(
        fc.asyncProperty(hostileString, async (value) => {
          const status = await getWith(path, base, name, value);
          expect(status, `${name}=${JSON.stringify(value.slice(0, 80))}`).toBeLessThan(500);
        }),
        { numRuns: CASES },
      );
    });
  }

  it('GET /api/entities/:id: any id gives no 500', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (value) => {
        // A lone surrogate cannot be percent-encoded (encodeURIComponent throws), so none is sent.
        const id = encodeURIComponent(wellFormed(value));
        const response = await fetch(`${api.url}/api/entities/${id}`);
        await response.arrayBuffer();
        expect(response.status, JSON.stringify(value.slice(0, 80))).toBeLessThan(500);
      }),
      { numRuns: CASES },
    );
  });

  it('leave the graph unchanged', async () => {
    expect(await graphSnapshot(db)).toEqual(before);
  });
});

describe('hostile subgraph bodies', () => {
  const postJson = async (body: string) => {
    const response = await fetch(`${api.url}/api/graph/subgraph`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  };

  it('any ids give no 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileString, { minLength: 0, maxLength: 20 }), async (ids) => {
        const status = await postJson(JSON.stringify({ ids }));
        expect(status).toBeLessThan(500);
      }),
      { numRuns: CASES },
    );
  });

  it('any rels give no 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileString, { maxLength: 5 }), async (rels) => {
        const status = await postJson(JSON.stringify({ ids: ['org:unicef', 'org:google'], rels }));
        expect(status).toBeLessThan(500);
      }),
      { numRuns: CASES },
    );
  });

  it('any JSON value, and any text, as the body gives no 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
          hostileString,
        ),
        async (body) => {
          expect(await postJson(body)).toBeLessThan(500);
        },
      ),
      { numRuns: CASES },
    );
  });

  it('a 2 MB body is refused as too large, not a 500', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `org:padding-${i}`);
    expect(await postJson(JSON.stringify({ ids }))).toBe(413);
  });

  it('leave the graph unchanged', async () => {
    expect(await graphSnapshot(db)).toEqual(before);
  });
});
