// The answer cache serves a repeated graph read without computing it again, and never serves an
// answer from before a write: not the app's own writes, not a write straight to Neo4j by another
// client (which is what other app instances and scripts are to this one).
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FactSet } from '../../server/importers/graph/graph-facts.ts';
import { writeFacts } from '../../server/importers/graph/graph-writer.ts';
import { AnswerCache, GZIP_THRESHOLD_BYTES } from '../../server/services/answer-cache.ts';
import { serveApi, type TestApi } from '../support/api-client.ts';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';

const db = openTestDatabase();
let api: TestApi;

const SOURCE = {
  id: 'source:test:answer-cache',
  kind: 'test',
  uri: 'test://answer-cache',
  title: 'A small graph for the answer cache',
  checksum: 'v1',
};

function smallGraph(): FactSet {
  const facts = new FactSet();
  facts.addNode({
    id: 'org:alpha',
    label: 'Organisation',
    props: { name: 'Alpha' },
    evidence: 't',
  });
  facts.addNode({
    id: 'activity:alpha/one',
    label: 'Activity',
    props: { name: 'One' },
    evidence: 't',
  });
  facts.addRelationship({
    from: 'org:alpha',
    type: 'LEADS',
    to: 'activity:alpha/one',
    props: {},
    evidence: 't',
  });
  return facts;
}

/** A compute function that counts its calls and answers after `ms`. */
function counted(answer: unknown = { ok: true }, ms = 0) {
  const calls = { count: 0 };
  const compute = async () => {
    calls.count++;
    await new Promise((resolve) => setTimeout(resolve, ms));
    return answer;
  };
  return { calls, compute };
}

beforeAll(async () => {
  api = await serveApi(db);
});

beforeEach(async () => {
  await resetGraph(db);
  await writeFacts(db, SOURCE, smallGraph());
});

afterAll(async () => {
  await api.close();
  await db.close();
});

/** The JSON of an answer, as the routes send it to a client that does not ask for gzip. */
async function json(
  cache: AnswerCache,
  kind: string,
  request: unknown,
  compute: () => Promise<unknown>,
): Promise<string> {
  return (await cache.answer(kind, request, compute)).json;
}

describe('the answer cache', () => {
  it('computes a repeated request once while the graph is unchanged', async () => {
    const cache = new AnswerCache(db);
    const { calls, compute } = counted({ answer: 42 });
    expect(await json(cache, 'k', { id: 'x' }, compute)).toBe('{"answer":42}');
    expect(await json(cache, 'k', { id: 'x' }, compute)).toBe('{"answer":42}');
    expect(calls.count).toBe(1);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
    // Another request, or another kind with the same parameters, is another answer.
    await json(cache, 'k', { id: 'y' }, compute);
    await json(cache, 'other', { id: 'x' }, compute);
    expect(calls.count).toBe(3);
  });

  it('computes again after any write, including one straight to Neo4j', async () => {
    const cache = new AnswerCache(db);
    const { calls, compute } = counted();
    await json(cache, 'k', {}, compute);
    await query(
      db,
      "CREATE (:Entity:Organisation {id: 'org:written-elsewhere', name: 'Elsewhere'})",
    );
    await json(cache, 'k', {}, compute);
    expect(calls.count).toBe(2);
    await db.write('admin/wipe');
    await json(cache, 'k', {}, compute);
    expect(calls.count).toBe(3);
  });

  it('lets identical requests in flight share one computation', async () => {
    const cache = new AnswerCache(db);
    const { calls, compute } = counted({ slow: true }, 200);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => json(cache, 'k', {}, compute)),
    );
    expect(new Set(answers)).toEqual(new Set(['{"slow":true}']));
    expect(calls.count).toBe(1);
    expect(cache.stats.joined).toBe(4);
  });

  it('never keeps an error', async () => {
    const cache = new AnswerCache(db);
    let attempt = 0;
    const failingOnce = async () => {
      attempt++;
      if (attempt === 1) throw new Error('first attempt fails');
      return { attempt };
    };
    await expect(json(cache, 'k', {}, failingOnce)).rejects.toThrow('first attempt fails');
    expect(await json(cache, 'k', {}, failingOnce)).toBe('{"attempt":2}');
  });

  it('keeps a large answer gzipped, compressed once however often it is served', async () => {
    const cache = new AnswerCache(db);
    const large = { names: Array.from({ length: 200 }, (_, i) => `entity number ${i}`) };
    const { compute } = counted(large);
    const first = await cache.answer('k', {}, compute);
    const second = await cache.answer('k', {}, compute);
    expect(Buffer.byteLength(first.json)).toBeGreaterThanOrEqual(GZIP_THRESHOLD_BYTES);
    expect(gunzipSync(first.gzip!).toString()).toBe(JSON.stringify(large));
    expect(second.gzip).toBe(first.gzip);
    // Its own memory, as counted: not a view into zlib's larger output block.
    expect(first.gzip!.buffer.byteLength).toBe(first.gzip!.byteLength);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, compressed: 1 });
    // Too small to gain from gzip, and nothing to keep with the cache off.
    expect((await cache.answer('small', {}, counted({ ok: true }).compute)).gzip).toBeUndefined();
    const off = new AnswerCache(db, { maxMegabytes: 0 });
    expect((await off.answer('k', {}, compute)).gzip).toBeUndefined();
    expect(cache.stats.compressed).toBe(1);
  });

  it('computes every time when given no memory', async () => {
    const cache = new AnswerCache(db, { maxMegabytes: 0 });
    const { calls, compute } = counted();
    await json(cache, 'k', {}, compute);
    await json(cache, 'k', {}, compute);
    expect(cache.enabled).toBe(false);
    expect(calls.count).toBe(2);
  });
});

