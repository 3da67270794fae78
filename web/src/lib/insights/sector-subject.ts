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

/** A sector's map by its subject, and the country it is narrowed to: "Health", "Health in Kenya". */
export function sectorInCountry(sector: string, country: string | null): string {
  return country === null ? sector : `${sector} in ${country}`;
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

/** Sector maps a search offers at most: a topic is one or two of them. */
const OFFERED = 2;

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');

/** Whether every word of `typed` starts a word of `name`. */
function startsWordsOf(typed: readonly string[], name: string): boolean {
  const parts = words(name);
  return typed.every((word) => parts.some((part) => part.startsWith(word)));
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

/** The ways `typed` splits into a sector's words and a country's, in either order. */
function splits(typed: readonly string[]): { sector: string[]; country: string[] }[] {
  const out: { sector: string[]; country: string[] }[] = [];
  for (let at = 1; at < typed.length; at++) {
    const after = typed.slice(at);
    // "health in kenya" reads as "health kenya".
    const country = after[0] === 'in' && after.length > 1 ? after.slice(1) : after;
    out.push({ sector: typed.slice(0, at), country });
    out.push({ sector: typed.slice(at), country: typed.slice(0, at) });
  }
  return out.filter((split) => letters(split.sector) >= 3 && letters(split.country) >= 3);
}

/**
 * The sectors' maps in a country that a search for `query` names: its words are a sector's (as
 * sectorsNamed reads them) and then a country's, or the other way round, every remaining word
 * starting a word of the country's name ("health kenya", "kenya health", "health in kenya",
 * "water san sierra"), from three letters of each; those named exactly first, then the sectors
 * with the most DPGs, then the countries with the most entities. Two at most, as a topic is.
 */
export function sectorsInCountriesNamed(
  sectors: readonly SectorCount[],
  countries: readonly CountryCount[],
  query: string,
): SectorInCountry[] {
  const found = new Map<string, SectorInCountry & { entities: number }>();
  for (const split of splits(words(query))) {
    const named = countries.filter((c) => startsWordsOf(split.country, c.label));
    if (named.length === 0) continue;
    for (const s of sectors.filter((each) => startsWordsOf(split.sector, each.sector)))
      for (const c of named) {
        const key = `${s.sector}\n${c.id}`;
        const exact = isNamed(split.sector, s.sector) && isNamed(split.country, c.label);
        const country = { id: c.id, label: c.label };
        const known = found.get(key);
        found.set(key, {
          sector: s.sector,
          dpgs: s.dpgs,
          country,
          exact: exact || (known?.exact ?? false),
          entities: c.entities,
        });
      }
  }
  return [...found.values()]
    .sort(
      (a, b) =>
        Number(b.exact) - Number(a.exact) ||
        b.dpgs - a.dpgs ||
        b.entities - a.entities ||
        a.sector.localeCompare(b.sector, 'en') ||
        a.country.label.localeCompare(b.country.label, 'en'),
    )
    .slice(0, OFFERED)
    .map(({ sector, dpgs, country, exact }) => ({ sector, dpgs, country, exact }));
}
