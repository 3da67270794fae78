import { describe, expect, it } from 'vitest';
import { notFoundMessage } from '../../server/insights/entity-lookup.ts';

describe('notFoundMessage', () => {
  it('names the types in words, acronyms as they are', () => {
    expect(notFoundMessage('country:ZZ', ['Country'])).toBe('No country has the id "country:ZZ"');
    expect(notFoundMessage('dpg:mosip', ['DPG'])).toBe('No DPG has the id "dpg:mosip"');
    expect(notFoundMessage('x:y', ['Organisation', 'Initiative'])).toBe(
      'No organisation or initiative has the id "x:y"',
    );
  });
});
