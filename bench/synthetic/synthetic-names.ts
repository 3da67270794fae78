/**
 * Names for synthetic entities, made from word lists by index so that every index gives a
 * different name (and so a different id slug) and the same index always the same name. Words are
 * ordinary English, so full-text search over the synthetic graph behaves as over real names.
 */
import type { OrganisationKind } from '../../server/model/graph-model.ts';

/** A word list written as one `|`-separated string (compact, and easy to read and edit). */
function list(words: string): readonly string[] {
  return words.split('|');
}

const FIRST = list(
  'Aurora|Baobab|Cedar|Delta|Ember|Fjord|Granite|Harbour|Indigo|Juniper|Kestrel|Lagoon|' +
    'Meridian|Nimbus|Oasis|Prairie|Quartz|Rainier|Savanna|Tundra|Umber|Violet|Willow|Zephyr|' +
    'Amber|Birch|Coral|Dune|Estuary|Falcon|Glacier|Heron|Iris|Jasper|Kora|Lotus|Mangrove|' +
    'Nectar|Orchid|Pioneer|Quill|Ridge|Sierra|Terra|Upland|Vista|Wren|Yarrow|Zenith|Acacia',
);

const SECOND = list(
  'Bridge|Compass|Signal|Horizon|Pathway|Beacon|Lantern|Harvest|Anchor|Summit|Circle|' +
    'Canopy|Keystone|Current|Meadow|Frontier|Orbit|Spring|Thread|Atlas|Mosaic|Prism|Tide|' +
    'Field|Ladder|Garden|Vector|Cradle|Weave|Relay|Haven|Hearth|Lattice|Pulse|Rivet|Harness|' +
    'Kindle|Loom|Mill|Nexus|Outpost|Quarry|Rampart|Spire|Trellis|Upstream|Voyage|Wellspring|' +
    'Yield|Zone',
);

/** A third word, after the first 2,500 organisations; never one of the kind suffixes. */
const THIRD = list(
  'Andes|Sahel|Pacific|Atlantic|Nile|Mekong|Zambezi|Danube|Ganges|Volta|Niger|Congo|' +
    'Amazon|Indus|Orinoco|Limpopo|Okavango|Rhine|Tigris|Yukon|Kalahari|Gobi|Sahara|Atacama|' +
    'Patagonia|Serengeti|Himalaya|Caspian|Baltic|Aegean|Coastal|Highland|Lowland|Northern|' +
    'Southern|Eastern|Western|Central|Island|Valley|Rift|Basin|Plateau|Steppe|Tropic|' +
    'Equator|Monsoon|Trade|Polar|Lakes',
);

const KIND_SUFFIXES: Record<OrganisationKind, readonly string[]> = {
  company: ['Labs', 'Technologies', 'Systems', 'Software', 'Analytics'],
  ngo: ['Trust', 'Society', 'Collective', 'Action', 'Partners'],
  foundation: ['Foundation', 'Philanthropies'],
  academia: ['University', 'Institute', 'Research Centre', 'Polytechnic'],
  government: ['Digital Agency', 'Ministry', 'Public Service', 'Directorate'],
  'un-agency': ['Programme', 'Office'],
  'multilateral-bank': ['Development Bank'],
  network: ['Network', 'Alliance', 'Coalition'],
  unknown: ['Group', 'Ventures'],
};

/** How common each kind of organisation is (the rest are NGOs). */
export const ORGANISATION_KIND_SHARES: readonly [OrganisationKind, number][] = [
  ['company', 0.34],
  ['academia', 0.12],
  ['government', 0.1],
  ['foundation', 0.08],
  ['network', 0.05],
  ['unknown', 0.04],
  ['un-agency', 0.01],
  ['multilateral-bank', 0.01],
  ['ngo', 0.25],
];

/** Three-word stem per index: unique because (first, second, third, cycle) is unique. */
function stem(index: number): string {
  const first = FIRST[index % FIRST.length]!;
  const second = SECOND[Math.floor(index / FIRST.length) % SECOND.length]!;
  const pairs = FIRST.length * SECOND.length;
  const round = Math.floor(index / pairs);
  if (round === 0) return `${first} ${second}`;
  const third = THIRD[(round - 1) % THIRD.length]!;
  const cycle = Math.floor((round - 1) / THIRD.length);
  return cycle === 0 ? `${first} ${second} ${third}` : `${first} ${second} ${third} ${cycle + 1}`;
}

