/**
 * Pure helpers for the graph domain: merging the answers that make up an exploration (a focus entity's
 * neighbourhood plus each expanded node's) into one graph, and the list operations on expansions,
 * hidden and pinned ids that the actions apply.
 */
import type { GraphChunk, OverviewEdge, OverviewNode } from '../../lib/api/types';

/** The graph the reader is exploring, as it is written into the URL. */
export interface Exploration {
  /** The entity whose neighbourhood the canvas starts from; null shows the overview. */
  focus: string | null;
  /** Nodes whose neighbourhoods were added, in the order they were expanded. */
  expanded: readonly string[];
  /** Nodes the reader hid. */
  hidden: readonly string[];
  /** Nodes the reader pinned in place. */
  pinned: readonly string[];
  /** Neighbour caps raised by "show more", by entity id (absent: the default cap). */
  limits: Readonly<Record<string, number>>;
}

/** No focus: the overview. */
export const EMPTY_EXPLORATION: Exploration = {
  focus: null,
  expanded: [],
  hidden: [],
  pinned: [],
  limits: {},
};

/** Union of graph answers: each node and edge once (first occurrence wins), edges only between kept nodes. */
export function mergeChunks(chunks: readonly GraphChunk[]): GraphChunk {
  const nodes = new Map<string, OverviewNode>();
  const edges = new Map<string, OverviewEdge>();
  for (const chunk of chunks) {
    for (const node of chunk.nodes) if (!nodes.has(node.data.id)) nodes.set(node.data.id, node);
  }
  for (const chunk of chunks) {
    for (const edge of chunk.edges) {
      const { id, source, target } = edge.data;
      if (!edges.has(id) && nodes.has(source) && nodes.has(target)) edges.set(id, edge);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Removes `hidden` nodes and the edges that touch them. */
export function withoutNodes(chunk: GraphChunk, hidden: ReadonlySet<string>): GraphChunk {
  if (hidden.size === 0) return chunk;
  return {
    nodes: chunk.nodes.filter((node) => !hidden.has(node.data.id)),
    edges: chunk.edges.filter(
      (edge) => !hidden.has(edge.data.source) && !hidden.has(edge.data.target),
    ),
  };
}

/** `list` with `id` added at the end (once). */
export function addId(list: readonly string[], id: string): string[] {
  return list.includes(id) ? [...list] : [...list, id];
}

/** `list` without `ids`. */
export function removeIds(list: readonly string[], ids: Iterable<string>): string[] {
  const drop = new Set(ids);
  return list.filter((item) => !drop.has(item));
}

/**
 * The exploration with the entity `from` named `to` wherever it appears: an editor merged `from`
 * into `to`, and an old link or saved view still names it (the API answers for `to`). Where `to`
 * is there already, `from` goes; a raised cap follows unless `to` has one of its own.
 */
export function renamedInExploration(
  exploration: Exploration,
  from: string,
  to: string,
): Exploration {
  const rename = (list: readonly string[]) =>
    list.includes(to) ? removeIds(list, [from]) : list.map((id) => (id === from ? to : id));
  const { [from]: cap, ...limits } = exploration.limits;
  const focus = exploration.focus === from ? to : exploration.focus;
  return {
    focus,
    expanded: removeIds(rename(exploration.expanded), focus === null ? [] : [focus]),
    hidden: rename(exploration.hidden),
    pinned: rename(exploration.pinned),
    limits: cap !== undefined && limits[to] === undefined ? { ...limits, [to]: cap } : limits,
  };
}

/** Whether two explorations name the same graph. */
export function sameExploration(a: Exploration, b: Exploration): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((item, index) => item === y[index]);
  const aLimits = Object.entries(a.limits);
  return (
    a.focus === b.focus &&
    same(a.expanded, b.expanded) &&
    same(a.hidden, b.hidden) &&
    same(a.pinned, b.pinned) &&
    aLimits.length === Object.keys(b.limits).length &&
    aLimits.every(([id, limit]) => b.limits[id] === limit)
  );
}

/** `limits` keeping only the entries of entities whose neighbourhood is still part of the graph. */
export function limitsFor(
  limits: Readonly<Record<string, number>>,
  loaded: readonly string[],
): Record<string, number> {
  return Object.fromEntries(Object.entries(limits).filter(([id]) => loaded.includes(id)));
}
