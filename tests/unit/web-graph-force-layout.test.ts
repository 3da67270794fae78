// Unit tests of the big-graph force layout (web/src/lib/graph/force-layout.ts, force-start.ts), the
// runner's in-page fallback (layout-runner.ts: Node has no Worker) and the engine choice by size
// (layout.ts), on the benchmark's generated graphs and the real overview fixture.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticOverview } from '../../bench/frontend-graphs.ts';
import type { OverviewResponse } from '../../web/src/lib/api/types.ts';
import { forceLayout, packComponents } from '../../web/src/lib/graph/force-layout.ts';
import {
  type ForceLayoutRequest,
  requestFromElements,
  startPositions,
} from '../../web/src/lib/graph/force-start.ts';
import {
  WORKER_LAYOUT_MIN_NODES,
  forceEngine,
  toCytoscapeElements,
  useBulkEdges,
} from '../../web/src/lib/graph/index.ts';
import { runForceLayout } from '../../web/src/lib/graph/layout-runner.ts';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/web/overview.json', import.meta.url), 'utf8'),
) as OverviewResponse;

/** The request the canvas makes for an overview answer that is not on the canvas yet. */
function requestFor(overview: OverviewResponse, aspect?: number): ForceLayoutRequest {
  return requestFromElements(
    toCytoscapeElements(overview, { hiddenTypes: new Set() }),
    'initial',
    aspect,
  );
}

function positionsById(request: ForceLayoutRequest, positions: Float64Array) {
  return new Map(
    request.nodes.map((node, i) => [node.id, { x: positions[2 * i]!, y: positions[2 * i + 1]! }]),
  );
}

function box(points: Iterable<{ x: number; y: number }>) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

describe('forceLayout', () => {
  const request = requestFor(syntheticOverview(1_000));

  it('gives the same picture for the same graph, whatever order the API listed it in', () => {
    const first = positionsById(request, forceLayout(request));
    const shuffled: ForceLayoutRequest = {
      ...request,
      nodes: [...request.nodes].reverse(),
      edges: [...request.edges].reverse(),
    };
    const again = positionsById(shuffled, forceLayout(shuffled));
    for (const [id, point] of first) expect(again.get(id)).toEqual(point);
    const distinct = new Set(
      [...first.values()].map((p) => `${Math.round(p.x)},${Math.round(p.y)}`),
    );
    expect(distinct.size).toBe(first.size);
  });

  it('spreads nodes out: connected nodes closer than unconnected ones, few overlaps', () => {
    const at = positionsById(request, forceLayout(request));
    const size = new Map(request.nodes.map((node) => [node.id, node.size]));
    const distance = (a: string, b: string) =>
      Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y);
    const linked = request.edges.map((edge) => distance(edge.source, edge.target));
    const ids = request.nodes.map((node) => node.id);
    const random = ids.slice(0, 100).map((id, i) => distance(id, ids[(i * 37 + 11) % ids.length]!));
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean(linked)).toBeLessThan(mean(random));
    let overlapping = 0;
    let pairs = 0;
    for (let i = 0; i < ids.length; i += 3) {
      for (let j = i + 1; j < ids.length; j += 7) {
        pairs += 1;
        const touch = (size.get(ids[i]!)! + size.get(ids[j]!)!) / 2;
        if (distance(ids[i]!, ids[j]!) < touch * 0.8) overlapping += 1;
      }
    }
    expect(overlapping / pairs).toBeLessThan(0.005);
  });

  it('keeps pinned nodes exactly where they are and moves the rest little when nodes are added', () => {
    const small = requestFor(fixture);
    const before = positionsById(small, forceLayout(small));
    const pinned = small.nodes[0]!.id;
    const incremental: ForceLayoutRequest = {
      mode: 'incremental',
      nodes: [
        ...small.nodes.map((node) => ({
          ...node,
          ...before.get(node.id)!,
          ...(node.id === pinned ? { fixed: true } : {}),
        })),
        {
          id: 'new:a',
          size: 30,
          degree: 1,
          x: before.get(pinned)!.x + 20,
          y: before.get(pinned)!.y,
        },
      ],
      edges: [...small.edges, { source: pinned, target: 'new:a' }],
    };
    const after = positionsById(incremental, forceLayout(incremental));
    expect(after.get(pinned)).toEqual(before.get(pinned));
    const extent = box(before.values());
    const moves = small.nodes
      .map((node) =>
        Math.hypot(
          after.get(node.id)!.x - before.get(node.id)!.x,
          after.get(node.id)!.y - before.get(node.id)!.y,
        ),
      )
      .sort((a, b) => a - b);
    expect(moves[Math.floor(moves.length / 2)]!).toBeLessThan(0.05 * Math.max(extent.w, extent.h));
  });

  it('ignores edges to nodes it was not given and self-loops', () => {
    const positions = forceLayout({
      mode: 'initial',
      nodes: [
        { id: 'a', size: 30, degree: 1 },
        { id: 'b', size: 30, degree: 1 },
      ],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'a' },
        { source: 'a', target: 'missing' },
      ],
    });
    expect([...positions].every(Number.isFinite)).toBe(true);
  });
});

