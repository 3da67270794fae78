/**
 * Fuzzing every importer's parser: the real sources (../shared/data) mutated — truncated, bytes
 * flipped, lines shuffled, removed or duplicated, fields removed or given the wrong type, huge
 * fields — and random text. Each parser either returns a result whose facts the graph can hold
 * (ids the API can address, property values Neo4j can store) or throws ImportInputError naming
 * the document (and the line or field where it knows them); never a TypeError or RangeError,
 * and never slow: a case that takes seconds is a quadratic path, a finding, not a wait.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTITY_ID_PATTERN } from '../../server/api/schemas.ts';
import { ImportInputError } from '../../server/errors.ts';
import {
  activitiesFacts,
  parseActivitiesCsv,
  parseColumnMapping,
} from '../../server/importers/activities-csv/activities-csv-importer.ts';
import { readRegistry } from '../../server/importers/dpg-registry/registry-reader.ts';
import { registryFacts } from '../../server/importers/dpg-registry/registry-facts.ts';
import { validateRecord } from '../../server/importers/dpg-registry/registry-record.ts';
import {
  membersFacts,
  parseMembersDocument,
} from '../../server/importers/dpga-members/members-importer.ts';
import type { FactSet } from '../../server/importers/graph/graph-facts.ts';
import { parseJsonDocument } from '../../server/importers/json-document.ts';
import { readConnectedList } from '../../server/importers/member-page/connected-list-reader.ts';
import { extractFigures } from '../../server/importers/member-page/figure-rules.ts';
import { memberPageFacts } from '../../server/importers/member-page/member-page-facts.ts';
import { parseMemberPage } from '../../server/importers/member-page/member-page-parser.ts';
import { EntityResolver } from '../../server/importers/resolution/entity-resolver.ts';
import { referenceEntries } from '../../server/importers/resolution/gazetteer.ts';
import { nameVariants } from '../../server/importers/resolution/name-variants.ts';
import { normaliseName, slugify } from '../../server/importers/resolution/text-normalise.ts';
import {
  fuzzParameters,
  fuzzTimeout,
  hostileJson,
  hostileString,
  mutatedJson,
  mutatedJsonText,
  mutatedText,
  plannedCases,
} from '../support/hostile-input.ts';
import { REGISTRY_DIR } from '../support/registry-copy.ts';
import { hasSharedData, SEED_PAGE, SHARED_DATA } from '../support/shared-data.ts';

/** A parse that takes longer than this on inputs of ≤ 200 kB is a quadratic path (a finding). */
const HANG_MS = 2_000;

if (process.env.FUZZ_STATS) afterAll(() => console.log(`${plannedCases()} cases planned`));

const fixture = (...parts: string[]) => readFileSync(path.join(...parts), 'utf8');
const real = hasSharedData();
const OTHER_PAGE = fixture(
  import.meta.dirname,
  '..',
  'fixtures',
  'member-pages',
  'other-member.txt',
);

/** The real documents when present, small hand-written stand-ins otherwise. */
const SEEDS = {
  pages: real ? [fixture(SEED_PAGE), OTHER_PAGE] : [OTHER_PAGE],
  members: real
    ? (JSON.parse(fixture(SHARED_DATA, 'dpga', 'members-2025.json')) as unknown)
    : { source: 'test', members: ['UNICEF', 'GIZ', 'Government of Norway'], board: ['UNICEF'] },
  csv: real
    ? fixture(SHARED_DATA, 'dpga', 'roadmap-2023.csv')
    : 'Organization,Activity,Link\nUNICEF,Funding DHIS2 in Sierra Leone,https://example.org\nGIZ,"Advocacy, with MOSIP",\n',
  registryList: real ? (JSON.parse(fixture(REGISTRY_DIR, 'dpgs.json')) as unknown[]) : [],
  registryRecords: real
    ? ['dhis2', 'mosip', 'aam-digital', 'opencrvs'].flatMap((id) => {
        try {
          return [JSON.parse(fixture(REGISTRY_DIR, 'dpg', `${id}.json`)) as unknown];
        } catch {
          return [];
        }
      })
    : [
        {
          id: 'dhis2',
          name: 'DHIS2',
          organizations: [{ name: 'University of Oslo', org_type: 'owner' }],
          SDGs: [{ SDGNumber: 3, evidenceText: 'health' }],
          locations: { deploymentCountries: ['Sierra Leone'], developmentCountries: ['Norway'] },
        },
      ],
};

