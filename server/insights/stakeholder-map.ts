/**
 * Turns the stakeholders of a subject (an activity, DPG, country, SDG or initiative, or a sector;
 * a sector or an SDG in the world or in one country), as cypher/insights/stakeholder-paths.cypher sums up their
 * connecting paths, into a stakeholder map: each organisation, group or funding initiative once,
 * with its roles (from the first relationship of its paths), its ring (its closest link to the
 * subject: how it is involved, then its role), its influence (network measures of the whole
 * graph), its ties, and the paths that say how it is connected. The rings are defined here alone:
 * the statement is given them as a table ({@link stakeholderLinkTable}). Pure.
 */
import { pathSentence } from '../services/path-sentence.ts';
import { relationshipAbout } from '../services/relationship-about.ts';
import {
  assertChain,
  named,
  pathRelationship,
  type EvidencePath,
  type PathNode,
  type PathRelationshipRow,
} from './evidence-path.ts';

import { STAKEHOLDER_ROLES, type StakeholderRole } from '../model/graph-vocabulary.ts';

export { STAKEHOLDER_ROLES, type StakeholderRole };

/** The role a stakeholder's first relationship on a path gives it. */
export const ROLE_OF_RELATIONSHIP: Readonly<Record<string, StakeholderRole>> = {
  LEADS: 'leads',
  CO_LEADS: 'co-leads',
  OWNS: 'owns',
  MAINTAINS: 'maintains',
  FUNDS: 'funds',
  IMPLEMENTS: 'deploys',
  PARTICIPATES_IN: 'participates',
  INVOLVES: 'participates',
  // An organisation runs an initiative as it leads an activity: it is the one in charge.
  RUNS: 'leads',
  BASED_IN: 'based',
};

/**
 * Initiatives of these kinds are things an activity works on or towards (DJENGA, a tool; the DPG
 * Standard; the Global Digital Compact, a policy process), not actors: an activity that INVOLVES
 * one does not make it a stakeholder that "takes part" (QA found DJENGA among the stakeholders of
 * the activity that develops it). Funds, programmes and campaigns are run by someone and act:
 * they stay.
 */
export const NOT_ACTOR_INITIATIVE_KINDS: readonly string[] = ['tool', 'standard', 'policy-process'];

/**
 * What a map can be drawn around: an entity of these types, or a sector (no entity: a property of
 * DPGs, so a sector's map is drawn around the DPGs in it).
 */
export type StakeholderSubjectType =
  'Activity' | 'DPG' | 'Country' | 'SDG' | 'Initiative' | 'Sector';

/**
 * One way of being a stakeholder of a subject type: what a path goes through after the
 * stakeholder's own relationship (`through`: the later relationship types, in path order; '' for
 * a tie to the subject itself), the roles such a path can give, and how a ring of it reads.
 */
interface LinkKind {
  through: string;
  roles: readonly StakeholderRole[];
  /** Weak evidence of involvement: listed after the rest and labelled so. */
  indirect: boolean;
  /** What the stakeholder's relationship reaches, in words ("an activity in Kenya"). */
  object: (subject: string) => string;
  /**
   * Relationships a path of this link runs on past the subject: a sector's or an SDG's map
   * narrowed to a country goes on from the topic's DPG to the country it is deployed in.
   */
  beyond?: number;
}

const TAKES_PART: readonly StakeholderRole[] = ['leads', 'co-leads', 'participates'];
const BACKS: readonly StakeholderRole[] = ['owns', 'maintains', 'funds', 'deploys'];

/**
 * The links of each subject type, closest first: they order the rings. Direct involvement comes
 * first — taking part in the subject's activities, backing the DPG itself — and evidence that
 * only runs through something the subject is tied to comes after, marked `indirect`. For a
 * country, owning a DPG that the registry lists as deployed there says little (QA found Statistics
 * Norway among Kenya's governments that way, above those active there); one developed there says
 * more (its makers tend to be local: Ushahidi, Kotani Pay). For an SDG, backing a DPG that
 * advances it is the direct tie, and an activity that happens to involve such a DPG the weak one.
 * An initiative is run by an organisation, involved in activities and (a fund) funds DPGs. A
 * country's own organisations (BASED_IN: its government, its agencies, its companies) are its
 * most direct stakeholders whatever they do there, so they come first, in a ring of their own.
 * A sector (a topic, for an advocacy team: health, climate) is backed by those who back its DPGs;
 * taking part in an activity that happens to involve one is the weak tie, as for an SDG.
 */
