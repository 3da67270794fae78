/**
 * Pure helpers for the selection domain: the URL fragment that records the selected entity, so a view
 * can be bookmarked and shared (`#/entity/org%3Aunicef`).
 */

const PREFIX = '#/entity/';

/** The fragment for a selected entity id, or `''` for no selection. */
export function selectionToHash(id: string | null): string {
  return id === null ? '' : `${PREFIX}${encodeURIComponent(id)}`;
}

/** The entity id a fragment names, or null when it names none (or is malformed). */
export function hashToSelection(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const id = decodeURIComponent(hash.slice(PREFIX.length));
    return id.trim() === '' ? null : id;
  } catch {
    return null;
  }
}
