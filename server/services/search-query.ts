/**
 * Turns what a person types into a Lucene query for the full-text index: every term escaped (so
 * `AND`, quotes, `*`, `~`, brackets are searched for, never interpreted), each term matched as a
 * prefix for typeahead and fuzzily when long enough to make typos likely, with and without its
 * accents, a term of letters then digits also as the two words it abbreviates, and a letter
 * typed apart before a word also as the word elided ("d ivoire" as "d'ivoire").
 */

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
const MAX_TERMS = 8;

/**
 * The properties of the `entity_text` index (cypher/schema/0002-search-and-lookup-indexes.cypher)
 * that name an entity. A query confined to one of them tells how well an entity is named what was
 * typed, apart from what its description says.
 */
export const NAME_FIELDS = ['name', 'aliasText'] as const;
export type NameField = (typeof NAME_FIELDS)[number];

/**
 * Letters a word needs to be looked for one letter off in descriptions too (in names: four). A
 * word of four or five letters is one letter from too many others ("dhis": this, his).
 */
const DESCRIPTION_TYPO_LETTERS = 6;

/** Escapes Lucene's special characters. */
export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** Apostrophes as typed or as sources write them (’ ʼ ‘), read as one. */
const APOSTROPHES = /[\u2019\u02bc\u2018]/g;

/**
 * Whitespace and punctuation between terms, but not an apostrophe inside a word: the index keeps
 * "d'ivoire" and "people's" as one word each, so "ivoire" typed apart is no word of
 * "Cote d'Ivoire" and the country was not found by its name.
 */
const TERM_SEPARATOR = /(?:\s|(?!')\p{P}|'(?!\p{L})|(?<!\p{L})')+/u;

/**
 * The terms of a search: lower-cased (so AND/OR/NOT are words), split on whitespace and
 * punctuation; a term of accents alone (a combining mark typed apart) is no term: without its
 * accents it is empty, and an empty term is no valid query.
 */
export function searchTerms(input: string): string[] {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .split(TERM_SEPARATOR)
    .filter((t) => foldDiacritics(t).length > 0)
    .slice(0, MAX_TERMS);
}

/**
 * What was typed, read as a whole name: lower-cased, spaces collapsed, and punctuation around it
 * dropped (`"unicef"` and `unicef.` are UNICEF's name; `x-road` keeps its hyphen). The entity of
 * exactly that name ranks first.
 */
export function exactName(input: string): string {
  return typedName(input.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ''));
}

/**
 * Text without its diacritics ("são tomé" → "sao tome"). Sources write names with accents
 * (Curaçao, SantéMPI) and without (Sao Tome and Principe): a term is looked for both ways, and
 * names are also indexed without theirs (entity_names_folded), for terms typed without.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC');
}

/** A term of letters then digits, "sdg3" or "sdg16": people's shorthand for "SDG 3", "SDG 16". */
const LETTERS_THEN_DIGITS = /^(\p{L}+)(\p{N}+)$/u;

/** What was typed, read as a whole name as it stands: lower-cased, spaces trimmed and collapsed. */
export function typedName(input: string): string {
  return input.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Lucene's English stop words (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET), which the folding analyzer
 * of `entity_names_folded` (cypher/schema/0012-accent-folded-name-index.cypher) leaves out of the
 * index: asked of that index, such a term matches nothing but other words it begins, and a query
 * whose every term must match ("sao tome and principe") would find nothing there.
 */
export const FOLDED_INDEX_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by for if in into is it no not of on or such that the their then ' +
    'there these they this to was will with'
  ).split(' '),
);

/**
 * The Lucene query for an input, or null when nothing searchable is left. Every term must match
 * (with `someTerms`, any one but a stop word: the fallback when nothing matches them all): in any
 * property of the index, or, given `field`, in that one. A word of four letters or more also
 * matches one letter off: in a name or alias, and from six letters in a description too.
 *
 * `folded`: for the index of names without their accents, `entity_names_folded`. It holds no stop
 * words ({@link FOLDED_INDEX_STOP_WORDS}), so they are left out; a term is looked for without its
 * accents only, and never fuzzily. That index is there for accents alone: typos are found in
 * `entity_text`, and a fuzzy term is the costliest part of a query (with them, the two folded
 * queries made a search at 100k relationships a third slower; bench/README.md).
 */
