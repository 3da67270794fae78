/**
 * Turns the paths that connect stakeholders to a subject (an activity, DPG, country, SDG or
 * initiative, or a sector, in the world or in one country) into a stakeholder map: each organisation, group or funding initiative once, with its
 * roles (from the first relationship of its paths), its ring (its closest link to the subject: how
 * it is involved, then its role), its influence (network measures of the whole graph), its ties,
 * and the paths that say how it is connected. Pure.
 */
import { pathSentence } from '../services/path-sentence.ts';
import { assertChain, named, type EvidencePath, type PathNode } from './evidence-path.ts';

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
   * Relationships a path of this link runs on past the subject: a sector's map narrowed to a
   * country goes on from the sector's DPG to the country it is deployed in.
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
  Activity: [
    { through: '', roles: TAKES_PART, indirect: false, object: (s) => s },
    {
      through: 'INVOLVES',
      roles: BACKS,
      indirect: true,
      object: (s) => `a DPG that ${s} involves`,
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

/**
 * The links of a sector's map narrowed to `country` ("Health in Kenya"), closest first, as a
 * country's own map orders them: taking part in an activity there comes first, then backing a
 * DPG of the sector developed there, then one merely listed as deployed there (weak evidence, as on
 * the country's map). An activity's path ends at the sector's DPG it involves (the country is
 * where the activity takes place, off the path); a DPG's path goes on to the country.
 */
function sectorInCountryLinks(country: string): readonly LinkKind[] {
  return [
    {
      through: 'INVOLVES',
      roles: TAKES_PART,
      indirect: false,
      object: (s) => `an activity in ${country} involving a DPG of the ${s} sector`,
    },
    {
      through: 'DEVELOPED_IN',
      roles: BACKS,
      indirect: true,
      object: (s) => `a DPG of the ${s} sector developed in ${country}`,
      beyond: 1,
    },
    {
      through: 'DEPLOYED_IN',
      roles: BACKS,
      indirect: true,
      object: (s) => `a DPG of the ${s} sector deployed in ${country}`,
      beyond: 1,
    },
  ];
}

/** What a map is drawn around, as the rings name it; a sector's map may be narrowed to a country. */
export interface MapSubject {
  type: StakeholderSubjectType;
  label: string;
  /** The country a sector's map is narrowed to, by name. */
  country?: string;
}

function linksOf(subject: MapSubject): readonly LinkKind[] {
  return subject.type === 'Sector' && subject.country !== undefined
    ? sectorInCountryLinks(subject.country)
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

/** The ring of a path: its role through what it goes through. */
function ringOf(rings: readonly PlacedRing[], role: StakeholderRole, through: string): number {
  const ring = rings.findIndex(({ ring: r }) => r.role === role && r.through === through);
  if (ring < 0) throw new Error(`stakeholder-map: no ring for ${role} through "${through}"`);
  return ring;
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

export interface StakeholderPathRow {
  stakeholder: StakeholderRef;
  nodes: PathNode[];
  rels: EvidencePath['relationships'];
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

function connectionOf(row: StakeholderPathRow, rings: readonly PlacedRing[]): Connection {
  assertChain('stakeholder-map', row.nodes, row.rels);
  const first = row.rels[0]!;
  const role = ROLE_OF_RELATIONSHIP[first.type];
  if (!role) throw new Error(`stakeholder-map: no role for a path starting with ${first.type}`);
  const through = row.rels
    .slice(1)
    .map((r) => r.type)
    .join(',');
  const ring = ringOf(rings, role, through);
  return {
    role,
    ring,
    hops: row.rels.length - rings[ring]!.beyond,
    nodes: row.nodes,
    relationships: row.rels,
    sentence: pathSentence(
      row.nodes.map(quoteLabel),
      row.rels.map((r, i) => ({ type: r.type, forward: r.from === row.nodes[i]!.id })),
    ),
  };
}

const connectionKey = (c: Connection) => c.nodes.map((n) => n.id).join('\u0000');

/** Innermost ring first, then shortest, then by node ids. */
const byCloseness = (a: Connection, b: Connection) =>
  a.ring - b.ring || a.hops - b.hops || (connectionKey(a) < connectionKey(b) ? -1 : 1);

/**
 * Builds the map of `subject`: stakeholders ordered by ring (how closely they are involved, then
 * their role), then influence (PageRank, degree), then id; the first `limit` of them, each with
 * its `connectionsPerStakeholder` closest paths. With `role`, only the stakeholders that have it,
 * each in the ring of its closest path of that role, so the role's direct stakeholders still come
 * before its indirect ones and influence orders each ring (the funders of a country, for an
 * advocacy team: on Kenya's whole map Norad, a funder, came 33rd behind those that take part).
 * @throws Error when a row is not a chain of relationships from its stakeholder, or its path is
 *   not one of the subject type's links (STAKEHOLDER_LINKS).
 */
export function buildStakeholderMap(
  rows: readonly StakeholderPathRow[],
  contexts: ReadonlyMap<string, StakeholderContext>,
  options: {
    subject: MapSubject;
    limit: number;
    connectionsPerStakeholder: number;
    role?: StakeholderRole;
  },
): StakeholderMap {
  const reach = ringsOf(options.subject);
  const grouped = new Map<string, { ref: StakeholderRef; connections: Connection[] }>();
  for (const row of rows) {
    if (row.nodes[0]?.id !== row.stakeholder.id) {
      throw new Error(`stakeholder-map: a path of ${row.stakeholder.id} must start at it`);
    }
    const entry = grouped.get(row.stakeholder.id) ?? { ref: row.stakeholder, connections: [] };
    entry.connections.push(connectionOf(row, reach));
    grouped.set(row.stakeholder.id, entry);
  }
  const kept = [...grouped.values()].filter(
    ({ connections }) => !options.role || connections.some((c) => c.role === options.role),
  );
  const all = kept.map(({ ref: { homeCountry, runBy, ...ref }, connections }) => {
    const context = contexts.get(ref.id);
    const roles = STAKEHOLDER_ROLES.filter((r) => connections.some((c) => c.role === r));
    const ranked = options.role ? connections.filter((c) => c.role === options.role) : connections;
    const usedTies = new Set(connections.map((c) => JSON.stringify(c.relationships[0])));
    const total = context?.degree ?? 0;
    return {
      ...ref,
      ...(homeCountry ? { homeCountry } : {}),
      ...(runBy ? { runBy } : {}),
      group: ref.type === 'Organisation' ? (ref.kind ?? 'unknown') : ref.type.toLowerCase(),
      roles,
      ring: Math.min(...ranked.map((c) => c.ring)),
      direct: connections.some((c) => c.hops === 1),
      influence: {
        pagerank: context?.pagerank ?? null,
        betweenness: context?.betweenness ?? null,
        degree: total,
        community: context?.community ?? null,
        rank: 0,
        ring: 0,
      },
      ties: { total, other: Math.max(0, total - usedTies.size), byType: context?.ties ?? [] },
      pathCount: connections.length,
      // The paths of the role asked for first: they are why the stakeholder is listed.
      connections: [...connections]
        .sort(
          (a, b) =>
            Number(b.role === options.role) - Number(a.role === options.role) || byCloseness(a, b),
        )
        .slice(0, options.connectionsPerStakeholder),
    } satisfies Stakeholder;
  });
  const byInfluence = [...all].sort(
    (a, b) =>
      (b.influence.pagerank ?? -1) - (a.influence.pagerank ?? -1) ||
      b.influence.degree - a.influence.degree ||
      (a.id < b.id ? -1 : 1),
  );
  byInfluence.forEach((s, i) => {
    s.influence.rank = i + 1;
    s.influence.ring = Math.min(2, Math.floor((3 * i) / byInfluence.length));
  });
  // Narrowed to a role, the ring is that role's (a funder that also leads would otherwise come
  // before a more influential one that only funds).
  const ordered = [...all].sort(
    (a, b) => a.ring - b.ring || a.influence.rank - b.influence.rank || (a.id < b.id ? -1 : 1),
  );
  const stakeholders = ordered.slice(0, options.limit);
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
    rings: reach.map(({ ring }) => ring),
    total: all.length,
    stakeholders,
    byRole,
    byGroup,
    groups,
  };
}
