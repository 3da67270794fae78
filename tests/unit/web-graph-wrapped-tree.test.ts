// Unit tests of the Tree layout (web/src/lib/graph/wrapped-tree.ts): a hub's neighbourhood is a
// block under the hub, not a strip, and the layout stays a tree where the tree is small.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { layoutOptions } from '../../web/src/lib/graph/index.ts';
import { wrappedTreePositions, type TreeNode } from '../../web/src/lib/graph/wrapped-tree.ts';

/** A hub with `count` neighbours: ten activities, then DPGs, then countries. */
function star(count: number): { nodes: TreeNode[]; edges: { source: string; target: string }[] } {
  const types = (i: number) => (i < 10 ? 'Activity' : i < 20 ? 'DPG' : 'Country');
  const leaves = Array.from({ length: count }, (_, i) => ({
    id: `n${String(i).padStart(2, '0')}`,
    type: types(i),
    degree: 1 + (i % 7),
    label: `Leaf ${i}`,
  }));
  return {
    nodes: [{ id: 'hub', type: 'Organisation', degree: count, label: 'Hub' }, ...leaves],
    edges: leaves.map((leaf) => ({ source: 'hub', target: leaf.id })),
  };
}

const extent = (points: Iterable<{ x: number; y: number }>) => {
  const list = [...points];
  const xs = list.map((p) => p.x);
  const ys = list.map((p) => p.y);
  return { w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
};

describe('the Tree layout', () => {
  it("wraps a hub's forty neighbours into a block about the frame's shape, under the hub", () => {
    const { nodes, edges } = star(40);
    const positions = wrappedTreePositions(nodes, edges, { root: 'hub', aspect: 1.5 });
    expect(positions.size).toBe(41);
    const hub = positions.get('hub')!;
    const leaves = nodes.slice(1).map((node) => positions.get(node.id)!);
    for (const leaf of leaves) expect(leaf.y).toBeGreaterThan(hub.y);
    const rows = new Set(leaves.map((leaf) => leaf.y));
    expect(rows.size).toBeGreaterThan(3);
    const { w, h } = extent(positions.values());
    expect(w / h).toBeGreaterThan(1);
    expect(w / h).toBeLessThan(2.5);
    // The hub above the middle of its block.
    const leafBox = extent(leaves);
    const left = Math.min(...leaves.map((leaf) => leaf.x));
    expect(Math.abs(hub.x - (left + leafBox.w / 2))).toBeLessThan(60);
    // No two nodes on one spot.
    expect(new Set([...positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(41);
  });

  it('a narrow frame gets a narrower block than a wide one', () => {
    const { nodes, edges } = star(40);
    const phone = extent(wrappedTreePositions(nodes, edges, { root: 'hub', aspect: 0.5 }).values());
    const desk = extent(wrappedTreePositions(nodes, edges, { root: 'hub', aspect: 2 }).values());
    expect(phone.w / phone.h).toBeLessThan(desk.w / desk.h);
  });

  it('groups children by type, in the order of the vocabulary', () => {
    const { nodes, edges } = star(30);
    const positions = wrappedTreePositions(nodes, edges, { root: 'hub', aspect: 1.5 });
    // Reading order (row by row, left to right) meets every activity before any country.
    const reading = nodes
      .slice(1)
      .sort((a, b) => {
        const pa = positions.get(a.id)!;
        const pb = positions.get(b.id)!;
        return pa.y - pb.y || pa.x - pb.x;
      })
      .map((node) => node.type);
    expect(reading.lastIndexOf('Activity')).toBeLessThan(reading.indexOf('Country'));
  });

  it('keeps a small tree on one row per level, children under their parents', () => {
    const nodes = ['r', 'a', 'b', 'a1', 'a2', 'b1'].map((id) => ({ id }));
    const edges = [
      { source: 'r', target: 'a' },
      { source: 'r', target: 'b' },
      { source: 'a', target: 'a1' },
      { source: 'a', target: 'a2' },
      { source: 'b', target: 'b1' },
    ];
    const p = wrappedTreePositions(nodes, edges, { root: 'r', aspect: 0.5 });
    expect(p.get('a')!.y).toBe(p.get('b')!.y);
    expect(p.get('a1')!.y).toBe(p.get('b1')!.y);
    expect(p.get('a1')!.y).toBeGreaterThan(p.get('a')!.y);
    // a's children come before b's, as a comes before b.
    expect(Math.max(p.get('a1')!.x, p.get('a2')!.x)).toBeLessThan(p.get('b1')!.x);
  });

  it('places every unconnected part, the root first, none overlapping another', () => {
    const nodes = ['r', 'x', 'y', 'z', 'loner'].map((id) => ({ id }));
    const edges = [
      { source: 'r', target: 'x' },
      { source: 'y', target: 'z' },
      { source: 'z', target: 'ghost' },
    ];
    const p = wrappedTreePositions(nodes, edges, { root: 'r', aspect: 1.5 });
    expect([...p.keys()].sort()).toEqual(['loner', 'r', 'x', 'y', 'z']);
    expect(new Set([...p.values()].map((q) => `${q.x},${q.y}`)).size).toBe(5);
    expect(p.get('r')!.x).toBeLessThan(p.get('y')!.x);
  });

  it("is what the canvas's Tree layout draws: no strip for a star", () => {
    const { nodes, edges } = star(40);
    const cy = cytoscape({
      headless: true,
      elements: [
        ...nodes.map((node) => ({ data: { ...node, size: 20 } })),
        ...edges.map((edge, i) => ({ data: { id: `e${i}`, ...edge } })),
      ],
    });
    cy.layout(layoutOptions('breadthfirst', true, 'hub', { width: 900, height: 600 })).run();
    const box = cy.nodes().boundingBox({});
    expect(box.w / box.h).toBeLessThan(2.5);
    expect(cy.getElementById('hub').position().y).toBeLessThan(
      cy.getElementById('n00').position().y,
    );
    cy.destroy();
  });
});
