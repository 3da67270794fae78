/**
 * An organisation's partnership network: its partners (who share activities or DPGs with it),
 * the strength of each tie (the number of activities and DPGs shared), the ties among the
 * partners, the brokers among them (betweenness once the organisation itself is set aside: who
 * connects partners that would otherwise reach each other only through it) and the clusters they
 * form (Louvain on the partners' ties, weighted by strength). Pure; network-measures.ts computes.
 */
import type { PathNode } from './evidence-path.ts';
import { computeNetworkMeasures, roundMeasure } from './network-measures.ts';
import type { ViaFund } from './shared-dpg-sentence.ts';

export interface PartnerRef extends PathNode {
  kind: string | null;
  /** Where a partner is based (BASED_IN), its countries' names; null when not known. */
  homeCountry?: string | null;
  /** For an initiative, who runs it (RUNS), names joined by " / "; null for the rest. */
  runBy?: string | null;
}

/** A DPG two parties both back, one of them perhaps only through a fund it runs. */
export interface SharedDpg extends PathNode {
  /** The funds through which a party backs the DPG, when it does not back it itself. */
  via: ViaFund[];
  /** The DPG in words, naming those funds (shared-dpg-sentence.ts). */
  sentence: string;
}

/** What two parties share: activities both take part in, DPGs both back. */
export interface SharedTies {
  activities: PathNode[];
  dpgs: SharedDpg[];
}

export interface PartnerRow extends SharedTies {
  partner: PartnerRef;
}

export interface TieRow extends SharedTies {
  source: string;
  target: string;
}

/** Whole-graph measures stored on a node (null before the first computation). */
export interface GlobalMeasures {
  degree: number;
  pagerank: number | null;
  betweenness: number | null;
  community: number | null;
}

export interface NetworkNode {
  data: PartnerRef & {
    ego: boolean;
    /** Strength of the tie with the organisation (0 for the organisation itself). */
    strength: number;
    /** Betweenness among the partners (0–1); null for the organisation itself. */
    brokerage: number | null;
    /** Cluster among the partners; null for the organisation itself. */
    cluster: number | null;
    global: GlobalMeasures;
  };
}

export interface NetworkEdge {
  data: SharedTies & {
    id: string;
    source: string;
    target: string;
    /** Shared activities + shared DPGs. */
    strength: number;
  };
}

export interface Cluster {
  cluster: number;
  size: number;
  members: string[];
  /** The activity or DPG most of the cluster's members share with the organisation. */
  sharedMost: (PathNode & { members: number }) | null;
}

export interface EgoNetwork {
  /** Partners in all (before `limit` and `minStrength`). */
  totalPartners: number;
  /** `limit` left out partners at least `minStrength` strong. */
  truncated: boolean;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  brokers: { id: string; label: string; brokerage: number }[];
  clusters: Cluster[];
}

export interface EgoOptions {
  limit: number;
  minStrength: number;
}

const strengthOf = (t: SharedTies) => t.activities.length + t.dpgs.length;
const edgeId = (a: string, b: string) => `${a}|PARTNERS_WITH|${b}`;
const BROKERS_SHOWN = 10;

/** The partners to show, and how many there are in all */
export interface PartnerSelection {
  /** The `limit` strongest of those at least `minStrength` strong: strongest first, then by id. */
  shown: PartnerRow[];
  /** How many are at least `minStrength` strong (`limit` left out the others). */
  qualifying: number;
}

/** Selects the partners to show. */
export function selectPartners(rows: readonly PartnerRow[], options: EgoOptions): PartnerSelection {
  const qualifying = rows
    .filter((r) => strengthOf(r) >= options.minStrength)
    .sort((a, b) => strengthOf(b) - strengthOf(a) || (a.partner.id < b.partner.id ? -1 : 1));
  return { shown: qualifying.slice(0, options.limit), qualifying: qualifying.length };
}