describe('packComponents', () => {
  /** A 20-node ring (the main picture) and three lone nodes flung far away. */
  function scene() {
    const nodes = [
      ...Array.from({ length: 20 }, (_, i) => ({
        id: `ring${String(i).padStart(2, '0')}`,
        radius: 10,
        x: 200 * Math.cos((i / 20) * 2 * Math.PI),
        y: 100 * Math.sin((i / 20) * 2 * Math.PI),
      })),
      { id: 'lone1', radius: 10, x: 5000, y: -4000 },
      { id: 'lone2', radius: 10, x: -6000, y: 3000 },
      { id: 'lone3', radius: 10, x: 100, y: 9000 },
    ];
    const links = nodes
      .slice(0, 20)
      .map((node, i) => ({ source: node.id, target: nodes[(i + 1) % 20]!.id }));
    return { nodes, links };
  }

  it('brings small components next to the main one: under it, or right of it on a wide canvas', () => {
    const below = scene();
    packComponents(below.nodes, below.links);
    const ring = box(below.nodes.slice(0, 20) as { x: number; y: number }[]);
    for (const lone of below.nodes.slice(20)) {
      expect(lone.y).toBeGreaterThan(ring.y2);
      expect(lone.y).toBeLessThan(ring.y2 + 200);
      expect(lone.x).toBeGreaterThanOrEqual(ring.x1);
      expect(lone.x).toBeLessThanOrEqual(ring.x2);
    }
    const right = scene();
    packComponents(right.nodes, right.links, 4);
    for (const lone of right.nodes.slice(20)) {
      expect(lone.x).toBeGreaterThan(ring.x2);
      expect(lone.x).toBeLessThan(ring.x2 + 200);
    }
  });

  it('leaves a component with a pinned node where it is', () => {
    const { nodes, links } = scene();
    const pinned = { ...nodes[20]!, fx: 5000, fy: -4000 };
    nodes[20] = pinned;
    packComponents(nodes, links);
    expect(pinned).toMatchObject({ x: 5000, y: -4000 });
  });
});

describe('startPositions and requestFromElements', () => {
  it('puts hubs in the middle and is deterministic', () => {
    const request = requestFor(syntheticOverview(1_000));
    const start = startPositions(request.nodes, request.edges);
    expect(startPositions(request.nodes, request.edges)).toEqual(start);
    const byDegree = [...request.nodes].sort((a, b) => b.degree - a.degree);
    const radius = (id: string) => Math.hypot(start.get(id)!.x, start.get(id)!.y);
    const hubs = byDegree.slice(0, 10).map((node) => radius(node.id));
    const leaves = byDegree.slice(-100).map((node) => radius(node.id));
    expect(Math.max(...hubs)).toBeLessThan(leaves.reduce((s, v) => s + v, 0) / leaves.length);
  });

  it('counts degrees in the graph shown, not in the whole database', () => {
    const request = requestFromElements(
      [
        { group: 'nodes', data: { id: 'a', size: 40 } },
        { group: 'nodes', data: { id: 'b' } },
        { group: 'edges', data: { id: 'e', source: 'a', target: 'b' } },
      ],
      'initial',
      1.5,
    );
    expect(request.nodes).toEqual([
      { id: 'a', size: 40, degree: 1 },
      { id: 'b', size: 30, degree: 1 },
    ]);
    expect(request).toMatchObject({ mode: 'initial', aspect: 1.5 });
  });
});

describe('engine choice by size', () => {
  it('keeps fCoSE for explorations and uses the worker and cheap edges for big graphs', () => {
    expect(forceEngine(40)).toBe('fcose');
    expect(forceEngine(WORKER_LAYOUT_MIN_NODES)).toBe('fcose');
    expect(forceEngine(WORKER_LAYOUT_MIN_NODES + 1)).toBe('worker');
    expect(useBulkEdges(WORKER_LAYOUT_MIN_NODES)).toBe(false);
    expect(useBulkEdges(1_000)).toBe(true);
  });
});

describe('runForceLayout without a Worker (the in-page fallback)', () => {
  const request = requestFor(fixture);

  it('hands back the same positions the layout computes', async () => {
    const positions = await new Promise<Float64Array>((resolve, reject) => {
      runForceLayout(request, {
        onDone: resolve,
        onError: (message) => reject(new Error(message)),
      });
    });
    expect(positions).toEqual(forceLayout(request));
  });

  it('says nothing about a cancelled job', async () => {
    let heard = false;
    const task = runForceLayout(request, {
      onDone: () => (heard = true),
      onError: () => (heard = true),
    });
    task.cancel();
    // A later job finishing shows the cancelled one had its turn and stayed silent.
    await new Promise<void>((resolve) =>
      runForceLayout(request, { onDone: () => resolve(), onError: () => resolve() }),
    );
    expect(heard).toBe(false);
  });
});
