/**
 * The generic property the fuzz files run on every route of the catalogue: a case is the route's
 * baseline request with parameters changed (hostile, well-shaped-but-unknown, missing, duplicated
 * or extra), or a body of its own (mutated, malformed, of the wrong content type, nested 20,000
 * deep, over the size limit). Every reply must be below 500; every 4xx must be a clean JSON error,
 * and a validation error must name the parameter a single-change case changed; a rejected write
 * must leave the whole database exactly as it was; an accepted one must keep the graph's
 * invariants with one audit event per curation write, after which the fixture is restored.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyJsonMutations,
  fuzzParameters,
  fuzzTimeout,
  hostileJson,
  hostileNumber,
  hostileString,
  HOSTILE_KEYS,
  jsonMutations,
  malformedJsonText,
  numberishString,
  plannedCases,
  unknownEntityId,
  wellFormed,
  type JsonMutation,
} from '../support/hostile-input.ts';
import {
  ADMIN_TOKEN,
  databaseSnapshot,
  invariantViolations,
  waitForJob,
  type FuzzEnvironment,
  type Snapshot,
} from './fuzz-fixture.ts';
import {
  expectCleanError,
  isHeaderOverflow,
  send,
  type Reply,
  type WireRequest,
} from './fuzz-http.ts';
import {
  parametersOf,
  routeKey,
  routesOf,
  type Baseline,
  type Credential,
  type FuzzGroup,
  type RouteSpec,
  type Where,
} from './fuzz-route-catalogue.ts';

/** One change to a parameter (`key` is `where.name`). */
type Edit =
  | { op: 'set'; key: string; value: unknown }
  | { op: 'drop'; key: string }
  | { op: 'duplicate'; key: string; values: [string, string] }
  | { op: 'extra'; key: string; value: unknown };

/** A request made from the route's baseline by edits, or a body of its own. */
type Case =
  | { kind: 'edits'; edits: Edit[] }
  | { kind: 'mutated-body'; mutations: JsonMutation[] }
  | { kind: 'raw-body'; text: string; contentType: string | null }
  | { kind: 'content-type'; contentType: string | null }
  | { kind: 'deep-body'; levels: number; arrays: boolean; at: number; replace: boolean }
  | { kind: 'huge-body' };

const CONTENT_TYPES = [
  null,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=bogus',
  'application/json;;;',
  'application/merge-patch+json',
  'application/vnd.api+json',
  '*/*',
];

const whereOf = (key: string) => key.split('.')[0] as Where;
const nameOf = (key: string) => key.slice(key.indexOf('.') + 1);

/** Random, hostile and well-shaped values for one parameter. */
function valueFor(spec: RouteSpec, key: string): fc.Arbitrary<unknown> {
  const where = whereOf(key);
  const generic =
    where === 'body'
      ? fc.oneof(
          hostileJson(3),
          hostileString,
          hostileNumber,
          fc.array(hostileString, { maxLength: 4 }),
        )
      : fc.oneof(hostileString, numberishString, unknownEntityId);
  const shaped = spec.shaped?.[key];
  const shapedForWhere =
    shaped && where !== 'body'
      ? shaped.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
      : shaped;
  return shapedForWhere
    ? fc.oneof({ weight: 2, arbitrary: shapedForWhere }, { weight: 3, arbitrary: generic })
    : generic;
}

function editArbitrary(spec: RouteSpec): fc.Arbitrary<Edit> {
  const params = parametersOf(spec);
  const hasBody = params.some((p) => p.startsWith('body.')) || spec.method !== 'GET';
  const extraWhere: Where[] = hasBody && spec.method !== 'DELETE' ? ['query', 'body'] : ['query'];
  const extra = fc
    .tuple(
      fc.constantFrom(...extraWhere),
      fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 10 })),
      fc.oneof(hostileString, hostileJson(2)),
    )
    .map(([where, name, value]): Edit => ({ op: 'extra', key: `${where}.${name}`, value }));
  const perParameter = params.map((key) => {
    const value = valueFor(spec, key);
    const options: fc.Arbitrary<Edit>[] = [
      value.map((v): Edit => ({ op: 'set', key, value: v })),
      value.map((v): Edit => ({ op: 'set', key, value: v })),
      fc.constant<Edit>({ op: 'drop', key }),
    ];
    if (whereOf(key) === 'query')
      options.push(
        fc
          .tuple(hostileString, hostileString)
          .map((values): Edit => ({ op: 'duplicate', key, values })),
      );
    return fc.oneof(...options);
  });
  return perParameter.length
    ? fc.oneof({ weight: 1, arbitrary: extra }, { weight: 4, arbitrary: fc.oneof(...perParameter) })
    : extra;
}

