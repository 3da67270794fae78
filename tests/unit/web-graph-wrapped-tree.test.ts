// Unit tests of the Tree layout (web/src/lib/graph/wrapped-tree.ts, tree-routes.ts): a hub's
// neighbourhood is a block under the hub, not a strip, its lines routed clear of the rows as an
// organisation chart's, and the layout stays a tree where the tree is small.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { layoutOptions } from '../../web/src/lib/graph/index.ts';
import {
  type LabelCandidate,
  labelRect,
  placeLabels,
  segmentCrosses,
  type Rect,
} from '../../web/src/lib/graph/label-placement.ts';
import {
  clearTreeRoutes,
  routeSegments,
  TREE_ROUTED_CLASS,
  turnShare,
} from '../../web/src/lib/graph/tree-routes.ts';
import {
  type Point,
  type TreeRoute,
  wrappedTree,
  wrappedTreePositions,
  type TreeNode,
} from '../../web/src/lib/graph/wrapped-tree.ts';

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

/** A node's body (`size` wide) and the two-line label under it, 100 wide. */
const obstacles = (at: Point, size: number): Rect[] => [
  { x1: at.x - size / 2, y1: at.y - size / 2, x2: at.x + size / 2, y2: at.y + size / 2 },
  { x1: at.x - 50, y1: at.y + size / 2, x2: at.x + 50, y2: at.y + size / 2 + 30 },
];

/** The three runs of a routed line: down from the parent, across, down into the child. */
function runs(route: TreeRoute, positions: Map<string, Point>) {
  const from = positions.get(route.parent)!;
  const to = positions.get(route.child)!;
  return [
    { ax: from.x, ay: from.y, bx: from.x, by: route.turnY },
    { ax: from.x, ay: route.turnY, bx: to.x, by: route.turnY },
    { ax: to.x, ay: route.turnY, bx: to.x, by: to.y },
  ];
}

