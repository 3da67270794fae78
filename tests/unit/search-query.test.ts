import { describe, expect, it } from 'vitest';
import {
  buildSearchQuery,
  escapeLucene,
  exactName,
  snippet,
  typedName,
} from '../../server/services/search-query.ts';

describe('buildSearchQuery', () => {
  it('matches each term exactly, as a prefix, and fuzzily when long enough', () => {
    expect(buildSearchQuery('DHIS')).toBe('(dhis^3 OR dhis*^2 OR dhis~1)');
    expect(buildSearchQuery('un')).toBe('(un^3 OR un*^2)');
  });

  it('never passes Lucene syntax through', () => {
    for (const hostile of ['a AND b', 'title:"x"', 'foo~10', 'x^100', '(((', 'a || b', '\\', '*']) {
      const query = buildSearchQuery(hostile);
      if (query === null) continue;
      // Every special character left in a term is escaped, and operators are lower-cased words.
      const unescaped = query.replace(/\\./g, '').replace(/\^\d|\*\^2|~1|[()]| OR | AND /g, '');
      expect(unescaped).not.toMatch(/[+\-!(){}[\]^"~*?:\\/&|]/);
      expect(query).not.toMatch(/\b(?<!\\)AND\b(?! \()/);
    }
  });

  it('returns null when nothing searchable is left', () => {
    expect(buildSearchQuery('  ... !!! ')).toBeNull();
  });

  it('escapes every special character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });
});

describe('snippet', () => {
  it('cuts an excerpt around the first matching term', () => {
    const text = `${'x '.repeat(100)}Sierra Leone ${'y '.repeat(100)}`;
    const s = snippet(text, 'sierra')!;
    expect(s).toContain('Sierra Leone');
    expect(s.startsWith('…')).toBe(true);
    expect(s.length).toBeLessThan(150);
  });
});

describe('exactName', () => {
  it('reads what was typed as a whole name, whatever punctuation surrounds it', () => {
    for (const typed of ['unicef', '"unicef', 'unicef"', ' "UNICEF". ', '«unicef»'])
      expect(exactName(typed), typed).toBe('unicef');
    expect(exactName('  Digital   Public Goods Alliance ')).toBe('digital public goods alliance');
    // Punctuation inside a name is part of it.
    expect(exactName('"X-Road"')).toBe('x-road');
    expect(exactName('?!')).toBe('');
    // A name that ends in punctuation is also compared as typed (search-service.ts sends both).
    expect(typedName(' Acme  Inc. ')).toBe('acme inc.');
    expect(exactName(' Acme  Inc. ')).toBe('acme inc');
  });
});
