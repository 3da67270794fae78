/**
 * Overview answers of an exact size for the front-end benchmark, generated deterministically (a
 * seeded generator, no database): the page is handed them in place of `GET /api/overview`, so a
 * run at 5,000 elements draws exactly 5,000 elements on any machine.
 *
 * The shape follows the real ecosystem (web/README.md): one node to four relationships, a handful
 * of hubs (DPGs deployed in many countries, SDGs), many nodes with one or two connections, and the
 * entity and relationship types the stylesheet knows, in about the ecosystem's shares.
 */
import type { OverviewResponse } from '../web/src/lib/api/types.ts';
import { mulberry32 } from '../web/src/lib/graph/layout.ts';

/** Relationships per node in a generated graph (the ecosystem has ~4.8). */
export const EDGES_PER_NODE = 4;

/** Entity types with their share of the nodes and the id prefix the app uses. */
const TYPES = [
  { type: 'Country', share: 0.3, prefix: 'country' },
  { type: 'Organisation', share: 0.26, prefix: 'org' },
  { type: 'DPG', share: 0.2, prefix: 'dpg' },
  { type: 'Activity', share: 0.19, prefix: 'activity' },
  { type: 'SDG', share: 0.025, prefix: 'sdg' },
  { type: 'Initiative', share: 0.01, prefix: 'initiative' },
  { type: 'Group', share: 0.005, prefix: 'group' },
] as const;

type GenType = (typeof TYPES)[number]['type'];

/** Relationship types by (source type, target type), with their share of the relationships. */
const RELATIONSHIPS: readonly {
  from: GenType;
  to: GenType;
  type: string;
  label: string;
  share: number;
}[] = [
  { from: 'DPG', to: 'Country', type: 'DEPLOYED_IN', label: 'deployed in', share: 0.55 },
  { from: 'DPG', to: 'Country', type: 'DEVELOPED_IN', label: 'developed in', share: 0.12 },
  { from: 'DPG', to: 'SDG', type: 'ADVANCES', label: 'advances', share: 0.1 },
  { from: 'Organisation', to: 'DPG', type: 'OWNS', label: 'owns', share: 0.05 },
  { from: 'Organisation', to: 'Activity', type: 'LEADS', label: 'leads', share: 0.06 },
  { from: 'Activity', to: 'DPG', type: 'INVOLVES', label: 'involves', share: 0.05 },
  { from: 'Organisation', to: 'Group', type: 'MEMBER_OF', label: 'member of', share: 0.03 },
  {
    from: 'Organisation',
    to: 'Initiative',
    type: 'PARTICIPATES_IN',
    label: 'participates in',
    share: 0.02,
  },
  { from: 'Activity', to: 'Country', type: 'TAKES_PLACE_IN', label: 'takes place in', share: 0.02 },
];

/**
 * A graph of `elements` elements (nodes + relationships, one node to {@link EDGES_PER_NODE}
 * relationships), the same for the same arguments. Targets are drawn with weights from a heavy-tailed
 * distribution, so some nodes become hubs as in the real graph.
 */
export function syntheticOverview(elements: number, seed = 8): OverviewResponse {
  if (!Number.isInteger(elements) || elements < 10) {
    throw new RangeError(`frontend-graphs: elements must be an integer ≥ 10, got ${elements}`);
  }
  const random = mulberry32(seed);
  const nodeCount = Math.round(elements / (1 + EDGES_PER_NODE));
  const edgeCount = elements - nodeCount;

  const byType = new Map<GenType, { id: string; weight: number }[]>();
  const nodes: OverviewResponse['nodes'] = [];
  // Every type at least once; the first (and largest) type takes up the rounding.
  const counts = TYPES.map(({ share }) => Math.max(1, Math.round(nodeCount * share)));
  counts[0]! += nodeCount - counts.reduce((sum, count) => sum + count, 0);
  TYPES.forEach(({ type, prefix }, index) => {
    const list: { id: string; weight: number }[] = [];
    for (let i = 0; i < counts[index]!; i++) {
      const id = `${prefix}:bench-${i}`;
      // Pareto-like weights: a few nodes attract most relationships.
      list.push({ id, weight: 1 / Math.pow(1 - random() * 0.995, 1.1) });
      nodes.push({ data: { id, label: `${type} ${i + 1}`, type, degree: 0, sources: [] } });
    }
    byType.set(type, list);
  });

  const pick = (list: { id: string; weight: number }[], total: number): string => {
    let r = random() * total;
    for (const entry of list) {
      r -= entry.weight;
      if (r <= 0) return entry.id;
    }
    return list[list.length - 1]!.id;
  };
  const totals = new Map(
    [...byType].map(([type, list]) => [type, list.reduce((s, n) => s + n.weight, 0)]),
  );
  const uniform = (list: { id: string }[]) => list[Math.floor(random() * list.length)]!.id;

  const degree = new Map<string, number>();
  const seen = new Set<string>();
  const edges: OverviewResponse['edges'] = [];
  const add = (source: string, target: string, rel: (typeof RELATIONSHIPS)[number]): boolean => {
    const id = `${source}|${rel.type}|${target}`;
    if (seen.has(id)) return false;
    seen.add(id);
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
    edges.push({ data: { id, source, target, type: rel.type, label: rel.label, sources: [] } });
    return true;
  };
  const drawRelationship = (allowed: typeof RELATIONSHIPS) => {
    const total = allowed.reduce((sum, rel) => sum + rel.share, 0);
    let r = random() * total;
    return allowed.find((candidate) => (r -= candidate.share) <= 0) ?? allowed[0]!;
  };
  // Every node gets one relationship first (the real graph has almost no lone nodes)…
  for (const node of nodes) {
    if (edges.length >= edgeCount) break;
    const type = node.data.type as GenType;
    const rel = drawRelationship(RELATIONSHIPS.filter((c) => c.from === type || c.to === type));
    if (rel.from === type) add(node.data.id, pick(byType.get(rel.to)!, totals.get(rel.to)!), rel);
    else add(pick(byType.get(rel.from)!, totals.get(rel.from)!), node.data.id, rel);
  }
  // …then the rest go mostly to the heavy-weighted nodes, so hubs form.
  let attempts = 0;
  while (edges.length < edgeCount && attempts < edgeCount * 20) {
    attempts += 1;
    const rel = drawRelationship(RELATIONSHIPS);
    const sources = byType.get(rel.from)!;
    const targets = byType.get(rel.to)!;
    const source = random() < 0.7 ? pick(sources, totals.get(rel.from)!) : uniform(sources);
    const target = random() < 0.8 ? pick(targets, totals.get(rel.to)!) : uniform(targets);
    add(source, target, rel);
  }
  for (const node of nodes) node.data.degree = degree.get(node.data.id) ?? 0;
  return {
    mode: 'full',
    nodes,
    edges,
    total: { nodes: nodes.length, edges: edges.length },
    truncated: false,
  };
}
