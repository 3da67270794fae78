/**
 * A sector as the subject of a stakeholder map. Sectors are a property of DPGs, not entities, so a
 * sector's map goes by an id no entity has, `sector:Health` (server/insights/sector-subject.ts):
 * it has no details to open, no node to explore from and no topic to annotate.
 */
import { typeFromId } from '../vocabulary';

/** The subject type of a sector's map, beside the entity types of the others. */
export const SECTOR_TYPE = 'Sector';

const PREFIX = 'sector:';

/** The id a sector's map goes by. */
export const sectorSubjectId = (sector: string): string => `${PREFIX}${sector}`;

/** Whether `id` is a sector's, not an entity's. */
export const isSectorId = (id: string): boolean =>
  id.startsWith(PREFIX) && id.length > PREFIX.length;

/** The sector a sector's id names. */
export const sectorOf = (id: string): string => id.slice(PREFIX.length);

/**
 * A topic's map (a sector's, an SDG's) by its subject, and the country it is narrowed to:
 * "Health", "Health in Kenya", "SDG 3: Good Health and Well-being in Kenya".
 */
export function topicInCountry(topic: string, country: string | null): string {
  return country === null ? topic : `${topic} in ${country}`;
}

/**
 * What the canvas calls a sector's map it draws, and its pictures' file names: "Health sector
 * stakeholders", "Health sector stakeholders in Kenya".
 */
export function sectorMapTitle(sector: string, country: string | null): string {
  return `${sector} sector stakeholders${country === null ? '' : ` in ${country}`}`;
}

/** The subject type an insight's id names: a sector, or an entity type by the id's prefix. */
export function subjectTypeOf(id: string): string | undefined {
  return isSectorId(id) ? SECTOR_TYPE : typeFromId(id);
}

/** A sector and how many DPGs are in it (`/api/facets`' `sectors`). */
export interface SectorCount {
  sector: string;
  dpgs: number;
}

/** Sector maps (or SDG maps) a search offers at most: a topic is one or two of them. */
const OFFERED = 2;

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');

/**
 * Whether every word of `typed` starts a word of `name`; a number is a whole word ("sdg 1" is
 * SDG 1, not SDG 10 to 17).
 */
function startsWordsOf(typed: readonly string[], name: string): boolean {
  const parts = words(name);
  return typed.every((word) =>
    parts.some((part) => (/^\p{N}+$/u.test(word) ? part === word : part.startsWith(word))),
  );
}

/** Whether `typed` is `name`'s words, no more, no less. */
const isNamed = (typed: readonly string[], name: string) =>
  typed.join(' ') === words(name).join(' ');

/** Letters typed in `typed`, to tell a name being typed from a word typed. */
const letters = (typed: readonly string[]) => typed.join('').length;

/**
 * The sectors a search for `query` names, most DPGs first: those every word of which starts a
 * word of the sector's name ("health", "water san", "gender"), from three letters typed, so that a
 * name being typed ("he") offers no topic, nor a query about something else ("kenya health" is
 * about Kenya too: sectorsInCountriesNamed offers that).
 */
export function sectorsNamed(sectors: readonly SectorCount[], query: string): SectorCount[] {
  const typed = words(query);
  if (letters(typed) < 3) return [];
  return sectors
    .filter((s) => startsWordsOf(typed, s.sector))
    .sort((a, b) => b.dpgs - a.dpgs || (a.sector < b.sector ? -1 : 1))
    .slice(0, OFFERED);
}

/** Whether `query` is a sector's name exactly ("health", " HEALTH "), not only its start. */
export const namesSector = (sector: string, query: string): boolean =>
  isNamed(words(query), sector);

/** A country as the facets count it (`/api/facets`' `countries`: its id, name and entities). */
export interface CountryCount {
  id: string;
  label: string;
  entities: number;
}

/** A sector's map in a country that a search names. */
export interface SectorInCountry {
  sector: string;
  dpgs: number;
  country: { id: string; label: string };
  /** The query is the sector's name and the country's, no more ("kenya health"). */
  exact: boolean;
}

/** A topic's map by its subject's id and name (`sector:Health`, `sdg:3`), and its DPGs. */
export interface TopicCount {
  id: string;
  /** "Health", "SDG 3: Good Health and Well-being". */
  label: string;
  dpgs: number;
}

/** An SDG as the facets count it (`/api/facets`' `sdgs`) and a country's map lists it. */
export type SdgCount = TopicCount;

