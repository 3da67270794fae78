/**
 * The three jobs as API requests, and a tolerant reader of their answers. The insights endpoints are
 * built alongside this view; the reader accepts the shapes they answer with (a list of ranked entities
 * under `candidates`, `stakeholders`, `partners`, `collaborators` or `items`, each with an id, label,
 * type, optional score and explaining paths), so the view keeps working while they settle.
 */
import type { InsightKind } from '../../state/url/utils';
import { DEFAULT_INSIGHT_OPTIONS, type InsightOptions, insightParams } from './insight-options';
import { entityTypesInText, listInWords } from '../vocabulary';
import { SECTOR_TYPE, type SdgCount, type SectorCount } from './sector-subject';

/** One ranked entity of an insight answer. */
export interface InsightItem {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  /** An organisation's home country, by name, when the answer says (every view's answer does). */
  homeCountry: string | null;
  /** An initiative's runner, by name, when the answer says (every view's answer does). */
  runBy: string | null;
  score: number | null;
  /** Sentences that explain why the entity is listed. */
  reasons: string[];
  /** Entity ids on the explaining paths, for showing on the canvas. */
  pathIds: string[];
  /**
   * The relationships on the explaining paths, as `<from>|<TYPE>|<to>` (the relationship details'
   * ids), where the answer lists them: a CSV names the sources they rest on (insight-sources.ts).
   */
  relationshipKeys: string[];
  /** Short descriptors: roles in a stakeholder map, DPGA membership, brokers. */
  tags: string[];
  /** What the score is made of, in a line ("72 links through same-sector DPGs in shared … · …"). */
  summary: string | null;
  /** A stakeholder's influence among the stakeholders of its map (1 = most influential). */
  influenceRank: number | null;
  /**
   * A stakeholder's ring: how it is involved ("makes a DPG deployed in Kenya"), and whether that
   * is only indirect evidence. The list is ordered by ring, so rows of one ring are together.
   */
  ring: { label: string; indirect: boolean } | null;
}

/** What each view's score means, for the score's tooltip. */
export const INSIGHT_SCORE_TITLES: Readonly<Record<InsightKind, string>> = {
  collaborators:
    'Score: the links to this DPG, each weighted by its kind and less when it runs through a widely shared hub',
  stakeholders: 'Score',
  network: 'Shared activities and DPGs',
};

/**
 * A collaborator score's kinds of link (the API's meta-paths), singular and plural, short enough
 * for one line. A part counts evidence paths: one per DPG (or activity) for the kinds through a
 * country or an SDG, which count each DPG or activity once however many countries or SDGs it
 * shares, and one per shared sector for the sector kinds. So "3 same-sector DPGs in shared
 * countries" are three DPGs, not three countries.
 */
const META_PATH_COUNTS: Readonly<Record<string, readonly [string, string]>> = {
  'activity-owner': [
    'link through an activity with an owner of the DPG',
    'links through activities with owners of the DPG',
  ],
  'activity-country': [
    'activity where the DPG is deployed',
    'activities where the DPG is deployed',
  ],
  'activity-dpg': [
    'link through an activity with a same-sector DPG',
    'links through activities with same-sector DPGs',
  ],
  'dpg-sector': ['link through a DPG of the same sector', 'links through DPGs of the same sector'],
  'dpg-sector-country': [
    'same-sector DPG in a shared country',
    'same-sector DPGs in shared countries',
  ],
  'dpg-sdg': ['DPG advancing a shared SDG', 'DPGs advancing shared SDGs'],
  'dpg-country': ['other-sector DPG in a shared country', 'other-sector DPGs in shared countries'],
};

/** Titles of the three views. */
export const INSIGHT_TITLES: Readonly<Record<InsightKind, string>> = {
  collaborators: 'Potential collaborators',
  stakeholders: 'Stakeholder map',
  network: 'Partnership network',
};

/** Which entity types each view starts from. */
export const INSIGHT_SUBJECTS: Readonly<Record<InsightKind, readonly string[]>> = {
  collaborators: ['DPG'],
  stakeholders: ['Activity', 'DPG', 'Country', 'SDG', 'Initiative', SECTOR_TYPE],
  network: ['Organisation'],
};

/** Whether view `kind` starts from an entity of type `type`. */
export function insightFits(kind: InsightKind, type: string): boolean {
  return INSIGHT_SUBJECTS[kind].includes(type);
}

/** The views that start from an entity of type `type`. */
export function insightsFor(type: string): InsightKind[] {
  return (Object.keys(INSIGHT_SUBJECTS) as InsightKind[]).filter((kind) => insightFits(kind, type));
}

const STAKEHOLDER_PARAM: Readonly<Record<string, string>> = {
  Activity: 'activity',
  DPG: 'dpg',
  Country: 'country',
  SDG: 'sdg',
  Initiative: 'initiative',
  // The API reads a sector's id as its name.
  [SECTOR_TYPE]: 'sector',
};

