import { describe, expect, it } from 'vitest';
import {
  NAME_FIELDS,
  buildSearchQuery,
  escapeLucene,
  exactName,
  foldDiacritics,
  relatedScopes,
  searchTerms,
  snippet,
  typedName,
  type NameField,
} from '../../server/services/search-query.ts';
import { relatedSnippet } from '../../server/services/search-service.ts';

/** A term one letter off, as looked for without a field: in every field from six letters. */
const typo = (term: string) =>
  term.length >= 6 ? `${term}~1^0.5` : `name:${term}~1^0.5 OR aliasText:${term}~1^0.5`;

describe('buildSearchQuery', () => {
  it('matches each term exactly, as a prefix, and one letter off when long enough', () => {
    // Not in descriptions below six letters: "dhis" is one letter off "this".
    expect(buildSearchQuery('DHIS')).toBe(`(dhis^3 OR dhis*^2 OR ${typo('dhis')})`);
    expect(buildSearchQuery('un')).toBe('(un^3 OR un*^2)');
    expect(buildSearchQuery('unicfe')).toBe('(unicfe^3 OR unicfe*^2 OR unicfe~1^0.5)');
  });

  it('confines every term to a name field when asked, so names rank apart from descriptions', () => {
    expect(buildSearchQuery('DHIS un', 'name')).toBe(
      '(name:(dhis^3 OR dhis*^2 OR dhis~1^0.5) AND name:(un^3 OR un*^2)) OR ' +
        'name:(dhisun^3 OR dhisun*^2 OR dhisun~1^0.5)',
    );
    expect(buildSearchQuery('unicfe', 'aliasText')).toBe(
      'aliasText:(unicfe^3 OR unicfe*^2 OR unicfe~1^0.5)',
    );
    expect(buildSearchQuery('...', 'name')).toBeNull();
  });

  it('also matches the terms run together, as names written as one word are typed as two', () => {
    expect(buildSearchQuery('open crvs')).toBe(
      `((open^3 OR open*^2 OR ${typo('open')}) AND (crvs^3 OR crvs*^2 OR ${typo('crvs')})) OR ` +
        `(opencrvs^3 OR opencrvs*^2 OR ${typo('opencrvs')})`,
    );
    expect(buildSearchQuery('dhis')).toBe(`(dhis^3 OR dhis*^2 OR ${typo('dhis')})`);
  });

  it('asks for any of the terms instead of all of them when told to (the fallback)', () => {
    expect(buildSearchQuery('health kenya', 'name', { someTerms: true })).toBe(
      '(name:(health^3 OR health*^2 OR health~1^0.5) OR name:(kenya^3 OR kenya*^2 OR kenya~1^0.5)) OR ' +
        'name:(healthkenya^3 OR healthkenya*^2 OR healthkenya~1^0.5)',
    );
    // An elided word stays one way to match, of two terms that both must.
    expect(buildSearchQuery('cote d ivoire', undefined, { someTerms: true })).toBe(
      `(${buildSearchQuery('cote')} OR ((${buildSearchQuery('d')} AND ${buildSearchQuery('ivoire')}) OR ` +
        `${buildSearchQuery("d'ivoire")})) OR ${buildSearchQuery('cotedivoire')}`,
    );
    expect(buildSearchQuery('kenya', undefined, { someTerms: true })).toBe(
      buildSearchQuery('kenya'),
    );
    // Without its stop words: "in" alone would match half the graph.
    expect(buildSearchQuery('health in kenya', undefined, { someTerms: true })).toBe(
      buildSearchQuery('health kenya', undefined, { someTerms: true }),
    );
    expect(buildSearchQuery('the of', undefined, { someTerms: true })).toBeNull();
  });

  it('looks for a term with and without its accents', () => {
    expect(buildSearchQuery('São')).toBe('(são^3 OR são*^2 OR sao^3 OR sao*^2)');
    expect(buildSearchQuery('tomé', 'name')).toBe(
      'name:(tomé^3 OR tomé*^2 OR tomé~1^0.5 OR tome^3 OR tome*^2 OR tome~1^0.5)',
    );
    expect(foldDiacritics("Côte d'Ivoire, Curaçao, SantéMPI")).toBe(
      "Cote d'Ivoire, Curacao, SanteMPI",
    );
  });

  it('keeps an apostrophe inside a word, as the index does ("d\'ivoire")', () => {
    expect(searchTerms('Côte d’Ivoire')).toEqual(['côte', "d'ivoire"]);
    expect(searchTerms("people's 'quoted' rock'n'roll l'")).toEqual([
      "people's",
      'quoted',
      "rock'n'roll",
      'l',
    ]);
    expect(buildSearchQuery("d'ivoire", 'name')).toBe(
      "name:(d'ivoire^3 OR d'ivoire*^2 OR d'ivoire~1^0.5 OR d\u2019ivoire^3 OR d\u2019ivoire*^2 OR d\u2019ivoire~1^0.5)",
    );
  });

  it('reads a letter typed apart before a word also as the word elided ("d ivoire")', () => {
    const d = buildSearchQuery('d', 'name');
    const ivoire = buildSearchQuery('ivoire', 'name');
    const elided = buildSearchQuery("d'ivoire", 'name');
    expect(buildSearchQuery('d ivoire', 'name')).toBe(
      `(((${d} AND ${ivoire}) OR ${elided})) OR ${buildSearchQuery('divoire', 'name')}`,
    );
    // Only a letter before a word: a last letter, or a word already elided, is a term as before.
    expect(buildSearchQuery('vitamin a', 'name')).toBe(
      `(${buildSearchQuery('vitamin', 'name')} AND ${buildSearchQuery('a', 'name')}) OR ` +
        buildSearchQuery('vitamina', 'name'),
    );
    expect(buildSearchQuery("l d'ivoire", 'name')).toBe(
      `(${buildSearchQuery('l', 'name')} AND ${elided}) OR ${buildSearchQuery("ld'ivoire", 'name')}`,
    );
  });

  it('asks the folded names index for terms without accents, stop words or typos', () => {
    expect(buildSearchQuery('São Tomé and Príncipe', 'name', { folded: true })).toBe(
      '(name:(sao^3 OR sao*^2) AND name:(tome^3 OR tome*^2) AND name:(principe^3 OR principe*^2)) ' +
        'OR name:(saotomeprincipe^3 OR saotomeprincipe*^2)',
    );
    expect(buildSearchQuery('the', 'name', { folded: true })).toBeNull();
    // Elsewhere stop words are words like any other ("Code for All").
    expect(buildSearchQuery('for')).toBe('(for^3 OR for*^2)');
  });

  it('leaves out a term of accents alone, and never matches a number fuzzily', () => {
    expect(buildSearchQuery('\u0301')).toBeNull();
    expect(buildSearchQuery('unicef \u0301')).toBe(buildSearchQuery('unicef'));
    expect(buildSearchQuery('2030')).toBe('(2030^3 OR 2030*^2)');
    expect(buildSearchQuery('agenda2030')).toBe(
      `((agenda2030^3 OR agenda2030*^2 OR ${typo('agenda2030')}) OR ` +
        `((agenda^3 OR agenda*^2 OR ${typo('agenda')}) AND (2030^3 OR 2030*^2)))`,
    );
  });

  it('reads letters then digits also as the two words they abbreviate ("sdg3": SDG 3)', () => {
    expect(buildSearchQuery('sdg3')).toBe(
      `((sdg3^3 OR sdg3*^2 OR ${typo('sdg3')}) OR ((sdg^3 OR sdg*^2) AND (3^3 OR 3*^2)))`,
    );
    expect(buildSearchQuery('sdg16', 'name')).toBe(
      '(name:(sdg16^3 OR sdg16*^2 OR sdg16~1^0.5) OR (name:(sdg^3 OR sdg*^2) AND name:(16^3 OR 16*^2)))',
    );
    // Digits then letters, or letters alone, are one word as before.
    expect(buildSearchQuery('3d')).toBe('(3d^3 OR 3d*^2)');
  });

  it('takes no field but the names of the index', () => {
    for (const field of ['description', 'name:x OR description', ''])
      expect(() => buildSearchQuery('unicef', field as NameField), field).toThrow(TypeError);
  });

  it('never passes Lucene syntax through', () => {
    const hostile = ['a AND b', 'title:"x"', 'foo~10', 'x^100', '(((', 'a || b', '\\', '*'];
    for (const field of [undefined, ...NAME_FIELDS]) {
      for (const typed of hostile) {
        const query = buildSearchQuery(typed, field);
        if (query === null) continue;
        // Every special character left in a term is escaped, operators are lower-cased words, and
        // no field is named but the one asked for.
        let unescaped = query
          .replace(/\\./g, '')
          .replace(/\^\d|\*\^2|~1\^0\.5|[()]| OR | AND /g, '');
        // Without a field, typos are looked for in the names: those fields alone are named.
        for (const named of field ? [field] : NAME_FIELDS)
          unescaped = unescaped.replaceAll(`${named}:`, '');
        expect(unescaped).not.toMatch(/[+\-!(){}[\]^"~*?:\\/&|]/);
        expect(query).not.toMatch(/\b(?<!\\)AND\b(?! \w*:?\()/);
      }
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

describe('relatedScopes', () => {
  it('reads each run of up to three words as a name and the other words as the query', () => {
    const scopes = relatedScopes('UNICEF ai');
    expect(scopes).toEqual([
      {
        names: ['unicef'],
        anchorQuery: 'name:"unicef" OR aliasText:"unicef"',
        query: buildSearchQuery('ai'),
        nameQuery: buildSearchQuery('ai', 'name'),
      },
      {
        names: ['ai'],
        anchorQuery: 'name:"ai" OR aliasText:"ai"',
        query: buildSearchQuery('unicef'),
        nameQuery: buildSearchQuery('unicef', 'name'),
      },
    ]);
    // "x road estonia": X-Road written with a space, a hyphen or run together, and Estonia.
    const xRoad = relatedScopes('x road estonia').find((s) => s.names.includes('x-road'));
    expect(xRoad).toMatchObject({
      names: ['x road', 'x-road', 'xroad'],
      query: buildSearchQuery('estonia'),
    });
    expect(relatedScopes('health in kenya').map((s) => s.names[0])).toEqual(['health', 'kenya']);
  });

  it('reads no name where nothing would be left to search for, nor in a single word', () => {
    expect(relatedScopes('unicef')).toEqual([]);
    // "the" is no name, and "unicef" leaves only a stop word to search for.
    expect(relatedScopes('unicef the')).toEqual([]);
    expect(relatedScopes('')).toEqual([]);
  });

  it('matches a name with and without its accents and escapes what Lucene would read', () => {
    const [sao] = relatedScopes('são health');
    expect(sao).toMatchObject({
      names: ['são', 'sao'],
      anchorQuery: 'name:"sao" OR aliasText:"sao"',
    });
    const [cpp] = relatedScopes('c++ health');
    expect(cpp?.anchorQuery).toBe('name:"c\\+\\+" OR aliasText:"c\\+\\+"');
  });

  it('asks at most twelve readings however many words are typed', () => {
    expect(relatedScopes('one two three four five six seven eight')).toHaveLength(12);
  });
});

describe('relatedSnippet', () => {
  it('says how a hit relates to the entity named, from the side the relationship starts', () => {
    expect(relatedSnippet({ name: 'UNICEF', type: 'LEADS', fromAnchor: true }, 'Activity')).toBe(
      'UNICEF leads this',
    );
    expect(relatedSnippet({ name: 'Kenya', type: 'DEPLOYED_IN', fromAnchor: false }, 'DPG')).toBe(
      'is deployed in Kenya',
    );
    expect(
      relatedSnippet({ name: 'X-Road', type: 'DEPLOYED_IN', fromAnchor: true }, 'Country'),
    ).toBe('X-Road is deployed here');
    expect(relatedSnippet({ name: 'GovStack', type: 'MEMBER_OF', fromAnchor: true }, 'Group')).toBe(
      'GovStack is a member of this',
    );
  });
});
