/**
 * Hostile input for the property-based (fuzz) tests: the constants that have broken parsers and
 * query layers elsewhere (Cypher and Lucene syntax, quotes, control characters, unicode, number
 * edge cases, prototype-pollution keys, huge and deeply nested values), fast-check arbitraries
 * built from them, and mutations of real documents (truncation, flipped characters, shuffled or
 * duplicated lines, removed fields, wrong types).
 *
 * Runs are reproducible: every property gets a seed derived from FUZZ_SEED (fixed by default) and
 * its own name, and fast-check prints seed and path of any counterexample. FUZZ_RUNS sets the runs
 * of a standard property (default 40); costlier properties take a fraction of it, so
 * `FUZZ_RUNS=1000 npx vitest run tests/…/fuzz-*.test.ts` scales the whole suite up.
 */
import fc from 'fast-check';

const envInt = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer`);
  return value;
};

/** The base seed of every property (FUZZ_SEED to vary it). */
export const FUZZ_SEED = envInt('FUZZ_SEED', 20_240_808);
/** Runs of a standard property (FUZZ_RUNS to scale up). */
export const FUZZ_RUNS = envInt('FUZZ_RUNS', 40);

/** Every property's runs, summed, so a file can say how many cases it tried. */
let casesPlanned = 0;
export const plannedCases = () => casesPlanned;

/**
 * A test timeout for a property of `weight` whose cases cost up to `caseMs` each (an HTTP request
 * and a database snapshot; more when an accepted write restores the fixture): it grows with
 * FUZZ_RUNS, so scaling the runs up never turns into timeouts.
 */
export function fuzzTimeout(weight = 1, caseMs = 1_500): number {
  return 60_000 + Math.ceil(FUZZ_RUNS * weight) * caseMs;
}

/** FNV-1a: a stable 32-bit seed per property name. */
function hashSeed(name: string): number {
  let hash = 0x811c9dc5 ^ FUZZ_SEED;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/**
 * fast-check parameters of one property: `weight` scales FUZZ_RUNS (0.25 for a property whose
 * case costs several requests); the seed is FUZZ_SEED mixed with `name`.
 */
export function fuzzParameters(name: string, weight = 1): fc.Parameters<unknown> {
  const numRuns = Math.max(1, Math.ceil(FUZZ_RUNS * weight));
  casesPlanned += numRuns;
  return { numRuns, seed: hashSeed(name) };
}

// ---------------------------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------------------------

/** Strings that are meaningful to some layer: Cypher, Lucene, URLs, numbers, JSON, ids. */
export const HOSTILE = [
  '',
  ' ',
  '"',
  "'",
  '`',
  '\\',
  '\\u0000',
  '\u0000',
  '\u0007\u001b[31m',
  '\r\n',
  '\uFEFF',
  '\uFFFD',
  '\uD800',
  "') MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  '`) DETACH DELETE n //',
  'Entity`:`Organisation',
  'LEADS|FUNDS',
  'LEADS]-() DELETE r //',
  '$id',
  '{id}',
  'CALL db.labels()',
  'CALL dbms.killQueries([])',
  'LOAD CSV FROM "file:///etc/passwd" AS x',
  'a AND b OR NOT c',
  'name:UNICEF',
  '*',
  '?',
  '~',
  'foo~10',
  'x^100',
  '(((',
  '[a TO z]',
  '{!}',
  '/regex/',
  '&&||',
  '-1',
  '0',
  '-0',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '0b11',
  '9007199254740993',
  '1.5',
  ' 5 ',
  '5abc',
  '١٢',
  '[]',
  '{}',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'org:unicef',
  'org:',
  ':unicef',
  'ORG:UNICEF',
  'org:unicef/../../etc',
  'org:unicef%2F..',
  'DPG,Country',
  'DPG,,,Person',
  'Ünïcødé 🚀 ج ☃ \u202e',
  'ｏｒｇ：ｕｎｉｃｅｆ',
  '%00',
  '%',
  '%E0%A4%A',
  '+',
  '&limit=1',
  '#',
  '<script>alert(1)</script>',
  '${7*7}',
  '../../../../etc/passwd',
  'a'.repeat(1_000),
  // Long enough for any length limit, short enough for a URL (Node refuses headers over 16 kB).
  'y'.repeat(12_000),
  'x'.repeat(100_000),
  // Long runs that make backtracking regular expressions quadratic.
  `a${' '.repeat(50_000)}b`,
  `a${'('.repeat(30_000)}`,
  `${'a,'.repeat(20_000)}`,
  `${'\t'.repeat(30_000)}x`,
];

