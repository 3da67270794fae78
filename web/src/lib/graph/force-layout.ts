/**
 * The force-directed layout for big graphs: d3-force (Barnes–Hut repulsion, springs, collision) over
 * plain arrays, so it runs in the layout worker (lib/graph/layout-worker.ts) and in unit tests alike.
 * fCoSE draws small graphs better but costs ~6 s of CPU for the ~800-node ecosystem (web/README.md);
 * this settles 1,000 nodes in well under a second.
 *
 * Deterministic: nodes and edges are sorted by id before the simulation, the starting arrangement is
 * computed from degrees and ids, and d3-force's own jiggle uses a fixed-seed generator, so the same
 * graph gives the same picture whatever order the API listed it in.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import {
  type ForceLayoutMode,
  type ForceLayoutRequest,
  byId,
  spiralPoint,
  startPositions,
} from './force-start';

/**
 * Simulation steps and starting temperature by mode. A fresh or full run cools from alpha 1; an
 * incremental run (nodes added next to a laid-out graph, a filter shown again) starts cooler and
 * stops sooner, so the nodes already on screen move little.
 */
export const FORCE_RUNS: Readonly<Record<ForceLayoutMode, { ticks: number; alpha: number }>> = {
  initial: { ticks: 100, alpha: 1 },
  full: { ticks: 100, alpha: 1 },
  incremental: { ticks: 50, alpha: 0.25 },
};

const ALPHA_MIN = 0.002;
/**
 * Barnes–Hut accuracy: cells that look smaller than this from a node count as one body. 1.2 instead
 * of d3's 0.9 halves the cost of repulsion (the largest cost) with no visible difference at this scale.
 */
const CHARGE_THETA = 1.2;
/** Share of an initial run's ticks before collision is switched on (overlaps matter at the end). */
const COLLIDE_FROM = 0.4;

interface SimNode extends SimulationNodeDatum {
  id: string;
  radius: number;
  degree: number;
}

type SimLink = SimulationLinkDatum<SimNode>;

/** The simulation's nodes in id order, at their starting points; pinned ones fixed. */
function simulationNodes(request: ForceLayoutRequest): SimNode[] {
  const sorted = [...request.nodes].sort(byId);
  const start = request.mode === 'initial' ? startPositions(sorted, request.edges) : undefined;
  return sorted.map((node, index) => {
    const given =
      node.x !== undefined && node.y !== undefined ? { x: node.x, y: node.y } : undefined;
    const at = (node.fixed ? given : start?.get(node.id)) ?? given ?? spiralPoint(index);
    return {
      id: node.id,
      radius: node.size / 2,
      degree: node.degree,
      x: at.x,
      y: at.y,
      ...(node.fixed ? { fx: at.x, fy: at.y } : {}),
    };
  });
}

/**
 * Lays `request` out and returns the positions in the order of `request.nodes`, as
 * `[x0, y0, x1, y1, …]` (what the worker transfers back without copying).
 */
export function forceLayout(request: ForceLayoutRequest): Float64Array {
  const simNodes = simulationNodes(request);
  const known = new Set(simNodes.map((node) => node.id));
  const links: SimLink[] = request.edges
    .filter(
      (edge) => edge.source !== edge.target && known.has(edge.source) && known.has(edge.target),
    )
    .map((edge) => ({ id: `${edge.source}\u0000${edge.target}`, edge }))
    .sort(byId)
    .map(({ edge }) => ({ source: edge.source, target: edge.target }));

  const { ticks, alpha } = FORCE_RUNS[request.mode];
  const simulation = forceSimulation<SimNode>(simNodes)
    .stop()
    .alpha(alpha)
    .alphaMin(ALPHA_MIN)
    .alphaDecay(1 - Math.pow(ALPHA_MIN / alpha, 1 / ticks))
    .velocityDecay(0.42)
    .force(
      'link',
      forceLink<SimNode, SimLink>(links)
        .id((node) => node.id)
        // Centre to centre: both radii, a gap, and more room between two well-connected nodes.
        .distance((link) => {
          const s = link.source as SimNode;
          const t = link.target as SimNode;
          return s.radius + t.radius + 22 + Math.min(36, 1.5 * Math.min(s.degree, t.degree));
        }),
    )
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength((node) => -60 - 6 * node.radius)
        .theta(CHARGE_THETA),
    )
    // Gravity: keeps loosely connected parts from drifting off.
    .force('x', forceX<SimNode>(0).strength(0.035))
    .force('y', forceY<SimNode>(0).strength(0.035));
  const collide = forceCollide<SimNode>((node) => node.radius + 7)
    .strength(0.85)
    .iterations(1);
  const collideFrom = request.mode === 'initial' ? Math.floor(ticks * COLLIDE_FROM) : 0;

  for (let tick = 1; tick <= ticks; tick++) {
    if (tick === collideFrom + 1) simulation.force('collide', collide);
    simulation.tick();
  }
  if (request.mode === 'initial') packComponents(simNodes, links, request.aspect);

  const slot = new Map(request.nodes.map((node, i) => [node.id, i]));
  const out = new Float64Array(request.nodes.length * 2);
  for (const node of simNodes) {
    const i = slot.get(node.id)!;
    out[2 * i] = node.x!;
    out[2 * i + 1] = node.y!;
  }
  return out;
}

