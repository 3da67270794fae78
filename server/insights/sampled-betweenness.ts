/**
 * Betweenness estimated from a sample of source nodes (Brandes & Pich, "Centrality estimation in
 * large networks", 2007), for graphs too large for the exact measure: exact betweenness runs one
 * shortest-path search per node, O(nodes × edges) — minutes at 100k relationships, hours at 1M.
 * The estimate runs graphology's own indexed Brandes search from `pivots` nodes drawn with a
 * seeded generator and scales the sums by nodes / pivots, so it is unbiased, the same on every
 * run, and exact when every node is a pivot.
 */
import type { UndirectedGraph } from 'graphology';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import { seededRandom } from './seeded-random.ts';

/** What the indexed search gives back; the package's own typings put `index` in the wrong place. */
interface IndexedBrandes {
  (
    source: number,
  ): [{ size: number; items: ArrayLike<number>; pop(): number }, number[][], Uint32Array];
  index: { collect(values: Float64Array): Record<string, number> };
}

/**
 * Normalised betweenness (as graphology-metrics computes it: divided by (n-1)(n-2)) over
 * unweighted shortest paths, estimated from `pivots` sources chosen with `seed`.
 * @throws Error when pivots is not a positive integer.
 */
export function sampledBetweenness(
  graph: UndirectedGraph,
  pivots: number,
  seed: number,
): Record<string, number> {
  if (!Number.isInteger(pivots) || pivots < 1) {
    throw new Error(`sampled-betweenness: pivots must be a positive integer (got ${pivots})`);
  }
  const brandes = createUnweightedIndexedBrandes(graph) as unknown as IndexedBrandes;
  const n = graph.order;
  const k = Math.min(pivots, n);
  // The first k of a seeded Fisher–Yates shuffle of the node indices.
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }

  const delta = new Float64Array(n);
  const centrality = new Float64Array(n);
  for (let p = 0; p < k; p++) {
    const source = order[p]!;
    const [stack, predecessors, sigma] = brandes(source);
    for (let j = 0; j < stack.size; j++) delta[stack.items[j]!] = 0;
    while (stack.size !== 0) {
      const w = stack.pop();
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of predecessors[w]!) delta[v]! += sigma[v]! * coefficient;
      if (w !== source) centrality[w]! += delta[w]!;
    }
  }
  const scale = n <= 2 ? 0 : n / k / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) centrality[i]! *= scale;
  return brandes.index.collect(centrality);
}
