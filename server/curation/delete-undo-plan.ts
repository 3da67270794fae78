/**
 * Undoing a delete, as plain data: reads the audit event of an entity or relationship delete (the
 * state before, and the record the delete keeps for its undo), says whether the graph as it is now
 * lets it come back exactly, and plans what the restore writes. No database here: delete-undo.ts
 * reads the graph, and runs the plan in one write transaction.
 *
 * An entity comes back with those of its relationships whose other end is still there, as the
 * same kind of entity; the others are listed with the reason (their other end was deleted, merged
 * away or replaced since). A relationship comes back only when both its ends are there.
 */
import { z } from 'zod';
import type { notRestoredAnnotationSchema } from '../api/curation-schemas.ts';
import { annotationSchema } from '../api/curation-schemas.ts';
import { isEntityType, isRelationshipType, RELATIONSHIP_PHRASES } from '../model/graph-model.ts';
import type { RecordRefusal, UndoRefusalReason } from './curation-errors.ts';
import type { EntityState } from './entity-edits.ts';
import { isRestorableType } from './recorded-values.ts';
import {
  recordedEntityStateSchema,
  recordedRelationshipSchema,
  recordedTypesSchema,
  type RecordedRelationship,
} from './undo-event.ts';
import { withArticle } from '../model/indefinite-article.ts';

export type { RecordedRelationship };

/** The version of the undo record a delete writes; records of another (or none) are refused. */
export const DELETE_UNDO_FORMAT = 1;

/**
 * Node properties the restore sets itself rather than from the record: the id (the node's key),
 * the version (moved on, as by any change), the search text of the aliases (computed from them)
 * and the lock mark.
 */
export const RESTORE_SETS = new Set(['id', 'version', 'aliasText', '_lock']);

const typesSchema = recordedTypesSchema;

/** What an entity delete records for its undo, beside the entity's state and relationships. */
export const entityDeleteUndoRecordSchema = z.object({
  format: z.literal(DELETE_UNDO_FORMAT),
  /** The entity's labels. */
  labels: z.array(z.string()),
  /**
   * The node's properties its EntityState leaves out, as stored: provenance lists, edited marks,
   * sector profiles (not those of RESTORE_SETS). Only those it had: a restore adds none it lacked.
   */
  bookkeeping: z.record(z.string(), z.unknown()),
  /** The Neo4j types of the node's properties that JSON blurs, by property. */
  propertyTypes: typesSchema,
  /** The same for its relationships, by key `from|TYPE|to` (only those with such properties). */
  relationshipPropertyTypes: z.record(z.string(), typesSchema),
  /** The type of each entity at the other end of a relationship, by id. */
  ends: z.record(z.string(), z.string()),
});
export type EntityDeleteUndoRecord = z.infer<typeof entityDeleteUndoRecordSchema>;

/** What a relationship delete records for its undo, beside the relationship's state. */
export const relationshipDeleteUndoRecordSchema = z.object({
  format: z.literal(DELETE_UNDO_FORMAT),
  /** Every property as stored: the version and edited marks too (absent when it had none). */
  properties: z.record(z.string(), z.unknown()),
  /** The Neo4j types of those JSON blurs. */
  propertyTypes: typesSchema,
  /** Its ends' types. */
  fromType: z.string(),
  toType: z.string(),
});
export type RelationshipDeleteUndoRecord = z.infer<typeof relationshipDeleteUndoRecordSchema>;

/** An annotation naming the entity, as the delete that took it recorded it (annotations.ts). */
export type RecordedAnnotation = z.infer<typeof annotationSchema>;

/** An entity delete as its audit event recorded it. */
export interface RecordedEntityDelete {
  kind: 'entity';
  state: EntityState;
  relationships: RecordedRelationship[];
  /** The annotations it took; none for deletes recorded before deletes took them (they stayed). */
  annotations: RecordedAnnotation[];
  undo: EntityDeleteUndoRecord;
}

/** A relationship delete as its audit event recorded it. */
export interface RecordedRelationshipDelete {
  kind: 'relationship';
  from: string;
  type: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  undo: RelationshipDeleteUndoRecord;
}

export type RecordedDelete = RecordedEntityDelete | RecordedRelationshipDelete;

/** The audit actions a delete undo serves. */
export const DELETE_ACTIONS = ['entity.delete', 'relationship.delete'] as const;

const entityEventSchema = recordedEntityStateSchema.extend({
  relationships: z.array(recordedRelationshipSchema),
  annotations: z.array(annotationSchema).optional(),
  undo: z.unknown().optional(),
});
const relationshipEventSchema = z.object({
  from: z.string(),
  type: z.string(),
  to: z.string(),
  fromLabel: z.string(),
  toLabel: z.string(),
  undo: z.unknown().optional(),
});

