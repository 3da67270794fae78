/**
 * Derives Cytoscape elements from the overview API answer and the active type filters. Pure: the same
 * input always gives the same elements, and nothing here touches a Cytoscape instance. Visual
 * encodings that vary per node (size from degree, label tier and font size) are computed here and read
 * by the stylesheet through `data(...)`.
 */
import type cytoscape from 'cytoscape';
import type { GraphChunk } from '../api/types';
import { type ConnectionFilter, nodePasses } from './filter-facets';
import { type LabelTier, assignLabelTiers } from './level-of-detail';
import { compactLabel, shortenLabel } from './label';

/** Data carried by every node element. */
export interface GraphNodeData {
  id: string;
  /** Full name, for tooltips and accessibility. */
  label: string;
  /** Name shortened for the canvas. */
  shortLabel: string;
  /** The shorter name the canvas falls back on where `shortLabel` has no room; '' when none. */
  compactLabel: string;
  type: string;
  kind?: string;
  degree: number;
  /** Node width and height in model pixels. */
  size: number;
  tier: LabelTier;
  /** Position in label priority order, 0 = most important; label placement goes in this order. */
  labelRank: number;
  /** Label font size in model pixels; larger for more important nodes. */
  fontSize: number;
  /** 1 when the filters fade (rather than hide) this node. */
  muted?: 1;
  /** 1 when the node lies on a highlighted path. */
  onPath?: 1;
  /** 1 when the reader pinned the node in place. */
  pinned?: 1;
  /** 1 when the node is one the view is about (an insight's listed entity): its label goes first. */
  named?: 1;
  /** The sources that state the entity (ids), carried into the exports of what the canvas shows. */
  sources?: readonly string[];
}

/** Data carried by every edge element. */
export interface GraphEdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string;
  muted?: 1;
  onPath?: 1;
  /** The sources that state the relationship (ids), for the exports. */
  sources?: readonly string[];
}

/** A node element as handed to Cytoscape. */
export interface GraphNodeElement extends cytoscape.ElementDefinition {
  group: 'nodes';
  data: GraphNodeData;
}

/** An edge element as handed to Cytoscape. */
export interface GraphEdgeElement extends cytoscape.ElementDefinition {
  group: 'edges';
  data: GraphEdgeData;
}

/** Any element this module produces. */
export type GraphElement = GraphNodeElement | GraphEdgeElement;

/**
 * What node size encodes: degree in the whole graph, connections shown, nothing, or a stored network
 * measure (PageRank, betweenness centrality).
 */
export const SIZE_MEASURES = ['degree', 'shown', 'uniform', 'pagerank', 'betweenness'] as const;
/** One of {@link SIZE_MEASURES}. */
export type SizeMeasure = (typeof SIZE_MEASURES)[number];

/** How each size measure reads in the size selector. */
export const SIZE_TITLES: Readonly<Record<SizeMeasure, string>> = {
  degree: 'Connections (all)',
  shown: 'Connections shown',
  uniform: 'Same size',
  pagerank: 'PageRank',
  betweenness: 'Centrality (betweenness)',
};

/** The node data a size measure reads. */
export interface SizedNode {
  id: string;
  degree: number;
  pagerank?: number;
  betweenness?: number;
}

/**
 * The value node size encodes under `sizeBy`, for each node. The stored measures (PageRank,
 * betweenness) fall back to degree when no node carries them (measures not computed yet); a node
 * without the measure among nodes that have it counts as 0.
 */
export function sizeMeasure(
  sizeBy: SizeMeasure,
  nodes: readonly SizedNode[],
  shownDegree: ReadonlyMap<string, number>,
): (node: SizedNode) => number {
  switch (sizeBy) {
    case 'shown':
      return (node) => shownDegree.get(node.id) ?? 0;
    case 'uniform':
      return () => 0;
    case 'pagerank':
    case 'betweenness':
      if (nodes.some((node) => node[sizeBy] !== undefined)) return (node) => node[sizeBy] ?? 0;
      return (node) => node.degree;
    case 'degree':
      return (node) => node.degree;
  }
}