const editsCase = (spec: RouteSpec): fc.Arbitrary<Case> =>
  fc
    .oneof(
      { weight: 3, arbitrary: editArbitrary(spec).map((e) => [e]) },
      { weight: 1, arbitrary: fc.array(editArbitrary(spec), { minLength: 2, maxLength: 4 }) },
    )
    .map((edits): Case => ({ kind: 'edits', edits }));

const bodyCase: fc.Arbitrary<Case> = fc.oneof(
  {
    weight: 4,
    arbitrary: jsonMutations.map((mutations): Case => ({ kind: 'mutated-body', mutations })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        malformedJsonText,
        fc.constantFrom('application/json', 'application/json; charset=utf-8'),
      )
      .map(([text, contentType]): Case => ({ kind: 'raw-body', text, contentType })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...CONTENT_TYPES)
      .map((contentType): Case => ({ kind: 'content-type', contentType })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        levels: fc.oneof(fc.constant(20_000), fc.integer({ min: 100, max: 50_000 })),
        arrays: fc.boolean(),
        at: fc.nat(),
        replace: fc.boolean(),
      })
      .map((deep): Case => ({ kind: 'deep-body', ...deep })),
  },
  { weight: 1, arbitrary: fc.constant<Case>({ kind: 'huge-body' }) },
);

