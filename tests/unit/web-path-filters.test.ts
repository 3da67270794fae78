// The path finder leaves out what the canvas's filters hide (web/src/state/paths/utils.ts).
import { describe, expect, it } from 'vitest';
import { pathsQuerySchema } from '../../server/api/schemas.ts';
import { RELATIONSHIP_TYPES } from '../../web/src/lib/vocabulary/index.ts';
import {
  NO_PATH_FILTERS,
  pathFilterNote,
  pathFilters,
  samePathFilters,
  withoutMemberships,
} from '../../web/src/state/paths/utils.ts';

const none = new Set<string>();
const set = (...values: string[]) => new Set(values);
/** The canvas's filters: nothing hidden but what is given, in hide mode unless faded. */
const canvas = ({
  types = none,
  kinds = none,
  rels = none,
  mode = 'hide',
}: {
  types?: Set<string>;
  kinds?: Set<string>;
  rels?: Set<string>;
  mode?: 'hide' | 'fade';
}) => pathFilters({ hiddenTypes: types, hiddenKinds: kinds, hiddenRels: rels, mode });

describe('pathFilters', () => {
  it('leaves out nothing while the filters hide nothing, or only fade', () => {
    expect(canvas({})).toEqual(NO_PATH_FILTERS);
    expect(
      canvas({ types: set('Country'), kinds: set('company'), rels: set('FUNDS'), mode: 'fade' }),
    ).toEqual(NO_PATH_FILTERS);
    expect(pathFilterNote(NO_PATH_FILTERS)).toBeNull();
  });

  it('avoids the hidden entity types and follows the relationships not hidden', () => {
    const filters = canvas({ types: set('SDG', 'Country'), rels: set('FUNDS') });
    // In the vocabulary's order, whatever order they were hidden in: one request per state.
    expect(filters.avoid).toEqual(['Country', 'SDG']);
    expect(filters.rels).toEqual(RELATIONSHIP_TYPES.filter((type) => type !== 'FUNDS'));
    // What it asks, the API reads.
    const query = pathsQuerySchema.parse({
      from: 'org:a',
      to: 'org:b',
      rels: filters.rels!.join(','),
      avoid: filters.avoid.join(','),
    });
    expect([query.rels, query.avoid]).toEqual([filters.rels, filters.avoid]);
    expect(pathFilterNote(filters)).toBe('countries, SDGs and “funds” links');
    expect(pathFilterNote(canvas({ types: set('Organisation') }))).toBe('organisations');
    expect(pathFilterNote(canvas({ rels: set('LEADS', 'RUNS') }))).toBe('“leads” and “runs” links');
  });

  it('compares by value, so the same filters ask nothing again', () => {
    const a = canvas({ types: set('Country'), kinds: set('company'), rels: set('FUNDS') });
    expect(
      samePathFilters(
        a,
        canvas({ types: set('Country'), kinds: set('company'), rels: set('FUNDS') }),
      ),
    ).toBe(true);
    expect(samePathFilters(a, canvas({ types: set('Country'), kinds: set('company') }))).toBe(
      false,
    );
    expect(
      samePathFilters(a, canvas({ types: set('SDG'), kinds: set('company'), rels: set('FUNDS') })),
    ).toBe(false);
    // Another kind hidden, or none: the paths are asked for again.
    expect(
      samePathFilters(a, canvas({ types: set('Country'), kinds: set('ngo'), rels: set('FUNDS') })),
    ).toBe(false);
    expect(samePathFilters(a, canvas({ types: set('Country'), rels: set('FUNDS') }))).toBe(false);
  });

  it('avoids the hidden organisation kinds, and says so in words', () => {
    const filters = canvas({ types: set('Country'), kinds: set('ngo', 'company', 'un-agency') });
    // In the vocabulary's order, as the types are.
    expect(filters.avoidKinds).toEqual(['un-agency', 'company', 'ngo']);
    expect(filters.rels).toBeNull();
    // What it asks, the API reads.
    const query = pathsQuerySchema.parse({
      from: 'org:a',
      to: 'org:b',
      avoid: filters.avoid.join(','),
      avoidKinds: filters.avoidKinds.join(','),
    });
    expect([query.avoid, query.avoidKinds]).toEqual([filters.avoid, filters.avoidKinds]);
    expect(pathFilterNote(filters)).toBe('countries, UN agencies, companies and NGOs');
    expect(pathFilterNote(canvas({ kinds: set('company') }))).toBe('companies');
    expect(pathFilterNote(canvas({ kinds: set('unknown'), rels: set('FUNDS') }))).toBe(
      'unclassified organisations and “funds” links',
    );
  });

  it('avoids no kind while organisations are hidden altogether', () => {
    const filters = canvas({ types: set('Organisation'), kinds: set('company') });
    expect(filters).toEqual({ rels: null, avoid: ['Organisation'], avoidKinds: [] });
    expect(pathFilterNote(filters)).toBe('organisations');
  });

  it('follows nothing when every relationship is hidden', () => {
    expect(canvas({ rels: new Set(RELATIONSHIP_TYPES) }).rels).toEqual([]);
  });
});

describe('withoutMemberships', () => {
  it('follows every relationship but MEMBER_OF, on top of what the filters leave out', () => {
    const all = withoutMemberships(NO_PATH_FILTERS);
    expect(all.rels).toEqual(RELATIONSHIP_TYPES.filter((type) => type !== 'MEMBER_OF'));
    expect(all.avoid).toEqual([]);
    const filtered = withoutMemberships(
      canvas({ types: set('Country'), kinds: set('company'), rels: set('FUNDS') }),
    );
    expect(filtered.rels).not.toContain('FUNDS');
    expect(filtered.rels).not.toContain('MEMBER_OF');
    expect(filtered.avoid).toEqual(['Country']);
    expect(filtered.avoidKinds).toEqual(['company']);
    // What the API is asked for is a query it takes.
    const query = { from: 'org:a', to: 'org:b', rels: all.rels!.join(',') };
    expect(pathsQuerySchema.safeParse(query).success).toBe(true);
  });
});