export const STAKEHOLDER_LINKS: Readonly<Record<StakeholderSubjectType, readonly LinkKind[]>> = {
  // An activity's title is a sentence of its own: "makes a DPG that Direct funding for DPGs
  // (DHIS2, MOSIP, OpenCRVS) involves" (QA). The map is headed by the title already.
  Activity: [
    { through: '', roles: TAKES_PART, indirect: false, object: () => 'the activity' },
    {
      through: 'INVOLVES',
      roles: BACKS,
      indirect: true,
      object: () => 'a DPG the activity involves',
    },
  ],
  DPG: [
    { through: '', roles: BACKS, indirect: false, object: (s) => s },
    {
      through: 'INVOLVES',
      roles: TAKES_PART,
      indirect: true,
      object: (s) => `an activity involving ${s}`,
    },
  ],
  Country: [
    { through: '', roles: ['based'], indirect: false, object: (s) => s },
    {
      through: 'TAKES_PLACE_IN',
      roles: TAKES_PART,
      indirect: false,
      object: (s) => `an activity in ${s}`,
    },
    {
      through: 'DEVELOPED_IN',
      roles: BACKS,
      indirect: true,
      object: (s) => `a DPG developed in ${s}`,
    },
    {
      through: 'DEPLOYED_IN',
      roles: BACKS,
      indirect: true,
      object: (s) => `a DPG deployed in ${s}`,
    },
  ],
  SDG: [
    {
      through: 'ADVANCES',
      roles: BACKS,
      indirect: false,
      object: (s) => `a DPG advancing ${s}`,
    },
    {
      through: 'INVOLVES,ADVANCES',
      roles: TAKES_PART,
      indirect: true,
      object: (s) => `an activity involving a DPG that advances ${s}`,
    },
  ],
  Initiative: [
    { through: '', roles: ['leads'], indirect: false, object: (s) => s },
    {
      through: 'INVOLVES',
      roles: TAKES_PART,
      indirect: false,
      object: (s) => `an activity involving ${s}`,
    },
    { through: 'FUNDS', roles: BACKS, indirect: false, object: (s) => `a DPG ${s} funds` },
  ],
  Sector: [
    { through: '', roles: BACKS, indirect: false, object: (s) => `a DPG of the ${s} sector` },
    {
      through: 'INVOLVES',
      roles: TAKES_PART,
      indirect: true,
      object: (s) => `an activity involving a DPG of the ${s} sector`,
    },
  ],
};

/** A subject whose map narrows to a country: a topic that DPGs are of (a sector) or advance (an SDG). */
type TopicType = 'Sector' | 'SDG';

/**
 * How a DPG of each topic reads, with what is said of the DPG itself (`said`: " developed in
 * Kenya", or ''): "a DPG of the Health sector developed in Kenya", "a DPG developed in Kenya that
 * advances SDG 3".
 */
const TOPIC_DPG: Readonly<Record<TopicType, (topic: string, said: string) => string>> = {
  Sector: (topic, said) => `a DPG of the ${topic} sector${said}`,
  SDG: (topic, said) => `a DPG${said} that advances ${topic}`,
};

const isTopic = (type: StakeholderSubjectType): type is TopicType => type in TOPIC_DPG;

/**
 * The links of a topic's map narrowed to `country` ("Health in Kenya", "SDG 3 in Kenya"), closest
 * first, as a country's own map orders them: taking part in an activity there comes first, then
 * backing a DPG of the topic developed there, then one merely listed as deployed there (weak
 * evidence, as on the country's map). An activity's path ends at the topic's DPG it involves (the
 * country is where the activity takes place, off the path); a DPG's path goes on to the country,
 * one relationship past the DPG that stands for the topic (so that a tie to that DPG is direct).
 */
function topicInCountryLinks(type: TopicType, country: string): readonly LinkKind[] {
  const dpg = TOPIC_DPG[type];
  return [
    {
      through: 'INVOLVES',
      roles: TAKES_PART,
      indirect: false,
      object: (s) => `an activity in ${country} involving ${dpg(s, '')}`,
    },
    ...(['DEVELOPED_IN', 'DEPLOYED_IN'] as const).map((through) => ({
      through,
      roles: BACKS,
      indirect: true,
      object: (s: string) =>
        dpg(s, ` ${through === 'DEVELOPED_IN' ? 'developed' : 'deployed'} in ${country}`),
      beyond: 1,
    })),
  ];
}

/**
 * What a map is drawn around, as the rings name it; a topic's map (a sector's, an SDG's) may be
 * narrowed to a country.
 */