const REFERENCE = referenceEntries();
const freshResolver = () => new EntityResolver(REFERENCE);

/**
 * Runs one parse: answers its result, or null when it threw ImportInputError naming `document`.
 * Any other error, or a run over HANG_MS, fails the property.
 */
function parseOrReject<T>(run: () => T, document: string | null): T | null {
  const started = performance.now();
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ImportInputError)) throw error;
    if (document !== null) {
      expect(error.message).toContain(document);
      expect((error.details as { source?: string } | undefined)?.source).toBe(document);
    }
    return null;
  } finally {
    expect(performance.now() - started, 'a parse took seconds: a quadratic path').toBeLessThan(
      HANG_MS,
    );
  }
}

/** What the graph writer needs of facts: ids the API can address, values Neo4j can store. */
function expectStorableFacts(facts: FactSet) {
  const isValue = (v: unknown) =>
    typeof v === 'boolean' ||
    typeof v === 'string' ||
    (typeof v === 'number' && Number.isFinite(v));
  for (const node of facts.nodes) {
    expect(node.id, `node id ${JSON.stringify(node.id)}`).toMatch(ENTITY_ID_PATTERN);
    expect(node.id.length).toBeLessThanOrEqual(300);
    // Names are range-indexed, and Neo4j refuses index values over ~8 kB.
    if (typeof node.props.name === 'string')
      expect(Buffer.byteLength(node.props.name), `${node.id}.name`).toBeLessThan(8_000);
    for (const [key, value] of Object.entries(node.props)) {
      const ok = Array.isArray(value) ? value.every(isValue) : isValue(value);
      expect(ok, `${node.id}.${key} = ${JSON.stringify(value)?.slice(0, 80)}`).toBe(true);
    }
  }
  for (const rel of facts.relationships) {
    expect(rel.from).toMatch(ENTITY_ID_PATTERN);
    expect(rel.to).toMatch(ENTITY_ID_PATTERN);
  }
}

describe('member pages', () => {
  const page = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...SEEDS.pages).chain(mutatedText) },
    { weight: 1, arbitrary: hostileString },
    {
      weight: 1,
      arbitrary: fc
        .array(
          fc.oneof(
            hostileString,
            fc.constantFrom(
              'Our Activities',
              '3 Total Activities',
              'Activity Type: x',
              'Connected members: A, B and C',
              'Connected DPGs: DHIS2',
            ),
          ),
          { maxLength: 30 },
        )
        .map((lines) => lines.join('\n')),
    },
  );

  it(
    'parseMemberPage returns a page or rejects it naming the source',
    () => {
      fc.assert(
        fc.property(page, (text) => {
          const parsed = parseOrReject(() => parseMemberPage(text, 'fuzz.txt'), 'fuzz.txt');
          if (!parsed) return;
          expect(parsed.member.shortName.length).toBeGreaterThan(0);
          const lines = text.split(/\r\n|\r|\n/).length;
          for (const activity of parsed.activities) {
            expect(activity.title.length).toBeGreaterThan(0);
            expect(activity.line).toBeGreaterThanOrEqual(1);
            expect(activity.line).toBeLessThanOrEqual(lines);
          }
        }),
        fuzzParameters('parseMemberPage'),
      );
    },
    fuzzTimeout(1, 300),
  );

  it(
    'the facts of any page the parser accepts can be stored',
    () => {
      fc.assert(
        fc.property(page, (text) => {
          const parsed = parseOrReject(() => parseMemberPage(text, 'fuzz.txt'), 'fuzz.txt');
          if (!parsed) return;
          const extracted = parseOrReject(
            () => memberPageFacts(parsed, freshResolver(), 'fuzz.txt'),
            'fuzz.txt',
          );
          if (extracted) expectStorableFacts(extracted.builder.facts);
        }),
        fuzzParameters('memberPageFacts', 0.5),
      );
    },
    fuzzTimeout(0.5, 300),
  );

  it(
    'readConnectedList and extractFigures take any text',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(hostileString, fc.constantFrom(...SEEDS.pages).chain(mutatedText)),
          (text) => {
            const started = performance.now();
            for (const statement of readConnectedList(text)) {
              expect(statement.sentence.length).toBeGreaterThan(0);
              if (statement.kind === 'group' && statement.memberCount !== null)
                expect(Number.isSafeInteger(statement.memberCount)).toBe(true);
            }
            for (const figure of extractFigures(text))
              expect(Number.isFinite(figure.value)).toBe(true);
            expect(performance.now() - started).toBeLessThan(HANG_MS);
          },
        ),
        fuzzParameters('readConnectedList'),
      );
    },
    fuzzTimeout(1, 300),
  );
});

