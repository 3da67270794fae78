// Unit tests of the front-end benchmark's inputs (bench/frontend-graphs.ts, frontend.bench.ts): the
// generated graphs have exactly the size asked for, the same every time, with hubs and no lone
// nodes, and the initial scripts are read from index.html as Vite writes it.
import { describe, expect, it } from 'vitest';
import { initialScripts } from '../../bench/frontend.bench.ts';
import { EDGES_PER_NODE, syntheticOverview } from '../../bench/frontend-graphs.ts';
import { isEntityType } from '../../web/src/lib/vocabulary/index.ts';

describe('syntheticOverview', () => {
  it.each([100, 1_000, 5_000, 10_000])('has exactly %i elements, 1 node to 4 edges', (size) => {
    const graph = syntheticOverview(size);
    expect(graph.nodes.length + graph.edges.length).toBe(size);
    expect(graph.nodes.length).toBe(Math.round(size / (1 + EDGES_PER_NODE)));
    expect(graph.total).toEqual({ nodes: graph.nodes.length, edges: graph.edges.length });
  });

  it('is the same for the same size, with valid ends, known types and real degrees', () => {
    const graph = syntheticOverview(5_000);
    expect(syntheticOverview(5_000)).toEqual(graph);
    const ids = new Set(graph.nodes.map((node) => node.data.id));
    expect(ids.size).toBe(graph.nodes.length);
    expect(new Set(graph.edges.map((edge) => edge.data.id)).size).toBe(graph.edges.length);
    const degree = new Map<string, number>();
    for (const { data } of graph.edges) {
      expect(ids.has(data.source) && ids.has(data.target)).toBe(true);
      degree.set(data.source, (degree.get(data.source) ?? 0) + 1);
      degree.set(data.target, (degree.get(data.target) ?? 0) + 1);
    }
    for (const { data } of graph.nodes) {
      expect(isEntityType(data.type)).toBe(true);
      expect(data.degree).toBe(degree.get(data.id));
      expect(data.degree).toBeGreaterThan(0);
    }
    const degrees = graph.nodes.map((node) => node.data.degree).sort((a, b) => b - a);
    expect(degrees[0]!).toBeGreaterThan(20 * degrees[Math.floor(degrees.length / 2)]!);
  });

  it('rejects sizes it cannot make', () => {
    expect(() => syntheticOverview(5)).toThrow(RangeError);
    expect(() => syntheticOverview(100.5)).toThrow(RangeError);
  });
});

describe('initialScripts', () => {
  it('reads the module entry and the modulepreload links, not stylesheets', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/svelte-b.js">
      <link rel="stylesheet" crossorigin href="/assets/index-c.css">`;
    expect(initialScripts(html, 'http://127.0.0.1:3000/')).toEqual([
      'http://127.0.0.1:3000/assets/index-a.js',
      'http://127.0.0.1:3000/assets/svelte-b.js',
    ]);
  });
});
