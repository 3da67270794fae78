/**
 * Pure helpers for the selection domain: the URL fragment that records the selected entity, so a view
 * can be bookmarked and shared (`#/entity/org%3Aunicef`), and the key that names a selected
 * relationship (`org:unicef|FUNDS|dpg:rapidpro`).
 */
import { canonicalEntityId, isEntityId } from '../../../../server/model/entity-ids.ts';
import { isRelationshipType } from '../../lib/vocabulary/relationship-types';

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

/** A relationship named by its ends and type, as the API names one (`from -[type]-> to`). */
export interface RelationshipRef {
  from: string;
  type: string;
  to: string;
}

/** Separates a relationship key's parts; no entity id can contain it (entity-ids.ts). */
const KEY_SEPARATOR = '|';

/**
 * `from|TYPE|to`: the relationship's edge id on the canvas (the API's graph answers), its subject
 * in the audit trail, and `sel=` in a link when the selection is a relationship.
 */
export function relationshipKey(ref: RelationshipRef): string {
  return [ref.from, ref.type, ref.to].join(KEY_SEPARATOR);
}

/**
 * The relationship a key names, its ends in canonical case and its type in capitals; null when the
 * text is no key: not three parts, an end that is no entity id, or a type the graph does not have.
 */
export function parseRelationshipKey(text: string): RelationshipRef | null {
  const parts = text.split(KEY_SEPARATOR).map((part) => part.trim());
  if (parts.length !== 3) return null;
  const [from, type, to] = [
    canonicalEntityId(parts[0]!),
    parts[1]!.toUpperCase(),
    canonicalEntityId(parts[2]!),
  ];
  if (!isEntityId(from) || !isEntityId(to) || !isRelationshipType(type)) return null;
  return { from, type, to };
}

/** Whether a key is meant as a relationship's (it has the separator), well formed or not. */
export function looksLikeRelationshipKey(text: string): boolean {
  return text.includes(KEY_SEPARATOR);
}

/** Whether two references name the same relationship (null names none). */
export function sameRelationship(a: RelationshipRef | null, b: RelationshipRef | null): boolean {
  return a !== null && b !== null && a.from === b.from && a.type === b.type && a.to === b.to;
}

/** Relationship properties that are its provenance, shown as its sources rather than as properties. */
const PROVENANCE_KEYS: ReadonlySet<string> = new Set(['sources', 'evidence']);

/**
 * A relationship's provenance from its stored lists (`sources[i]` states it, `evidence[i]` says
 * where), as the API pairs them for an entity's neighbours.
 */
export function relationshipProvenance(
  properties: Readonly<Record<string, unknown>>,
): { source: string; evidence: string | null }[] {
  const sources = Array.isArray(properties.sources) ? properties.sources.map(String) : [];
  const evidence = Array.isArray(properties.evidence) ? properties.evidence : [];
  return sources.map((source, i) => ({
    source,
    evidence: typeof evidence[i] === 'string' ? evidence[i] : null,
  }));
}

/** The order a relationship's own properties read in: who, when, then the rest, the notes last. */
const PROPERTY_ORDER = ['role', 'startDate', 'endDate', 'board'];
/** Last, after everything else: the longer texts, then the page that states it all. */
const PROPERTY_TAIL = ['notes', 'sourceUrl'];

/**
 * A relationship's own properties (role, dates, board, notes, source page), its provenance lists left out, in
 * reading order: the database hands them back in no particular one ("Notes, Role, End date, Start
 * date").
 */
export function relationshipOwnProperties(
  properties: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const rank = (key: string) => {
    const at = PROPERTY_ORDER.indexOf(key);
    if (at !== -1) return at;
    const tail = PROPERTY_TAIL.indexOf(key);
    return tail === -1 ? PROPERTY_ORDER.length : PROPERTY_ORDER.length + 1 + tail;
  };
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([key]) => !PROVENANCE_KEYS.has(key))
      .sort(([a], [b]) => rank(a) - rank(b)),
  );
}
