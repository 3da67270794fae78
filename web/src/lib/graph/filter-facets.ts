/**
 * Facet filters and the counts the filter panel shows next to each value. Two sorts: "connected to"
 * an SDG, a country or a membership group (DPGA members, board, AI CoP…), which need the graph's
 * structure; and attributes of a node's own data — a DPG's sector, type, licence and stage, DPGA
 * membership and board — chosen as `<facet>=<value>` keys beside the anchor ids. Pure; computed over
 * the graph the canvas holds.
 */
import type { GraphChunk } from '../api/types';
import { valueName } from '../entity/property-format';
import { typeFromId } from '../vocabulary/entity-types';

/** Entity types whose nodes act as "connected to" anchors, by facet. */
export const CONNECTION_FACETS = [
  { facet: 'sdg', types: ['SDG'], title: 'SDG', heading: 'Connected to an SDG' },
  { facet: 'country', types: ['Country'], title: 'Country', heading: 'Connected to a country' },
  { facet: 'membership', types: ['Group'], title: 'Membership', heading: 'Connected to a group' },
] as const;

/** One of the connection facets. */
export type ConnectionFacet = (typeof CONNECTION_FACETS)[number]['facet'];

/** Facets read from a node's own data (DPG registry facets, DPGA membership), in panel order. */
export const ATTRIBUTE_FACETS = [
  { facet: 'sector', title: 'Sector' },
  { facet: 'dpgType', title: 'DPG type' },
  { facet: 'license', title: 'Licence' },
  { facet: 'stage', title: 'Stage' },
  { facet: 'activityType', title: 'Activity type' },
  { facet: 'dpga', title: 'DPGA membership' },
] as const;

/** One of the attribute facets. */
export type AttributeFacet = (typeof ATTRIBUTE_FACETS)[number]['facet'];

/** Any facet a filter choice belongs to. */
export type FilterFacet = ConnectionFacet | AttributeFacet;

/** The node data the attribute facets read. */
export interface AttributeData {
  sectors?: readonly string[];
  types?: readonly string[];
  licenses?: readonly string[];
  stage?: string;
  activityTypes?: readonly string[];
  member?: boolean;
  board?: boolean;
}

const ATTRIBUTE_FACET_NAMES: readonly string[] = ATTRIBUTE_FACETS.map((f) => f.facet);

/** How DPGA values read in the panel (DPG and activity types: valueName); others read as they are. */
const VALUE_LABELS: Readonly<Record<string, string>> = {
  'dpga=member': 'DPGA member',
  'dpga=board': 'On the DPGA board',
};

/**
 * The filter key of an attribute value, `<facet>=<value>` with the value URI-encoded (so a key
 * never holds a comma or an "="); entity ids never hold "=", so keys and anchor ids never clash.
 */
export function attributeKey(facet: AttributeFacet, value: string): string {
  return `${facet}=${encodeURIComponent(value)}`;
}

/** The facet and value of an attribute key, or undefined for anything else (an anchor id). */
export function parseAttributeKey(
  key: string,
): { facet: AttributeFacet; value: string } | undefined {
  const at = key.indexOf('=');
  if (at < 0) return undefined;
  const facet = key.slice(0, at);
  if (!ATTRIBUTE_FACET_NAMES.includes(facet)) return undefined;
  try {
    return { facet: facet as AttributeFacet, value: decodeURIComponent(key.slice(at + 1)) };
  } catch {
    return undefined;
  }
}

/** The values a node has for an attribute facet (none when it lacks the data). */
export function attributeValues(node: AttributeData, facet: AttributeFacet): readonly string[] {
  switch (facet) {
    case 'sector':
      return node.sectors ?? [];
    case 'dpgType':
      return node.types ?? [];
    case 'license':
      return node.licenses ?? [];
    case 'stage':
      return node.stage === undefined ? [] : [node.stage];
    case 'activityType':
      return node.activityTypes ?? [];
    case 'dpga':
      return [...(node.member ? ['member'] : []), ...(node.board ? ['board'] : [])];
  }
}

