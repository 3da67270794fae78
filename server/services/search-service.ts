/** Full-text search over entity names, aliases and descriptions, ranked, paged, with a snippet. */
import neo4j from 'neo4j-driver';
import type { GraphDatabase, Row } from '../db/neo4j-client.ts';
import type { SearchQuery } from '../api/schemas.ts';
import { canonicalEntityId, isEntityId } from '../model/entity-ids.ts';
import { RELATIONSHIP_PHRASES, type RelationshipType } from '../model/graph-model.ts';
import { LIMITS } from '../api/limits.ts';
import { checkEntityTypes } from './graph-filters.ts';
import {
  buildSearchQuery,
  exactName,
  foldDiacritics,
  searchTerms,
  relatedScopes,
  snippet,
  typedName,
} from './search-query.ts';

export interface SearchResult {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  score: number;
  snippet: string | null;
}

/**
 * Which words of the search the results match: `all`, or, when no entity matches every one of
 * them, `some` ("health kenya": nothing mentions both, so Kenya and what mentions health).
 */
export type MatchedWords = 'all' | 'some';

export interface SearchPage {
  results: SearchResult[];
  /** Matches in all, of the requested types. */
  total: number;
  words: MatchedWords;
}

/** How a hit found through an entity that was named relates to it (fulltext-search.cypher). */
interface Via {
  name: string;
  type: RelationshipType;
  fromAnchor: boolean;
}

/**
 * "UNICEF co-leads this", "is deployed in Kenya", "X-Road is deployed here": why a hit found
 * through an entity that was named matched, the named entity first when the relationship starts
 * there (`hitType`: a place is "here", not "this").
 */
export function relatedSnippet(via: Via, hitType: string): string {
  const phrase = RELATIONSHIP_PHRASES[via.type] ?? via.type.toLowerCase().replaceAll('_', ' ');
  if (!via.fromAnchor) return `${phrase} ${via.name}`;
  if (hitType === 'Country' && phrase.endsWith(' in'))
    return `${via.name} ${phrase.slice(0, -' in'.length)} here`;
  return `${via.name} ${phrase} this`;
}

/**
 * Why a hit matched, when its label does not show it: the named entity it relates to, an alias,
 * or the description around a term.
 */
function whyMatched(hit: Row, q: string): string | null {
  if (hit.via) return relatedSnippet(hit.via as Via, String(hit.type));
  if (snippet(String(hit.label), q) !== null) return null;
  const aliases = (hit.aliases as string[] | null) ?? [];
  const aliasHit = aliases.find((a) => snippet(a, q));
  return aliasHit ? `also known as ${aliasHit}` : snippet(hit.description as string | null, q);
}

/** What was typed, read as an entity id in canonical case, or null when it is not one. */
export function typedId(q: string): string | null {
  const id = canonicalEntityId(q.trim());
  return isEntityId(id) ? id : null;
}

/**
 * Ranked matches of every word typed; when nothing matches them all and more than one was typed,
 * matches of any of them (an entity matching more of them scores higher), said in `words`, so a
 * search that combines what no single entity mentions still leads somewhere.
 */
export async function search(db: GraphDatabase, params: SearchQuery): Promise<SearchPage> {
  const page = await searchWords(db, params, 'all');
  // A pasted id of no entity is not words to match one by one ("org", "nothing", "by"…).
  if (page.total > 0 || searchTerms(params.q).length < 2 || typedId(params.q) !== null) return page;
  const some = await searchWords(db, params, 'some');
  return some.total > 0 ? some : page;
}

async function searchWords(
  db: GraphDatabase,
  params: SearchQuery,
  words: MatchedWords,
): Promise<SearchPage> {
  const someTerms = words === 'some';
  const query = buildSearchQuery(params.q, undefined, { someTerms });
  if (!query) return { results: [], total: 0, words };
  // The same terms in names and in aliases alone: the index's score adds up every property, so
  // a description that repeats a word would otherwise outrank the entity of that name.
  const nameQuery = buildSearchQuery(params.q, 'name', { someTerms });
  const aliasQuery = buildSearchQuery(params.q, 'aliasText', { someTerms });
  const [row] = await db.read('search/fulltext-search', {
    query,
    nameQuery,
    aliasQuery,
    // The same for names written with accents, in the index that keeps them without (no stop
    // words, no typos: search-query.ts); all stop words typed ("the"), the terms as they are:
    // that index then finds nothing, as it should.
    foldedNameQuery: buildSearchQuery(params.q, 'name', { folded: true, someTerms }) ?? nameQuery,
    foldedAliasQuery:
      buildSearchQuery(params.q, 'aliasText', { folded: true, someTerms }) ?? aliasQuery,
    // What was typed as a name, as typed and without the punctuation around it ("unicef" in
    // quotes, or "Acme Inc." with its full stop), with and without accents: each may be an
    // entity's whole name.
    exact: [
      ...new Set(
        [typedName(params.q), exactName(params.q)].flatMap((name) => [name, foldDiacritics(name)]),
      ),
    ],
    // An id pasted from a link or the API ("org:unicef") finds its entity first.
    id: typedId(params.q),
    // Words that name an entity, and what relates to it that matches the others; not in the
    // fallback (any word would do there) nor for a pasted id ("org" is no word to look for).
    related: someTerms || typedId(params.q) !== null ? [] : relatedScopes(params.q),
    types: checkEntityTypes(params.types),
    offset: neo4j.int(params.offset),
    limit: neo4j.int(params.limit),
    // The page a named entity is listed on at the latest (fulltext-search.cypher): the default
    // one, which the explorer's (12) holds too.
    firstPage: neo4j.int(LIMITS.search.default),
  });
  const hits = (row?.hits as Row[] | undefined) ?? [];
  return {
    words,
    total: Number(row?.total ?? 0),
    results: hits.map((hit) => ({
      id: String(hit.id),
      label: String(hit.label),
      type: String(hit.type),
      kind: (hit.kind as string | null) ?? null,
      score: Number(hit.score),
      snippet: whyMatched(hit, params.q),
    })),
  };
}