const OLD_RECORD =
  'was recorded before deletes could be undone: its record lacks what an exact restore needs (the Neo4j types of its properties';

/**
 * Reads the `before` of an `entity.delete` or `relationship.delete` audit event. A delete recorded
 * before undo existed (no undo record), or one whose record names a label, type or value this code
 * may not or cannot write back exactly, is refused rather than restored wrongly.
 */
export function readRecordedDelete(event: {
  action: string;
  before: unknown;
}): { recorded: RecordedDelete } | { refusal: RecordRefusal } {
  if (event.action === 'entity.delete') {
    const parsed = entityEventSchema.safeParse(event.before);
    if (!parsed.success)
      return notRecorded('This delete’s audit record does not hold the entity as it was.');
    const { relationships, annotations = [], undo: rawUndo, ...state } = parsed.data;
    const undo = entityDeleteUndoRecordSchema.safeParse(rawUndo);
    const name = String(state.properties.name ?? state.id);
    if (!undo.success)
      return notRecorded(
        `The delete of ${name} ${OLD_RECORD}, the types of the entities at its other ends). Recreate it by hand from its last state in the history.`,
      );
    const recorded: RecordedEntityDelete = {
      kind: 'entity',
      state,
      relationships,
      annotations,
      undo: undo.data,
    };
    const problem = unrestorableEntity(recorded);
    return problem ? { refusal: { reason: 'unrestorable', message: problem } } : { recorded };
  }
  const parsed = relationshipEventSchema.safeParse(event.before);
  if (!parsed.success)
    return notRecorded('This delete’s audit record does not hold the relationship as it was.');
  const { undo: rawUndo, ...ref } = parsed.data;
  const undo = relationshipDeleteUndoRecordSchema.safeParse(rawUndo);
  if (!undo.success)
    return notRecorded(
      `The delete of ${ref.fromLabel} ${ref.type} ${ref.toLabel} ${OLD_RECORD} and of its ends). State it again by hand.`,
    );
  const recorded: RecordedRelationshipDelete = { kind: 'relationship', ...ref, undo: undo.data };
  const problem = unrestorableRelationship(recorded);
  return problem ? { refusal: { reason: 'unrestorable', message: problem } } : { recorded };
}

const notRecorded = (message: string) => ({
  refusal: { reason: 'not-recorded' as const, message },
});

/** The first recorded type no restore can write back exactly, as a sentence. */
function unrestorableType(maps: Record<string, string>[]): string | null {
  for (const types of maps)
    for (const [key, type] of Object.entries(types))
      if (!isRestorableType(type))
        return `The delete recorded ${key} as a ${type}, which a restore cannot write back exactly.`;
  return null;
}

function unrestorableEntity({ state, relationships, undo }: RecordedEntityDelete): string | null {
  const badLabel = undo.labels.find((l) => l !== 'Entity' && !isEntityType(l));
  if (badLabel !== undefined || !undo.labels.includes(state.type) || !isEntityType(state.type))
    return `The delete recorded labels ${undo.labels.join(', ')} for ${state.id}: not an entity’s.`;
  const badType = relationships.find((r) => !isRelationshipType(r.type));
  if (badType) return `The delete recorded a relationship of unknown type ${badType.type}.`;
  const badEnd = Object.entries(undo.ends).find(([, type]) => !isEntityType(type));
  if (badEnd) return `The delete recorded ${badEnd[0]} as a ${badEnd[1]}: not an entity type.`;
  const others = relationships.map((r) => (r.from === state.id ? r.to : r.from));
  const unknown = others.find((id) => id !== state.id && !(id in undo.ends));
  if (unknown !== undefined)
    return `The delete did not record what kind of entity ${unknown} was, at the other end of a relationship.`;
  return unrestorableType([undo.propertyTypes, ...Object.values(undo.relationshipPropertyTypes)]);
}

function unrestorableRelationship(r: RecordedRelationshipDelete): string | null {
  if (!isRelationshipType(r.type))
    return `The delete recorded an unknown relationship type ${r.type}.`;
  const badEnd = [r.undo.fromType, r.undo.toType].find((t) => !isEntityType(t));
  if (badEnd !== undefined)
    return `The delete recorded an end of type ${badEnd}: not an entity type.`;
  return unrestorableType([r.undo.propertyTypes]);
}

// ---- the graph now ----

/** An entity a restore names, as the graph holds it now. */
export interface EntityNow {
  /** Its type, or null when no entity has the id. */
  type: string | null;
  /** The entity a merge folded it into, when the id redirects. */
  mergedInto: string | null;
}

/** A later change of the same entity or relationship, from the audit trail. */
export interface LaterEvent {
  action: string;
  at: string;
}

/** Why a restore cannot go ahead, with what changed. */
export interface RestoreRefusal {
  reason: Exclude<UndoRefusalReason, 'not-recorded' | 'unrestorable'>;
  message: string;
  changes?: string[];
}

