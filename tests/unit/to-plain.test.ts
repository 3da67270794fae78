import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../server/db/neo4j-client.ts';

describe('toPlain', () => {
  it('passes scalars through and turns undefined into null', () => {
    expect(toPlain('a')).toBe('a');
    expect(toPlain(1.5)).toBe(1.5);
    expect(toPlain(false)).toBe(false);
    expect(toPlain(null)).toBeNull();
    expect(toPlain(undefined)).toBeNull();
  });

  it('converts driver integers and temporal values, nested in lists and maps', () => {
    const big = neo4j.int('9007199254740993');
    const date = new neo4j.types.Date(2026, 12, 3);
    const dateTime = new neo4j.types.DateTime(2026, 12, 3, 9, 5, 0, 0, 0);
    expect(
      toPlain({ n: neo4j.int(42), big, list: [neo4j.int(1), { date }], dateTime, none: null }),
    ).toEqual({
      n: 42,
      big: '9007199254740993',
      list: [1, { date: '2026-12-03' }],
      dateTime: '2026-12-03T09:05:00Z',
      none: null,
    });
  });
});