export interface MapSubject {
  type: StakeholderSubjectType;
  label: string;
  /** The country a sector's or an SDG's map is narrowed to, by name. */
  country?: string;
}

function linksOf(subject: MapSubject): readonly LinkKind[] {
  return isTopic(subject.type) && subject.country !== undefined
    ? topicInCountryLinks(subject.type, subject.country)
    : STAKEHOLDER_LINKS[subject.type];
}

/** A role as the verb of a ring's label: an owner "makes" what it owns. */
const ROLE_VERBS: Readonly<Record<StakeholderRole, string>> = {
  based: 'is based in',
  leads: 'leads',
  'co-leads': 'co-leads',
  owns: 'makes',
  maintains: 'maintains',
  funds: 'funds',
  deploys: 'deploys',
  participates: 'takes part in',
};

/** One ring of a map: the stakeholders whose closest link is `role` through `through`. */
export interface StakeholderRing {
  role: StakeholderRole;
  through: string;
  indirect: boolean;
  /** "makes a DPG deployed in Kenya" (an initiative's runner "runs" it). */
  label: string;
}

/** A ring, and how many relationships its paths run past the subject (LinkKind's `beyond`). */
interface PlacedRing {
  ring: StakeholderRing;
  beyond: number;
}

/** The rings of a map of `subject`, innermost first, with how far their paths run past it. */
function ringsOf(subject: MapSubject): PlacedRing[] {
  return linksOf(subject).flatMap((link) =>
    STAKEHOLDER_ROLES.filter((role) => link.roles.includes(role)).map((role) => ({
      ring: {
        role,
        through: link.through,
        indirect: link.indirect,
        label: `${subject.type === 'Initiative' && link.through === '' ? 'runs' : ROLE_VERBS[role]} ${link.object(subject.label)}`,
      },
      beyond: link.beyond ?? 0,
    })),
  );
}

/** The rings of a map of `subject`, innermost first: links in their order, each by role. */
export function stakeholderRings(subject: MapSubject): StakeholderRing[] {
  return ringsOf(subject).map(({ ring }) => ring);
}

/** How the statement keys a path: its first relationship type, '|', then the rest joined by ','. */
export const linkKey = (first: string, through: string) => `${first}|${through}`;

/** What the statement makes of a path of one key: its ring, its role, how far it runs past the subject. */
export interface PathLink {
  ring: number;
  role: StakeholderRole;
  beyond: number;
}

/**
 * Every way a path can connect a stakeholder to `subject`, keyed as the statement keys its paths
 * ({@link linkKey}): the statement sums up each stakeholder's paths with it, so that a map of
 * hundreds of thousands of paths is ranked ({@link rankStakeholders}) without the paths leaving
 * the database.
 */
export function stakeholderLinkTable(subject: MapSubject): Record<string, PathLink> {
  const rings = ringsOf(subject);
  const table: Record<string, PathLink> = {};
  for (const [type, role] of Object.entries(ROLE_OF_RELATIONSHIP)) {
    rings.forEach(({ ring, beyond }, index) => {
      const key = linkKey(type, ring.through);
      if (ring.role === role && !(key in table)) table[key] = { ring: index, role, beyond };
    });
  }
  return table;
}

/** The relationship types whose paths give a stakeholder `role` (the statement filters by them). */
export function relationshipsOfRole(role: StakeholderRole): string[] {
  return Object.keys(ROLE_OF_RELATIONSHIP).filter((type) => ROLE_OF_RELATIONSHIP[type] === role);
}

export interface StakeholderRef {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  /** A DPGA member. */
  member: boolean;
  /**
   * The name of its home country (BASED_IN), when known; names joined by " / " when editors gave
   * it more than one. Absent for groups, initiatives and organisations of no known home.
   */
  homeCountry?: string | null;
  /** For an initiative, who runs it (RUNS), names joined by " / ". Absent for the rest. */
  runBy?: string | null;
}

/** A connecting path as the statement returns it: its nodes and relationships, in path order. */
export interface PathRow {
  nodes: PathNode[];
  rels: PathRelationshipRow[];
}

/** One stakeholder's connecting paths, summed up by the statement (stakeholder-paths.cypher). */
export interface StakeholderSummary {
  id: string;
  /** Its closest path's ring (with a role asked for, of that role's paths); null with `strays`. */
  ring: number | null;
  roles: StakeholderRole[];
  pathCount: number;
  /** Its own relationships its paths start with. */
  firstTies: number;
  /** Tied to the subject by one relationship (a sector: to one of its DPGs). */
  direct: boolean;
  /** Keys of paths that are none of the subject type's links: a statement out of step with this module. */
  strays: string[];
  pagerank: number | null;
  degree: number;
}

