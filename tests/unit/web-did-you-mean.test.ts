import { describe, expect, it } from 'vitest';
import { idSearchWords, suggestionsFor } from '../../web/src/lib/entity/did-you-mean.ts';

describe('did you mean', () => {
  it("searches the words an id's slug spells", () => {
    expect(idSearchWords('dpg:mosip')).toBe('mosip');
    expect(idSearchWords('org:unicef-venture_fund')).toBe('unicef venture fund');
    expect(idSearchWords('activity:unicef/co-leading')).toBe('unicef co leading');
    expect(idSearchWords('dpg:')).toBe('');
    expect(idSearchWords('dpg:---')).toBe('');
    expect(idSearchWords(`dpg:${'a'.repeat(500)}`)).toHaveLength(200);
  });

  it('offers entities of the missing id’s kind first, never the missing id itself', () => {
    const results = [
      { id: 'activity:norad/direct-funding-mosip', label: 'Direct funding (MOSIP)' },
      { id: 'org:mosip', label: 'MOSIP' },
      {
        id: 'dpg:modular-open-source-identity-platform',
        label: 'Modular Open Source Identity Platform',
      },
      { id: 'dpg:mosip', label: 'stale' },
    ];
    expect(suggestionsFor('dpg:mosip', results).map((r) => r.id)).toEqual([
      'dpg:modular-open-source-identity-platform',
      'activity:norad/direct-funding-mosip',
      'org:mosip',
    ]);
    expect(suggestionsFor('dpg:mosip', results, 1).map((r) => r.id)).toEqual([
      'dpg:modular-open-source-identity-platform',
    ]);
    expect(suggestionsFor('mosip', results)).toHaveLength(3);
  });
});
