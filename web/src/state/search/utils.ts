/**
 * Pure helpers for the search domain: grouping ranked results by entity type (in rank order, of
 * the groups and inside each) and moving the keyboard cursor through them.
 */
import type { SearchResult } from '../../lib/api/types';

/** Results of one type, each with its position in keyboard order. */
export interface ResultGroup {
  type: string;
  items: Array<{ result: SearchResult; index: number }>;
}

/**
 * Groups results by type. The group of the best match comes first, and so on down the ranking
 * (typing "dhis" shows DHIS2 first, not six activities that mention it); inside a group results
 * keep the API's order. `index` numbers results in the order they are displayed, which is the
 * order ↑ ↓ walk.
 */
export function groupResults(results: readonly SearchResult[]): ResultGroup[] {
  const byType = new Map<string, SearchResult[]>();
  for (const result of results) {
    const list = byType.get(result.type);
    if (list) list.push(result);
    else byType.set(result.type, [result]);
  }
  let index = 0;
  // A Map keeps insertion order: each type where its best result ranks.
  return [...byType.entries()].map(([type, list]) => ({
    type,
    items: list.map((result) => ({ result, index: index++ })),
  }));
}

const folded = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** A sector's map offered as a search result, and whether the query is exactly what it names. */
export interface SectorOffer {
  result: SearchResult;
  /** The query is the sector's name ("health"), or its and a country's ("health kenya"). */
  exact: boolean;
}

/**
 * The entities found and the topic maps the query names, in one ranking: the maps after the
 * entities, but those the query names exactly first when no entity is named what was typed
 * ("health" is a topic before it is any of the 60 entities that mention it, "health kenya" that
 * topic in Kenya; "water" only starts a sector). A map it names only in part stays after the
 * entities even then: "health kenya" also reads as "SDG 3: Good Health… in Kenya", which is not
 * what was typed. When the entities match only some of the words, every map goes first.
 */
export function withSectors(
  found: readonly SearchResult[],
  offers: readonly SectorOffer[],
  query: string,
  foundSomeWords = false,
): SearchResult[] {
  const exact = offers.filter((offer) => offer.exact).map((offer) => offer.result);
  const partial = offers.filter((offer) => !offer.exact).map((offer) => offer.result);
  // An offer's name starts with every word typed; entities that match only some of them
  // ("sdg 3 kenya": every SDG, Kenya) come after it, whatever it names.
  if (foundSomeWords) return [...exact, ...partial, ...found];
  const typedEntity = found[0] !== undefined && folded(found[0].label) === folded(query);
  return exact.length > 0 && !typedEntity
    ? [...exact, ...found, ...partial]
    : [...found, ...offers.map((offer) => offer.result)];
}

/** Results in display (keyboard) order. */
export function displayOrder(groups: readonly ResultGroup[]): SearchResult[] {
  return groups.flatMap((group) => group.items.map((item) => item.result));
}

/**
 * Moves the active index by `delta` through `count` results, wrapping at both ends. From no active
 * result (-1), down goes to the first and up to the last.
 */
export function moveActive(active: number, count: number, delta: 1 | -1): number {
  if (count <= 0) return -1;
  if (active < 0 || active >= count) return delta === 1 ? 0 : count - 1;
  return (active + delta + count) % count;
}

/** Splits `label` around the first case-insensitive occurrence of `query`, for highlighting. */
export function splitMatch(
  label: string,
  query: string,
): { before: string; match: string; after: string } {
  const q = query.trim().toLowerCase();
  const at = q === '' ? -1 : label.toLowerCase().indexOf(q);
  if (at === -1) return { before: label, match: '', after: '' };
  return {
    before: label.slice(0, at),
    match: label.slice(at, at + q.length),
    after: label.slice(at + q.length),
  };
}
