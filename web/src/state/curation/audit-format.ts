/**
 * Reads audit events (docs/curation.md) as the History tab shows them: a title ("Created
 * organisation", "Linked: participates in …", "Relationship changed: leads …") and the properties
 * that changed.
 */
import { relationshipPhrase } from '../../lib/vocabulary';
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
};

/** Relationship properties that are provenance, not something an editor changes. */
const PROVENANCE = new Set(['sources', 'evidence']);

const RELATIONSHIP_VERBS: Record<string, string> = {
  'relationship.create': 'Linked',
  'relationship.update': 'Relationship changed',
  'relationship.delete': 'Unlinked',
};

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
    const state = record(event.after ?? event.before);
    const type = String(state.type ?? '');
    const outgoing = state.from === viewedId;
    const other = String(outgoing ? state.to : state.from);
    const recorded = outgoing ? state.toLabel : state.fromLabel;
    const name = typeof recorded === 'string' && recorded !== '' ? recorded : labelOf(other);
    const verb = RELATIONSHIP_VERBS[event.action] ?? event.action;
    const phrase = type ? relationshipPhrase(type, outgoing ? 'out' : 'in').toLowerCase() : '';
    const changes =
      event.action === 'relationship.delete'
        ? []
        : propertyChanges(event.before, event.after).filter((c) => !PROVENANCE.has(c.key));
    return { title: `${verb}: ${phrase} ${name}`.trim(), changes };
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
    const moved = Array.isArray(removed.relationships) ? removed.relationships.length : null;
    const what = name && id ? `${name} (${id})` : (name ?? id);
    const count =
      moved === null ? '' : `, ${moved} ${moved === 1 ? 'relationship' : 'relationships'} moved`;
    return {
      title: what ? `Merged in ${what}${count}` : 'Merged',
      changes: propertyChanges(before.keep, event.after),
    };
  }
  const title = ACTIONS[event.action] ?? event.action;
  const changes =
    event.action === 'entity.update' || event.action === 'entity.create'
      ? propertyChanges(event.before, event.after)
      : [];
  return { title, changes };
}