/** e.g. "Kestrel Beacon Labs", "Aurora Bridge Sahel Foundation". */
export function organisationName(index: number, kind: OrganisationKind, variant: number): string {
  const suffixes = KIND_SUFFIXES[kind];
  return `${stem(index)} ${suffixes[variant % suffixes.length]!}`;
}

/** Initials of a name ("Kestrel Beacon Labs" → "KBL"), an alias some organisations go by. */
export function acronym(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

const DPG_HEADS = list(
  'Open|Kobo|Terra|Civic|Mesh|Sana|Ubuntu|Jamii|Nuru|Tala|Kijani|Mosi|Pamoja|Shamba|Afya|' +
    'Elimu|Maji|Nyota|Zuri|Bora|Atlas|Lumen|Vida|Raiz|Semilla|Puente|Ruta|Alma|Tierra|Lazo|' +
    'Nova|Orbit|Pixel|Quanta|Rally|Stride|Tempo|Unity|Vertex|Wave',
);

const DPG_TAILS = list(
  'Health|Learn|Map|Pay|ID|Vote|Farm|Care|Registry|Data|Stack|Forms|Clinic|Books|Weather|' +
    'Water|Grid|Census|Court|Aid|Ledger|Track|Sense|Voice|Link|Hub|Board|Cast|Guard|Path|' +
    'Scan|Sync|Chart|Gate|Post|Market|Field|Route|Signal|Works',
);

/** e.g. "TerraCare", "KoboMap 2". */
export function dpgName(index: number): string {
  const head = DPG_HEADS[index % DPG_HEADS.length]!;
  const tail = DPG_TAILS[Math.floor(index / DPG_HEADS.length) % DPG_TAILS.length]!;
  const cycle = Math.floor(index / (DPG_HEADS.length * DPG_TAILS.length));
  return cycle === 0 ? `${head}${tail}` : `${head}${tail} ${cycle + 1}`;
}

const GROUP_WORDS = list(
  'Community of Practice|Working Group|Task Force|Consortium|Learning Circle|' +
    'Steering Committee|Caucus|Roundtable',
);

/** e.g. "Harbour Working Group". */
export function groupName(index: number): string {
  const first = FIRST[index % FIRST.length]!;
  const word = GROUP_WORDS[Math.floor(index / FIRST.length) % GROUP_WORDS.length]!;
  const cycle = Math.floor(index / (FIRST.length * GROUP_WORDS.length));
  return cycle === 0 ? `${first} ${word}` : `${first} ${word} ${cycle + 1}`;
}

const INITIATIVE_WORDS = list(
  'Fund|Accelerator|Challenge|Programme|Campaign|Compact|Fellowship|Lab',
);

/** e.g. "Meridian Signal Accelerator". */
export function initiativeName(index: number): string {
  const word = INITIATIVE_WORDS[index % INITIATIVE_WORDS.length]!;
  return `${stem(Math.floor(index / INITIATIVE_WORDS.length))} ${word}`;
}

const VERBS = list(
  'Scaling|Piloting|Strengthening|Co-designing|Funding|Researching|Training for|Launching|' +
    'Integrating|Advocating for|Mapping|Evaluating|Building|Governing|Localising|Sustaining',
);

/** Topics activities are about; the first word of each is a sector-like term search can find. */
export const TOPICS = list(
  'health information systems|digital identity|learning platforms|farmer registries|' +
    'climate data|civil registration|mobile payments|open maps|water monitoring|' +
    'social protection registries|nutrition surveillance|election transparency|' +
    'early warning systems|open curricula|gender data|urban mobility data|' +
    'public procurement data|disease surveillance|land records|humanitarian logistics',
);

/** e.g. "Scaling digital identity in Kenya". */
export function activityTitle(verb: number, topic: number, place: string | null): string {
  const base = `${VERBS[verb % VERBS.length]!} ${TOPICS[topic % TOPICS.length]!}`;
  return place ? `${base} in ${place}` : base;
}

export const VERB_COUNT = VERBS.length;

/** Sectors as the DPG registry spells them, most common first. */
export const SECTORS = list(
  'Health|Climate|Education|Agriculture|Digital/Data/Tech|Gender and Minority Groups|' +
    'Sustainable Cities|Water and Sanitation|Social Protection|Nutrition|Livelihoods|' +
    'Environment|Humanitarian|Economics/Finance',
);

export const DPG_TYPES = ['software', 'content', 'data', 'aimodel', 'standard'] as const;

export const LICENSES = list(
  'MIT|GPL-3.0|Apache-2.0|AGPL-3.0|MPL-2.0|CC-BY-SA-4.0|CC-BY-4.0|LGPL-3.0|BSD-3-Clause|' +
    'CC0-1.0',
);
