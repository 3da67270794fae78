import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { describe, expect, it } from 'vitest';
import { buildUndirectedGraph, type MeasureEdge } from '../../server/insights/network-measures.ts';
import { sampledBetweenness } from '../../server/insights/sampled-betweenness.ts';
import { seededRandom } from '../../server/insights/seeded-random.ts';

/** A connected random graph with a few hubs: a ring plus edges to preferred nodes. */
function randomGraph(n: number, extra: number, seed: number) {
  const random = seededRandom(seed);
  const ids = Array.from({ length: n }, (_, i) => `n${String(i).padStart(4, '0')}`);
  const edges: MeasureEdge[] = ids.map((id, i) => ({ from: id, to: ids[(i + 1) % n]! }));
  for (let e = 0; e < extra; e++) {
    const hub = Math.floor(random() ** 3 * n);
    edges.push({ from: ids[hub]!, to: ids[Math.floor(random() * n)]! });
  }
  return buildUndirectedGraph(ids, edges);
}

const exact = (graph: ReturnType<typeof randomGraph>) =>
  betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });

describe('sampledBetweenness', () => {
  it('equals the exact betweenness when every node is a source', () => {
    const graph = randomGraph(80, 160, 1);
    const expected = exact(graph);
    const estimate = sampledBetweenness(graph, 80, 5);
    for (const node of graph.nodes()) expect(estimate[node]).toBeCloseTo(expected[node]!, 10);
  });

  it('gives the same estimate for the same seed', () => {
    const graph = randomGraph(200, 400, 2);
    expect(sampledBetweenness(graph, 30, 9)).toEqual(sampledBetweenness(graph, 30, 9));
    expect(sampledBetweenness(graph, 30, 10)).not.toEqual(sampledBetweenness(graph, 30, 9));
  });

  it('estimates from a sample close enough to rank the brokers', () => {
    const graph = randomGraph(600, 1200, 3);
    const expected = exact(graph);
    const estimate = sampledBetweenness(graph, 150, 7);
    const top = (values: Record<string, number>) =>
      Object.entries(values)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([id]) => id);
    const shared = top(estimate).filter((id) => top(expected).includes(id));
    expect(shared.length).toBeGreaterThanOrEqual(7);
    const total = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b);
    expect(total(estimate) / total(expected)).toBeGreaterThan(0.85);
    expect(total(estimate) / total(expected)).toBeLessThan(1.15);
  });

  it('refuses a number of sources that is not a positive integer', () => {
    const graph = randomGraph(10, 5, 4);
    expect(() => sampledBetweenness(graph, 0, 1)).toThrow(/pivots/);
    expect(() => sampledBetweenness(graph, 2.5, 1)).toThrow(/pivots/);
  });
});
