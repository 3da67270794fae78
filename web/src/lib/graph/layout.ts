/**
 * Layout choices for the graph. The force-directed layout has two engines by size: fCoSE (fast
 * compound spring embedder) on the main thread for explorations of up to {@link WORKER_LAYOUT_MIN_NODES}
 * nodes, where it draws the tidiest pictures, and above that d3-force in a Web Worker
 * (force-layout.ts, layout-runner.ts), which settles 1,000 nodes in well under a second while the
 * page stays responsive. fCoSE needs ~0.9 s of CPU for 100 nodes and ~6 s for the 800-node ecosystem
 * (web/README.md). The fCoSE extension itself is loaded when a small graph first needs it
 * (fcose-loader.ts), so the overview's first visit does not parse it.
 */
import type cytoscape from 'cytoscape';
import { reducedMotion } from './motion';
import { setTreeRoutes } from './tree-routes';
import { wrappedTree } from './wrapped-tree';

/** The subset of fCoSE options this app sets (the extension ships no types). */
export interface FcoseLayoutOptions extends cytoscape.BaseLayoutOptions {
  name: 'fcose';
  quality: 'draft' | 'default' | 'proof';
  randomize: boolean;
  animate: boolean;
  animationDuration?: number;
  fit: boolean;
  padding: number;
  nodeDimensionsIncludeLabels: boolean;
  packComponents: boolean;
  nodeRepulsion: (node: cytoscape.NodeSingular) => number;
  idealEdgeLength: (edge: cytoscape.EdgeSingular) => number;
  edgeElasticity: (edge: cytoscape.EdgeSingular) => number;
  nodeSeparation: number;
  gravity: number;
  gravityRange: number;
  numIter: number;
}

/**
 * fCoSE options. `initial` lays the graph out from scratch (spectral start, no animation); otherwise the
 * positions on screen seed the layout, so a filter change moves nodes as little as possible. Run an
 * initial layout inside {@link withSeededRandom} to get the same picture on every load.
 */
export function overviewLayout(initial: boolean): FcoseLayoutOptions {
  return {
    name: 'fcose',
    quality: 'proof',
    randomize: initial,
    // Where the reader asked for less motion, the nodes go to their new places at once.
    animate: !initial && !reducedMotion(),
    animationDuration: 450,
    // The canvas fits the result itself, leaving room for the floating panels (see viewport.ts).
    fit: false,
    padding: 0,
    nodeDimensionsIncludeLabels: false,
    packComponents: true,
    nodeRepulsion: (node) => 7000 + 500 * Number(node.data('degree') ?? 0),
    idealEdgeLength: (edge) => {
      const degree = Math.max(
        Number(edge.source().data('degree') ?? 0),
        Number(edge.target().data('degree') ?? 0),
      );
      return 50 + Math.min(40, degree * 2);
    },
    edgeElasticity: () => 0.45,
    nodeSeparation: 70,
    gravity: 0.45,
    gravityRange: 3.2,
    // cose-base runs at least 5 × nodes iterations whatever numIter says, and each costs a
    // repulsion pass: why graphs above WORKER_LAYOUT_MIN_NODES go to the worker instead.
    numIter: 2500,
  };
}

/**
 * Graphs with more nodes than this are laid out by d3-force in the layout worker; fCoSE lays out
 * the rest on the main thread. Measured (Node 20, CPU time of one seeded initial layout of the
 * benchmark's generated graphs): fCoSE 0.9 s at 100 nodes, 2.3 s at 200, 4.3 s at 300; d3-force
 * 0.1–0.3 s for the same graphs. Explorations (the focus plus 40 neighbours per expansion) stay
 * under it and keep fCoSE's pictures.
 */
export const WORKER_LAYOUT_MIN_NODES = 120;

/** Which engine lays out a force-directed picture of `nodeCount` nodes. */
export function forceEngine(nodeCount: number): 'fcose' | 'worker' {
  return nodeCount > WORKER_LAYOUT_MIN_NODES ? 'worker' : 'fcose';
}

/** Seed for layouts, so the same graph is drawn the same way on every load. */
export const LAYOUT_SEED = 20240917;

/** Mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `fn` with `Math.random` replaced by a seeded generator, restoring it afterwards even if `fn`
 * throws. fCoSE draws its spectral sample and jitter from `Math.random` and offers no seed option; its
 * non-animated run is synchronous, so the replacement is visible to the layout and nothing else.
 */
export function withSeededRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

/** The layouts the reader can switch between; fCoSE is the default. */
export const LAYOUT_NAMES = ['fcose', 'concentric', 'breadthfirst', 'grid'] as const;
/** One of {@link LAYOUT_NAMES}. */
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** Display names of the layouts. */
export const LAYOUT_TITLES: Readonly<Record<LayoutName, string>> = {
  fcose: 'Force-directed',
  concentric: 'Concentric',
  breadthfirst: 'Tree',
  grid: 'Grid',
};

