/**
 * Reads audit events (docs/curation.md) as the History tab shows them: a title ("Created
 * organisation", "Linked: participates in …", "Relationship changed: leads …") and the properties
 * that changed.
 */
import { relationshipPhrase } from '../../lib/vocabulary';
import { relationshipSentence } from '../../lib/vocabulary/relationship-sentence';
import type { AuditEvent } from './types';

/** One changed property: before and after as text (null when absent). */
export interface PropertyChange {
  key: string;
  before: string | null;
  after: string | null;
}

/** An event as the History tab shows it. */
export interface DescribedEvent {
  title: string;
  changes: PropertyChange[];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The properties whose values differ between two entity states. */
export function propertyChanges(before: unknown, after: unknown): PropertyChange[] {
  const a = record(record(before).properties);
  const b = record(record(after).properties);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .map((key) => ({ key, before: text(a[key]), after: text(b[key]) }))
    .filter((change) => change.before !== change.after);
}

const ACTIONS: Record<string, string> = {
  'entity.create': 'Created',
  'entity.update': 'Changed',
  'entity.delete': 'Deleted',
  'entity.merge': 'Merged',
  'annotation.create': 'Annotated',
  'annotation.update': 'Annotation changed',
  'annotation.delete': 'Annotation removed',
  'view.create': 'Saved view created',
  'view.update': 'Saved view changed',
  'view.delete': 'Saved view deleted',
};

/** Relationship properties that are provenance, not something an editor changes. */
const PROVENANCE = new Set(['sources', 'evidence']);

const RELATIONSHIP_VERBS: Record<string, string> = {
  'relationship.create': 'Linked',
  'relationship.update': 'Relationship changed',
  'relationship.delete': 'Unlinked',
  'relationship.restore': 'Unlink undone',
};

/** "Acme (org:acme)", "Acme" or "org:acme" for an entity state as an event recorded it. */
function entityName(state: Record<string, unknown>): string | null {
  const name = text(record(state.properties).name);
  const id = text(state.id);
  return name && id ? `${name} (${id})` : (name ?? id);
}

/** "1 relationship", "3 relationships": the history's and the delete notice's counts alike. */
export const relationshipCount = (n: number) =>
  `${n} ${n === 1 ? 'relationship' : 'relationships'}`;
/** "1 annotation", "2 annotations". */
export const annotationCount = (n: number) => `${n} ${n === 1 ? 'annotation' : 'annotations'}`;

/**
 * A title and the changed properties of `event`, seen from entity `viewedId`. The other end of a
 * relationship is named by the label the event recorded; `labelOf` names it for older events that
 * recorded ids only (the id when unknown).
 */
export function describeEvent(
  event: AuditEvent,
  viewedId: string,
  labelOf: (id: string) => string = (id) => id,
): DescribedEvent {
  if (event.action.startsWith('relationship.')) {
    // A restore's after is {relationship}; every other event's states are the relationship's own.
    const state =
      event.action === 'relationship.restore'
        ? record(record(event.after).relationship)
        : record(event.after ?? event.before);
    const type = String(state.type ?? '');
    const outgoing = state.from === viewedId;
    const other = String(outgoing ? state.to : state.from);
    const recorded = outgoing ? state.toLabel : state.fromLabel;
    const name = typeof recorded === 'string' && recorded !== '' ? recorded : labelOf(other);
    const verb = RELATIONSHIP_VERBS[event.action] ?? event.action;
    const phrase = type ? relationshipPhrase(type, outgoing ? 'out' : 'in').toLowerCase() : '';
    // An incoming relationship whose phrase is a heading ("Members", "Activities here") reads from
    // the other end: "Linked: IntraHealth member of this", not "Linked: members IntraHealth" (QA).
    const fromOther = !outgoing && type !== '' && !/ (by|in)$/.test(phrase);
    const sentence = fromOther
      ? `${name} ${relationshipPhrase(type, 'out').toLowerCase()} this`
      : `${phrase} ${name}`;
    const changes =
      event.action === 'relationship.delete' || event.action === 'relationship.restore'
        ? []
        : propertyChanges(event.before, event.after).filter((c) => !PROVENANCE.has(c.key));
    return { title: `${verb}: ${sentence}`.trim(), changes };
  }
  if (event.action.startsWith('annotation.')) {
    const state = record(event.after ?? event.before);
    const about =
      state.subject === viewedId
        ? ['for', state.topicLabel ?? labelOf(String(state.topic ?? ''))]
        : ['about', state.subjectLabel ?? labelOf(String(state.subject ?? ''))];
    const named = typeof about[1] === 'string' && about[1] !== '' ? ` ${about[0]} ${about[1]}` : '';
    const fields = ['stance', 'priority', 'notes', 'tags'];
    const changes =
      event.action === 'annotation.delete'
        ? []
        : fields
            .map((key) => ({
              key,
              before: text(record(event.before)[key]),
              after: text(record(event.after)[key]),
            }))
            .filter((change) => change.before !== change.after);
    return { title: `${ACTIONS[event.action] ?? event.action}${named}`, changes };
  }
  if (event.action === 'entity.merge') {
    // before: {keep, remove: {…, relationships}}; after: the kept entity. The kept entity's history
    // names what was merged into it (it said "Merged" alone, QA): the merged one's own history is
    // gone with its id.
    const before = record(event.before);
    const removed = record(before.remove);
    const name = text(record(removed.properties).name);
    const id = text(removed.id);
    // Relationships between the two went with the merged entity (they would be loops): not moved.
    const keptId = text(record(before.keep).id);
    const moved = Array.isArray(removed.relationships)
      ? removed.relationships.filter((r) => {
          const ends = record(r);
          return ends.from !== keptId && ends.to !== keptId;
        }).length
      : null;
    const what = name && id ? `${name} (${id})` : (name ?? id);
    const count =
      moved === null ? '' : `, ${moved} ${moved === 1 ? 'relationship' : 'relationships'} moved`;
    return {
      title: what ? `Merged in ${what}${count}` : 'Merged',
      changes: propertyChanges(before.keep, event.after),
    };
  }
  if (event.action === 'entity.unmerge') {
    // before: {merge, keep}; after: {merge, keep, restored}. Seen from the entity brought back, or
    // from the one it had been merged into.
    const after = record(event.after);
    const restored = record(after.restored);
    const keep = record(after.keep);
    const other = restored.id === viewedId ? keep : restored;
    const name = text(record(other.properties).name) ?? text(other.id) ?? '';
    return {
      title:
        restored.id === viewedId
          ? `Merge undone: separated again from ${name}`
          : `Merge undone: ${name} separated again`,
      changes: propertyChanges(record(event.before).keep, keep),
    };
  }
  if (event.action === 'entity.delete' && event.entityId !== viewedId) {
    // Seen from an entity that was at the other end of one of its relationships: which one went.
    const before = record(event.before);
    const what = entityName(before);
    const count = Array.isArray(before.relationships)
      ? `, ${relationshipCount(before.relationships.length)} with it`
      : '';
    return { title: what ? `Deleted ${what}${count}` : 'Deleted', changes: [] };
  }
  if (event.action === 'entity.restore') {
    // after: {entity, relationships, notRestored, annotations…}: the delete undone.
    const after = record(event.after);
    const back = Array.isArray(after.relationships) ? after.relationships.length : 0;
    const lost = Array.isArray(after.notRestored) ? after.notRestored.length : 0;
    const lostNotes = Array.isArray(after.annotationsNotRestored)
      ? after.annotationsNotRestored.length
      : 0;
    const what = entityName(record(after.entity));
    const title =
      event.entityId === viewedId || !what
        ? `Delete undone: back with ${relationshipCount(back)}`
        : `Delete undone: ${what} back`;
    // Relationships and annotations counted apart: "2 could not come back" read as relationships.
    const missing = [
      lost > 0 ? `${relationshipCount(lost)} could not come back` : null,
      lostNotes > 0 ? `${annotationCount(lostNotes)} could not come back` : null,
    ].filter((part): part is string => part !== null);
    return { title: missing.length > 0 ? `${title} (${missing.join('; ')})` : title, changes: [] };
  }
  const title = ACTIONS[event.action] ?? event.action;
  const changes =
    event.action === 'entity.update' || event.action === 'entity.create'
      ? propertyChanges(event.before, event.after)
      : [];
  return { title, changes };
}

/** The two sides of a merge the history can offer to undo. */
export interface UndoableMerge {
  auditId: string;
  keep: { id: string; label: string };
  remove: { id: string; label: string };
}

/**
 * Whether the History tab offers to undo the merge `event`, in the viewed entity's `events` (newest
 * first): a merge into the viewed entity, recorded with what an undo needs (not by a version before
 * undo existed), and nothing since but annotations — an edit, another merge or the undo itself
 * would make the server refuse, so the offer goes with them. The server checks again.
 */
export function undoableMerge(
  events: readonly AuditEvent[],
  event: AuditEvent,
  viewedId: string,
): UndoableMerge | null {
  if (event.action !== 'entity.merge' || event.entityId !== viewedId) return null;
  const before = record(event.before);
  if (typeof before.undo !== 'object' || before.undo === null) return null;
  const index = events.indexOf(event);
  if (index < 0 || events.slice(0, index).some((e) => !e.action.startsWith('annotation.')))
    return null;
  const keep = record(before.keep);
  const remove = record(before.remove);
  const side = (state: Record<string, unknown>) => ({
    id: String(state.id ?? ''),
    label: text(record(state.properties).name) ?? String(state.id ?? ''),
  });
  if (typeof keep.id !== 'string' || typeof remove.id !== 'string') return null;
  return { auditId: event.id, keep: side(keep), remove: side(remove) };
}

/** A delete that can be offered for undoing. */
export interface UndoableDelete {
  /** The delete's audit event: what the undo names. */
  auditId: string;
  kind: 'entity' | 'relationship';
  /** What went, as the notice names it: "Acme", or "Acme funds DHIS2". */
  label: string;
  /** The entity deleted, or the relationship's two ends. */
  ids: string[];
}

/**
 * Whether the History tab offers to undo the delete `event`, seen from the viewed entity: an entity
 * delete seen from one at the other end of its relationships, or a relationship delete seen from
 * either end, recorded with what an undo needs (not by a version before undo existed), not undone
 * yet, and not superseded by a later change of the same entity or relationship in `events` (the
 * feed, newest first): the server refuses those ("created and deleted again since"), and History
 * offered three undos of which only the newest could be done (QA). Anything else that stands in its
 * way (its id taken again elsewhere, an end gone) the server checks, and its refusal shows under
 * the row.
 */
export function undoableDelete(
  events: readonly AuditEvent[],
  event: AuditEvent,
  viewedId: string,
): UndoableDelete | null {
  if (event.action === 'entity.delete' && event.entityId === viewedId) return null;
  const offer = deleteOffer(event);
  if (!offer) return null;
  const index = events.indexOf(event);
  const subject = changeSubject(event);
  const later = index < 0 ? [] : events.slice(0, index);
  return later.some((e) => changeSubject(e) === subject) ? null : offer;
}

/**
 * What an entity or relationship event changed, as one key: `entity <id>`, or `relationship
 * <from>|<type>|<to>` (a restore's relationship read from its answer); null for anything else.
 */
function changeSubject(event: AuditEvent): string | null {
  if (event.action.startsWith('entity.')) return `entity ${event.entityId}`;
  if (!event.action.startsWith('relationship.')) return null;
  const state =
    event.action === 'relationship.restore'
      ? record(record(event.after).relationship)
      : record(event.after ?? event.before);
  const [from, type, to] = [state.from, state.type, state.to].map((v) => text(v) ?? '');
  return from && type && to ? `relationship ${from}|${type}|${to}` : null;
}

/**
 * The delete to offer undoing on the page of an entity that is not there (an old link, Back after
 * deleting it): the newest change of that very entity in `events` (its feed, newest first), when
 * that change is its delete, recorded with what an undo needs and not undone yet.
 */
export function undoableDeleteOf(events: readonly AuditEvent[], id: string): UndoableDelete | null {
  const last = events.find((e) => e.entityId === id && e.action.startsWith('entity.'));
  return last?.action === 'entity.delete' ? deleteOffer(last) : null;
}

/** A delete event as an offer to undo it, unless undone already or recorded before undo existed. */
function deleteOffer(event: AuditEvent): UndoableDelete | null {
  if (event.undoneBy) return null;
  const before = record(event.before);
  if (typeof before.undo !== 'object' || before.undo === null) return null;
  if (event.action === 'entity.delete') {
    const label = text(record(before.properties).name) ?? event.entityId;
    return { auditId: event.id, kind: 'entity', label, ids: [event.entityId] };
  }
  if (event.action === 'relationship.delete') {
    const [from, type, to] = [before.from, before.type, before.to].map((v) => text(v) ?? '');
    if (!from || !type || !to) return null;
    const label = relationshipSentence(
      text(before.fromLabel) ?? from,
      type,
      text(before.toLabel) ?? to,
    ).text;
    return { auditId: event.id, kind: 'relationship', label, ids: [from, to] };
  }
  return null;
}

/** What an event of the site-wide feed (Recent changes) is about, and how to open it. */
export interface FeedSubject {
  /** An entity (the graph), or a saved view (a reader's arrangement of it, opened by its id). */
  kind: 'entity' | 'view';
  /** The entity it is told from (`describeEvent`'s `viewedId`), or the view's id. */
  id: string;
  /** Its name as the event recorded it (its id when it recorded none). */
  label: string;
  /** Whether it can be opened: not an entity or view deleted and not brought back. */
  openable: boolean;
  /** The relationship to select with it, for a relationship that still stands. */
  relationship: { from: string; type: string; to: string } | null;
}

/**
 * The subject of `event` in the feed: the entity changed, the one a relationship starts from, the
 * stakeholder annotated, or the saved view (views are public to readers, as their links are).
 */
export function feedSubject(event: AuditEvent): FeedSubject {
  if (event.action.startsWith('view.')) {
    const state = record(event.after ?? event.before);
    return {
      kind: 'view',
      id: event.entityId,
      label: text(state.name) ?? event.entityId,
      openable: event.action !== 'view.delete',
      relationship: null,
    };
  }
  if (event.action.startsWith('relationship.')) {
    const state =
      event.action === 'relationship.restore'
        ? record(record(event.after).relationship)
        : record(event.after ?? event.before);
    // entityIds is [key `from|TYPE|to`, from, to]: a restore that found an end gone recorded no
    // relationship to read the start from.
    const from = text(state.from) ?? event.entityIds[1] ?? event.entityId.split('|')[0]!;
    const gone = event.action === 'relationship.delete' && !event.undoneBy;
    const type = text(state.type);
    const to = text(state.to);
    return {
      kind: 'entity',
      id: from,
      label: text(state.fromLabel) ?? from,
      openable: true,
      relationship: gone || !type || !to ? null : { from, type, to },
    };
  }
  if (event.action.startsWith('annotation.')) {
    const state = record(event.after ?? event.before);
    // entityIds is [annotation id, topic, subject].
    const subject = text(state.subject) ?? event.entityIds[2] ?? event.entityId;
    return {
      kind: 'entity',
      id: subject,
      label: text(state.subjectLabel) ?? subject,
      openable: true,
      relationship: null,
    };
  }
  const after = record(event.after);
  const state =
    event.action === 'entity.restore'
      ? record(after.entity)
      : event.action === 'entity.unmerge'
        ? record(after.restored)
        : record(event.after ?? event.before);
  const id = text(state.id) ?? event.entityId;
  return {
    kind: 'entity',
    id,
    label: text(record(state.properties).name) ?? id,
    openable: !(event.action === 'entity.delete' && !event.undoneBy),
    relationship: null,
  };
}
