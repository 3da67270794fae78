/**
 * Turns the paths that connect stakeholders to a subject (an activity, DPG, country or SDG) into
 * a stakeholder map: each organisation, group or funding initiative once, with its roles (from
 * the first relationship of its paths), its ring (its closest role), its influence (network
 * measures of the whole graph), its ties, and the paths that say how it is connected. Pure.
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
};

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
  /** Relationships between the stakeholder and the subject on this path. */
  hops: number;
}

export interface Stakeholder extends StakeholderRef {
  /** Sector of the map: the organisation kind, or "group" / "initiative". */
  group: string;
  roles: StakeholderRole[];
  /** Ring of its closest role: the index in STAKEHOLDER_ROLES (0 = leads). */
  ring: number;
  /** Tied to the subject by one relationship. */
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
  total: number;
  stakeholders: Stakeholder[];
  byRole: Record<StakeholderRole, string[]>;
  byGroup: Record<string, string[]>;
  /** Groups (map sectors) present, largest first. */
  groups: string[];
}

const quoteLabel = (node: PathNode) => named(node);

function connectionOf(row: StakeholderPathRow): Connection {
  assertChain('stakeholder-map', row.nodes, row.rels);
  const first = row.rels[0]!;
  const role = ROLE_OF_RELATIONSHIP[first.type];
  if (!role) throw new Error(`stakeholder-map: no role for a path starting with ${first.type}`);
  return {
    role,
    hops: row.rels.length,
    nodes: row.nodes,
    relationships: row.rels,
    sentence: pathSentence(
      row.nodes.map(quoteLabel),
      row.rels.map((r, i) => ({ type: r.type, forward: r.from === row.nodes[i]!.id })),
    ),
  };
}

const connectionKey = (c: Connection) => c.nodes.map((n) => n.id).join('\u0000');

/** Direct ties first, then by role ring, then shortest, then by node ids. */
const byCloseness = (a: Connection, b: Connection) =>
  a.hops - b.hops ||
  STAKEHOLDER_ROLES.indexOf(a.role) - STAKEHOLDER_ROLES.indexOf(b.role) ||
  (connectionKey(a) < connectionKey(b) ? -1 : 1);

/**
 * Builds the map: stakeholders ordered by ring, then influence (PageRank, degree), then id;
 * the first `limit` of them, each with its `connectionsPerStakeholder` closest paths. With `role`,
 * only the stakeholders that have it, ordered by influence among themselves (the funders of a
 * country, for an advocacy team: on Kenya's whole map Norad, a funder, came 33rd behind those
 * that take part).
 * @throws Error when a row is not a chain of relationships from its stakeholder.
 */
export function buildStakeholderMap(
  rows: readonly StakeholderPathRow[],
  contexts: ReadonlyMap<string, StakeholderContext>,
  options: { limit: number; connectionsPerStakeholder: number; role?: StakeholderRole },
): StakeholderMap {
  const grouped = new Map<string, { ref: StakeholderRef; connections: Connection[] }>();
  for (const row of rows) {
    if (row.nodes[0]?.id !== row.stakeholder.id) {
      throw new Error(`stakeholder-map: a path of ${row.stakeholder.id} must start at it`);
    }
    const entry = grouped.get(row.stakeholder.id) ?? { ref: row.stakeholder, connections: [] };
    entry.connections.push(connectionOf(row));
    grouped.set(row.stakeholder.id, entry);
  }
  const kept = [...grouped.values()].filter(
    ({ connections }) => !options.role || connections.some((c) => c.role === options.role),
  );
  const all = kept.map(({ ref, connections }) => {
    const context = contexts.get(ref.id);
    const roles = STAKEHOLDER_ROLES.filter((r) => connections.some((c) => c.role === r));
    const usedTies = new Set(connections.map((c) => JSON.stringify(c.relationships[0])));
    const total = context?.degree ?? 0;
    return {
      ...ref,
      group: ref.type === 'Organisation' ? (ref.kind ?? 'unknown') : ref.type.toLowerCase(),
      roles,
      ring: STAKEHOLDER_ROLES.indexOf(roles[0]!),
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
  // Narrowed to a role, every stakeholder shares it: influence alone ranks them (a funder that
  // also leads would otherwise come before a more influential one that only funds).
  const ordered = options.role
    ? byInfluence
    : [...all].sort(
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
  return { total: all.length, stakeholders, byRole, byGroup, groups };
}
