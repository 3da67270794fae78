import { describe, expect, it } from 'vitest';
import { changedValues, sameValue } from '../../server/curation/unchanged-values.ts';

describe('what an edit changes', () => {
  it('compares stored values: lists by element, null and absent alike', () => {
    expect(sameValue('a', 'a')).toBe(true);
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue(['a'], 'a')).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue(null, '')).toBe(false);
    expect(sameValue(2021, '2021')).toBe(false);
    expect(sameValue(true, true)).toBe(true);
  });

  it('keeps only the entries that differ; removing what is absent changes nothing', () => {
    const stored = { name: 'UNICEF', website: 'https://www.unicef.org/', aliases: ['UN Children'] };
    expect(
      changedValues(stored, {
        name: 'UNICEF',
        website: 'https://www.unicef.org/innovation/',
        aliases: ['UN Children'],
        kind: null,
      }),
    ).toEqual({ website: 'https://www.unicef.org/innovation/' });
    expect(changedValues(stored, { website: 'https://www.unicef.org/' })).toEqual({});
    expect(changedValues(stored, { website: null })).toEqual({ website: null });
  });
});
