/**
 * What a merge does with each property, shared by the merge (entity-merge.ts) and the merge dialog
 * that shows it beforehand (web/src/state/curation/rules.ts): no database, no Node.
 */

/** Properties a merge combines from both entities; every other one the kept entity lacks it takes. */
export const MERGE_COMBINED: ReadonlySet<string> = new Set([
  'name',
  'aliases',
  'sources',
  'evidence',
  'editedProperties',
  'version',
]);

/** The properties the kept entity takes from the one merged into it: those it lacks. */
export function mergeFills(
  keep: Readonly<Record<string, unknown>>,
  remove: Readonly<Record<string, unknown>>,
): string[] {
  return Object.keys(remove).filter((key) => !MERGE_COMBINED.has(key) && keep[key] === undefined);
}