/** A shown stakeholder: its summary, who it is and its closest paths (the statement's second run). */
export interface ShownStakeholderRow extends StakeholderSummary {
  stakeholder: StakeholderRef;
  connections: PathRow[];
}

export interface TieCount {
  relationship: string;
  direction: 'out' | 'in';
  type: string;
  count: number;
}

/** What the graph says about a stakeholder beyond the subject: measures and ties. */
export interface StakeholderContext {
  id: string;
  degree: number;
  pagerank: number | null;
  betweenness: number | null;
  community: number | null;
  ties: TieCount[];
}

export interface Connection extends EvidencePath {
  role: StakeholderRole;
  /** The ring of this path: an index in the map's `rings`. */
  ring: number;
  /**
   * Relationships between the stakeholder and the subject on this path (for a sector, and the DPG
   * of the sector the path ends at, or goes on from to the country a map is narrowed to).
   */
  hops: number;
}

export interface Stakeholder extends StakeholderRef {
  /** Sector of the map: the organisation kind, or "group" / "initiative". */
  group: string;
  roles: StakeholderRole[];
  /**
   * Ring of its closest link (with `role`, of that role's links): an index in the map's `rings`,
   * 0 = the innermost.
   */
  ring: number;
  /** Tied to the subject by one relationship (a sector: to one of its DPGs). */
  direct: boolean;
  influence: {
    pagerank: number | null;
    betweenness: number | null;
    degree: number;
    community: number | null;
    /** 1 = the most influential stakeholder on this map (by PageRank, then degree). */
    rank: number;
    /** Thirds of the map by rank: 0 = the most influential third. */
    ring: number;
  };
  /** Relationships in the whole graph, and how many of them do not serve this connection. */
  ties: { total: number; other: number; byType: TieCount[] };
  pathCount: number;
  connections: Connection[];
}

export interface StakeholderMap {
  /** The rings of this map, innermost first; a stakeholder's `ring` indexes it. */
  rings: StakeholderRing[];
  total: number;
  stakeholders: Stakeholder[];
  byRole: Record<StakeholderRole, string[]>;
  byGroup: Record<string, string[]>;
  /** Groups (map sectors) present, largest first. */
  groups: string[];
}

const quoteLabel = (node: PathNode) => named(node);

function connectionOf(
  stakeholder: string,
  row: PathRow,
  links: Readonly<Record<string, PathLink>>,
): Connection {
  if (row.nodes[0]?.id !== stakeholder) {
    throw new Error(`stakeholder-map: a path of ${stakeholder} must start at it`);
  }
  assertChain('stakeholder-map', row.nodes, row.rels);
  const [first, ...through] = row.rels.map((r) => r.type);
  const link = links[linkKey(first!, through.join(','))];
  if (!link) {
    throw new Error(
      `stakeholder-map: no ring for a path ${[first, ...through].join(', ')} of ${stakeholder}`,
    );
  }
  return {
    role: link.role,
    ring: link.ring,
    hops: row.rels.length - link.beyond,
    nodes: row.nodes,
    relationships: row.rels.map(pathRelationship),
    sentence: pathSentence(
      row.nodes.map(quoteLabel),
      row.rels.map((r, i) => ({
        type: r.type,
        forward: r.from === row.nodes[i]!.id,
        about: relationshipAbout(r),
      })),
    ),
  };
}

const connectionKey = (c: Connection) => c.nodes.map((n) => n.id).join('\u0000');

/** Innermost ring first, then shortest, then by node ids. */
const byCloseness = (a: Connection, b: Connection) =>
  a.ring - b.ring || a.hops - b.hops || (connectionKey(a) < connectionKey(b) ? -1 : 1);

/** Where a stakeholder stands on its map: which to show, in order, and how influential each is. */
export interface StakeholderRanking {
  /** Stakeholders on the map in all. */
  total: number;
  /** The first `limit` in map order, each with its influence rank (1 = most) and third (0 = top). */
  shown: { id: string; rank: number; third: number }[];
}

/**
 * Ranks every stakeholder of a map: by ring (how closely it is involved, then its role), then
 * influence (PageRank, degree), then id, keeping the first `limit`. With a role asked for, each
 * summary's ring is that role's already, so a funder that also leads does not come before a
 * more influential one that only funds.
 * @throws Error when a summary has paths that are none of the subject type's links.
 */
