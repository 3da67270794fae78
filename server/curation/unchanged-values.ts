/**
 * What an edit really changes. A PATCH that sets a property to the value it holds wrote anyway:
 * the version moved, the property was marked edited, so a later import no longer updated it
 * (docs/curation.md), the editor was added to the provenance, an empty "Changed" event was
 * recorded, and a merge before it could no longer be undone (QA). The services drop such entries
 * and, when none is left, answer the state as it is without writing. Pure.
 */

/** Whether two stored values are the same: lists element by element; null and absent alike. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return b === undefined || b === null;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  return a === b;
}

/** The entries of `changes` whose value differs from `current`'s (null removes a property). */
export function changedValues<T extends Record<string, unknown>>(
  current: Readonly<Record<string, unknown>>,
  changes: T,
): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => !sameValue(current[key], value)),
  ) as Partial<T>;
}
