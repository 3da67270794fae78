/** Pure helpers for the paths domain. */
import type { PathsResponse } from '../../lib/api/types';

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
