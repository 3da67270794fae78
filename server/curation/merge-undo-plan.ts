/**
 * Undoing a merge, as plain data: reads a merge's audit event (the two entities before, the kept
 * one after, and the record the merge keeps for its undo), works out what the merge left on the
 * kept entity and what must still be there for an undo to be exact, and what the undo writes.
 * No database here: merge-undo.ts runs the plan in one write transaction.
 *
 * The merge records the Neo4j type of every property JSON would blur, and the undo writes each
 * value back as that type (recorded-values.ts).
 */
import { z } from 'zod';
import { isEntityType, isRelationshipType } from '../model/graph-model.ts';
import type { EntityState } from './entity-edits.ts';
import { unitedProvenance } from './merge-rules.ts';
import { isRestorableType } from './recorded-values.ts';
import {
  recordedEntityStateSchema,
  recordedRelationshipSchema,
  recordedTypesSchema,
  type RecordedRelationship,
} from './undo-event.ts';

/** The version of the undo record a merge writes; records of another (or none) are refused. */
export const MERGE_UNDO_FORMAT = 1;

/**
 * Properties the network-measures recompute writes on entities (write-node-metrics.cypher), not
 * an edit: the refresher rewrites them after a merge, so they are left out of "changed since".
 */
export const MEASURE_PROPERTIES: ReadonlySet<string> = new Set([
  'degree',
  'betweenness',
  'pagerank',
  'community',
  'metricsComputedAt',
]);

const typesSchema = recordedTypesSchema;
const relationshipSchema = recordedRelationshipSchema;

/** What a merge records for its undo, beside the two entities' states. */
export const mergeUndoRecordSchema = z.object({
  format: z.literal(MERGE_UNDO_FORMAT),
  /** The removed entity's labels. */
  labels: z.array(z.string()),
  /** The Neo4j types of the removed entity's properties that JSON blurs, by property. */
  propertyTypes: typesSchema,
  /** The same for its relationships, by key `from|TYPE|to` (only those with such properties). */
  relationshipPropertyTypes: z.record(z.string(), typesSchema),
  /**
   * The kept entity's own relationships that the merge united with one of the removed entity's
   * (same type, same other end, same direction), as they were: the merge changed their provenance.
   */
  shared: z.array(relationshipSchema.extend({ propertyTypes: typesSchema })),
  /** Redirects that led to the removed id, which the merge pointed at the kept one. */
  redirects: z.array(z.string()),
  /** Annotations about (topic) or for (subject) the removed entity, which it moved too. */
  annotations: z.object({ topic: z.array(z.string()), subject: z.array(z.string()) }),
});
export type MergeUndoRecord = z.infer<typeof mergeUndoRecordSchema>;
export type { RecordedRelationship };

/** A merge as its audit event recorded it. */
export interface RecordedMerge {
  keep: EntityState;
  remove: EntityState & { relationships: RecordedRelationship[] };
  /** The kept entity as the merge left it. */
  after: EntityState;
  undo: MergeUndoRecord;
}

/** Why a merge cannot be undone, and what the message names. */
export type UndoRefusal =
  { reason: 'not-recorded'; message: string } | { reason: 'unrestorable'; message: string };

const mergeEventSchema = z.object({
  before: z.object({
    keep: recordedEntityStateSchema,
    remove: recordedEntityStateSchema.extend({ relationships: z.array(relationshipSchema) }),
    undo: z.unknown().optional(),
  }),
  after: recordedEntityStateSchema,
});

/**
 * Reads the `before` and `after` of an `entity.merge` audit event. A merge recorded before undo
 * existed (no undo record) or one whose record this code cannot write back exactly is refused
 * rather than restored wrongly.
 */
