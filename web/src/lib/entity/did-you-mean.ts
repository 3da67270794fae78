/**
 * Suggestions for an id that names nothing: a mistyped or guessed link ("dpg:mosip", where MOSIP
 * is `dpg:modular-open-source-identity-platform`) said only that an editor may have deleted it
 * (QA). The id's own words are searched, and what matches is offered, entities of the id's kind
 * first. Pure: the search is the caller's.
 */

/** The words an id's slug spells: `dpg:open-crvs` → "open crvs"; '' when it spells none. */
export function idSearchWords(id: string): string {
  const slug = id.includes(':') ? id.slice(id.indexOf(':') + 1) : id;
  return slug
    .split(/[-_./\s]+/)
    .filter((word) => word !== '')
    .join(' ')
    .slice(0, 200);
}

/**
 * At most `max` of `results` (search order), those whose id has the missing id's prefix first:
 * a link to `dpg:…` meant a DPG sooner than an activity that names it. Never the missing id.
 */
export function suggestionsFor<T extends { id: string }>(
  id: string,
  results: readonly T[],
  max = 3,
): T[] {
  const prefix = id.includes(':') ? id.slice(0, id.indexOf(':') + 1) : null;
  const others = results.filter((result) => result.id !== id);
  const sameKind = others.filter((result) => prefix !== null && result.id.startsWith(prefix));
  return [...sameKind, ...others.filter((result) => !sameKind.includes(result))].slice(0, max);
}
