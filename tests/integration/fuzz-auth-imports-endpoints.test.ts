/**
 * Fuzzing sign-in, sign-out, "who am I" and the imports API (the `auth-imports` group of
 * fuzz-route-catalogue.ts), then two things no single route covers: hostile credentials (any
 * Authorization header, session cookie or CSRF token) on reads and writes, and imports of
 * malformed documents — real sources mutated — which must fail as the importer's own error,
 * naming the document, and leave the graph exactly as it was, or succeed and leave it consistent.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fuzzParameters,
  fuzzTimeout,
  HOSTILE,
  mutatedJsonText,
  mutatedText,
} from '../support/hostile-input.ts';
import { serveRegistry, REGISTRY_DIR, ROADMAP_FILE } from '../support/registry-copy.ts';
import { hasSharedData } from '../support/shared-data.ts';
import {
  ADMIN_TOKEN,
  databaseSnapshot,
  invariantViolations,
  MEMBERS_DOCUMENT,
  useFuzzEnvironment,
  waitForJob,
} from './fuzz-fixture.ts';
import { expectCleanError, send, type WireRequest } from './fuzz-http.ts';
import { fuzzGroup } from './fuzz-properties.ts';

const environment = useFuzzEnvironment();

fuzzGroup('auth-imports', environment);

/** Header values fetch can send (no CR, LF or NUL; Latin-1), from hostile strings. */
const headerValue = fc
  .oneof(
    fc.constantFrom(...HOSTILE.filter((h) => h.length < 2_000)),
    fc.string({ maxLength: 80 }),
    // Near misses of real credentials (fetch trims header values, so no trailing blanks).
    fc.constantFrom('dpgx_', 'dpgx_0000', ADMIN_TOKEN.slice(0, -1), `${ADMIN_TOKEN}x`),
  )
  .map((v) => v.replace(/[^\x20-\x7e\x80-\xff]/g, '?'));

describe('hostile credentials', () => {
  const credentials = fc.record(
    {
      authorization: fc.oneof(
        headerValue.map((v) => `Bearer ${v}`),
        headerValue.map((v) => `Basic ${v}`),
        headerValue,
      ),
      cookie: fc.oneof(
        headerValue.map((v) => `dpgx_session=${v}`),
        fc.tuple(headerValue, headerValue).map(([s, c]) => `dpgx_session=${s}; dpgx_csrf=${c}`),
        headerValue,
      ),
      'x-csrf-token': headerValue,
    },
    { requiredKeys: [] },
  );

  const ROUTES: Omit<WireRequest, 'headers'>[] = [
    { method: 'GET', path: '/api/auth/me', query: [] },
    { method: 'GET', path: '/api/audit', query: [] },
    { method: 'GET', path: '/api/imports', query: [] },
    { method: 'DELETE', path: '/api/auth/session', query: [] },
    {
      method: 'POST',
      path: '/api/curation/entities',
      query: [],
      body: {
        text: JSON.stringify({ type: 'Organisation', properties: { name: 'Fuzz Intruder' } }),
        contentType: 'application/json',
      },
    },
    {
      method: 'POST',
      path: '/api/imports',
      query: [],
      body: {
        text: JSON.stringify({ kind: 'members', content: MEMBERS_DOCUMENT, name: 'm.json' }),
        contentType: 'application/json',
      },
    },
  ];

  it(
    'are refused with 401 or 403 in the JSON error shape, and write nothing',
    async () => {
      const env = environment();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ROUTES), credentials, async (route, headers) => {
          const before = await databaseSnapshot(env.db);
          const reply = await send(env.url, { ...route, headers });
          const label = `${route.method} ${route.path} with ${JSON.stringify(headers).slice(0, 200)} → ${reply.status}`;
          expect(reply.status, label).toBeLessThan(500);
          // Reads are public: /api/auth/me answers anyone; every route that needs an account refuses.
          if (route.path === '/api/auth/me') expect(reply.status, label).toBeLessThan(402);
          else expect([400, 401, 403], label).toContain(reply.status);
          if (reply.status >= 400) expectCleanError(reply, label);
          expect(await databaseSnapshot(env.db), label).toEqual(before);
        }),
        fuzzParameters('hostile credentials', 1.5),
      );
    },
    fuzzTimeout(1.5),
  );
});

