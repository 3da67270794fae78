/**
 * Network measures of a graph, computed with graphology: degree, betweenness, PageRank and
 * Louvain communities. Pure — nodes and edges in, measures out — so the whole-graph metrics
 * (metrics-service.ts) and the ego networks (ego-network.ts) use the same code.
 *
 * The graph is read as undirected and simple: relationships between the same two nodes merge
 * into one edge whose weight is their number (or the sum of the weights given). Nodes and edges
 * are inserted in id order and Louvain walks with a seeded generator, so the same input gives
 * the same measures, community numbers included, on every run.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { sampledBetweenness } from './sampled-betweenness.ts';
import { seededRandom } from './seeded-random.ts';

export interface MeasureEdge {
  from: string;
  to: string;
  /** Defaults to 1; parallel edges add up. */
  weight?: number;
}

export interface NodeMeasures {
  /** Weighted degree: relationships of the node (or the sum of its edge weights). */
  degree: number;
  /**
   * Normalised betweenness (0–1) over unweighted shortest paths; on graphs above
   * EXACT_BETWEENNESS_STEPS, estimated from sampled sources.
   */
  betweenness: number;
  /** PageRank (damping 0.85, edge weights); sums to 1 over the graph. */
  pagerank: number;
  /** Louvain community, numbered 0… by size (largest first), ties by smallest member id. */
  community: number;
}

export interface NetworkMeasures {
  nodes: Map<string, NodeMeasures>;
  nodeCount: number;
  /** Edges after merging parallel ones. */
  edgeCount: number;
  communityCount: number;
  /** Louvain modularity of the communities; null for a graph without edges. */
  modularity: number | null;
}

/** The seed of Louvain's random walk: any fixed value works, it only has to stay the same. */
export const LOUVAIN_SEED = 20240601;
export const PAGERANK_ALPHA = 0.85;
/**
 * Exact betweenness costs one search per node: nodes × (nodes + edges) steps. Up to this many it
 * is computed exactly (the real ecosystem needs about 2·10^7); above, it is estimated from as many
 * sampled sources as the same budget allows (sampled-betweenness.ts), at least 100 — seconds
 * rather than hours at a million relationships.
 */
export const EXACT_BETWEENNESS_STEPS = 2e8;
const MIN_BETWEENNESS_PIVOTS = 100;
const BETWEENNESS_SEED = 20240602;

/** Measures are stored and compared rounded to 6 significant digits. */
export function roundMeasure(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(6));
}

/**
 * Builds the undirected weighted graph, inserting nodes and edges in a stable order.
 * @throws Error when an edge names a node that is not listed.
 */
export function buildUndirectedGraph(
  nodeIds: readonly string[],
  edges: readonly MeasureEdge[],
): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const id of [...new Set(nodeIds)].sort()) graph.addNode(id);
  const weights = new Map<string, { from: string; to: string; weight: number }>();
  for (const edge of edges) {
    for (const end of [edge.from, edge.to]) {
      if (!graph.hasNode(end)) {
        throw new Error(`network-measures: the edge ${edge.from}–${edge.to} names unknown ${end}`);
      }
    }
    if (edge.from === edge.to) continue;
    const [from, to] = edge.from < edge.to ? [edge.from, edge.to] : [edge.to, edge.from];
    const key = `${from}\u0000${to}`;
    const weight = edge.weight ?? 1;
    if (!(weight > 0)) throw new Error(`network-measures: edge weight ${weight} is not positive`);
    const existing = weights.get(key);
    if (existing) existing.weight += weight;
    else weights.set(key, { from, to, weight });
  }
  for (const key of [...weights.keys()].sort()) {
    const { from, to, weight } = weights.get(key)!;
    graph.addEdge(from, to, { weight });
  }
  return graph;
}

/** Louvain communities renumbered by size (largest first), then by smallest member id. */
function stableCommunities(graph: UndirectedGraph): {
  community: Map<string, number>;
  count: number;
  modularity: number | null;
} {
  const community = new Map<string, number>();
  if (graph.order === 0) return { community, count: 0, modularity: null };
  const detailed =
    graph.size === 0
      ? null
      : louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) });
  const raw: Record<string, number> =
    detailed?.communities ?? Object.fromEntries(graph.nodes().map((n, i) => [n, i]));
  const members = new Map<number, string[]>();
  for (const node of graph.nodes()) {
    const c = raw[node]!;
    if (!members.has(c)) members.set(c, []);
    members.get(c)!.push(node);
  }
  const ordered = [...members.values()]
    .map((ids) => ids.sort())
    .sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  ordered.forEach((ids, index) => ids.forEach((id) => community.set(id, index)));
  return { community, count: ordered.length, modularity: detailed?.modularity ?? null };
}

/** Degree, betweenness, PageRank and communities of every node, rounded (roundMeasure). */
export function computeNetworkMeasures(
  nodeIds: readonly string[],
  edges: readonly MeasureEdge[],
): NetworkMeasures {
  const graph = buildUndirectedGraph(nodeIds, edges);
  const nodes = new Map<string, NodeMeasures>();
  if (graph.order === 0) {
    return { nodes, nodeCount: 0, edgeCount: 0, communityCount: 0, modularity: null };
  }
  const steps = graph.order + graph.size;
  const betweenness =
    graph.order * steps <= EXACT_BETWEENNESS_STEPS
      ? betweennessCentrality(graph, { getEdgeWeight: null, normalized: true })
      : sampledBetweenness(
          graph,
          Math.max(MIN_BETWEENNESS_PIVOTS, Math.floor(EXACT_BETWEENNESS_STEPS / steps)),
          BETWEENNESS_SEED,
        );
  const ranks = pagerank(graph, {
    getEdgeWeight: 'weight',
    alpha: PAGERANK_ALPHA,
    maxIterations: 1000,
    tolerance: 1e-10,
  });
  const { community, count, modularity } = stableCommunities(graph);
  graph.forEachNode((id) => {
    let degree = 0;
    graph.forEachEdge(id, (_edge, attributes) => {
      degree += attributes.weight as number;
    });
    nodes.set(id, {
      degree,
      betweenness: roundMeasure(betweenness[id] ?? 0),
      pagerank: roundMeasure(ranks[id] ?? 0),
      community: community.get(id)!,
    });
  });
  return {
    nodes,
    nodeCount: graph.order,
    edgeCount: graph.size,
    communityCount: count,
    modularity: modularity === null ? null : roundMeasure(modularity),
  };
}