function setOwn(target: Record<string, unknown>, name: string, value: unknown) {
  Object.defineProperty(target, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The wire request of a case: the baseline with the case applied. */
function buildRequest(spec: RouteSpec, baseline: Baseline, testCase: Case): WireRequest {
  const params: Record<string, string> = { ...baseline.params };
  let pairs: [string, string][] = Object.entries(baseline.query ?? {});
  let body: unknown = baseline.body === undefined ? undefined : structuredClone(baseline.body);
  let bodyText: string | undefined;
  let contentType: string | null = 'application/json';
  const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

  if (testCase.kind === 'edits') {
    for (const edit of testCase.edits) {
      const where = whereOf(edit.key);
      const name = nameOf(edit.key);
      if (where === 'path') {
        if (edit.op === 'set') params[name] = asText(edit.value);
        if (edit.op === 'drop') params[name] = '';
      } else if (where === 'query') {
        pairs = pairs.filter(([k]) => k !== name);
        if (edit.op === 'set' || edit.op === 'extra') pairs.push([name, asText(edit.value)]);
        if (edit.op === 'duplicate') pairs.push([name, edit.values[0]], [name, edit.values[1]]);
      } else {
        if (body === undefined || body === null || typeof body !== 'object') body = {};
        const object = body as Record<string, unknown>;
        if (edit.op === 'drop') delete object[name];
        else if (edit.op === 'set' || edit.op === 'extra') setOwn(object, name, edit.value);
      }
    }
  } else if (testCase.kind === 'mutated-body') {
    body = applyJsonMutations(body ?? {}, testCase.mutations);
  } else if (testCase.kind === 'raw-body') {
    bodyText = testCase.text;
    contentType = testCase.contentType;
  } else if (testCase.kind === 'content-type') {
    contentType = testCase.contentType;
  } else if (testCase.kind === 'deep-body') {
    const deep = testCase.arrays
      ? `${'['.repeat(testCase.levels)}${']'.repeat(testCase.levels)}`
      : `${'{"a":'.repeat(testCase.levels)}1${'}'.repeat(testCase.levels)}`;
    // The deep value in place of one field, or as a new field, of any object in the body.
    const root = (body ?? {}) as Record<string, unknown>;
    const objects: Record<string, unknown>[] = [];
    const collect = (value: unknown) => {
      if (!value || typeof value !== 'object') return;
      if (!Array.isArray(value)) objects.push(value as Record<string, unknown>);
      Object.values(value).forEach(collect);
    };
    collect(root);
    const target = objects[testCase.at % objects.length] ?? root;
    const fields = Object.keys(target);
    const field =
      testCase.replace && fields.length ? fields[testCase.at % fields.length]! : 'fuzzDeep';
    setOwn(target, field, '__DEEP__');
    bodyText = JSON.stringify(root).replace('"__DEEP__"', deep);
  } else if (testCase.kind === 'huge-body') {
    // Just over the route's body limit (25 MB for imports, 1 MB elsewhere).
    const size = spec.path === '/api/imports' ? 26 * 1024 * 1024 : 1100 * 1024;
    bodyText = JSON.stringify({ ...(body as object), padding: 'x'.repeat(size) });
  }

  const path = spec.path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(wellFormed(params[name] ?? '')),
  );
  const hasBody = bodyText !== undefined || body !== undefined;
  return {
    method: spec.method,
    path,
    query: pairs.map(([k, v]) => [wellFormed(k), wellFormed(v)]),
    body: hasBody ? { text: bodyText ?? JSON.stringify(body) ?? '', contentType } : undefined,
  };
}

/** The parameters a single-edit case changed, which a validation error must name. */
function touchedKey(testCase: Case): string | null {
  if (testCase.kind !== 'edits' || testCase.edits.length !== 1) return null;
  const [edit] = testCase.edits as [Edit];
  return edit.op === 'extra' ? null : edit.key;
}

/** True when some detail names `key` (or a field coupled to it, or the object holding it). */
function namesField(reply: Reply, key: string, spec: RouteSpec): boolean {
  const group = spec.coupled?.find((g) => g.includes(key)) ?? [key];
  const details = (reply.json?.error?.details ?? []) as { path: string; message: string }[];
  return details.some((d) =>
    group.some(
      (k) =>
        d.path === k ||
        d.path.startsWith(`${k}.`) ||
        (k.startsWith(`${d.path}.`) && d.message.includes(nameOf(k))),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

function credentialHeaders(env: FuzzEnvironment, credential: Credential): Record<string, string> {
  const token =
    credential === 'admin'
      ? ADMIN_TOKEN
      : credential === 'none'
        ? null
        : env.accounts[credential].token;
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** FUZZ_STATS=1: the statuses each route answered, printed when the file ends. */
const statusTally = new Map<string, Map<string, number>>();
function tally(spec: RouteSpec, reply: Reply) {
  const byStatus = statusTally.get(routeKey(spec)) ?? new Map<string, number>();
  const key = `${reply.status}${reply.json?.error?.code ? ` ${reply.json.error.code}` : ''}`;
  byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  statusTally.set(routeKey(spec), byStatus);
}
if (process.env.FUZZ_STATS)
  afterAll(() => {
    console.log(`${plannedCases()} cases planned in this file`);
    for (const [route, byStatus] of statusTally)
      console.log(route, Object.fromEntries([...byStatus].sort((a, b) => b[1] - a[1])));
  });

/** Sends one case of a route and checks everything a reply must satisfy. */
async function runCase(env: FuzzEnvironment, spec: RouteSpec, testCase: Case): Promise<void> {
  const baseline = await spec.baseline(env.context);
  const request = buildRequest(spec, baseline, testCase);
  request.headers = credentialHeaders(env, spec.credential);
  // A write route compares the database before and after; the state the last rejected case left
  // is the state before this one (one snapshot a case instead of two).
  const before = spec.writes ? (env.known ?? (await databaseSnapshot(env.db))) : null;
  env.known = null;
  const reply = await send(env.url, request);
  tally(spec, reply);
  const label = `${spec.method} ${request.path} (${JSON.stringify(testCase).slice(0, 300)}) → ${reply.status}`;

  expect(reply.status, `${label}: ${reply.text.slice(0, 300)}`).toBeLessThan(500);
  if (reply.status >= 400 && !isHeaderOverflow(reply, request)) {
    expectCleanError(reply, label);
    const key = touchedKey(testCase);
    if (key && reply.json.error.code === 'VALIDATION_ERROR')
      expect(
        namesField(reply, key, spec),
        `${label}: does not name ${key}: ${reply.text.slice(0, 400)}`,
      ).toBe(true);
  }
  if (!before) return;
  if (reply.status >= 400) {
    const after = await databaseSnapshot(env.db);
    expect(after, `${label}: a rejected write changed the database`).toEqual(before);
    env.known = after;
  } else {
    await afterAccepted(env, spec, reply, before, label);
  }
}

/**
 * An accepted write: the graph stays consistent, curation writes are audited once (or, changing
 * nothing, not at all); restore.
 */
async function afterAccepted(
  env: FuzzEnvironment,
  spec: RouteSpec,
  reply: Reply,
  before: Snapshot,
  label: string,
): Promise<void> {
  if (spec.path === '/api/imports') await waitForJob(env.db, String(reply.json.id));
  expect(await invariantViolations(env.db), label).toEqual([]);
  const audited = spec.group === 'curation';
  const after = await databaseSnapshot(env.db);
  // An edit (PATCH) setting what is stored writes nothing (server/curation/unchanged-values.ts):
  // then it is not audited, and nothing else may have changed either.
  if (audited && spec.method === 'PATCH' && after.audits === before.audits) {
    const data = (snapshot: Snapshot) => ({
      ...snapshot,
      nodes: snapshot.nodes - snapshot.receipts,
      receipts: 0,
    });
    expect(data(after), `${label}: an unaudited write changed the database`).toEqual(data(before));
  } else expect(after.audits, `${label}: audit events`).toBe(before.audits + (audited ? 1 : 0));
  if (audited || spec.path === '/api/imports') await env.restore();
}

/**
 * Defines the fuzz tests of every route of `group`: its baseline is accepted; any parameter
 * (path, query, body field) may be hostile, missing, duplicated or extra; any body may be
 * mutated, malformed, wrongly typed, deeply nested or huge.
 */
export function fuzzGroup(group: FuzzGroup, environment: () => FuzzEnvironment): void {
  for (const spec of routesOf(group)) {
    const key = routeKey(spec);
    const takesBody = spec.method === 'POST' || spec.method === 'PATCH';
    describe(key, () => {
      it('accepts its baseline request', async () => {
        const env = environment();
        const request = buildRequest(spec, await spec.baseline(env.context), {
          kind: 'edits',
          edits: [],
        });
        request.headers = credentialHeaders(env, spec.credential);
        const before = await databaseSnapshot(env.db);
        env.known = null;
        const reply = await send(env.url, request);
        expect(reply.status, reply.text.slice(0, 300)).toBeGreaterThanOrEqual(200);
        expect(reply.status, reply.text.slice(0, 300)).toBeLessThan(300);
        if (spec.writes) await afterAccepted(env, spec, reply, before, key);
      });

      it(
        'answers any parameter without a 5xx, naming what was wrong',
        async () => {
          const env = environment();
          await fc.assert(
            fc.asyncProperty(editsCase(spec), (testCase) => runCase(env, spec, testCase)),
            fuzzParameters(`${key} parameters`, spec.weight ?? 1),
          );
        },
        fuzzTimeout(spec.weight ?? 1),
      );

      if (takesBody)
        it(
          'answers any body without a 5xx',
          async () => {
            const env = environment();
            await fc.assert(
              fc.asyncProperty(bodyCase, (testCase) => runCase(env, spec, testCase)),
              fuzzParameters(`${key} body`, spec.weight ?? 0.75),
            );
          },
          fuzzTimeout(spec.weight ?? 0.75),
        );
    });
  }
}
