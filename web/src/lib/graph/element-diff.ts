/**
 * Compares the elements a Cytoscape instance holds with newly derived ones, so the canvas can apply a
 * filter change by adding and removing only what changed, keeping every other node where it is.
 */
import type { GraphElement } from './elements';

/** What to change to go from the current elements to the next ones. */
export interface ElementDiff {
  /** Ids of elements to remove. */
  remove: string[];
  /** Elements not yet present. */
  add: GraphElement[];
  /** Elements present in both, with their new data. */
  update: GraphElement[];
}

/**
 * Diffs `currentIds` (ids of the elements on the canvas) against `next`. An element present on both
 * sides is an update; the caller applies its data without moving it.
 */
export function diffElements(
  currentIds: Iterable<string>,
  next: readonly GraphElement[],
): ElementDiff {
  const current = new Set(currentIds);
  const nextIds = new Set<string>();
  const add: GraphElement[] = [];
  const update: GraphElement[] = [];
  for (const element of next) {
    nextIds.add(element.data.id);
    (current.has(element.data.id) ? update : add).push(element);
  }
  const remove = [...current].filter((id) => !nextIds.has(id));
  return { remove, add, update };
}

/** Data Cytoscape keeps for its own use: never removed by an update. */
const STRUCTURAL_KEYS: ReadonlySet<string> = new Set(['id', 'source', 'target', 'parent']);

/**
 * The keys of an element's current data that its next data no longer has. Cytoscape's `data()`
 * merges, so a flag the derivation only ever sets (`onPath`, `muted`, `pinned`) stayed once set:
 * a closed path stayed purple, a cleared fade stayed faded, an unpinned node kept its outline.
 */
export function droppedKeys(current: object, next: object): string[] {
  return Object.keys(current).filter((key) => !STRUCTURAL_KEYS.has(key) && !(key in next));
}