/** Why view `kind` cannot start from an entity of type `type`: what it is for instead. */
export function insightMisfit(kind: InsightKind, type: string): string {
  const allowed = listInWords(
    INSIGHT_SUBJECTS[kind].map((t) => (t === SECTOR_TYPE ? 'sectors' : entityTypesInText(t))),
  );
  return `${INSIGHT_TITLES[kind]}: for ${allowed} only, not ${entityTypesInText(type)}.`;
}

/**
 * The GET path for a view of entity `id` of type `type`, listing as far and as narrowly as
 * `options` say, or undefined when the view does not apply.
 */
export function insightPath(
  kind: InsightKind,
  id: string,
  type: string,
  options: InsightOptions = DEFAULT_INSIGHT_OPTIONS,
): string | undefined {
  if (!insightFits(kind, type)) return undefined;
  const encoded = encodeURIComponent(id);
  // A stakeholder map names its subject in the query, before the options.
  const entries: [string, string][] = [
    ...(kind === 'stakeholders' ? [[STAKEHOLDER_PARAM[type]!, id] as [string, string]] : []),
    ...insightParams(kind, type, options),
  ];
  const query = entries.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  const base =
    kind === 'collaborators'
      ? `/api/dpgs/${encoded}/collaborators`
      : kind === 'network'
        ? `/api/organisations/${encoded}/network`
        : '/api/stakeholders';
  return query === '' ? base : `${base}?${query}`;
}

const LIST_KEYS = ['candidates', 'stakeholders', 'partners', 'collaborators', 'items', 'nodes'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A stakeholder map's rings, as its answer names them (its stakeholders' `ring` index them). */
function ringsOf(body: Record<string, unknown>): InsightItem['ring'][] {
  if (!Array.isArray(body.rings)) return [];
  return body.rings.map((ring) =>
    isRecord(ring) && text(ring.label) !== null
      ? { label: text(ring.label)!, indirect: ring.indirect === true }
      : null,
  );
}

/** The ids of a path's nodes, in its order. */
function nodeIdsOf(path: Record<string, unknown>): (string | null)[] {
  return Array.isArray(path.nodes)
    ? path.nodes.map((node) => (isRecord(node) ? text(node.id) : text(node)))
    : [];
}

/**
 * A list narrowed to a country says first how the candidate is active there (`activeIn`): its
 * evidence about the DPG may run through other countries only. Where an evidence path goes the
 * same way and on to the DPG ("… takes place in Sierra Leone, where DHIS2 is deployed"), that path
 * says it, and more: the two sentences had read as one reason twice (QA).
 */
function countryFirst(
  activeIn: Record<string, unknown> | null,
  evidence: Record<string, unknown>[],
): Record<string, unknown>[] {
  if (activeIn === null) return evidence;
  const presence = nodeIdsOf(activeIn);
  const extending = evidence.find((path) => {
    const ids = nodeIdsOf(path);
    return presence.length > 0 && presence.every((id, i) => id !== null && ids[i] === id);
  });
  return extending
    ? [extending, ...evidence.filter((path) => path !== extending)]
    : [activeIn, ...evidence];
}

/**
 * `ranked`: how many the answer ranks in all (a stakeholder's influence is among them);
 * `rings`: a stakeholder map's rings.
 */
function toItem(
  raw: unknown,
  ranked: number | null = null,
  rings: readonly InsightItem['ring'][] = [],
): InsightItem | undefined {
  const record = isRecord(raw) && isRecord(raw.data) ? raw.data : raw;
  // A network answer lists the organisation itself among its nodes, marked `ego`.
  if (!isRecord(record) || record.ego === true) return undefined;
  const id = text(record.id);
  const label = text(record.label) ?? text(record.name);
  if (id === null || label === null) return undefined;
  const paths = [
    ...countryFirst(
      isRecord(record.activeIn) ? record.activeIn : null,
      (Array.isArray(record.paths) ? record.paths : []).filter(isRecord),
    ),
    ...(Array.isArray(record.connections) ? record.connections : []),
  ].filter(isRecord);
  const roles = Array.isArray(record.roles)
    ? record.roles.map(text).filter((role): role is string => role !== null)
    : [];
  const reasons = [
    ...paths.map((path) => text(path.sentence)),
    ...(Array.isArray(record.reasons) ? record.reasons.map(text) : []),
    text(record.reason),
  ].filter((reason): reason is string => reason !== null);
  const pathIds = paths.flatMap(nodeIdsOf);
  const relationshipKeys = paths.flatMap((path) =>
    (Array.isArray(path.relationships) ? path.relationships : []).flatMap((raw) => {
      const from = isRecord(raw) ? text(raw.from) : null;
      const type = isRecord(raw) ? text(raw.type) : null;
      const to = isRecord(raw) ? text(raw.to) : null;
      return from === null || type === null || to === null ? [] : [`${from}|${type}|${to}`];
    }),
  );
  return {
    id,
    label,
    type: text(record.type) ?? '',
    kind: text(record.kind),
    homeCountry: text(record.homeCountry),
    runBy: text(record.runBy),
    score: typeof record.score === 'number' ? record.score : null,
    reasons: [...new Set(reasons)],
    pathIds: [...new Set(pathIds.filter((value): value is string => value !== null))],
    relationshipKeys: [...new Set(relationshipKeys)],
    tags: [...roles, ...(record.member === true ? ['DPGA member'] : [])],
    summary: Array.isArray(record.parts) ? scoreParts(record.parts) : standing(record, ranked),
    influenceRank:
      isRecord(record.influence) && typeof record.influence.rank === 'number'
        ? record.influence.rank
        : null,
    ring: typeof record.ring === 'number' ? (rings[record.ring] ?? null) : null,
  };
}

