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

/**
 * The sectors a search for `query` names, most DPGs first: those every word of which starts a
 * word of the sector's name ("health", "water san", "gender"), from three letters typed, so that a
 * name being typed ("he") offers no topic, nor a query about something else ("kenya health" is
 * about Kenya too, and search finds the health DPGs deployed there).
 */
export function sectorsNamed(sectors: readonly SectorCount[], query: string): SectorCount[] {
  const typed = words(query);
  if (typed.join('').length < 3) return [];
  return sectors
    .filter((s) => {
      const name = words(s.sector);
      return typed.every((word) => name.some((part) => part.startsWith(word)));
    })
    .sort((a, b) => b.dpgs - a.dpgs || (a.sector < b.sector ? -1 : 1))
    .slice(0, OFFERED);
}