/** How an end that is not there (or not as it was) is described: "DHIS2 (dpg:dhis2) was deleted since". */
function endChange(id: string, label: string, wasType: string, now: EntityNow): string | null {
  const who = label && label !== id ? `${label} (${id})` : id;
  if (now.type === wasType) return null;
  if (now.mergedInto) return `${who} was merged into ${now.mergedInto} since`;
  if (now.type === null) return `${who} was deleted since`;
  return `${who} is ${withArticle(now.type)} now, not the ${wasType} it was`;
}

/**
 * Whether the deleted entity can come back: not when an entity holds its id again, the id was
 * merged away, or the id was created and deleted again since (that later delete is the one to undo).
 */
export function entityRestoreRefusal(
  recorded: RecordedEntityDelete,
  now: EntityNow,
  later: readonly LaterEvent[],
): RestoreRefusal | null {
  const { id } = recorded.state;
  const name = String(recorded.state.properties.name ?? id);
  if (now.mergedInto)
    return {
      reason: 'in-use',
      message: `The id ${id} was merged into ${now.mergedInto} since: ${name} cannot come back under it.`,
      changes: [`${id} redirects to ${now.mergedInto}`],
    };
  if (now.type !== null)
    return {
      reason: 'in-use',
      message: `The id ${id} is in use again: an entity holds it, so ${name} cannot come back.`,
      changes: [`${id} exists`],
    };
  if (later.length > 0)
    return {
      reason: 'changed',
      message: `${name} (${id}) was created and deleted again since (${readableTime(later[later.length - 1]!.at)}): undo that later delete instead.`,
      changes: later.map((e) => `${e.action} at ${e.at}`),
    };
  return null;
}

/**
 * Whether the deleted relationship can come back: both ends there as the entities they were, the
 * relationship not stated again, and not stated and deleted again since.
 */
export function relationshipRestoreRefusal(
  recorded: RecordedRelationshipDelete,
  now: { from: EntityNow; to: EntityNow; exists: boolean },
  later: readonly LaterEvent[],
): RestoreRefusal | null {
  const phrase = isRelationshipType(recorded.type)
    ? RELATIONSHIP_PHRASES[recorded.type]
    : recorded.type;
  const sentence = `${recorded.fromLabel} ${phrase} ${recorded.toLabel}`;
  const changes = [
    endChange(recorded.from, recorded.fromLabel, recorded.undo.fromType, now.from),
    endChange(recorded.to, recorded.toLabel, recorded.undo.toType, now.to),
  ].filter((c): c is string => c !== null);
  if (changes.length > 0)
    return {
      reason: 'changed',
      message: `The relationship ${sentence} cannot come back: ${changes.join('; ')}.`,
      changes,
    };
  if (now.exists)
    return {
      reason: 'in-use',
      message: `The relationship ${sentence} exists again: it was stated anew since.`,
      changes: [`${recorded.from}|${recorded.type}|${recorded.to} exists`],
    };
  if (later.length > 0)
    return {
      reason: 'changed',
      message: `The relationship ${sentence} was stated and deleted again since (${readableTime(later[later.length - 1]!.at)}): undo that later delete instead.`,
      changes: later.map((e) => `${e.action} at ${e.at}`),
    };
  return null;
}

/** An audit event's time as a reader writes it ("7 Dec 2026, 07:32 UTC"), not as ISO 8601. */
export function readableTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const when = at.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return `${when} UTC`;
}

// ---- the plans ----

/** A relationship to write back: its identity, properties as stored and the types JSON blurs. */
export interface RestoredRelationship {
  from: string;
  type: string;
  to: string;
  properties: Record<string, unknown>;
  propertyTypes: Record<string, string>;
}

/** A relationship of the entity that could not come back, and why. */
export interface NotRestored {
  from: string;
  type: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  reason: string;
}

/** An annotation to write back: its properties as stored (version moved on) and its times. */
export interface RestoredAnnotation {
  properties: Omit<RecordedAnnotation, 'createdAt' | 'updatedAt' | 'topicLabel' | 'subjectLabel'>;
  createdAt: string;
  updatedAt: string;
}

/** An annotation the entity took that could not come back, and why. */
export type NotRestoredAnnotation = z.infer<typeof notRestoredAnnotationSchema>;

/** Everything an entity restore writes. */
export interface EntityRestorePlan {
  id: string;
  labels: string[];
  /** Its properties as stored (but those of RESTORE_SETS), with the types JSON blurs. */
  properties: Record<string, unknown>;
  propertyTypes: Record<string, string>;
  /** The version it comes back with: one on from the deleted one's. */
  version: number;
  relationships: RestoredRelationship[];
  notRestored: NotRestored[];
  annotations: RestoredAnnotation[];
  annotationsNotRestored: NotRestoredAnnotation[];
}

