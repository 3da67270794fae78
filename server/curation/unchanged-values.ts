/**
 * What an edit really changes. A PATCH that sets a property to the value it holds wrote anyway:
 * the version moved, the property was marked edited, so a later import no longer updated it
 * (docs/curation.md), the editor was added to the provenance, an empty "Changed" event was
 * recorded, and a merge before it could no longer be undone (QA). The services drop such entries
 * and, when none is left, answer the state as it is without writing. Pure.
 */
import { samePlainValue } from './merge-undo-plan.ts';

/**
 * Whether two stored values are the same: lists element by element; null and absent alike (the
 * merge undo's comparison, merge-undo-plan.ts).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  return samePlainValue(a ?? null, b ?? null);
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