/** What to leave out (or fade) in the derived graph, and what to mark. */
export interface ElementFilters {
  /** Entity types not to draw; edges touching them are dropped too. */
  hiddenTypes: ReadonlySet<string>;
  /** Organisation kinds not to draw. */
  hiddenKinds?: ReadonlySet<string>;
  /** Relationship types not to draw. */
  hiddenRels?: ReadonlySet<string>;
  /** Keep only nodes connected to these anchors (SDGs, countries, groups), see filter-facets.ts. */
  connectedTo?: ConnectionFilter;
  /** `hide` drops filtered elements; `fade` keeps them, muted. */
  mode?: 'hide' | 'fade';
  /**
   * The exploration's focus: drawn whatever the filters say, with those of its relationships the
   * filters allow, and its label ranked first (see assignLabelTiers). The view is about it: hidden,
   * its neighbours floated round a hole.
   */
  focus?: string | null;
  /**
   * Node and edge ids of the found paths on the canvas, drawn whatever the filters say (a hidden
   * organisation broke a path in two); only the paths' own relationships come with them.
   */
  keep?: ReadonlySet<string>;
  /** Node and edge ids on a highlighted path. */
  path?: ReadonlySet<string>;
  /** Pinned node ids. */
  pinned?: ReadonlySet<string>;
  /**
   * The entities the view is about besides the focus (an insight's list on the canvas): their
   * labels rank after the focus's and show at the fitted view (see assignLabelTiers).
   */
  named?: ReadonlySet<string>;
  /** What node size encodes (default degree). */
  sizeBy?: SizeMeasure;
}

/**
 * What `ElementFilters.keep` holds: the found paths' ids that the canvas shows. A path found before
 * the reader moved to another exploration is no longer drawn, and must not keep overriding its
 * filters.
 */
export function pathOnCanvas(found: ReadonlySet<string>, extra: GraphChunk): ReadonlySet<string> {
  if (found.size === 0) return found;
  const drawn = new Set<string>();
  for (const { data } of [...extra.nodes, ...extra.edges])
    if (found.has(data.id)) drawn.add(data.id);
  return drawn;
}

/** Smallest and largest node size (model px). */
export const NODE_SIZE = { min: 22, max: 72 } as const;

/** Label font size per tier (model px). */
export const TIER_FONT_SIZE: Readonly<Record<LabelTier, number>> = { 1: 18, 2: 15, 3: 13 };

/**
 * Node size by a measure (degree, PageRank, betweenness) on a square-root scale, so area (not width)
 * grows with the measure and one hub does not dwarf everything else.
 */
export function nodeSize(value: number, maxValue: number): number {
  if (!(maxValue > 0) || !(value > 0)) return NODE_SIZE.min;
  const t = Math.sqrt(Math.min(value, maxValue) / maxValue);
  return Math.round(NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * t);
}

/** Whether the type or organisation-kind filters hide `node` (the focus aside). */
export function hiddenByTypeOrKind(
  node: { type: string; kind?: string },
  filters: Pick<ElementFilters, 'hiddenTypes' | 'hiddenKinds'>,
): boolean {
  return (
    filters.hiddenTypes.has(node.type) ||
    (node.kind !== undefined && filters.hiddenKinds?.has(node.kind) === true)
  );
}

/**
 * Entities besides organisations that the organisation-kind and relationship filters leave without
 * a single connection: each of their relationships is of a hidden type or leads to an organisation
 * of a hidden kind. Showing companies alone left a hundred activities of other organisations
 * floating round the graph, and hiding "Leads" on UNICEF twenty activities; they go with what
 * connected them. An entity that had no relationships in the first place stays, as it is not the
 * filters' doing, and so do the organisations of the kinds shown, connected or not: they are what
 * the reader asked for. The focus counts as shown whatever its kind; `keep` (a found path's
 * entities, the chosen anchors) is never orphaned, but an organisation of a hidden kind on a path
 * connects nothing beyond it.
 */
