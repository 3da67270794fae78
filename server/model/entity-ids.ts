/**
 * Entity ids as people type them. Every importer and the curation API make ids from slugs, which
 * are lower case, except a country's ISO code, which is in capitals (`country:KE`). So a hand-typed
 * or re-cased id (`country:ke`, `ORG:UNICEF`) names the same entity, and every id that comes in,
 * through an API parameter or a shared link, is read through `canonicalEntityId` before it is
 * looked up. No zod here: the front end shares this module.
 */
const PREFIXED = /^([A-Za-z]+):(.+)$/su;
const ISO_CODE = /^[A-Za-z]{2}$/;

/** What an entity id looks like in canonical case: `<prefix>:<slug>` ("org:unicef"). */
export const ENTITY_ID_PATTERN = /^[a-z]+:[\p{L}\p{N}._\-/]+$/u;

/** The longest id the API reads. */
export const MAX_ENTITY_ID_LENGTH = 300;

/** Whether `id`, in canonical case, can name an entity (the API refuses any other with a 400). */
export function isEntityId(id: string): boolean {
  return id.length <= MAX_ENTITY_ID_LENGTH && ENTITY_ID_PATTERN.test(id);
}

/** `id` in canonical case: the prefix and slug lower-cased, a country's ISO code in capitals. */
export function canonicalEntityId(id: string): string {
  const match = PREFIXED.exec(id);
  if (!match) return id;
  const prefix = match[1]!.toLowerCase();
  const rest = match[2]!;
  return prefix === 'country' && ISO_CODE.test(rest)
    ? `country:${rest.toUpperCase()}`
    : `${prefix}:${rest.toLowerCase()}`;
}

/**
 * An audit trail's subject: an entity id, a relationship key `from|TYPE|to` (whose ends are
 * entity ids), or an annotation's or saved view's id (a UUID, which has no prefix to read).
 */
export function canonicalAuditSubject(subject: string): string {
  const parts = subject.split('|');
  if (parts.length === 3) {
    const [from, type, to] = parts as [string, string, string];
    return `${canonicalEntityId(from)}|${type}|${canonicalEntityId(to)}`;
  }
  return canonicalEntityId(subject);
}