describe('cached routes', () => {
  const neighbourhood = '/api/graph/neighbourhood?id=org%3Aalpha&depth=1';
  const ids = (body: { nodes: { data: { id: string } }[] }) =>
    body.nodes.map((n) => n.data.id).sort();

  it('answer a repeated request the same, as JSON', async () => {
    const first = await api.get(neighbourhood);
    const second = await api.get(neighbourhood);
    expect(first.status).toBe(200);
    expect(second.headers.get('content-type')).toMatch(/^application\/json/);
    expect(second.body).toEqual(first.body);
    expect(ids(first.body)).toEqual(['activity:alpha/one', 'org:alpha']);
  });

  it('show a relationship another client wrote on the very next request', async () => {
    expect(ids((await api.get(neighbourhood)).body)).toEqual(['activity:alpha/one', 'org:alpha']);
    await query(
      db,
      `MATCH (o:Entity {id: 'org:alpha'})
       CREATE (o)-[:LEADS]->(:Entity:Activity {id: 'activity:alpha/two', name: 'Two'})`,
    );
    expect(ids((await api.get(neighbourhood)).body)).toEqual([
      'activity:alpha/one',
      'activity:alpha/two',
      'org:alpha',
    ]);
  });

  it('do not keep a 404: the entity is found once it exists', async () => {
    const missing = '/api/graph/neighbourhood?id=org%3Alater&depth=1';
    expect((await api.get(missing)).status).toBe(404);
    await query(db, "CREATE (:Entity:Organisation {id: 'org:later', name: 'Later'})");
    expect((await api.get(missing)).status).toBe(200);
  });
});

/** A GET with exactly the given headers (fetch would add and undo its own gzip). */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = request(api.url + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('cached routes and gzip', () => {
  const neighbourhood = '/api/graph/neighbourhood?id=org%3Aalpha&depth=1';

  beforeEach(async () => {
    // Enough activities for an answer above the gzip threshold.
    await query(
      db,
      `MATCH (o:Entity {id: 'org:alpha'})
       UNWIND range(1, 30) AS i
       CREATE (o)-[:LEADS]->(:Entity:Activity {id: 'activity:alpha/extra-' + i, name: 'Extra activity ' + i})`,
    );
  });

  it('send the stored gzip bytes, with their length, to a client that accepts gzip', async () => {
    const plain = await rawGet(neighbourhood, {});
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.byteLength).toBeGreaterThanOrEqual(GZIP_THRESHOLD_BYTES);
    for (let i = 0; i < 2; i++) {
      const zipped = await rawGet(neighbourhood, { 'accept-encoding': 'gzip, deflate, br' });
      expect(zipped.status).toBe(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers['content-type']).toMatch(/^application\/json/);
      expect(zipped.headers['vary']).toMatch(/Accept-Encoding/);
      // A stored body has a length; the compression middleware would stream it chunked.
      expect(Number(zipped.headers['content-length'])).toBe(zipped.body.byteLength);
      expect(JSON.parse(gunzipSync(zipped.body).toString())).toEqual(
        JSON.parse(plain.body.toString()),
      );
    }
  });

  it('answer a revalidation of the stored gzip with a bare 304', async () => {
    const browser = { 'accept-encoding': 'gzip, deflate, br' };
    const zipped = await rawGet(neighbourhood, browser);
    const etag = zipped.headers['etag'] as string;
    expect(etag).toBeTruthy();
    // The gzip and the identity JSON have tags of their own, so a cache never takes one for the
    // other (encodings the middleware applies, such as br, keep the identity tag, as before).
    expect((await rawGet(neighbourhood, {})).headers['etag']).not.toBe(etag);
    const again = await rawGet(neighbourhood, { ...browser, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect(again.headers['etag']).toBe(etag);
    expect(again.headers['vary']).toMatch(/Accept-Encoding/);
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.headers['content-type']).toBeUndefined();
    // A tag that no longer matches gets the answer in full.
    const stale = await rawGet(neighbourhood, { ...browser, 'if-none-match': 'W/"stale"' });
    expect(stale.status).toBe(200);
    expect(stale.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(stale.body).byteLength).toBeGreaterThan(0);
  });

  it('leave other encodings to the compression middleware', async () => {
    for (const acceptEncoding of ['identity', 'gzip;q=0, identity']) {
      const answer = await rawGet(neighbourhood, { 'accept-encoding': acceptEncoding });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(answer.body.toString()).centre).toBe('org:alpha');
    }
    const brotli = await rawGet(neighbourhood, { 'accept-encoding': 'br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(brotli.body).toString()).centre).toBe('org:alpha');
  });
});