/** Whether a value is a layout name. */
export function isLayoutName(value: unknown): value is LayoutName {
  return typeof value === 'string' && (LAYOUT_NAMES as readonly string[]).includes(value);
}

/**
 * The Tree layout's positions for Cytoscape's preset layout, worked out for the whole canvas on
 * the first node asked about. The layout keeps the name `breadthfirst` it had when Cytoscape's
 * layout of that name drew it, so shared links that name it still work.
 */
function treePositions(
  root: string | null,
  frame: { width: number; height: number },
): (node: cytoscape.NodeSingular) => cytoscape.Position {
  let positions: Map<string, cytoscape.Position> | undefined;
  return (node) => {
    if (!positions) {
      const cy = node.cy();
      const tree = wrappedTree(
        cy.nodes().map((n) => ({
          id: n.id(),
          type: String(n.data('type') ?? ''),
          degree: Number(n.data('degree') ?? 0),
          label: String(n.data('label') ?? ''),
          size: Number(n.data('size') ?? 0),
        })),
        cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id() })),
        { root, aspect: frame.width / frame.height },
      );
      positions = tree.positions;
      setTreeRoutes(cy, tree.routes, tree.positions);
    }
    return positions.get(node.id()) ?? node.position();
  };
}

/** Hop distances beyond which the concentric layout puts everything on one outer ring. */
const FAR = 1000;

/**
 * The concentric layout's rings. Exploring from an entity (`root` on the canvas): the entity in the
 * middle, then a ring per hop from it (unconnected entities outermost). Otherwise by degree, in
 * four bands of the highest degree: rings of a fixed degree width each held one or two nodes,
 * which the layout stacks in a column above the centre (the two biggest squares touching).
 */
export function concentricRings(root: string | null): {
  concentric: (node: cytoscape.NodeSingular) => number;
  levelWidth: (nodes: cytoscape.NodeCollection) => number;
} {
  let hops: Map<string, number> | null | undefined;
  const hopsFrom = (cy: cytoscape.Core): Map<string, number> | null => {
    const start = root === null ? cy.collection() : cy.getElementById(root);
    if (start.empty()) return null;
    const found = new Map<string, number>();
    cy.elements().bfs({
      roots: start,
      visit: (node, _edge, _previous, _index, depth) => {
        found.set(node.id(), depth);
      },
    });
    return found;
  };
  return {
    concentric: (node) => {
      if (hops === undefined) hops = hopsFrom(node.cy());
      if (hops === null) return Number(node.data('degree') ?? 0);
      return FAR - (hops.get(node.id()) ?? FAR);
    },
    levelWidth: (nodes) => {
      if (hops === undefined && nodes.nonempty()) hops = hopsFrom(nodes.first().cy());
      if (hops) return 1;
      const highest = Math.max(0, ...nodes.map((node) => Number(node.data('degree') ?? 0)));
      return Math.max(1, highest / 4);
    },
  };
}

/**
 * Cytoscape options for `name`. fCoSE goes through {@link overviewLayout} (big graphs use the worker
 * instead, see {@link forceEngine}); the others animate from the current
 * positions, in rings around `root` or by degree (concentric, {@link concentricRings}) or rooted
 * at `root` (tree, {@link wrappedTree}, shaped to `frame`: the canvas's free area).
 */
export function layoutOptions(
  name: LayoutName,
  initial: boolean,
  root: string | null,
  frame: { width: number; height: number } = { width: 3, height: 2 },
): cytoscape.LayoutOptions {
  const animate = !initial && !reducedMotion();
  switch (name) {
    case 'fcose':
      return overviewLayout(initial) as unknown as cytoscape.LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        animate,
        animationDuration: 450,
        fit: false,
        minNodeSpacing: 18,
        ...concentricRings(root),
      } as cytoscape.LayoutOptions;
    case 'breadthfirst':
      return {
        name: 'preset',
        animate,
        animationDuration: 450,
        fit: false,
        positions: treePositions(root, frame),
      } as cytoscape.LayoutOptions;
    case 'grid':
      return {
        name: 'grid',
        animate,
        animationDuration: 450,
        fit: false,
        avoidOverlapPadding: 24,
        sort: (a: cytoscape.NodeSingular, b: cytoscape.NodeSingular) =>
          String(a.data('type')).localeCompare(String(b.data('type'))) ||
          Number(b.data('degree')) - Number(a.data('degree')),
      } as cytoscape.LayoutOptions;
  }
}