export function orphanedByFilters(
  overview: GraphChunk,
  hidden: { kinds?: ReadonlySet<string>; rels?: ReadonlySet<string> },
  spared: { focus?: string | null; keep?: ReadonlySet<string> } = {},
): Set<string> {
  const focus = spared.focus ?? null;
  const keep = spared.keep ?? new Set<string>();
  const orphaned = new Set<string>();
  const kinds = hidden.kinds ?? new Set<string>();
  const rels = hidden.rels ?? new Set<string>();
  if (kinds.size === 0 && rels.size === 0) return orphaned;
  const hiddenOrganisations = new Set<string>();
  const organisations = new Set<string>();
  for (const { data } of overview.nodes) {
    if (data.type === 'Organisation') organisations.add(data.id);
    if (data.kind !== undefined && kinds.has(data.kind) && data.id !== focus)
      hiddenOrganisations.add(data.id);
  }
  // Per entity: whether it has any relationship at all, and any the filters leave.
  const connected = new Set<string>();
  const stillConnected = new Set<string>();
  for (const { data: edge } of overview.edges) {
    const shown = keep.has(edge.id) || !rels.has(edge.type);
    for (const [end, other] of [
      [edge.source, edge.target],
      [edge.target, edge.source],
    ] as const) {
      connected.add(end);
      if (shown && !hiddenOrganisations.has(other)) stillConnected.add(end);
    }
  }
  for (const id of connected)
    if (!organisations.has(id) && id !== focus && !keep.has(id) && !stillConnected.has(id))
      orphaned.add(id);
  return orphaned;
}

/**
 * Turns an overview answer into Cytoscape elements, leaving out hidden types. Sizes are computed
 * over the whole overview so they do not jump when a filter changes; label tiers over what the
 * filters leave showing, so a filtered view names its few. Edges whose ends are missing from the
 * answer are dropped rather than handed to Cytoscape, which would throw.
 */
