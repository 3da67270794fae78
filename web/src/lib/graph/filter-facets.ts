/**
 * Filters that need the graph's structure rather than a node's own data: "connected to" an SDG, a
 * country or a membership group (DPGA members, board, AI CoP…), and the counts the filter panel shows
 * next to each value. Pure; computed over the graph the canvas holds.
 */
import type { GraphChunk } from '../api/types';

/** Entity types whose nodes act as "connected to" anchors, by facet. */
export const CONNECTION_FACETS = [
  { facet: 'sdg', types: ['SDG'], title: 'SDG' },
  { facet: 'country', types: ['Country'], title: 'Country' },
  { facet: 'membership', types: ['Group'], title: 'Membership' },
] as const;

/** One of the connection facets. */
export type ConnectionFacet = (typeof CONNECTION_FACETS)[number]['facet'];

/** The id of the Alliance itself, whose MEMBER_OF edges mark members (and the board). */
export const DPGA_ID = 'org:dpga';

/**
 * The anchors chosen per facet and each anchor's neighbours. A node passes when, for every facet with
 * a choice, it is one of the chosen anchors or adjacent to one (OR within a facet, AND across facets).
 */
export interface ConnectionFilter {
  /** Chosen anchor ids, by facet. */
  anchors: ReadonlyMap<ConnectionFacet, ReadonlySet<string>>;
  /** Ids adjacent to each chosen anchor, including the anchor. */
  reach: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A value of a connection facet with the number of shown nodes connected to it. */
export interface FacetOption {
  id: string;
  label: string;
  count: number;
}

/** Adjacency lists of a graph chunk (undirected). */
export function adjacency(chunk: GraphChunk): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    let set = map.get(a);
    if (!set) map.set(a, (set = new Set()));
    set.add(b);
  };
  for (const { data } of chunk.edges) {
    link(data.source, data.target);
    link(data.target, data.source);
  }
  return map;
}

/** The facet an anchor id belongs to, or undefined for ids that are no anchor. */
export function facetOf(id: string, type: string): ConnectionFacet | undefined {
  if (id === DPGA_ID) return 'membership';
  return CONNECTION_FACETS.find((facet) => (facet.types as readonly string[]).includes(type))
    ?.facet;
}

/** Builds the filter for `chosen` anchor ids over `chunk`; ids not in the chunk are ignored. */
export function connectionFilter(
  chunk: GraphChunk,
  chosen: readonly string[],
): ConnectionFilter | undefined {
  if (chosen.length === 0) return undefined;
  const types = new Map(chunk.nodes.map((node) => [node.data.id, node.data.type]));
  const links = adjacency(chunk);
  const anchors = new Map<ConnectionFacet, Set<string>>();
  const reach = new Map<string, ReadonlySet<string>>();
  for (const id of chosen) {
    const type = types.get(id);
    const facet = type === undefined ? undefined : facetOf(id, type);
    if (!facet) continue;
    let set = anchors.get(facet);
    if (!set) anchors.set(facet, (set = new Set()));
    set.add(id);
    reach.set(id, new Set([id, ...(links.get(id) ?? [])]));
  }
  return anchors.size === 0 ? undefined : { anchors, reach };
}

/** Whether node `id` passes the connection filter (always, when there is none). */
export function nodePasses(id: string, filter: ConnectionFilter | undefined): boolean {
  if (!filter) return true;
  for (const ids of filter.anchors.values()) {
    let any = false;
    for (const anchor of ids) {
      if (filter.reach.get(anchor)?.has(id)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

/** The options of each connection facet present in `chunk`, most connected first. */
export function connectionOptions(chunk: GraphChunk): Map<ConnectionFacet, FacetOption[]> {
  const links = adjacency(chunk);
  const result = new Map<ConnectionFacet, FacetOption[]>();
  for (const { data } of chunk.nodes) {
    const facet = facetOf(data.id, data.type);
    if (!facet) continue;
    const option = { id: data.id, label: data.label, count: links.get(data.id)?.size ?? 0 };
    result.set(facet, [...(result.get(facet) ?? []), option]);
  }
  for (const options of result.values()) {
    options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }
  return result;
}

/** Count of values of `key` among `items` (e.g. nodes per organisation kind), most frequent first. */
export function countBy<T>(
  items: readonly T[],
  key: (item: T) => string | undefined,
): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
