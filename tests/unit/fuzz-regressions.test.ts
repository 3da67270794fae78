/**
 * What the fuzz suite found, kept as ordinary examples (each is a shrunk counterexample or the
 * input class behind it) so the bugs stay fixed whatever seed the properties run with:
 *
 * - names without letters or digits (punctuation, emoji, private-use characters) became the id
 *   `org:`, which no API route can address;
 * - names of tens of kilobytes reached Neo4j's name index, which refuses them with an internal
 *   error — the import failed as "failed on the server" instead of naming the field;
 * - backtracking regular expressions took quadratic time on long runs of blanks, brackets,
 *   repeated legal suffixes and digit-comma runs (50 kB: tens of seconds);
 * - a malformed JSON document nested 100,000 deep overflowed the stack of the error locator;
 * - a saved view whose filters nested 20,000 deep overflowed JSON.stringify: a 500.
 */
import { describe, expect, it } from 'vitest';
import { createViewBodySchema } from '../../server/api/curation-schemas.ts';
import { ImportInputError } from '../../server/errors.ts';
import {
  activitiesFacts,
  parseActivitiesCsv,
} from '../../server/importers/activities-csv/activities-csv-importer.ts';
import { validateRecord } from '../../server/importers/dpg-registry/registry-record.ts';
import {
  membersFacts,
  parseMembersDocument,
} from '../../server/importers/dpga-members/members-importer.ts';
import { parseJsonDocument } from '../../server/importers/json-document.ts';
import {
  readConnectedList,
  splitNameList,
} from '../../server/importers/member-page/connected-list-reader.ts';
import { extractFigures } from '../../server/importers/member-page/figure-rules.ts';
import { memberPageFacts } from '../../server/importers/member-page/member-page-facts.ts';
import { parseMemberPage } from '../../server/importers/member-page/member-page-parser.ts';
import { EntityResolver } from '../../server/importers/resolution/entity-resolver.ts';
import { referenceEntries } from '../../server/importers/resolution/gazetteer.ts';
import { nameVariants } from '../../server/importers/resolution/name-variants.ts';

const resolver = () => new EntityResolver(referenceEntries());

/** The error a call throws (the test fails when it throws none). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, got a result');
}

/**
 * Runs `run` and answers its duration. The inputs below took 5–60 s before the fixes; linear
 * code takes milliseconds. The bound is loose so that only a quadratic path fails it.
 */
function duration(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}
const QUADRATIC_MS = 1_500;

const PAGE = (header: string, members = 'GIZ') =>
  [
    header,
    'Our Activities',
    '1 Total Activities',
    'Co-leading the Community of Practice on AI',
    'A community of practice that explores ethical AI and open source, with many members.',
    `Connected members: ${members}`,
  ].join('\n');

describe('names that make no id', () => {
  it('a members list name of private-use characters is refused, naming the field', () => {
    const error = thrown(() =>
      parseMembersDocument(
        JSON.stringify({ members: ['UNICEF', '\u{10ff00}\u{10ff01}'], board: [] }),
        'members.json',
      ),
    );
    expect(error).toBeInstanceOf(ImportInputError);
    expect(error).toMatchObject({ details: { source: 'members.json', field: 'members.1' } });
  });

  it('a sheet whose organisation is only punctuation is refused, naming line and column', () => {
    const error = thrown(() =>
      parseActivitiesCsv('Organization,Activity,Link\nUNICEF,Funding,\n"—!?",Advocacy,\n', 's.csv'),
    );
    expect(error).toBeInstanceOf(ImportInputError);
    expect(error).toMatchObject({ details: { source: 's.csv', line: 3, field: 'Organization' } });
  });

  it('a registry organisation named "—" is a record problem naming the field', () => {
    const result = validateRecord(
      { id: 'x', name: 'X', organizations: [{ name: '—', org_type: 'owner' }] },
      'dpg/x.json',
      0,
    );
    expect(result).toMatchObject({
      problems: [{ document: 'dpg/x.json', record: 'record "x"', field: 'organizations.0.name' }],
    });
  });

  it('a member page whose member name is "***" is refused, naming the line', () => {
    const error = thrown(() => parseMemberPage(PAGE('***'), 'page.txt'));
    expect(error).toBeInstanceOf(ImportInputError);
    expect(error).toMatchObject({ details: { source: 'page.txt', line: 1, field: 'member name' } });
  });

  it('a connected member named with quotes only is reported unresolved, not created', () => {
    const page = parseMemberPage(PAGE('UNICEF', '“”, GIZ'), 'page.txt');
    const { builder } = memberPageFacts(page, resolver());
    expect(builder.facts.nodes.map((n) => n.id)).not.toContain('org:');
    expect(builder.unresolved).toContainEqual(expect.objectContaining({ createdId: null }));
  });

  it('the fact builder reports such a name unresolved and creates nothing', () => {
    const { builder } = membersFacts({ members: ['🚀'], board: [] }, resolver(), 'members.json');
    expect(builder.facts.nodes.every((n) => n.id !== 'org:')).toBe(true);
    expect(builder.unresolved).toEqual([
      { name: '🚀', context: 'members.json members[0]', createdId: null },
    ]);
  });
});