/** Room between packed components, in model pixels. */
const PACK_GAP = 40;

/**
 * Moves every connected component but the largest beside it, largest first, so small islands and
 * lone nodes sit next to the main picture instead of being flung to its far edges (the repulsion
 * pushes them out until gravity balances it): in columns on its right when the picture is narrower
 * than `aspect` (the canvas's width / height), else in rows under it. Components with a pinned node
 * stay put.
 */
export function packComponents(
  nodes: readonly (SimulationNodeDatum & { id: string; radius: number })[],
  links: readonly SimulationLinkDatum<SimulationNodeDatum & { id: string }>[],
  aspect?: number,
): void {
  if (nodes.length === 0) return;
  const at = new Map(nodes.map((node, i) => [node.id, i]));
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const endId = (end: unknown) =>
    typeof end === 'object' && end !== null ? (end as { id: string }).id : String(end);
  for (const link of links) {
    const a = at.get(endId(link.source));
    const b = at.get(endId(link.target));
    if (a !== undefined && b !== undefined) parent[find(a)] = find(b);
  }
  const groups = new Map<number, number[]>();
  nodes.forEach((_, i) => {
    const root = find(i);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(i);
  });
  if (groups.size < 2) return;
  const boxOf = (members: number[]) => {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const i of members) {
      const n = nodes[i]!;
      x1 = Math.min(x1, n.x! - n.radius);
      y1 = Math.min(y1, n.y! - n.radius);
      x2 = Math.max(x2, n.x! + n.radius);
      y2 = Math.max(y2, n.y! + n.radius);
    }
    return { x1, y1, x2, y2 };
  };
  // Largest first; ties by first member (input order is sorted by id), so the packing is stable.
  const components = [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  const [main, ...rest] = components;
  const mainBox = boxOf(main!);
  const mainW = mainBox.x2 - mainBox.x1;
  const mainH = mainBox.y2 - mainBox.y1;
  // Shelf packing beside the main picture, each shelf centred on it: `along` runs parallel to its
  // side, `across` away from it.
  const columns = aspect !== undefined && mainW / Math.max(mainH, 1) < aspect;
  const extent = Math.max(columns ? mainH : mainW, 400);
  type Item = { members: number[]; box: ReturnType<typeof boxOf>; length: number; depth: number };
  const shelves: Item[][] = [[]];
  let used = 0;
  for (const members of rest) {
    if (members.some((i) => nodes[i]!.fx != null)) continue;
    const box = boxOf(members);
    const length = columns ? box.y2 - box.y1 : box.x2 - box.x1;
    const depth = columns ? box.x2 - box.x1 : box.y2 - box.y1;
    if (used > 0 && used + length > extent) {
      shelves.push([]);
      used = 0;
    }
    shelves.at(-1)!.push({ members, box, length, depth });
    used += length + PACK_GAP;
  }
  let across = PACK_GAP * 2;
  for (const shelf of shelves) {
    const length =
      shelf.reduce((sum, item) => sum + item.length, 0) + PACK_GAP * (shelf.length - 1);
    let along = ((columns ? mainH : mainW) - length) / 2;
    for (const { members, box, length: itemLength } of shelf) {
      const x = columns ? mainBox.x2 + across : mainBox.x1 + along;
      const y = columns ? mainBox.y1 + along : mainBox.y2 + across;
      for (const i of members) {
        const n = nodes[i]!;
        n.x = n.x! - box.x1 + x;
        n.y = n.y! - box.y1 + y;
        n.vx = 0;
        n.vy = 0;
      }
      along += itemLength + PACK_GAP;
    }
    across += Math.max(0, ...shelf.map((item) => item.depth)) + PACK_GAP;
  }
}