export function buildSearchQuery(
  input: string,
  field?: NameField,
  { folded = false, someTerms = false }: { folded?: boolean; someTerms?: boolean } = {},
): string | null {
  // The field name is the one piece of the query not escaped: only the index's own names pass.
  if (field !== undefined && !NAME_FIELDS.includes(field))
    throw new TypeError(`search-query: ${JSON.stringify(field)} is not a name field of the index`);
  // Stop words are left out of the fallback too: any entity with "in" or "by" in its text would
  // match some of "health in kenya".
  const terms = searchTerms(input).filter(
    (term) => !(folded || someTerms) || !FOLDED_INDEX_STOP_WORDS.has(term),
  );
  if (terms.length === 0) return null;
  const clause = (term: string): string => {
    // A prefix is not analysed: a word the source wrote with a typographic apostrophe
    // ("women’s") is looked for as written too.
    const written = (folded ? [foldDiacritics(term)] : [term, foldDiacritics(term)]).flatMap((t) =>
      t.includes("'") ? [t, t.replaceAll("'", '\u2019')] : [t],
    );
    const options = [...new Set(written)].map(escapeLucene).flatMap((t) => {
      // A typo is a weaker match than a prefix or the word itself: half weight. "unic" is a prefix
      // of both UNICEF and the UNICC and one edit from "unicc"; at full weight the edit put the
      // UNICC above UNICEF by more than UNICEF's connections make up for (fulltext-search.cypher).
      // A number is not misspelt: "2030" one edit from 2020 or 2031 is another number.
      const fuzzy = !folded && t.length >= 4 && !/^\p{N}+$/u.test(t);
      if (!fuzzy) return [`${t}^3`, `${t}*^2`];
      // A short word is looked for one letter off in names alone: in descriptions it is as often
      // a common word ("dhis" listed every DPG whose description says "this" after DHIS2, QA).
      const typo =
        field || t.length >= DESCRIPTION_TYPO_LETTERS
          ? [`${t}~1^0.5`]
          : NAME_FIELDS.map((name) => `${name}:${t}~1^0.5`);
      return [`${t}^3`, `${t}*^2`, ...typo];
    });
    const matched = `${field ? `${field}:` : ''}(${options.join(' OR ')})`;
    const split = LETTERS_THEN_DIGITS.exec(term);
    return split ? `(${matched} OR (${clause(split[1]!)} AND ${clause(split[2]!)}))` : matched;
  };
  const all = withElisions(terms, clause).join(someTerms ? ' OR ' : ' AND ');
  // Names written as one word are often typed as two ("open crvs", "dhis 2", "x road"): the terms
  // run together are one more way to match.
  return terms.length === 1 ? all : `(${all}) OR ${clause(terms.join(''))}`;
}

/**
 * A search read as an entity's name and more words ("unicef ai", "health kenya"): the words that
 * may be the name, the ways that name may be written, and the queries of the other words. The
 * entities related to the one so named that match the other words are results too: the Community
 * of Practice on AI that UNICEF co-leads never mentions UNICEF, and the health DPGs deployed in
 * Kenya do not name the country.
 */
export interface RelatedScope {
  /** The name, lower-cased, as it may be written: with spaces, hyphens or run together. */
  names: string[];
  /** A phrase query of the name for `entity_names_folded`, which finds its candidates. */
  anchorQuery: string;
  /** {@link buildSearchQuery} of the other words, in every field and in the name alone. */
  query: string;
  nameQuery: string;
}

/** Words a name is read from at most (a name of more words is typed whole, and found so). */
const MAX_NAME_TERMS = 3;
/** Readings asked at most: each is one phrase lookup in the names index. */
const MAX_SCOPES = 12;

/**
 * The ways to read `input` as a name and other words: every run of one to three consecutive terms
 * that neither starts nor ends with a stop word, with at least one term left over that is not
 * one. None for a single term (that is a plain search).
 */
export function relatedScopes(input: string): RelatedScope[] {
  const terms = searchTerms(input);
  if (terms.length < 2) return [];
  const scopes: RelatedScope[] = [];
  for (let length = 1; length <= Math.min(MAX_NAME_TERMS, terms.length - 1); length += 1) {
    for (let start = 0; start + length <= terms.length; start += 1) {
      const run = terms.slice(start, start + length);
      if (FOLDED_INDEX_STOP_WORDS.has(run[0]!) || FOLDED_INDEX_STOP_WORDS.has(run.at(-1)!))
        continue;
      const others = [...terms.slice(0, start), ...terms.slice(start + length)];
      // "unicef the": what UNICEF relates to that says "the" is everything it relates to.
      if (others.every((term) => FOLDED_INDEX_STOP_WORDS.has(term))) continue;
      const rest = others.join(' ');
      const query = buildSearchQuery(rest);
      const nameQuery = buildSearchQuery(rest, 'name');
      if (query === null || nameQuery === null) continue;
      const phrase = `"${escapeLucene(foldDiacritics(run.join(' ')))}"`;
      const names = [' ', '-', ''].flatMap((joint) => {
        const name = run.join(joint);
        return [name, foldDiacritics(name)];
      });
      scopes.push({
        names: [...new Set(names)],
        anchorQuery: `name:${phrase} OR aliasText:${phrase}`,
        query,
        nameQuery,
      });
      if (scopes.length === MAX_SCOPES) return scopes;
    }
  }
  return scopes;
}

/** A letter on its own, as people type an elided article: the "d" of "cote d ivoire". */
const ELIDED_LETTER = /^\p{L}$/u;

/**
 * The clauses of the terms, each of them required, where a letter typed apart before a word (of
 * letters first, with no apostrophe of its own) may also be that word elided: "cote d ivoire" asks for "d" and "ivoire", or for "d'ivoire", the one
 * word the index keeps for "Côte d'Ivoire" (and "ministere de l education" for "l'education").
 */
function withElisions(terms: string[], clause: (term: string) => string): string[] {
  const clauses: string[] = [];
  for (let at = 0; at < terms.length; at += 1) {
    const term = terms[at]!;
    const next = terms[at + 1];
    if (next !== undefined && ELIDED_LETTER.test(term) && /^\p{L}[^']*$/u.test(next)) {
      clauses.push(`((${clause(term)} AND ${clause(next)}) OR ${clause(`${term}'${next}`)})`);
      at += 1;
    } else clauses.push(clause(term));
  }
  return clauses;
}

/** A short excerpt of `text` around the first place a term occurs, for showing why it matched. */
export function snippet(
  text: string | null | undefined,
  input: string,
  radius = 60,
): string | null {
  if (!text) return null;
  const lower = text.toLowerCase();
  for (const term of searchTerms(input)) {
    const at = lower.indexOf(term);
    if (at < 0) continue;
    const start = Math.max(0, at - radius);
    const end = Math.min(text.length, at + term.length + radius);
    return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
  }
  return null;
}
