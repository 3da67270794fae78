// Unit tests of server/services/relationship-about.ts: a relationship's role and dates in words.
import { describe, expect, it } from 'vitest';
import {
  aboutAside,
  dateSpan,
  relationshipAbout,
} from '../../server/services/relationship-about.ts';

describe('dateSpan', () => {
  it('reads dates as a span', () => {
    expect(dateSpan('2023-04', '2025')).toBe('2023-04 – 2025');
    expect(dateSpan('2023', undefined)).toBe('since 2023');
    expect(dateSpan(null, '2025')).toBe('until 2025');
    expect(dateSpan(undefined, undefined)).toBe('');
    expect(dateSpan(' ', 2025)).toBe('');
  });
});

describe('relationshipAbout', () => {
  it('joins the role and the dates an editor stated', () => {
    expect(relationshipAbout({ role: 'core funder', startDate: '2021' })).toBe(
      'core funder, since 2021',
    );
    expect(relationshipAbout({ role: 'lead', startDate: '2021', endDate: '2023' }, ' · ')).toBe(
      'lead · 2021 – 2023',
    );
    expect(relationshipAbout({ role: null, endDate: '2023' })).toBe('until 2023');
    expect(relationshipAbout({ role: ' ', startDate: null })).toBe('');
  });

  it('makes an aside of them, or nothing', () => {
    expect(aboutAside({ role: 'co-chair' })).toBe(' (co-chair)');
    expect(aboutAside({})).toBe('');
  });
});