/** Hostile constants, random unicode and random printable text, id-shaped text, numbers. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{1,8}:[\p{L}\p{N}._\-/]{1,40}$/u) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 25_000 }).map(String) },
);

/** Strings a number parser might take: edge cases and random integers and floats. */
export const numberishString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '-1',
    '0',
    '-0',
    '1',
    '01',
    '1.5',
    '1e3',
    '1e309',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    ' 5 ',
    '+5',
    '5abc',
    '١٢',
    '9007199254740993',
    '1,2',
  ),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double().map(String),
);

/**
 * Ids that match the id pattern (`<prefix>:<slug>`) but name nothing in any graph the tests
 * build: the well-formed-but-unknown case of every id parameter.
 */
export const unknownEntityId: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('org', 'dpg', 'activity', 'country', 'sdg', 'group', 'initiative', 'zz'),
    fc.stringMatching(/^[a-z0-9][a-z0-9\-/.]{0,30}$/),
  )
  .map(([prefix, slug]) => `${prefix}:fuzz-unknown-${slug}`);

/** A syntactically valid UUID that no node has. */
export const unknownUuid: fc.Arbitrary<string> = fc.uuid();

/** `text` with lone surrogates replaced by U+FFFD, as a URL must carry it. */
export function wellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

// ---------------------------------------------------------------------------------------------
// JSON values
// ---------------------------------------------------------------------------------------------

/** Keys that pollute prototypes when copied carelessly, and other awkward keys. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  '$where',
  'id',
  'a.b',
  '0',
  'x'.repeat(500),
] as const;

/** An object whose keys may be `__proto__` (set as own properties, as JSON.parse would). */
function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(out, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

const hostileKey = fc.oneof(
  fc.constantFrom(...HOSTILE_KEYS),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('name', 'version', 'type', 'ids', 'state', 'properties', 'content', 'kind'),
);

/** Numbers JSON can carry, edge cases first. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, -0.5, 1e308, -1e308, 2 ** 53 + 2, -(2 ** 31), 2 ** 31),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, with hostile strings, numbers and keys; nesting bounded to `depth`. */
export function hostileJson(depth = 3): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: depth, depthIdentifier: 'json' },
      hostileString,
      hostileNumber,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 5 }),
      fc
        .array(fc.tuple(hostileKey, tie('value')), { maxLength: 5 })
        .map((entries) => objectOf(entries)),
    ),
  }));
  return value;
}

/** A JSON document nested `levels` deep (arrays or objects), as text. */
export const deeplyNestedJson: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 100, max: 20_000 }), fc.boolean())
  .map(([levels, arrays]) =>
    arrays
      ? `${'['.repeat(levels)}${']'.repeat(levels)}`
      : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`,
  );

/** Request bodies that are not JSON an API can use: broken text, other encodings, odd shapes. */
export const malformedJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '}',
    '{"a":}',
    "{'a': 1}",
    '{"a": 1,}',
    '[1, 2',
    'null',
    'true',
    '"string"',
    '42',
    '{"a": 1} {"b": 2}',
    '\uFEFF{}',
    '{"a": NaN}',
    '{"a": Infinity}',
    '{"a": undefined}',
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"a": "\\ud800"}',
    '{"a": "\u0000"}',
  ),
  hostileString,
  deeplyNestedJson,
  fc.jsonValue().map((v) => (JSON.stringify(v) ?? 'null').slice(0, -1)),
);

// ---------------------------------------------------------------------------------------------
// Mutations of real documents
// ---------------------------------------------------------------------------------------------

const MUTATION_KINDS = [
  'truncate',
  'flip',
  'delete-line',
  'duplicate-line',
  'swap-lines',
  'shuffle-lines',
  'insert-hostile',
  'replace-line',
  'huge-line',
  'crlf',
  'bom',
  'empty-lines',
] as const;

interface TextMutation {
  kind: (typeof MUTATION_KINDS)[number];
  at: number;
  other: number;
  text: string;
}

const textMutation: fc.Arbitrary<TextMutation> = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  at: fc.nat(),
  other: fc.nat(),
  text: hostileString,
});

/** Characters a flipped byte may become: controls, replacement, quotes, separators, letters. */
const FLIPS = [
  '\u0000',
  '\uFFFD',
  '\r',
  '\n',
  '"',
  ',',
  ':',
  '{',
  '}',
  '[',
  ']',
  ' ',
  'é',
  'Z',
  '9',
];

function applyMutation(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  const line = lines.length ? m.at % lines.length : 0;
  const otherLine = lines.length ? m.other % lines.length : 0;
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, text.length ? m.at % text.length : 0);
    case 'flip': {
      if (!text.length) return FLIPS[m.other % FLIPS.length]!;
      const at = m.at % text.length;
      return text.slice(0, at) + FLIPS[m.other % FLIPS.length]! + text.slice(at + 1);
    }
    case 'delete-line':
      return lines.filter((_, i) => i !== line).join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, line + 1), lines[line] ?? '', ...lines.slice(line + 1)].join('\n');
    case 'swap-lines': {
      const out = [...lines];
      [out[line], out[otherLine]] = [out[otherLine]!, out[line]!];
      return out.join('\n');
    }
    case 'shuffle-lines': {
      // A deterministic shuffle from the mutation's numbers.
      const out = [...lines];
      let state = (m.at ^ m.other) >>> 0 || 1;
      for (let i = out.length - 1; i > 0; i--) {
        state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) >>> 0;
        const j = state % (i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out.join('\n');
    }
    case 'insert-hostile': {
      const at = text.length ? m.at % (text.length + 1) : 0;
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'replace-line':
      return lines.map((l, i) => (i === line ? m.text : l)).join('\n');
    case 'huge-line': {
      // The line repeated to ~50 kB, or padded inside with a long run of one character.
      const pad = FLIPS[m.other % FLIPS.length]!;
      const huge = (l: string) =>
        m.other % 2
          ? l.slice(0, 1) + pad.repeat(50_000) + l.slice(1)
          : (l || 'x').repeat(Math.ceil(50_000 / (l.length || 1)));
      return lines.map((l, i) => (i === line ? huge(l) : l)).join('\n');
    }
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${text}`;
    case 'empty-lines':
      return lines.flatMap((l) => [l, '', '  ']).join('\n');
  }
}