function sharedMost(members: readonly string[], partners: Map<string, PartnerRow>) {
  const counts = new Map<string, { node: PathNode; members: number }>();
  for (const id of members) {
    const row = partners.get(id)!;
    for (const node of [...row.activities, ...row.dpgs]) {
      const entry = counts.get(node.id) ?? { node, members: 0 };
      entry.members += 1;
      counts.set(node.id, entry);
    }
  }
  const best = [...counts.values()].sort(
    (a, b) => b.members - a.members || (a.node.id < b.node.id ? -1 : 1),
  )[0];
  // The DPG itself: how one partner reaches it (`via`) is not how the cluster's others do.
  return best
    ? { id: best.node.id, label: best.node.label, type: best.node.type, members: best.members }
    : null;
}

/**
 * Assembles the ego network from the organisation, its partners (selected with selectPartners)
 * and the ties among them; `totalPartners` counts them all, whatever their strength.
 * @throws Error when a tie names someone who is not a selected partner.
 */
export function buildEgoNetwork(
  ego: PartnerRef,
  selection: PartnerSelection,
  totalPartners: number,
  among: readonly TieRow[],
  measures: ReadonlyMap<string, GlobalMeasures>,
): EgoNetwork {
  const partnerRows = selection.shown;
  const partners = new Map(partnerRows.map((r) => [r.partner.id, r]));
  for (const tie of among) {
    if (!partners.has(tie.source) || !partners.has(tie.target)) {
      throw new Error(`ego-network: the tie ${tie.source}–${tie.target} is not among partners`);
    }
  }
  const local = computeNetworkMeasures(
    [...partners.keys()],
    among.map((t) => ({ from: t.source, to: t.target, weight: strengthOf(t) })),
  );
  const global = (id: string): GlobalMeasures =>
    measures.get(id) ?? { degree: 0, pagerank: null, betweenness: null, community: null };
  const nodes: NetworkNode[] = [
    {
      data: {
        ...ego,
        ego: true,
        strength: 0,
        brokerage: null,
        cluster: null,
        global: global(ego.id),
      },
    },
    ...partnerRows.map((row) => ({
      data: {
        ...row.partner,
        ego: false,
        strength: strengthOf(row),
        brokerage: local.nodes.get(row.partner.id)!.betweenness,
        cluster: local.nodes.get(row.partner.id)!.community,
        global: global(row.partner.id),
      },
    })),
  ];
  const edges: NetworkEdge[] = [
    ...partnerRows.map((row) => ({
      data: {
        id: edgeId(ego.id, row.partner.id),
        source: ego.id,
        target: row.partner.id,
        strength: strengthOf(row),
        activities: row.activities,
        dpgs: row.dpgs,
      },
    })),
    ...[...among]
      .sort((a, b) => (edgeId(a.source, a.target) < edgeId(b.source, b.target) ? -1 : 1))
      .map((tie) => ({
        data: {
          id: edgeId(tie.source, tie.target),
          source: tie.source,
          target: tie.target,
          strength: strengthOf(tie),
          activities: tie.activities,
          dpgs: tie.dpgs,
        },
      })),
  ];
  const brokers = nodes
    .filter((n) => (n.data.brokerage ?? 0) > 0)
    .map((n) => ({ id: n.data.id, label: n.data.label, brokerage: n.data.brokerage! }))
    .sort((a, b) => b.brokerage - a.brokerage || (a.id < b.id ? -1 : 1))
    .slice(0, BROKERS_SHOWN);
  const clusterMembers = new Map<number, string[]>();
  for (const [id, m] of [...local.nodes.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    clusterMembers.set(m.community, [...(clusterMembers.get(m.community) ?? []), id]);
  }
  const clusters = [...clusterMembers.entries()]
    .sort(([a], [b]) => a - b)
    .map(([cluster, members]) => ({
      cluster,
      size: members.length,
      members,
      sharedMost: sharedMost(members, partners),
    }));
  return {
    totalPartners,
    // Whether a higher `limit` would show more: partners below `minStrength` are filtered, not cut.
    truncated: partnerRows.length < selection.qualifying,
    nodes,
    edges,
    brokers: brokers.map((b) => ({ ...b, brokerage: roundMeasure(b.brokerage) })),
    clusters,
  };
}
