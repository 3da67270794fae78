/**
 * A sector as the subject of a stakeholder map. Sectors are a property of DPGs (the registry's
 * "Health", "Climate"…), not entities, so a request names one by its name, which is read against
 * the sectors the graph's DPGs have, whatever its case or spacing. Pure.
 */

/** A sector and how many DPGs are in it (cypher/insights/sectors.cypher). */
export interface SectorCount {
  sector: string;
  dpgs: number;
}

/** The id a sector's map goes by in answers and links: no entity has it. */
export const sectorId = (sector: string): string => `sector:${sector}`;

const folded = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The sector `asked` names (its case and spacing aside), or undefined. */
export function findSector(
  sectors: readonly SectorCount[],
  asked: string,
): SectorCount | undefined {
  const wanted = folded(asked);
  return sectors.find((s) => folded(s.sector) === wanted);
}

/** Sectors listed by name in a "no such sector" answer, at most. */
const LISTED = 20;

/** Why `asked` names no sector, with the sectors there are (those with most DPGs first). */
export function unknownSectorMessage(asked: string, sectors: readonly SectorCount[]): string {
  if (sectors.length === 0) return `No DPG has the sector "${asked}": no DPG has a sector yet`;
  const names = sectors.slice(0, LISTED).map((s) => s.sector);
  const more = sectors.length > LISTED ? `, and ${sectors.length - LISTED} more` : '';
  return `No DPG has the sector "${asked}"; the sectors are: ${names.join(', ')}${more}`;
}