/**
 * Where a stakeholder stands, in a line: its influence among the map's stakeholders and how
 * connected it is in the whole graph ("4th of 41 in influence · 11 ties, 1 on this map"), so a
 * list ordered by role first still says who carries weight. Null for an answer that says neither.
 */
function standing(record: Record<string, unknown>, ranked: number | null): string | null {
  const parts: string[] = [];
  if (isRecord(record.influence) && typeof record.influence.rank === 'number') {
    const of = ranked !== null && ranked >= record.influence.rank ? ` of ${ranked}` : '';
    parts.push(`${ordinal(record.influence.rank)}${of} in influence`);
  }
  if (isRecord(record.ties) && typeof record.ties.total === 'number') {
    const { total, other } = record.ties;
    const here =
      typeof other !== 'number' || total === 0
        ? ''
        : other === 0
          ? total === 1
            ? ', on this map'
            : ', all on this map'
          : `, ${total - other} on this map`;
    parts.push(`${total} ${total === 1 ? 'tie' : 'ties'}${here}`);
  }
  return parts.length === 0 ? null : parts.join(' · ');
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st… */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as const)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A collaborator's score parts as a line, the largest first: "72 links through … · 1 link …". */
function scoreParts(parts: unknown[]): string | null {
  const line = parts
    .filter(isRecord)
    .filter((part) => typeof part.paths === 'number' && part.paths > 0)
    .sort((a, b) => Number(b.score ?? 0) - Number(a.score ?? 0))
    .map((part) => {
      const metaPath = text(part.metaPath) ?? '';
      const count = Number(part.paths);
      const nouns = META_PATH_COUNTS[metaPath];
      return nouns
        ? `${count} ${nouns[count === 1 ? 0 : 1]}`
        : `${count} × ${metaPath.replaceAll('-', ' ')}`;
    })
    .join(' · ');
  return line === '' ? null : line;
}