describe.runIf(hasSharedData())('imports of malformed documents', () => {
  const dirs: string[] = [];
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const OTHER_PAGE = readFileSync(
    path.join(import.meta.dirname, '..', 'fixtures', 'member-pages', 'other-member.txt'),
    'utf8',
  );
  const SHEET = readFileSync(ROADMAP_FILE, 'utf8').split('\n').slice(0, 8).join('\n');
  const REGISTRY_IDS = ['dhis2', 'aam-digital'];
  const registryRecords = REGISTRY_IDS.map(
    (id) =>
      JSON.parse(readFileSync(path.join(REGISTRY_DIR, 'dpg', `${id}.json`), 'utf8')) as unknown,
  );

  /** An import request's document: sent as content, or (the registry) served at a URL. */
  type Document =
    | { kind: 'member-page' | 'members' | 'activities-csv'; name: string; content: string }
    | { kind: 'dpg-registry'; index: number; detail: string };

  /** Each kind of import, with a mutated document of its kind (real data as the seed). */
  const document: fc.Arbitrary<Document> = fc.oneof(
    mutatedText(OTHER_PAGE).map((content): Document => ({
      kind: 'member-page',
      name: 'page.txt',
      content,
    })),
    mutatedJsonText(JSON.parse(MEMBERS_DOCUMENT)).map((content): Document => ({
      kind: 'members',
      name: 'members.json',
      content,
    })),
    mutatedText(SHEET).map((content): Document => ({
      kind: 'activities-csv',
      name: 'sheet.csv',
      content,
    })),
    fc
      .tuple(fc.nat({ max: REGISTRY_IDS.length - 1 }), fc.constantFrom(...registryRecords))
      .chain(([index, record]) =>
        mutatedJsonText(record).map((detail): Document => ({
          kind: 'dpg-registry',
          index,
          detail,
        })),
      ),
  );

  /** A registry served over HTTP whose one detail document is the mutated text. */
  async function registryUrl(index: number, detail: string): Promise<string> {
    const dir = mkdtempSync(path.join(tmpdir(), 'fuzz-registry-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'dpg'));
    const list = JSON.parse(readFileSync(path.join(REGISTRY_DIR, 'dpgs.json'), 'utf8')) as {
      id: string;
    }[];
    writeFileSync(
      path.join(dir, 'dpgs.json'),
      JSON.stringify(list.filter((r) => REGISTRY_IDS.includes(r.id))),
    );
    REGISTRY_IDS.forEach((id, i) =>
      writeFileSync(
        path.join(dir, 'dpg', `${id}.json`),
        i === index ? detail : JSON.stringify(registryRecords[i]),
      ),
    );
    const served = await serveRegistry(dir);
    servers.push(served.server);
    return served.url;
  }

  it(
    'fail naming the document and change nothing, or succeed and leave the graph consistent',
    async () => {
      const env = environment();
      // The job's own bookkeeping: its record, the measures' and its writes' commit receipts.
      const outside = { except: ['ImportJob', 'GraphMetrics', 'CommitReceipt'] };
      const outcomes = new Map<string, number>();
      const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      await fc.assert(
        fc.asyncProperty(document, async (doc) => {
          const body =
            doc.kind === 'dpg-registry'
              ? { kind: doc.kind, url: await registryUrl(doc.index, doc.detail) }
              : { kind: doc.kind, name: doc.name, content: doc.content };
          const before = await databaseSnapshot(env.db, outside);
          const reply = await send(env.url, {
            method: 'POST',
            path: '/api/imports',
            query: [],
            headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
            body: { text: JSON.stringify(body), contentType: 'application/json' },
          });
          const label = `${doc.kind} import → ${reply.status}`;
          count(`${doc.kind} ${reply.status}`);
          if (reply.status !== 202) {
            // The request itself was refused (e.g. an empty document): nothing may have started.
            expect(reply.status, `${label}: ${reply.text.slice(0, 300)}`).toBeLessThan(500);
            expectCleanError(reply, label);
            expect(await databaseSnapshot(env.db, outside), label).toEqual(before);
            return;
          }
          const job = await waitForJob(env.db, String(reply.json.id));
          count(`${doc.kind} ${job.status}`);
          if (job.status === 'failed') {
            // The importer's own error, which names the document — never "failed on the server".
            expect(job.error, label).not.toMatch(/failed on the server/);
            const named = doc.kind === 'dpg-registry' ? /dpgs|dpg\// : doc.name;
            expect(job.error, label).toMatch(named);
            expect(await databaseSnapshot(env.db, outside), `${label}: ${job.error}`).toEqual(
              before,
            );
          } else {
            expect(await invariantViolations(env.db), label).toEqual([]);
            await env.restore();
          }
        }),
        fuzzParameters('imports of malformed documents', 0.75),
      );
      if (process.env.FUZZ_STATS) console.log('import outcomes', Object.fromEntries(outcomes));
      // An import job runs the importer, the graph writer and the network measures: seconds each.
    },
    fuzzTimeout(0.75, 10_000),
  );
});