export function readRecordedMerge(event: {
  before: unknown;
  after: unknown;
}): { merge: RecordedMerge } | { refusal: UndoRefusal } {
  const parsed = mergeEventSchema.safeParse({ before: event.before, after: event.after });
  if (!parsed.success)
    return {
      refusal: {
        reason: 'not-recorded',
        message: 'This merge’s audit record does not hold both entities as they were.',
      },
    };
  const undo = mergeUndoRecordSchema.safeParse(parsed.data.before.undo);
  if (!undo.success)
    return {
      refusal: {
        reason: 'not-recorded',
        message:
          'This merge was recorded before merges could be undone: its record lacks what an exact undo needs (the kept entity’s own versions of shared relationships, property types). Rebuild the removed entity by hand.',
      },
    };
  const merge: RecordedMerge = {
    keep: parsed.data.before.keep,
    remove: parsed.data.before.remove,
    after: parsed.data.after,
    undo: undo.data,
  };
  const problem = unrestorable(merge);
  return problem ? { refusal: { reason: 'unrestorable', message: problem } } : { merge };
}

/** What in a record names a label, type or value the undo may not or cannot write. */
function unrestorable(merge: RecordedMerge): string | null {
  const { undo } = merge;
  const badLabel = undo.labels.find((l) => l !== 'Entity' && !isEntityType(l));
  if (badLabel !== undefined || !undo.labels.includes(merge.remove.type))
    return `The merge recorded labels ${undo.labels.join(', ')} for ${merge.remove.id}: not an entity’s.`;
  const relationships = [...merge.remove.relationships, ...undo.shared];
  const badType = relationships.find((r) => !isRelationshipType(r.type));
  if (badType) return `The merge recorded a relationship of unknown type ${badType.type}.`;
  const typeMaps = [
    undo.propertyTypes,
    ...Object.values(undo.relationshipPropertyTypes),
    ...undo.shared.map((r) => r.propertyTypes),
  ];
  for (const types of typeMaps)
    for (const [key, type] of Object.entries(types))
      if (!isRestorableType(type))
        return `The merge recorded ${key} as a ${type}, which an undo cannot write back exactly.`;
  return null;
}

/** A relationship's identity: its type and ends. */
export interface RelationshipKey {
  from: string;
  type: string;
  to: string;
}

export const relationshipKey = (r: RelationshipKey): string => `${r.from}|${r.type}|${r.to}`;

/** A relationship to write back, its properties with the recorded types of those JSON blurs. */
export interface RestoredRelationship extends RelationshipKey {
  properties: Record<string, unknown>;
  propertyTypes: Record<string, string>;
}

/** What the merge left on the kept entity: the relationship and the properties it must still have. */
export interface ExpectedRelationship extends RelationshipKey {
  properties: Record<string, unknown>;
  /** The kept entity had it too (the merge united provenance), as against moved alone. */
  shared: boolean;
}

/** Everything an undo writes, and what it checks first. */
export interface UndoPlan {
  keep: string;
  remove: string;
  /** The kept entity must still be as the merge left it. */
  keepAfter: EntityState;
  /** Each relationship the merge moved onto the kept entity, as the merge left it. */
  expected: ExpectedRelationship[];
  /** The kept entity's own relationships, put back as they were before the merge. */
  restoreShared: RestoredRelationship[];
  /** Relationships moved onto the kept entity that were only the removed one's: deleted. */
  deleteMoved: RelationshipKey[];
  /** The removed entity, created again. */
  removed: {
    id: string;
    labels: string[];
    properties: Record<string, unknown>;
    propertyTypes: Record<string, string>;
  };
  /** Every relationship the removed entity had, created again. */
  restoreRemoved: RestoredRelationship[];
  /** What the kept entity gets back (`null` removes a property it took from the removed one). */
  keepProperties: Record<string, unknown>;
  redirects: string[];
  annotations: { topic: string[]; subject: string[] };
}

/** A list property, or none. */
function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A relationship as merge-move-outgoing/-incoming.cypher leave it: the removed entity's
 * properties, the kept entity's own winning where it had the relationship too, and the provenance
 * of both united (merge-rules.ts `unitedProvenance`).
 */
export function mergedRelationship(
  removed: Readonly<Record<string, unknown>>,
  kept: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const united = unitedProvenance(
    { sources: list(kept?.sources), evidence: list(kept?.evidence) },
    { sources: list(removed.sources), evidence: list(removed.evidence) },
  );
  return { ...removed, ...kept, sources: united.sources, evidence: united.evidence };
}

/** The relationship with `from`/`to` moved from the removed entity to the kept one. */
function onKeep(r: RelationshipKey, keep: string, remove: string): RelationshipKey {
  return {
    from: r.from === remove ? keep : r.from,
    type: r.type,
    to: r.to === remove ? keep : r.to,
  };
}

