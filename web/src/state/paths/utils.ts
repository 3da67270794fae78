/** Pure helpers for the paths domain. */
import { RELATIONSHIP_ENDS } from '../../../../server/curation/relationship-rules.ts';
import type { PathsResponse } from '../../lib/api/types';
import {
  ENTITY_TYPES,
  RELATIONSHIP_TYPES,
  type RelationshipType,
  entityTypeName,
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

/**
 * The relationship types a path may follow under the canvas's filters, or null for every type:
 * none the reader hid, and none that only leads to or from entity types they hid (with countries
 * hidden, no "is deployed in"). Google and the World Bank "connected" through a DPG deployed in
 * India read as a partnership to someone who had hidden the countries to see partnerships. A type
 * that also joins shown types (an activity INVOLVES a DPG or an organisation) stays followed: the
 * API filters relationships, not entities, so such a path can still pass a hidden entity.
 */
export function pathRelationships(
  hiddenTypes: ReadonlySet<string>,
  hiddenRels: ReadonlySet<string>,
): RelationshipType[] | null {
  const allHidden = (types: readonly string[]) => types.every((type) => hiddenTypes.has(type));
  const followed = RELATIONSHIP_TYPES.filter((type) => {
    const ends = RELATIONSHIP_ENDS[type];
    return !hiddenRels.has(type) && !allHidden(ends.from) && !allHidden(ends.to);
  });
  return followed.length === RELATIONSHIP_TYPES.length ? null : followed;
}

/**
 * What the path finder leaves out for the filters, in words ("countries, SDGs and “funds”
 * links"), or null when it follows every relationship: the entity types no followed relationship
 * reaches, then the other relationship types left out.
 */
export function pathFilterNote(
  hiddenTypes: ReadonlySet<string>,
  hiddenRels: ReadonlySet<string>,
): string | null {
  const followed = pathRelationships(hiddenTypes, hiddenRels);
  if (followed === null) return null;
  const reached = new Set(
    followed.flatMap((type) => [...RELATIONSHIP_ENDS[type].from, ...RELATIONSHIP_ENDS[type].to]),
  );
  const unreached = ENTITY_TYPES.filter((type) => hiddenTypes.has(type) && !reached.has(type));
  const touches = (type: RelationshipType) =>
    unreached.some(
      (hidden) =>
        RELATIONSHIP_ENDS[type].from.includes(hidden) ||
        RELATIONSHIP_ENDS[type].to.includes(hidden),
    );
  const links = RELATIONSHIP_TYPES.filter((type) => !followed.includes(type) && !touches(type)).map(
    (type) => `“${relationshipPhrase(type, 'out').toLowerCase()}”`,
  );
  return andList([
    ...unreached.map((type) =>
      entityTypeName(type, 'plural').replace(/^(?!SDG)\w/, (c) => c.toLowerCase()),
    ),
    ...(links.length > 0 ? [`${andList(links)} links`] : []),
  ]);
}

/** "a", "a and b", "a, b and c". */
function andList(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