export function rankStakeholders(
  summaries: readonly StakeholderSummary[],
  limit: number,
): StakeholderRanking {
  const stray = summaries.find((s) => s.strays.length > 0 || s.ring === null);
  if (stray) {
    throw new Error(
      `stakeholder-map: ${stray.id} has paths of no ring: ${stray.strays.join('; ')} (the first relationship|those after it)`,
    );
  }
  const byInfluence = [...summaries].sort(
    (a, b) =>
      (b.pagerank ?? -1) - (a.pagerank ?? -1) || b.degree - a.degree || (a.id < b.id ? -1 : 1),
  );
  // Map order is by ring, then influence: each ring's stakeholders taken in influence order, the
  // innermost ring first, until `limit`. A second sort of every stakeholder by ring, looking up
  // each one's influence rank, took 230 ms of a 65,000-stakeholder map (Health's at 1M
  // relationships) to keep its first 100.
  const rings = new Map<number, number[]>();
  byInfluence.forEach((s, i) => {
    const ring = rings.get(s.ring!);
    if (ring) ring.push(i);
    else rings.set(s.ring!, [i]);
  });
  const shown = [...rings.keys()]
    .sort((a, b) => a - b)
    .flatMap((ring) => rings.get(ring)!)
    .slice(0, limit);
  return {
    total: summaries.length,
    shown: shown.map((i) => ({
      id: byInfluence[i]!.id,
      rank: i + 1,
      third: Math.min(2, Math.floor((3 * i) / summaries.length)),
    })),
  };
}

/**
 * Builds the map of `subject` from its `ranking` and the shown stakeholders' `rows`: each with
 * its `connectionsPerStakeholder` closest paths, those of the role asked for first (they are why
 * it is listed).
 * @throws Error when a shown stakeholder has no row, or a path is not a chain of relationships
 *   from its stakeholder or is none of the subject type's links (STAKEHOLDER_LINKS).
 */
export function buildStakeholderMap(
  ranking: StakeholderRanking,
  rows: readonly ShownStakeholderRow[],
  contexts: ReadonlyMap<string, StakeholderContext>,
  options: {
    subject: MapSubject;
    connectionsPerStakeholder: number;
    role?: StakeholderRole;
  },
): StakeholderMap {
  const links = stakeholderLinkTable(options.subject);
  const rowOf = new Map(rows.map((row) => [row.id, row]));
  const stakeholders = ranking.shown.map(({ id, rank, third }) => {
    const row = rowOf.get(id);
    if (!row) throw new Error(`stakeholder-map: no row for the shown stakeholder ${id}`);
    const { homeCountry, runBy, ...ref } = row.stakeholder;
    const context = contexts.get(id);
    const total = context?.degree ?? row.degree;
    return {
      ...ref,
      ...(homeCountry ? { homeCountry } : {}),
      ...(runBy ? { runBy } : {}),
      group: ref.type === 'Organisation' ? (ref.kind ?? 'unknown') : ref.type.toLowerCase(),
      roles: STAKEHOLDER_ROLES.filter((r) => row.roles.includes(r)),
      ring: row.ring!,
      direct: row.direct,
      influence: {
        pagerank: context?.pagerank ?? row.pagerank,
        betweenness: context?.betweenness ?? null,
        degree: total,
        community: context?.community ?? null,
        rank,
        ring: third,
      },
      ties: { total, other: Math.max(0, total - row.firstTies), byType: context?.ties ?? [] },
      pathCount: row.pathCount,
      connections: row.connections
        .map((path) => connectionOf(id, path, links))
        .sort(
          (a, b) =>
            Number(b.role === options.role) - Number(a.role === options.role) || byCloseness(a, b),
        )
        .slice(0, options.connectionsPerStakeholder),
    } satisfies Stakeholder;
  });
  const byRole = Object.fromEntries(STAKEHOLDER_ROLES.map((r) => [r, [] as string[]])) as Record<
    StakeholderRole,
    string[]
  >;
  const byGroup: Record<string, string[]> = {};
  for (const s of stakeholders) {
    s.roles.forEach((r) => byRole[r].push(s.id));
    (byGroup[s.group] ??= []).push(s.id);
  }
  const groups = Object.keys(byGroup).sort(
    (a, b) => byGroup[b]!.length - byGroup[a]!.length || (a < b ? -1 : 1),
  );
  return {
    rings: ringsOf(options.subject).map(({ ring }) => ring),
    total: ranking.total,
    stakeholders,
    byRole,
    byGroup,
    groups,
  };
}