export function toCytoscapeElements(overview: GraphChunk, filters: ElementFilters): GraphElement[] {
  const allNodes = overview.nodes.map((node) => node.data);
  const present = new Set(allNodes.map((node) => node.id));
  const shownDegree = new Map<string, number>();
  for (const { data: edge } of overview.edges) {
    if (!present.has(edge.source) || !present.has(edge.target)) continue;
    shownDegree.set(edge.source, (shownDegree.get(edge.source) ?? 0) + 1);
    shownDegree.set(edge.target, (shownDegree.get(edge.target) ?? 0) + 1);
  }
  const sizeBy = filters.sizeBy ?? 'degree';
  const measure = sizeMeasure(sizeBy, allNodes, shownDegree);
  const maxDegree = allNodes.reduce((max, node) => Math.max(max, measure(node)), 0);
  const focus = filters.focus ?? null;
  const fade = filters.mode === 'fade';
  const keep = filters.keep ?? new Set<string>();
  // What the filters are about is never left without connections: the chosen SDGs and countries.
  const anchors = [...(filters.connectedTo?.anchors.values() ?? [])].flatMap((ids) => [...ids]);
  const orphaned = orphanedByFilters(
    overview,
    { kinds: filters.hiddenKinds, rels: filters.hiddenRels },
    { focus, keep: anchors.length === 0 ? keep : new Set([...keep, ...anchors]) },
  );
  const passing = new Set<string>();
  const kept = new Set<string>();
  const elements: GraphElement[] = [];

  const drawn: { node: (typeof allNodes)[number]; passes: boolean }[] = [];
  for (const node of allNodes) {
    if (kept.has(node.id)) continue;
    // A kept path entity is drawn, but does not pass: its relationships off the path stay hidden.
    const filtered =
      node.id !== focus &&
      (hiddenByTypeOrKind(node, filters) ||
        orphaned.has(node.id) ||
        !nodePasses(node.id, filters.connectedTo));
    const passes = !filtered || keep.has(node.id);
    if (!passes && !fade) continue;
    if (!filtered) passing.add(node.id);
    kept.add(node.id);
    drawn.push({ node, passes });
  }
  // Labels are ranked among the entities the filters leave showing: ranked among all those
  // loaded, the 13 UN agencies of a 70-entity canvas kept the tiers of the 70, and some went
  // unnamed with room to spare (QA). A faded entity is named last.
  const importance = assignLabelTiers(
    drawn.filter(({ passes }) => passes).map(({ node }) => node),
    focus,
    filters.named,
  );

  for (const { node, passes } of drawn) {
    const { tier, rank } = importance.get(node.id) ?? { tier: 3 as const, rank: allNodes.length };
    const data: GraphNodeData = {
      id: node.id,
      label: node.label,
      shortLabel: shortenLabel(node.label),
      compactLabel: compactLabel(node.label),
      type: node.type,
      degree: node.degree,
      size: sizeBy === 'uniform' ? 34 : nodeSize(measure(node), maxDegree),
      tier,
      labelRank: rank,
      fontSize: TIER_FONT_SIZE[tier],
      sources: node.sources,
    };
    if (node.kind !== undefined) data.kind = node.kind;
    if (!passes) data.muted = 1;
    if (filters.path?.has(node.id)) data.onPath = 1;
    if (filters.pinned?.has(node.id)) data.pinned = 1;
    if (filters.named?.has(node.id)) data.named = 1;
    elements.push({ group: 'nodes', data });
  }

  const seenEdges = new Set<string>();
  for (const { data: edge } of overview.edges) {
    if (!kept.has(edge.source) || !kept.has(edge.target) || seenEdges.has(edge.id)) continue;
    const passes =
      keep.has(edge.id) ||
      (!filters.hiddenRels?.has(edge.type) && passing.has(edge.source) && passing.has(edge.target));
    if (!passes && !fade) continue;
    seenEdges.add(edge.id);
    const data: GraphEdgeData = {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      label: edge.label,
      sources: edge.sources,
    };
    if (!passes) data.muted = 1;
    if (filters.path?.has(edge.id)) data.onPath = 1;
    elements.push({ group: 'edges', data });
  }
  return elements;
}

/** Number of nodes per type in an overview answer (unfiltered), for the legend. */
export function countByType(overview: GraphChunk): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { data } of overview.nodes) counts.set(data.type, (counts.get(data.type) ?? 0) + 1);
  return counts;
}

/** Nodes per type among canvas elements the filters leave showing (not hidden, not faded). */
export function countShownByType(elements: readonly GraphElement[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const element of elements) {
    if (element.group !== 'nodes' || element.data.muted) continue;
    counts.set(element.data.type, (counts.get(element.data.type) ?? 0) + 1);
  }
  return counts;
}

/**
 * The part of a graph answer the filters leave showing (not hidden, not faded), for what describes
 * "the canvas": counted from the answer alone, the overview panel named entities the reader had hidden.
 */
export function shownPart(chunk: GraphChunk, elements: readonly GraphElement[]): GraphChunk {
  const shown = new Set<string>();
  for (const element of elements) if (!element.data.muted) shown.add(element.data.id);
  return {
    nodes: chunk.nodes.filter((node) => shown.has(node.data.id)),
    edges: chunk.edges.filter((edge) => shown.has(edge.data.id)),
  };
}

/** The `count` best-connected nodes of an overview answer, most connected first. */
export function mostConnected(
  overview: GraphChunk,
  count: number,
): GraphChunk['nodes'][number]['data'][] {
  return overview.nodes
    .map((node) => node.data)
    .sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label))
    .slice(0, count);
}
