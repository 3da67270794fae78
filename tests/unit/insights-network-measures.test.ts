import { describe, expect, it } from 'vitest';
import {
  computeNetworkMeasures,
  roundMeasure,
  type MeasureEdge,
} from '../../server/insights/network-measures.ts';
import { seededRandom } from '../../server/insights/seeded-random.ts';

// Two triangles joined by a bridge c–d, and g on its own:  a–b–c–d–e–f, a–c, d–f
const NODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const EDGES: MeasureEdge[] = [
  { from: 'a', to: 'b' },
  { from: 'b', to: 'c' },
  { from: 'a', to: 'c' },
  { from: 'c', to: 'd' },
  { from: 'd', to: 'e' },
  { from: 'e', to: 'f' },
  { from: 'd', to: 'f' },
];

describe('computeNetworkMeasures', () => {
  const measures = computeNetworkMeasures(NODES, EDGES);
  const of = (id: string) => measures.nodes.get(id)!;

  it('counts degrees and edges', () => {
    expect(NODES.map((n) => of(n).degree)).toEqual([2, 2, 3, 3, 2, 2, 0]);
    expect(measures).toMatchObject({ nodeCount: 7, edgeCount: 7 });
  });

  it('gives the bridge ends their betweenness, computed by hand', () => {
    // c lies on every shortest path between {a, b} and {d, e, f}: 6 of the (7-1)(7-2)/2 = 15
    // pairs; d likewise between {e, f} and {a, b, c}.
    expect(of('c').betweenness).toBeCloseTo(6 / 15, 6);
    expect(of('d').betweenness).toBeCloseTo(6 / 15, 6);
    expect(['a', 'b', 'e', 'f', 'g'].map((n) => of(n).betweenness)).toEqual([0, 0, 0, 0, 0]);
  });

  it('ranks by PageRank symmetrically, summing to 1', () => {
    const total = NODES.reduce((sum, n) => sum + of(n).pagerank, 0);
    expect(total).toBeCloseTo(1, 4);
    expect(of('a').pagerank).toBe(of('f').pagerank);
    expect(of('c').pagerank).toBe(of('d').pagerank);
    expect(of('c').pagerank).toBeGreaterThan(of('a').pagerank);
    expect(of('g').pagerank).toBeLessThan(of('a').pagerank);
  });

  it('finds the two triangles as communities, numbered by size then smallest member', () => {
    expect(NODES.map((n) => of(n).community)).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(measures.communityCount).toBe(3);
    expect(measures.modularity).toBeGreaterThan(0.3);
  });

  it('gives the same measures whatever the input order', () => {
    const shuffled = computeNetworkMeasures(
      [...NODES].reverse(),
      [...EDGES].reverse().map((e, i) => (i % 2 ? { from: e.to, to: e.from } : e)),
    );
    expect(shuffled).toEqual(measures);
  });

  it('merges parallel relationships into one weighted edge', () => {
    const doubled = computeNetworkMeasures(NODES, [...EDGES, { from: 'b', to: 'a' }]);
    expect(doubled.edgeCount).toBe(7);
    expect(doubled.nodes.get('a')!.degree).toBe(3);
    expect(doubled.nodes.get('c')!.betweenness).toBeCloseTo(6 / 15, 6);
  });

  it('answers an empty graph and a graph without edges', () => {
    expect(computeNetworkMeasures([], [])).toMatchObject({ nodeCount: 0, communityCount: 0 });
    const lonely = computeNetworkMeasures(['x', 'y'], []);
    expect([...lonely.nodes.values()].map((m) => m.community)).toEqual([0, 1]);
    expect(lonely.modularity).toBeNull();
  });

  it('rejects an edge to an unknown node', () => {
    expect(() => computeNetworkMeasures(['a'], [{ from: 'a', to: 'zz' }])).toThrow(
      /network-measures: .* names unknown zz/,
    );
  });
});

describe('roundMeasure and seededRandom', () => {
  it('rounds to 6 significant digits', () => {
    expect(roundMeasure(0.000123456789)).toBe(0.000123457);
    expect(roundMeasure(0)).toBe(0);
  });

  it('repeats its sequence for a seed and rejects a bad seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(() => seededRandom(-1)).toThrow(/seeded-random/);
  });
});
