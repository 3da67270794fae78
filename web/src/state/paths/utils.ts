/** Pure helpers for the paths domain. */
import type { PathsResponse } from '../../lib/api/types';
import {
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../../../server/model/graph-vocabulary.ts';
import {
  ENTITY_TYPES,
  type EntityType,
  RELATIONSHIP_TYPES,
  type RelationshipType,
  entityTypesInText,
  listInWords,
  organisationKindsInText,
  relationshipPhrase,
} from '../../lib/vocabulary';

/**
 * Ids of the nodes and edges (`<source>|<type>|<target>`, as the API names edges) on the found paths,
 * or on path `active` alone.
 */
export function pathElementIds(answer: PathsResponse, active: number | null): ReadonlySet<string> {
  const ids = new Set<string>();
  answer.paths.forEach((path, index) => {
    if (active !== null && active !== index) return;
    for (const id of path.nodes) ids.add(id);
    for (const step of path.steps) ids.add(`${step.source}|${step.type}|${step.target}`);
  });
  return ids;
}

/** Entity names by id in a paths answer. */
export function pathLabels(answer: PathsResponse | undefined): ReadonlyMap<string, string> {
  return new Map(answer?.nodes.map((node) => [node.data.id, node.data.label]) ?? []);
}

/** No path elements. */
export const NO_PATH: ReadonlySet<string> = new Set();

/**
 * The line above the list: how many paths and how long. The answer holds the k shortest paths,
 * which need not share a length; "3 shortest paths, 2 to 4 hops" read as if a 4-hop path were
 * shortest, so a mixed list says it is ordered instead: "3 paths, shortest first: 2 to 4 hops".
 */
export function pathSummary(lengths: readonly number[]): string {
  if (lengths.length === 0) return 'No path';
  const shortest = Math.min(...lengths);
  const longest = Math.max(...lengths);
  const hops = (n: number) => `${n} ${n === 1 ? 'hop' : 'hops'}`;
  if (lengths.length === 1) return `Shortest path: ${hops(shortest)}`;
  return shortest === longest
    ? `${lengths.length} shortest paths, ${hops(shortest)} each`
    : `${lengths.length} paths, shortest first: ${shortest} to ${hops(longest)}`;
}

/** What the path finder leaves out for the canvas's filters. */
export interface PathFilters {
  /** The relationship types it follows, or null for all. */
  rels: RelationshipType[] | null;
  /** The entity types no path passes through (its ends may be of them). */
  avoid: EntityType[];
  /** The organisation kinds no path passes through (its ends may be of them). */
  avoidKinds: OrganisationKind[];
}

/** Paths that follow every relationship through every entity. */
export const NO_PATH_FILTERS: PathFilters = { rels: null, avoid: [], avoidKinds: [] };

/** What of the canvas's filters paths read (the filters domain's view has these). */
export interface CanvasFilters {
  hiddenTypes: ReadonlySet<string>;
  hiddenKinds: ReadonlySet<string>;
  hiddenRels: ReadonlySet<string>;
  mode: 'hide' | 'fade';
}

/**
 * What paths leave out under the canvas's filters: the entity types, organisation kinds and
 * relationship types they hide. Google and the World Bank "connected" through a DPG developed in
 * India read as a partnership to someone who had hidden the countries to see partnerships, and a
 * path through Google to someone who had hidden the companies. Faded entities are still on the
 * canvas, so a fading filter leaves paths as they are.
 */
export function pathFilters(filters: CanvasFilters): PathFilters {
  if (filters.mode === 'fade') return NO_PATH_FILTERS;
  const followed = RELATIONSHIP_TYPES.filter((type) => !filters.hiddenRels.has(type));
  const avoid = ENTITY_TYPES.filter((type) => filters.hiddenTypes.has(type));
  return {
    rels: followed.length === RELATIONSHIP_TYPES.length ? null : followed,
    avoid,
    // With organisations hidden, no kind is left to avoid: the note says "organisations" alone,
    // not "organisations and companies", and toggling a kind then asks nothing new.
    avoidKinds: avoid.includes('Organisation')
      ? []
      : ORGANISATION_KINDS.filter((kind) => filters.hiddenKinds.has(kind)),
  };
}

/**
 * The filters without memberships: paths that do not pass through who is a member of what. Most
 * pairs of DPGA members are two hops apart by their memberships alone ("UNICEF is a member of the
 * Digital Public Goods Alliance, of which Norad is a member"), which says nothing of how they work
 * together; a partnerships reader wants the activities, funding and DPGs between them (QA).
 */
export function withoutMemberships(filters: PathFilters): PathFilters {
  const followed = filters.rels ?? RELATIONSHIP_TYPES;
  return { ...filters, rels: followed.filter((type) => type !== 'MEMBER_OF') };
}

/** The same filters? (Compared by value: the effect that sets them runs on every change.) */
export function samePathFilters(a: PathFilters, b: PathFilters): boolean {
  const same = (x: readonly string[] | null, y: readonly string[] | null) =>
    x === y || (x !== null && y !== null && x.length === y.length && x.every((v, i) => v === y[i]));
  return same(a.rels, b.rels) && same(a.avoid, b.avoid) && same(a.avoidKinds, b.avoidKinds);
}

/**
 * What the path finder leaves out, in words ("countries, SDGs, companies and “funds” links"), or
 * null when it leaves out nothing.
 */
export function pathFilterNote(filters: PathFilters): string | null {
  const links = RELATIONSHIP_TYPES.filter(
    (type) => filters.rels !== null && !filters.rels.includes(type),
  ).map((type) => `“${relationshipPhrase(type, 'out').toLowerCase()}”`);
  const parts = [
    ...filters.avoid.map(entityTypesInText),
    ...filters.avoidKinds.map(organisationKindsInText),
    ...(links.length > 0 ? [`${listInWords(links)} links`] : []),
  ];
  return parts.length === 0 ? null : listInWords(parts);
}
