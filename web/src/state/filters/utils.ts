/** Pure update functions for the filters domain. */

/** No type hidden. */
export const NONE_HIDDEN: ReadonlySet<string> = new Set();

/** Returns a new set with `type` toggled. */
export function toggleType(hidden: ReadonlySet<string>, type: string): ReadonlySet<string> {
  const next = new Set(hidden);
  if (next.has(type)) next.delete(type);
  else next.add(type);
  return next;
}

/** Returns the set that hides every type in `all` except `type`, or shows all if that is already so. */
export function soloType(
  hidden: ReadonlySet<string>,
  all: readonly string[],
  type: string,
): ReadonlySet<string> {
  const others = all.filter((t) => t !== type);
  const alreadySolo = !hidden.has(type) && others.every((t) => hidden.has(t));
  return alreadySolo ? NONE_HIDDEN : new Set(others);
}

/** A read-only set of `values` (URL restore). */
export function setOf(values: readonly string[]): ReadonlySet<string> {
  return values.length === 0 ? NONE_HIDDEN : new Set(values);
}

/** Returns `chosen` with `key` added at the end, or removed when it is there. */
export function toggleChoice(chosen: readonly string[], key: string): readonly string[] {
  return chosen.includes(key) ? chosen.filter((item) => item !== key) : [...chosen, key];
}

/** A filter group's rows listed when folded, or narrowed by what the reader typed to find one. */
export function listedRows<T extends { label: string; checked: boolean }>(
  rows: readonly T[],
  how: { query: string; expanded: boolean; initial: number; resting: boolean },
): { listed: readonly T[]; found: boolean } {
  const wanted = how.query.trim().toLowerCase();
  // Rows found by name are all listed, however many.
  if (wanted !== '')
    return { listed: rows.filter((row) => row.label.toLowerCase().includes(wanted)), found: true };
  if (how.expanded) return { listed: rows, found: false };
  // Folded: the first rows, and every row the reader changed wherever it sorts.
  return {
    listed: rows.filter((row, index) => index < how.initial || row.checked !== how.resting),
    found: false,
  };
}