/** Entity state → node properties: its own, then the bookkeeping EntityState keeps apart. */
function nodeProperties(state: EntityState): Record<string, unknown> {
  return {
    ...state.properties,
    sources: state.provenance.map((p) => p.source),
    // A source without evidence is recorded as null; a list property cannot hold null.
    evidence: state.provenance.map((p) => p.evidence ?? ''),
    editedProperties: state.editedProperties,
  };
}

/** Plans the undo of a recorded merge. */
export function planUndo(merge: RecordedMerge): UndoPlan {
  const keep = merge.keep.id;
  const remove = merge.remove.id;
  const shared = new Map(merge.undo.shared.map((r) => [relationshipKey(r), r]));
  const typesOf = (r: RelationshipKey) =>
    merge.undo.relationshipPropertyTypes[relationshipKey(r)] ?? {};

  const expected: ExpectedRelationship[] = [];
  const deleteMoved: RelationshipKey[] = [];
  for (const r of merge.remove.relationships) {
    const ends = [r.from, r.to];
    // Relationships between the two (or a loop) did not move: the merge dropped them.
    if (ends.includes(keep) || (r.from === remove && r.to === remove)) continue;
    const key = onKeep(r, keep, remove);
    const own = shared.get(relationshipKey(key));
    expected.push({
      ...key,
      properties: mergedRelationship(r.properties, own?.properties),
      shared: own !== undefined,
    });
    if (!own) deleteMoved.push(key);
  }

  const keepBefore = nodeProperties(merge.keep);
  const keepAfter = nodeProperties(merge.after);
  // Properties the kept entity took (it lacked them), removed again; and what the merge combined.
  const keepProperties: Record<string, unknown> = {};
  for (const key of Object.keys(keepAfter)) if (!(key in keepBefore)) keepProperties[key] = null;
  for (const key of ['aliases', 'sources', 'evidence', 'editedProperties'])
    keepProperties[key] = keepBefore[key] ?? null;

  return {
    keep,
    remove,
    keepAfter: merge.after,
    expected,
    restoreShared: merge.undo.shared.map(({ from, type, to, properties, propertyTypes }) => ({
      from,
      type,
      to,
      properties,
      propertyTypes,
    })),
    deleteMoved,
    removed: {
      id: remove,
      labels: merge.undo.labels,
      properties: nodeProperties(merge.remove),
      propertyTypes: merge.undo.propertyTypes,
    },
    // Once each: the record lists a loop twice if its read matched it both ways.
    restoreRemoved: [
      ...new Map(merge.remove.relationships.map((r) => [relationshipKey(r), r])).values(),
    ].map((r) => ({
      from: r.from,
      type: r.type,
      to: r.to,
      properties: r.properties,
      propertyTypes: typesOf(r),
    })),
    keepProperties,
    redirects: merge.undo.redirects,
    annotations: merge.undo.annotations,
  };
}

/** Two plain (JSON-like) values are equal: objects whatever their key order, lists in order. */
export function samePlainValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => samePlainValue(x, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => k in rb && samePlainValue((a as Record<string, unknown>)[k], rb[k]));
}

/** The property names whose values differ between two property maps (`ignore` left out). */
export function differingProperties(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  ignore: ReadonlySet<string> = new Set(),
): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !ignore.has(k));
  return keys.filter((k) => !samePlainValue(a[k] ?? null, b[k] ?? null)).sort();
}

/**
 * What changed on the kept entity since the merge left it as `after`: "version", the names of
 * changed properties, "sources", "edited marks". Network measures do not count (see
 * MEASURE_PROPERTIES).
 */
export function keepChanges(after: EntityState, now: EntityState): string[] {
  const out: string[] = [];
  if (now.version !== after.version) out.push('version');
  out.push(...differingProperties(after.properties, now.properties, MEASURE_PROPERTIES));
  if (!samePlainValue(after.provenance, now.provenance)) out.push('sources');
  if (!samePlainValue([...after.editedProperties].sort(), [...now.editedProperties].sort()))
    out.push('edited marks');
  return out;
}
