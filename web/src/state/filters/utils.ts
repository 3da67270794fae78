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