/** The options of each attribute facet present in `chunk`: nodes per value, most frequent first. */
export function attributeOptions(chunk: GraphChunk): Map<AttributeFacet, FacetOption[]> {
  const result = new Map<AttributeFacet, FacetOption[]>();
  for (const { facet } of ATTRIBUTE_FACETS) {
    const counts = new Map<string, number>();
    for (const { data } of chunk.nodes) {
      for (const value of new Set(attributeValues(data, facet))) {
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    }
    if (counts.size === 0) continue;
    const options = [...counts].map(([value, count]) => {
      const id = attributeKey(facet, value);
      const label =
        facet === 'dpgType'
          ? valueName('types', value)
          : facet === 'activityType'
            ? valueName('activityTypes', value)
            : (VALUE_LABELS[id] ?? value);
      return { id, label, count };
    });
    options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    result.set(facet, options);
  }
  return result;
}

/** The entity type each attribute facet describes. */
const FACET_TYPES: Readonly<Record<AttributeFacet, string>> = {
  sector: 'DPG',
  dpgType: 'DPG',
  license: 'DPG',
  stage: 'DPG',
  activityType: 'Activity',
  dpga: 'Organisation',
};

/**
 * Whether a facet's only value is held by every entity of the type it describes ("Stage: DPG" on
 * all 165 DPGs of the registry): choosing it keeps exactly what soloing that type keeps, so the
 * panel leaves it out (QA: it looked like a filter that chose nothing). One value held by some
 * of them narrows, and stays.
 */
export function restatesType(
  facet: AttributeFacet,
  options: readonly FacetOption[],
  chunk: GraphChunk,
): boolean {
  if (options.length !== 1) return false;
  const ofType = chunk.nodes.filter(({ data }) => data.type === FACET_TYPES[facet]).length;
  return options[0]!.count >= ofType;
}

/** The id of the Alliance itself, whose MEMBER_OF edges mark members (and the board). */
export const DPGA_ID = 'org:dpga';

/**
 * The anchors chosen per facet and each anchor's neighbours. A node passes when, for every facet with
 * a choice, it is one of the chosen anchors or adjacent to one (OR within a facet, AND across facets).
 */
export interface ConnectionFilter {
  /** Chosen anchor ids and attribute keys, by facet. */
  anchors: ReadonlyMap<FilterFacet, ReadonlySet<string>>;
  /** Ids adjacent to each chosen anchor, including the anchor; ids having each chosen attribute. */
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

/**
 * The facet of a filter choice read from the choice alone (no graph at hand): an attribute key's
 * facet, or the facet of the entity type an anchor id's prefix names.
 */
export function choiceFacet(key: string): FilterFacet | undefined {
  const attribute = parseAttributeKey(key);
  if (attribute) return attribute.facet;
  const type = typeFromId(key);
  return type === undefined ? undefined : facetOf(key, type);
}

/** How a choice reads when the graph does not name it: `sector=Health` → "Health"; ids as they are. */
export function choiceLabel(key: string): string {
  return parseAttributeKey(key)?.value ?? key;
}

/**
 * Builds the filter for `chosen` anchor ids and attribute keys over `chunk`; anchor ids not in the
 * chunk, keys of no facet and values no node in the chunk has are ignored.
 */
export function connectionFilter(
  chunk: GraphChunk,
  chosen: readonly string[],
): ConnectionFilter | undefined {
  if (chosen.length === 0) return undefined;
  const types = new Map(chunk.nodes.map((node) => [node.data.id, node.data.type]));
  const links = adjacency(chunk);
  const anchors = new Map<FilterFacet, Set<string>>();
  const reach = new Map<string, ReadonlySet<string>>();
  const choose = (facet: FilterFacet, key: string, ids: ReadonlySet<string>) => {
    let set = anchors.get(facet);
    if (!set) anchors.set(facet, (set = new Set()));
    set.add(key);
    reach.set(key, ids);
  };
  for (const key of chosen) {
    const attribute = parseAttributeKey(key);
    if (attribute) {
      const having = chunk.nodes
        .filter(({ data }) => attributeValues(data, attribute.facet).includes(attribute.value))
        .map(({ data }) => data.id);
      if (having.length > 0) choose(attribute.facet, key, new Set(having));
      continue;
    }
    const type = types.get(key);
    const facet = type === undefined ? undefined : facetOf(key, type);
    if (facet) choose(facet, key, new Set([key, ...(links.get(key) ?? [])]));
  }
  return anchors.size === 0 ? undefined : { anchors, reach };
}

/**
 * Whether node `id` passes the connection filter (always, when there is none). A chosen anchor
 * always does: SDG 3 and Kazakhstan chosen together hid both (neither is adjacent to the other),
 * leaving their common neighbours with nothing to say what they were filtered by.
 */
export function nodePasses(id: string, filter: ConnectionFilter | undefined): boolean {
  if (!filter) return true;
  for (const ids of filter.anchors.values()) if (ids.has(id)) return true;
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
