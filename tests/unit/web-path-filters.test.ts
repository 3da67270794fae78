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

describe('pathFilters', () => {
  it('leaves out nothing while the filters hide nothing, or only fade', () => {
    expect(pathFilters(none, none, 'hide')).toEqual(NO_PATH_FILTERS);
    expect(pathFilters(set('Country'), set('FUNDS'), 'fade')).toEqual(NO_PATH_FILTERS);
    expect(pathFilterNote(NO_PATH_FILTERS)).toBeNull();
  });

  it('avoids the hidden entity types and follows the relationships not hidden', () => {
    const filters = pathFilters(set('SDG', 'Country'), set('FUNDS'), 'hide');
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
    expect(pathFilterNote(pathFilters(set('Organisation'), none, 'hide'))).toBe('organisations');
    expect(pathFilterNote(pathFilters(none, set('LEADS', 'RUNS'), 'hide'))).toBe(
      '“leads” and “runs” links',
    );
  });

  it('compares by value, so the same filters ask nothing again', () => {
    const a = pathFilters(set('Country'), set('FUNDS'), 'hide');
    expect(samePathFilters(a, pathFilters(set('Country'), set('FUNDS'), 'hide'))).toBe(true);
    expect(samePathFilters(a, pathFilters(set('Country'), none, 'hide'))).toBe(false);
    expect(samePathFilters(a, pathFilters(set('SDG'), set('FUNDS'), 'hide'))).toBe(false);
  });

  it('follows nothing when every relationship is hidden', () => {
    expect(pathFilters(none, new Set(RELATIONSHIP_TYPES), 'hide').rels).toEqual([]);
  });
});

describe('withoutMemberships', () => {
  it('follows every relationship but MEMBER_OF, on top of what the filters leave out', () => {
    const all = withoutMemberships(NO_PATH_FILTERS);
    expect(all.rels).toEqual(RELATIONSHIP_TYPES.filter((type) => type !== 'MEMBER_OF'));
    expect(all.avoid).toEqual([]);
    const filtered = withoutMemberships(pathFilters(set('Country'), set('FUNDS'), 'hide'));
    expect(filtered.rels).not.toContain('FUNDS');
    expect(filtered.rels).not.toContain('MEMBER_OF');
    expect(filtered.avoid).toEqual(['Country']);
    // What the API is asked for is a query it takes.
    const query = { from: 'org:a', to: 'org:b', rels: all.rels!.join(',') };
    expect(pathsQuerySchema.safeParse(query).success).toBe(true);
  });
});