/** "3 activities, 1 DPG": what an organisation shares with a partner. */
function sharedCount(activities: number, dpgs: number): string {
  const parts = [
    activities > 0 ? `${activities} ${activities === 1 ? 'activity' : 'activities'}` : '',
    dpgs > 0 ? `${dpgs} ${dpgs === 1 ? 'DPG' : 'DPGs'}` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'Nothing shared directly' : `Shares ${parts.join(' and ')}`;
}

/**
 * What a row's tag means, where its word alone does not say (QA: "broker" was explained only in
 * the collapsed note under the list); shown as the tag's tooltip.
 */
export const TAG_TITLES: Readonly<Record<string, string>> = {
  broker:
    'Connects partners listed here that would otherwise reach each other only through the organisation whose network this is',
  'DPGA member': 'A member of the Digital Public Goods Alliance',
};

/**
 * The partners of a partnership-network answer (its nodes, less the organisation itself), each with
 * what it shares with the organisation (the edge between them): the count as score, the shared
 * activities and DPGs as reasons (a DPG by its sentence, which names the fund it is shared through)
 * and as the path to show on the canvas; brokers tagged.
 */
function networkItems(body: Record<string, unknown>, egoId: string): InsightItem[] {
  const brokers = new Set(
    (Array.isArray(body.brokers) ? body.brokers : [])
      .filter(isRecord)
      .map((broker) => text(broker.id)),
  );
  const shared = new Map<
    string,
    { activities: Record<string, unknown>[]; dpgs: Record<string, unknown>[] }
  >();
  for (const raw of Array.isArray(body.edges) ? body.edges : []) {
    const edge = isRecord(raw) && isRecord(raw.data) ? raw.data : raw;
    if (!isRecord(edge)) continue;
    const source = text(edge.source);
    const target = text(edge.target);
    const partner = source === egoId ? target : target === egoId ? source : null;
    if (partner === null) continue;
    shared.set(partner, {
      activities: (Array.isArray(edge.activities) ? edge.activities : []).filter(isRecord),
      dpgs: (Array.isArray(edge.dpgs) ? edge.dpgs : []).filter(isRecord),
    });
  }
  const items: InsightItem[] = [];
  for (const raw of body.nodes as unknown[]) {
    const item = toItem(raw);
    if (!item) continue;
    const record = (isRecord(raw) && isRecord(raw.data) ? raw.data : raw) as Record<
      string,
      unknown
    >;
    const tie = shared.get(item.id) ?? { activities: [], dpgs: [] };
    const shares = [...tie.activities, ...tie.dpgs];
    // A DPG shared through a fund one of them runs is on the path too, and named in its sentence.
    const funds = tie.dpgs
      .flatMap((dpg) => (Array.isArray(dpg.via) ? dpg.via : []))
      .filter(isRecord);
    items.push({
      ...item,
      score: typeof record.strength === 'number' ? record.strength : shares.length,
      summary: sharedCount(tie.activities.length, tie.dpgs.length),
      reasons: shares
        .map((entity) => text(entity.sentence) ?? text(entity.label))
        .filter((label): label is string => label !== null),
      pathIds: [
        ...new Set(
          [...shares, ...funds]
            .map((entity) => text(entity.id))
            .filter((id): id is string => id !== null),
        ),
      ],
      tags: brokers.has(item.id) ? [...item.tags, 'broker'] : item.tags,
    });
  }
  return items.sort(
    (a, b) => (b.score ?? 0) - (a.score ?? 0) || a.label.localeCompare(b.label, 'en'),
  );
}

/** How many entities the answer ranked in all, when it says (it may list only the best). */
export function insightTotal(body: unknown): number | null {
  if (!isRecord(body)) return null;
  for (const key of ['total', 'totalPartners']) {
    if (typeof body[key] === 'number') return body[key];
  }
  return null;
}

/**
 * The name of the entity an answer is about (its `subject`, `dpg` or `organisation`), so a view
 * opened from a link names its subject even when the canvas does not hold it.
 */
export function insightSubjectLabel(body: unknown): string | null {
  if (!isRecord(body)) return null;
  for (const key of ['subject', 'dpg', 'organisation']) {
    const entity = body[key];
    if (isRecord(entity)) return text(entity.label);
  }
  return null;
}

/** The ranked entities of an insight answer, in the order given (or by score when all have one). */
export function insightItems(body: unknown): InsightItem[] {
  if (!isRecord(body)) return [];
  const organisation = isRecord(body.organisation) ? text(body.organisation.id) : null;
  if (organisation !== null && Array.isArray(body.nodes)) return networkItems(body, organisation);
  for (const key of LIST_KEYS) {
    const list = body[key];
    if (!Array.isArray(list)) continue;
    const ranked = insightTotal(body);
    const rings = ringsOf(body);
    const items = list
      .map((raw) => toItem(raw, ranked, rings))
      .filter((item): item is InsightItem => item !== undefined);
    if (items.length > 0) return items;
  }
  return [];
}

/** The country a collaborators answer or a sector's map was narrowed to, as the answer names it. */
export function insightFilterCountry(body: unknown): { id: string; label: string } | null {
  if (!isRecord(body) || !isRecord(body.filters) || !isRecord(body.filters.country)) return null;
  const id = text(body.filters.country.id);
  const label = text(body.filters.country.label);
  return id === null || label === null ? null : { id, label };
}

/**
 * The SDGs at work in the country a country's map is of (advanced by its DPGs there), most DPGs
 * first, as the answer lists them: each leads to that SDG's map in the country. None for other maps.
 */
export function insightCountrySdgs(body: unknown): SdgCount[] {
  if (!isRecord(body) || !Array.isArray(body.sdgs)) return [];
  return body.sdgs.flatMap((raw) => {
    if (!isRecord(raw)) return [];
    const id = text(raw.id);
    const label = text(raw.label);
    return id !== null && label !== null && typeof raw.dpgs === 'number'
      ? [{ id, label, dpgs: raw.dpgs }]
      : [];
  });
}

/**
 * The DPG sectors at work in the country a country's map is of, most DPGs first, as the answer
 * lists them: each leads to that sector's map in the country. None for other maps.
 */
export function insightCountrySectors(body: unknown): SectorCount[] {
  if (!isRecord(body) || !Array.isArray(body.sectors)) return [];
  return body.sectors.flatMap((raw) => {
    if (!isRecord(raw)) return [];
    const sector = text(raw.sector);
    return sector !== null && typeof raw.dpgs === 'number' ? [{ sector, dpgs: raw.dpgs }] : [];
  });
}