/** `seed` after one to four random mutations. */
export function mutatedText(seed: string): fc.Arbitrary<string> {
  return fc
    .array(textMutation, { minLength: 1, maxLength: 4 })
    .map((mutations) => mutations.reduce(applyMutation, seed));
}

type JsonPath = (string | number)[];

/** Every path into a JSON value (objects and arrays), the root included. */
function pathsOf(value: unknown, prefix: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(prefix);
  if (out.length > 5_000) return out;
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

const JSON_MUTATION_KINDS = [
  'remove',
  'replace',
  'wrong-type',
  'duplicate',
  'add-key',
  'wrap-in-array',
  'huge-string',
  'null',
] as const;

export interface JsonMutation {
  kind: (typeof JSON_MUTATION_KINDS)[number];
  at: number;
  value: unknown;
  key: string;
}

const jsonMutation: fc.Arbitrary<JsonMutation> = fc.record({
  kind: fc.constantFrom(...JSON_MUTATION_KINDS),
  at: fc.nat(),
  value: hostileJson(2),
  key: hostileKey,
});

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 0;
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [i, v]));
  if (value && typeof value === 'object') return Object.values(value);
  return {};
}

const REMOVE = Symbol('remove');

function applyJsonMutation(root: unknown, m: JsonMutation): unknown {
  const copy = structuredClone(root);
  const paths = pathsOf(copy);
  const path = paths[m.at % paths.length]!;
  const transform = (value: unknown): unknown | typeof REMOVE => {
    switch (m.kind) {
      case 'remove':
        return REMOVE;
      case 'replace':
        return m.value;
      case 'wrong-type':
        return wrongType(value);
      case 'duplicate':
        return Array.isArray(value) ? [...value, ...value] : [value, value];
      case 'add-key':
        return value && typeof value === 'object' && !Array.isArray(value)
          ? objectOf([...Object.entries(value), [m.key, m.value]])
          : objectOf([[m.key, value]]);
      case 'wrap-in-array':
        return [value];
      case 'huge-string':
        return 'x'.repeat(100_000);
      case 'null':
        return null;
    }
  };
  if (path.length === 0) {
    const out = transform(copy);
    return out === REMOVE ? undefined : out;
  }
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const out = transform(parent[last]);
  if (out === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    Object.defineProperty(parent, last, {
      value: out,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** One to four structural mutations of a JSON value: removed, retyped, added fields. */
export const jsonMutations: fc.Arbitrary<JsonMutation[]> = fc.array(jsonMutation, {
  minLength: 1,
  maxLength: 4,
});

/** `seed` after `mutations` (a value known only when the case runs, such as a current version). */
export function applyJsonMutations(seed: unknown, mutations: JsonMutation[]): unknown {
  return mutations.reduce(applyJsonMutation, seed);
}

/** `seed` (a JSON value) after one to four structural mutations: removed, retyped, added fields. */
export function mutatedJson(seed: unknown): fc.Arbitrary<unknown> {
  return jsonMutations.map((mutations) => applyJsonMutations(seed, mutations));
}

/** A JSON document as text after structural mutations, and sometimes text mutations too. */
export function mutatedJsonText(seed: unknown): fc.Arbitrary<string> {
  return fc.tuple(mutatedJson(seed), fc.boolean()).chain(([value, alsoText]) => {
    const text = JSON.stringify(value, null, 1) ?? '';
    return alsoText ? mutatedText(text) : fc.constant(text);
  });
}