describe('JSON documents', () => {
  it(
    'parseJsonDocument parses or names the document, line and column',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            hostileString,
            mutatedJsonText(SEEDS.members),
            mutatedJsonText(SEEDS.registryRecords[0]),
          ),
          (text) => {
            try {
              parseJsonDocument(text, 'doc.json');
            } catch (error) {
              expect(error).toBeInstanceOf(ImportInputError);
              expect((error as Error).message).toMatch(
                /^doc\.json is not valid JSON at line \d+, column \d+/,
              );
              expect((error as ImportInputError).details).toMatchObject({ source: 'doc.json' });
            }
          },
        ),
        fuzzParameters('parseJsonDocument'),
      );
    },
    fuzzTimeout(1, 300),
  );
});

describe('the DPGA members list', () => {
  it(
    'parseMembersDocument returns a list or names the document and field; its facts can be stored',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            { weight: 4, arbitrary: mutatedJsonText(SEEDS.members) },
            { weight: 1, arbitrary: hostileJson().map((v) => JSON.stringify(v) ?? '') },
            {
              weight: 1,
              arbitrary: fc
                .record({
                  members: fc.array(hostileString, { maxLength: 20 }),
                  board: fc.array(hostileString, { maxLength: 5 }),
                })
                .map((v) => JSON.stringify(v)),
            },
          ),
          (text) => {
            const doc = parseOrReject(
              () => parseMembersDocument(text, 'members.json'),
              'members.json',
            );
            if (!doc) return;
            const built = parseOrReject(
              () => membersFacts(doc, freshResolver(), 'members.json'),
              'members.json',
            );
            if (built) expectStorableFacts(built.builder.facts);
          },
        ),
        fuzzParameters('parseMembersDocument', 0.5),
      );
    },
    fuzzTimeout(0.5, 300),
  );
});

describe('activities sheets (CSV)', () => {
  const sheet = fc.oneof(
    { weight: 4, arbitrary: mutatedText(SEEDS.csv) },
    { weight: 1, arbitrary: hostileString },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.array(hostileString, { minLength: 1, maxLength: 4 }), { maxLength: 10 })
        .map((rows) => ['Organization,Activity,Link', ...rows.map((r) => r.join(','))].join('\n')),
    },
  );

  it(
    'parseActivitiesCsv returns rows or names the document (and line); its facts can be stored',
    () => {
      fc.assert(
        fc.property(sheet, (text) => {
          const rows = parseOrReject(() => parseActivitiesCsv(text, 'sheet.csv'), 'sheet.csv');
          if (!rows) return;
          for (const row of rows) {
            expect(row.organisation.length).toBeGreaterThan(0);
            expect(row.activity.length).toBeGreaterThan(0);
            expect(Number.isInteger(row.line)).toBe(true);
          }
          const built = parseOrReject(
            () => activitiesFacts(rows, freshResolver(), 'sheet.csv'),
            'sheet.csv',
          );
          if (built) expectStorableFacts(built.builder.facts);
        }),
        fuzzParameters('parseActivitiesCsv', 0.5),
      );
    },
    fuzzTimeout(0.5, 300),
  );

  it(
    'parseColumnMapping returns a mapping or rejects the columns option',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            hostileString,
            fc.constantFrom(
              'organisation=Org,activity=Title,link=URL',
              'activity=',
              '=x',
              'link=A=B',
            ),
          ),
          (spec) => {
            try {
              const mapping = parseColumnMapping(spec);
              expect(typeof mapping.organisation).toBe('string');
              expect(typeof mapping.activity).toBe('string');
            } catch (error) {
              expect(error).toBeInstanceOf(ImportInputError);
              expect((error as ImportInputError).details).toMatchObject({ field: 'columns' });
            }
          },
        ),
        fuzzParameters('parseColumnMapping'),
      );
    },
    fuzzTimeout(1, 300),
  );
});