/** How many (line, other node) pairs meet: a line through another node's body or label. */
function crossings(
  lines: { ends: [string, string]; segments: ReturnType<typeof runs> }[],
  positions: Map<string, Point>,
  size: number,
): number {
  let count = 0;
  for (const { ends, segments } of lines) {
    for (const [id, at] of positions) {
      if (ends.includes(id)) continue;
      if (obstacles(at, size).some((box) => segments.some((s) => segmentCrosses(s, box))))
        count += 1;
    }
  }
  return count;
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

  it("draws a wrapped hub's lines as an organisation chart's, through no node or label", () => {
    const { nodes, edges } = star(40);
    const sized = nodes.map((node) => ({ ...node, size: 30 }));
    const { positions, routes } = wrappedTree(sized, edges, { root: 'hub', aspect: 1.5 });
    expect(routes.map((route) => route.child).sort()).toEqual(nodes.slice(1).map((n) => n.id));
    const routed = routes.map((route) => ({
      ends: [route.parent, route.child] as [string, string],
      segments: runs(route, positions),
    }));
    expect(crossings(routed, positions, 30)).toBe(0);
    // Drawn straight, the same lines ran through the rows above the ones they went to.
    const hub = positions.get('hub')!;
    const straight = routes.map((route) => {
      const to = positions.get(route.child)!;
      return {
        ends: [route.parent, route.child] as [string, string],
        segments: [{ ax: hub.x, ay: hub.y, bx: to.x, by: to.y }],
      };
    });
    expect(crossings(straight, positions, 30)).toBeGreaterThan(20);
    // Each run across lies between the hub and its child's row, above the child.
    for (const route of routes) {
      expect(route.turnY).toBeGreaterThan(hub.y);
      expect(route.turnY).toBeLessThan(positions.get(route.child)!.y - 15);
    }
  });

  it('routes no line to a level that fits one row, nor to one whose nodes have several parents', () => {
    expect(wrappedTree(star(5).nodes, star(5).edges, { root: 'hub', aspect: 1.5 }).routes).toEqual(
      [],
    );
    // Two parents, forty children between them: rows wrap, lines stay straight.
    const nodes = [{ id: 'r' }, { id: 'a' }, { id: 'b' }];
    const edges = [
      { source: 'r', target: 'a' },
      { source: 'r', target: 'b' },
    ];
    for (let i = 0; i < 40; i += 1) {
      nodes.push({ id: `c${i}` });
      edges.push({ source: i % 2 ? 'a' : 'b', target: `c${i}` });
    }
    const { positions, routes } = wrappedTree(nodes, edges, { root: 'r', aspect: 1.5 });
    expect(new Set(nodes.slice(3).map((n) => positions.get(n.id)!.y)).size).toBeGreaterThan(1);
    expect(routes).toEqual([]);
  });

  it('turns a line at a share of its height from its source, either way up', () => {
    expect(turnShare({ x: 0, y: 0 }, { x: 50, y: 200 }, 50)).toBe(0.25);
    expect(turnShare({ x: 50, y: 200 }, { x: 0, y: 0 }, 50)).toBe(0.75);
    expect(turnShare({ x: 0, y: 0 }, { x: 50, y: 100 }, 300)).toBe(1);
    expect(turnShare({ x: 0, y: 0 }, { x: 50, y: 0 }, 10)).toBeUndefined();
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

  it("puts a wrapped level's parents in its bottom row, over their children (QA: Norad)", () => {
    const { nodes, edges } = star(40);
    // One leaf, first in reading order among the activities, has children of its own.
    const kids = Array.from({ length: 6 }, (_, i) => ({
      id: `k${i}`,
      type: 'Activity',
      degree: 1,
    }));
    const positions = wrappedTreePositions(
      [...nodes, ...kids],
      [...edges, ...kids.map((kid) => ({ source: 'n00', target: kid.id }))],
      { root: 'hub', aspect: 1.5 },
    );
    const levelOne = nodes.slice(1).map((node) => positions.get(node.id)!.y);
    expect(new Set(levelOne).size).toBeGreaterThan(1);
    expect(positions.get('n00')!.y).toBe(Math.max(...levelOne));
    // Its children are the next level, below it.
    expect(positions.get('k0')!.y).toBeGreaterThan(positions.get('n00')!.y);
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
    // Its lines are routed; another layout draws them straight again.
    expect(cy.edges(`.${TREE_ROUTED_CLASS}`).length).toBe(40);
    clearTreeRoutes(cy);
    expect(cy.edges(`.${TREE_ROUTED_CLASS}`).length).toBe(0);
    cy.destroy();
  });
});

describe('routeSegments', () => {
  const parent = { x: 0, y: 0, height: 40 };
  const child = { x: 150, y: 300, height: 20 };

  it('turns at its share of the gap between the two bodies, from the source’s rim, as Cytoscape draws a taxi edge', () => {
    // The gap: 300 less half of each body (20 + 10) = 270; half of it below the parent's rim (20).
    expect(routeSegments(parent, child, 0.5)).toEqual([
      { ax: 0, ay: 0, bx: 0, by: 155 },
      { ax: 0, ay: 155, bx: 150, by: 155 },
      { ax: 150, ay: 155, bx: 150, by: 300 },
    ]);
    // Drawn from the child up, the line turns at the same height.
    const up = routeSegments(child, parent, 0.5);
    expect(up[1]).toEqual({ ax: 150, ay: 155, bx: 0, by: 155 });
  });

  it('is an L where the turn would fall on a body', () => {
    expect(routeSegments(parent, child, 0)).toEqual([
      { ax: 0, ay: 0, bx: 0, by: 300 },
      { ax: 0, ay: 300, bx: 150, by: 300 },
    ]);
  });
});

describe('labels and the Tree layout’s routed lines', () => {
  const parent = { x: 0, y: -200, height: 30 };
  const child = { x: 150, y: 0, height: 30 };
  const nextRow = { x: 150, y: 100, height: 30 };
  // Down the alley under the parent, across the gap above the child's row and down into it; the
  // next row's line runs along the gap under the child's row, through its labels' height.
  const lines = [...routeSegments(parent, child, 0.8), ...routeSegments(parent, nextRow, 0.79)];
  const named = (extra: Partial<LabelCandidate> = {}): LabelCandidate => ({
    id: 'child',
    x: child.x,
    y: child.y,
    size: 30,
    fontSize: 13,
    text: 'Label child',
    rank: 1,
    ...extra,
  });

  it('sets the line into a node and the run along its row where its label below and above would lie', () => {
    const [, , into] = routeSegments(parent, child, 0.8);
    expect(segmentCrosses(into!, labelRect(named(), 'above'))).toBe(true);
    const [, along] = routeSegments(parent, nextRow, 0.79);
    expect(segmentCrosses(along!, labelRect(named(), 'below'))).toBe(true);
  });

  it('keeps a label off the routed lines: below and above crossed, it goes beside its node', () => {
    expect(placeLabels([named()]).get('child')).toBe('below');
    expect(placeLabels([named()], undefined, { lines }).get('child')).toBe('left');
    const left = labelRect(named(), 'left');
    expect(lines.some((line) => segmentCrosses(line, left))).toBe(false);
  });

  it('hides a lesser label crossed on every side; a prominent one keeps its name across a line', () => {
    const through = [...lines, { ax: -1000, ay: 0, bx: 1000, by: 0 }];
    expect(placeLabels([named()], undefined, { lines: through }).get('child')).toBe('hidden');
    expect(
      placeLabels([named({ prominent: true })], undefined, { lines: through }).get('child'),
    ).toBe('below');
  });
});
