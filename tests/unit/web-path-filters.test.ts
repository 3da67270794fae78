// The path finder follows what the canvas's filters show (web/src/state/paths/utils.ts).
import { describe, expect, it } from 'vitest';
import { pathsQuerySchema } from '../../server/api/schemas.ts';
import { RELATIONSHIP_TYPES } from '../../web/src/lib/vocabulary/index.ts';
import { pathFilterNote, pathRelationships } from '../../web/src/state/paths/utils.ts';

const none = new Set<string>();
const set = (...values: string[]) => new Set(values);

describe('pathRelationships', () => {
  it('follows every relationship while the filters hide nothing a path could take', () => {
    expect(pathRelationships(none, none)).toBeNull();
    // Groups are reached by PARTICIPATES_IN, INVOLVES and MEMBER_OF, which join shown types too.
    expect(pathRelationships(set('Group'), none)).toBeNull();
    expect(pathFilterNote(set('Group'), none)).toBeNull();
  });

  it('leaves out the relationships that only lead to hidden types, and the hidden ones', () => {
    const followed = pathRelationships(set('Country', 'SDG'), set('FUNDS'));
    expect(followed).not.toBeNull();
    const left = RELATIONSHIP_TYPES.filter((type) => !followed!.includes(type));
    expect(left.sort()).toEqual(
      ['ADVANCES', 'DEPLOYED_IN', 'DEVELOPED_IN', 'FUNDS', 'TAKES_PLACE_IN'].sort(),
    );
    // What it asks, the API reads.
    const query = pathsQuerySchema.parse({ from: 'org:a', to: 'org:b', rels: followed!.join(',') });
    expect(query.rels).toEqual(followed);
    expect(pathFilterNote(set('Country', 'SDG'), set('FUNDS'))).toBe(
      'countries, SDGs and “funds” links',
    );
  });

  it('names the links it leaves out where a hidden type is still reached by others', () => {
    // Organisations also own and fund DPGs with initiatives: still reached, so the links are named.
    expect(pathFilterNote(set('Organisation'), none)).toBe(
      '“leads”, “co-leads”, “runs” and “member of” links',
    );
    expect(pathFilterNote(set('Country'), none)).toBe('countries');
  });

  it('follows nothing when every relationship is hidden', () => {
    expect(pathRelationships(none, new Set(RELATIONSHIP_TYPES))).toEqual([]);
  });
});