describe('DPG Registry records', () => {
  const record = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...SEEDS.registryRecords).chain(mutatedJson) },
    { weight: 1, arbitrary: hostileJson() },
  );

  it(
    'validateRecord accepts a record or names document, record and field of each problem',
    () => {
      fc.assert(
        fc.property(record, (raw) => {
          const started = performance.now();
          const result = validateRecord(raw, 'dpg/x.json', 3);
          expect(performance.now() - started).toBeLessThan(HANG_MS);
          if ('problems' in result) {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const problem of result.problems) {
              expect(problem.document).toBe('dpg/x.json');
              expect(problem.record).toMatch(/^record ("|#4$)/);
              expect(problem.field.length).toBeGreaterThan(0);
              expect(problem.message.length).toBeGreaterThan(0);
            }
          }
        }),
        fuzzParameters('validateRecord'),
      );
    },
    fuzzTimeout(1, 300),
  );

  it(
    'the facts of records that validate can be stored',
    () => {
      fc.assert(
        fc.property(fc.array(record, { minLength: 1, maxLength: 4 }), (raws) => {
          const inputs = raws.flatMap((raw, i) => {
            const result = validateRecord(raw, `dpg/${i}.json`, i);
            return 'record' in result ? [{ record: result.record, document: `dpg/${i}.json` }] : [];
          });
          const builder = parseOrReject(() => registryFacts(inputs, freshResolver()), null);
          if (builder) expectStorableFacts(builder.facts);
        }),
        fuzzParameters('registryFacts', 0.5),
      );
    },
    fuzzTimeout(0.5, 300),
  );

  describe('readRegistry from a directory with mutated files', () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

    it(
      'reads the documents or names the file that is wrong',
      async () => {
        const list = SEEDS.registryList.length
          ? SEEDS.registryList.slice(0, 3)
          : SEEDS.registryRecords.map((r) => ({ id: (r as { id: string }).id }));
        await fc.assert(
          fc.asyncProperty(
            mutatedJsonText(list),
            fc.constantFrom(...SEEDS.registryRecords).chain(mutatedJsonText),
            async (listText, detailText) => {
              const dir = mkdtempSync(path.join(tmpdir(), 'fuzz-registry-'));
              dirs.push(dir);
              mkdirSync(path.join(dir, 'dpg'));
              writeFileSync(path.join(dir, 'dpgs.json'), listText);
              for (const item of list) {
                const id = (item as { id: string }).id;
                writeFileSync(path.join(dir, 'dpg', `${id}.json`), detailText);
              }
              try {
                const read = await readRegistry(dir);
                read.documents.forEach((doc, i) => validateRecord(doc.raw, doc.document, i));
              } catch (error) {
                expect(error).toBeInstanceOf(ImportInputError);
                expect((error as Error).message).toMatch(/dpgs\.json|dpg\/.+\.json/);
              }
            },
          ),
          fuzzParameters('readRegistry', 0.25),
        );
      },
      fuzzTimeout(0.25, 300),
    );
  });
});

describe('name resolution', () => {
  const names = fc.oneof(
    hostileString,
    fc.constantFrom(
      'UNICEF',
      'Food and Agriculture Organization (FAO) of the United Nations',
      'Bluesquare SA',
      'Côte d’Ivoire',
      'GIZ',
    ),
  );

  it(
    'normalises, slugs, varies, resolves and finds mentions in any text, quickly',
    () => {
      const resolver = freshResolver();
      fc.assert(
        fc.property(names, (name) => {
          const started = performance.now();
          expect(normaliseName(name)).not.toMatch(/\s{2}|^\s|\s$/);
          expect(slugify(name)).toMatch(/^[\p{L}\p{N}-]*$/u);
          expect(slugify(name).length).toBeLessThanOrEqual(80);
          for (const variant of nameVariants(name)) expect(variant.name.length).toBeGreaterThan(0);
          const resolved = resolver.resolve(name);
          expect(['matched', 'ambiguous', 'unmatched']).toContain(resolved.status);
          for (const mention of resolver.findMentions(name))
            expect(mention.end).toBeGreaterThan(mention.start);
          expect(performance.now() - started).toBeLessThan(HANG_MS);
        }),
        fuzzParameters('name resolution', 2),
      );
    },
    fuzzTimeout(2, 300),
  );
});