export const relationshipKey = (r: { from: string; type: string; to: string }): string =>
  `${r.from}|${r.type}|${r.to}`;

/**
 * Plans the restore of a deleted entity: its node as stored, and each of its relationships (once,
 * though a loop may be recorded twice) whose other end is there now as the entity it was, per
 * `ends` (the other ends as the graph holds them now, by id).
 */
export function planEntityRestore(
  recorded: RecordedEntityDelete,
  ends: ReadonlyMap<string, EntityNow>,
): EntityRestorePlan {
  const { state, undo } = recorded;
  const properties = Object.fromEntries(
    Object.entries({ ...state.properties, ...undo.bookkeeping }).filter(
      ([key]) => !RESTORE_SETS.has(key),
    ),
  );
  const propertyTypes = Object.fromEntries(
    Object.entries(undo.propertyTypes).filter(([key]) => key in properties),
  );
  const relationships: RestoredRelationship[] = [];
  const notRestored: NotRestored[] = [];
  const unique = new Map(recorded.relationships.map((r) => [relationshipKey(r), r]));
  for (const r of unique.values()) {
    const other = r.from === state.id ? r.to : r.from;
    const label = (other === r.from ? r.fromLabel : r.toLabel) ?? other;
    const change =
      other === state.id
        ? null
        : endChange(
            other,
            label,
            undo.ends[other] ?? '',
            ends.get(other) ?? { type: null, mergedInto: null },
          );
    if (change)
      notRestored.push({
        from: r.from,
        type: r.type,
        to: r.to,
        fromLabel: r.fromLabel ?? r.from,
        toLabel: r.toLabel ?? r.to,
        reason: change,
      });
    else
      relationships.push({
        from: r.from,
        type: r.type,
        to: r.to,
        properties: r.properties,
        propertyTypes: undo.relationshipPropertyTypes[relationshipKey(r)] ?? {},
      });
  }
  return {
    id: state.id,
    labels: undo.labels,
    properties,
    propertyTypes,
    version: state.version + 1,
    relationships,
    notRestored,
    ...planAnnotationsRestore(recorded, ends),
  };
}

const STAKEHOLDER_TYPES = new Set(['Organisation', 'Group']);

/** The ids at the other end of the annotations the delete took (topic or stakeholder). */
export function annotationEnds(recorded: RecordedEntityDelete): string[] {
  return recorded.annotations
    .flatMap((a) => [a.topic, a.subject])
    .filter((end) => end !== recorded.state.id);
}

/**
 * The annotations the delete took, each back where its other end is there now (as a stakeholder
 * still, when it is the annotation's stakeholder), with its version moved on; the others with why.
 */
function planAnnotationsRestore(
  { state, annotations }: RecordedEntityDelete,
  ends: ReadonlyMap<string, EntityNow>,
): Pick<EntityRestorePlan, 'annotations' | 'annotationsNotRestored'> {
  const restored: RestoredAnnotation[] = [];
  const notRestored: NotRestoredAnnotation[] = [];
  for (const a of annotations) {
    const change =
      a.topic === state.id ? null : annotationEndChange(a.topic, a.topicLabel, ends, false);
    const reason =
      change ??
      (a.subject === state.id ? null : annotationEndChange(a.subject, a.subjectLabel, ends, true));
    if (reason !== null) {
      const { id, topic, subject, topicLabel, subjectLabel } = a;
      notRestored.push({ id, topic, subject, topicLabel, subjectLabel, reason });
      continue;
    }
    const { createdAt, updatedAt, topicLabel: _t, subjectLabel: _s, ...properties } = a;
    restored.push({ properties: { ...properties, version: a.version + 1 }, createdAt, updatedAt });
  }
  return { annotations: restored, annotationsNotRestored: notRestored };
}

/** Why an annotation's other end stops it coming back, or null when it is there as it must be. */
function annotationEndChange(
  id: string,
  label: string,
  ends: ReadonlyMap<string, EntityNow>,
  stakeholder: boolean,
): string | null {
  const now = ends.get(id) ?? { type: null, mergedInto: null };
  const who = label && label !== id ? `${label} (${id})` : id;
  if (now.mergedInto) return `${who} was merged into ${now.mergedInto} since`;
  if (now.type === null) return `${who} was deleted since`;
  if (stakeholder && !STAKEHOLDER_TYPES.has(now.type))
    return `${who} is ${withArticle(now.type)} now, which no annotation is about`;
  return null;
}

/** Plans the restore of a deleted relationship: as it was stored. */
export function planRelationshipRestore(
  recorded: RecordedRelationshipDelete,
): RestoredRelationship {
  return {
    from: recorded.from,
    type: recorded.type,
    to: recorded.to,
    properties: recorded.undo.properties,
    propertyTypes: recorded.undo.propertyTypes,
  };
}