describe('names too long to index', () => {
  const paragraph = 'Acme '.repeat(9_000);

  it('are refused in the members list, the sheet, the registry and the member page', () => {
    expect(
      thrown(() => parseMembersDocument(JSON.stringify({ members: [paragraph] }), 'm.json')),
    ).toMatchObject({ details: { field: 'members.0' } });
    expect(
      thrown(() => parseActivitiesCsv(`Organization,Activity\nUNICEF,${paragraph}\n`, 's.csv')),
    ).toMatchObject({ details: { line: 2, field: 'Activity' } });
    expect(validateRecord({ id: 'x', name: paragraph }, 'dpg/x.json', 0)).toMatchObject({
      problems: [{ field: 'name' }],
    });
    expect(thrown(() => parseMemberPage(PAGE(paragraph), 'page.txt'))).toMatchObject({
      details: { line: 1, field: 'member name' },
    });
  });

  it('are read as prose, not as a name, in a connected members field', () => {
    const statements = readConnectedList(`${'X'.repeat(600)}, GIZ`);
    expect(statements.flatMap((s) => ('names' in s ? s.names : []))).not.toContain('X'.repeat(600));
  });

  it('never reach the facts of a sheet', () => {
    const rows = parseActivitiesCsv('Organization,Activity\nUNICEF,Funding DHIS2\n', 's.csv');
    const { builder } = activitiesFacts(rows, resolver(), 's.csv');
    for (const node of builder.facts.nodes)
      expect(String(node.props.name ?? '').length).toBeLessThanOrEqual(500);
  });
});

describe('inputs that were quadratic', () => {
  it.each([
    ['a run of blanks', `a${' '.repeat(50_000)}b`],
    ['a run of tabs', `a${'\t'.repeat(50_000)}b`],
    ['a legal suffix repeated', `Acme${' ab'.repeat(20_000)}`],
    ['brackets without a close', `a${'('.repeat(50_000)}`],
  ])('nameVariants on %s', (_, name) => {
    expect(duration(() => nameVariants(name))).toBeLessThan(QUADRATIC_MS);
  });

  it('nameVariants still strips the suffixes and parentheticals real names carry', () => {
    expect(nameVariants('Bluesquare SA').map((v) => v.name)).toContain('Bluesquare');
    expect(nameVariants('Acme Co. Ltd').map((v) => v.name)).toContain('Acme');
    expect(
      nameVariants('Food and Agriculture Organization (FAO) of the United Nations').map(
        (v) => v.name,
      ),
    ).toEqual(['Food and Agriculture Organization of the United Nations', 'FAO']);
  });

  it('splitNameList on a run of blanks', () => {
    expect(duration(() => splitNameList(`A,${' '.repeat(50_000)}B`))).toBeLessThan(QUADRATIC_MS);
    expect(splitNameList(`A,${' '.repeat(50)}B`)).toEqual(['A', 'B']);
  });

  it('extractFigures on a run of digits and commas', () => {
    expect(duration(() => extractFigures('1,'.repeat(50_000)))).toBeLessThan(QUADRATIC_MS);
    expect(extractFigures('56 UNICEF COs used Fund-supported solutions')).toEqual([
      expect.objectContaining({ property: 'countryOfficesUsingSolutions', value: 56 }),
    ]);
  });
});

describe('deeply nested JSON', () => {
  it('a truncated document nested 100,000 deep is refused naming line and column', () => {
    const error = thrown(() => parseJsonDocument(`{"members": ${'['.repeat(100_000)}`, 'm.json'));
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as Error).message).toMatch(/^m\.json is not valid JSON at line 1, column \d+/);
  });

  it('a saved view whose filters nest 20,000 deep is a validation error, not a crash', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    const result = createViewBodySchema.safeParse({
      name: 'x',
      state: { entities: [], filters: { url: deep } },
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain('state.filters.url');
  });
});