/** An SDG's map in a country that a search names ("sdg 3 kenya", "good health in kenya"). */
export interface SdgInCountry {
  sdg: SdgCount;
  country: { id: string; label: string };
  /** The query is one of the SDG's names and the country's, no more ("sdg 3 kenya"). */
  exact: boolean;
}

/** The ways `typed` splits into a topic's words and a country's, in either order. */
function splits(typed: readonly string[]): { topic: string[]; country: string[] }[] {
  const out: { topic: string[]; country: string[] }[] = [];
  for (let at = 1; at < typed.length; at++) {
    const after = typed.slice(at);
    // "health in kenya" reads as "health kenya".
    const country = after[0] === 'in' && after.length > 1 ? after.slice(1) : after;
    out.push({ topic: typed.slice(0, at), country });
    out.push({ topic: typed.slice(at), country: typed.slice(0, at) });
  }
  return out.filter((split) => letters(split.topic) >= 3 && letters(split.country) >= 3);
}

/** A topic a map can be of, as a search names it: its names, and how many DPGs it has. */
interface Topic<T> {
  of: T;
  names: readonly string[];
  dpgs: number;
}

/**
 * The topics' maps in a country that a search for `query` names: its words are a topic's (every
 * one starting a word of one of its names) and then a country's, or the other way round, every
 * remaining word starting a word of the country's name, from three letters of each; those named
 * exactly first, then the topics with the most DPGs, then the countries with the most entities.
 * Two at most, as a topic is.
 */
function topicsInCountriesNamed<T>(
  topics: readonly Topic<T>[],
  countries: readonly CountryCount[],
  query: string,
): { topic: Topic<T>; country: { id: string; label: string }; exact: boolean }[] {
  const found = new Map<
    string,
    { topic: Topic<T>; country: { id: string; label: string }; exact: boolean; entities: number }
  >();
  for (const split of splits(words(query))) {
    const named = countries.filter((c) => startsWordsOf(split.country, c.label));
    if (named.length === 0) continue;
    for (const t of topics.filter((each) =>
      each.names.some((name) => startsWordsOf(split.topic, name)),
    ))
      for (const c of named) {
        const key = `${t.names[0]}\n${c.id}`;
        const exact =
          t.names.some((name) => isNamed(split.topic, name)) && isNamed(split.country, c.label);
        found.set(key, {
          topic: t,
          country: { id: c.id, label: c.label },
          exact: exact || (found.get(key)?.exact ?? false),
          entities: c.entities,
        });
      }
  }
  return [...found.values()]
    .sort(
      (a, b) =>
        Number(b.exact) - Number(a.exact) ||
        b.topic.dpgs - a.topic.dpgs ||
        b.entities - a.entities ||
        a.topic.names[0]!.localeCompare(b.topic.names[0]!, 'en') ||
        a.country.label.localeCompare(b.country.label, 'en'),
    )
    .slice(0, OFFERED)
    .map(({ topic, country, exact }) => ({ topic, country, exact }));
}

/**
 * The sectors' maps in a country that a search for `query` names, as sectorsNamed reads a
 * sector's words ("health kenya", "kenya health", "health in kenya", "water san sierra").
 */
export function sectorsInCountriesNamed(
  sectors: readonly SectorCount[],
  countries: readonly CountryCount[],
  query: string,
): SectorInCountry[] {
  const topics = sectors.map((s) => ({ of: s, names: [s.sector], dpgs: s.dpgs }));
  return topicsInCountriesNamed(topics, countries, query).map(({ topic, country, exact }) => ({
    sector: topic.of.sector,
    dpgs: topic.of.dpgs,
    country,
    exact,
  }));
}

/**
 * The SDGs' maps in a country that a search for `query` names: by number ("sdg 3 kenya") or by
 * its title ("good health kenya", "kenya well-being"), as sectorsInCountriesNamed reads a sector.
 */
export function sdgsInCountriesNamed(
  sdgs: readonly SdgCount[],
  countries: readonly CountryCount[],
  query: string,
): SdgInCountry[] {
  // "SDG 3: Good Health and Well-being" is named "SDG 3" and "Good Health and Well-being" too.
  const topics = sdgs.map((sdg) => ({
    of: sdg,
    names: [sdg.label, ...sdg.label.split(/:\s*/)],
    dpgs: sdg.dpgs,
  }));
  return topicsInCountriesNamed(topics, countries, query).map(({ topic, country, exact }) => ({
    sdg: topic.of,
    country,
    exact,
  }));
}
