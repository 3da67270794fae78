/**
 * What an editor states about a relationship besides its type, as a few words: its role and its
 * dates ("core funder, since 2021"). The sentences of paths, collaborators and stakeholder maps
 * carry them, and the details panel's rows of neighbours; the front end bundles this module (no
 * imports), so both word them alike.
 */

/** The role and dates of a relationship, as a statement or an element holds them. */
export interface StatedRole {
  role?: unknown;
  startDate?: unknown;
  endDate?: unknown;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** A relationship's dates as one line: `2023-04 – 2025`, `since 2023`, `until 2025`, or ''. */
export function dateSpan(start: unknown, end: unknown): string {
  const s = textOf(start);
  const e = textOf(end);
  if (s && e) return `${s} – ${e}`;
  if (s) return `since ${s}`;
  if (e) return `until ${e}`;
  return '';
}

/**
 * Its role and dates joined by `separator` ("core funder, since 2021"), or '' when it states
 * neither.
 */
export function relationshipAbout(relationship: StatedRole, separator = ', '): string {
  return [textOf(relationship.role), dateSpan(relationship.startDate, relationship.endDate)]
    .filter(Boolean)
    .join(separator);
}

/** The same as an aside in a sentence, after what the relationship reaches: " (since 2021)". */
export function aboutAside(relationship: StatedRole): string {
  const about = relationshipAbout(relationship);
  return about ? ` (${about})` : '';
}
