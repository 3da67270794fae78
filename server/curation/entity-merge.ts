/**
 * Merges two entities that are one real thing: every relationship of the removed entity moves to
 * the kept one with its provenance (united where both had it), the kept one takes the removed
 * one's sources, names (as aliases) and missing properties, and a Redirect answers for the old id.
 * One transaction, both entities locked and version-checked, one audit event, whose `before` also
 * holds what an exact undo needs (merge-undo.ts).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { UserPrincipal } from '../auth/roles.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { ValidationError } from '../errors.ts';
import { markMetricsStale } from '../insights/metrics-service.ts';
import { recordAudit } from './audit-trail.ts';
import { editableType, lockEntity, toEntityState, type EntityState } from './entity-edits.ts';
import { stateAsEditor } from './editor-provenance.ts';
import {
  mergeFills,
  uniqueAliases,
  unitedProvenance,
  valuesKeptOver,
  type KeptOverValue,
} from './merge-rules.ts';
import { MERGE_UNDO_FORMAT, type MergeUndoRecord } from './merge-undo-plan.ts';
import { JSON_SAFE_TYPES, typesByProperty } from './recorded-values.ts';
import { withArticle } from '../model/indefinite-article.ts';

export interface MergeResult {
  entity: EntityState;
  removed: string;
  moved: { outgoing: number; incoming: number };
  /** Where both had a relationship and said differently: the kept values, and those dropped. */
  keptOver: KeptOverValue[];
  /** The merge's audit event: what `POST /api/curation/merge/undo` names to undo it. */
  auditId: string;
}

/**
 * What an undo of this merge needs that the two entity states do not hold, read before anything
 * moves (see merge-undo-plan.ts).
 */
async function undoRecord(
  tx: ManagedTransaction,
  keep: string,
  remove: string,
): Promise<MergeUndoRecord> {
  const [row] = await run(tx, 'curation/merge-undo-record', {
    keep,
    remove,
    jsonSafe: [...JSON_SAFE_TYPES],
  });
  const shared = row!.shared as (Record<string, unknown> & { propertyTypes: unknown })[];
  return {
    format: MERGE_UNDO_FORMAT,
    labels: (row!.labels as string[]).map(String),
    propertyTypes: typesByProperty(row!.propertyTypes),
    relationshipPropertyTypes: Object.fromEntries(
      (row!.relationshipTypes as [string, unknown][]).map(([key, types]) => [
        key,
        typesByProperty(types),
      ]),
    ),
    shared: shared.map((r) => ({
      from: String(r.from),
      type: String(r.type),
      to: String(r.to),
      fromLabel: String(r.fromLabel),
      toLabel: String(r.toLabel),
      properties: r.properties as Record<string, unknown>,
      propertyTypes: typesByProperty(r.propertyTypes),
    })),
    redirects: (row!.redirects as string[]).map(String),
    annotations: {
      topic: (row!.topics as string[]).map(String),
      subject: (row!.subjects as string[]).map(String),
    },
  };
}

/**
 * The kept entity's edited properties after the merge: its own, and those of the removed one
 * whose value it now holds — the properties `filled` in from it, and the aliases, which unite
 * both lists. An edited mark tells imports an editor chose that value; the removed entity's
 * edited `name` (every entity an editor created has one) survives only as an alias, so the kept
 * name, often an import's, is not marked, and a re-import still updates it.
 */
export function mergedEditedProperties(
  keep: EntityState,
  remove: EntityState,
  filled: readonly string[],
): string[] {
  const taken = new Set([...filled, 'aliases']);
  return [
    ...new Set([...keep.editedProperties, ...remove.editedProperties.filter((k) => taken.has(k))]),
  ];
}

/** The kept entity's aliases after the merge: its own, then the removed one's name and aliases. */
export function mergedAliases(keep: EntityState, remove: EntityState): string[] {
  const name = String(keep.properties.name ?? '');
  const out: string[] = [];
  const candidates = [
    ...((keep.properties.aliases as string[] | undefined) ?? []),
    String(remove.properties.name ?? ''),
    ...((remove.properties.aliases as string[] | undefined) ?? []),
  ];
  for (const alias of candidates) if (alias && alias !== name) out.push(alias);
  return uniqueAliases(out);
}

export async function mergeEntities(
  db: GraphDatabase,
  user: UserPrincipal,
  input: { keep: string; remove: string; keepVersion: number; removeVersion: number },
): Promise<MergeResult> {
  return db.writeTx(async (tx) => {
    // Locks in id order, so two merges of the same pair cannot deadlock each other.
    const [first, second] = [input.keep, input.remove].sort();
    const states = new Map<string, EntityState>();
    for (const id of [first!, second!]) {
      const version = id === input.keep ? input.keepVersion : input.removeVersion;
      states.set(id, await lockEntity(tx, id, version));
    }
    const keep = states.get(input.keep)!;
    const remove = states.get(input.remove)!;
    // Reference data is not merged, as it is not edited or deleted: a merge of Uganda into Kenya
    // deleted Uganda and moved its relationships (QA).
    editableType(keep, 'body.keep');
    editableType(remove, 'body.remove');
    if (keep.type !== remove.type)
      throw new ValidationError(`Only entities of one type merge: ${keep.type} ≠ ${remove.type}`, [
        {
          path: 'body.remove',
          message: `is ${withArticle(remove.type)}, keep is ${withArticle(keep.type)}`,
        },
      ]);
    const relationships = await run(tx, 'curation/entity-relationships', { id: input.remove });
    const undo = await undoRecord(tx, input.keep, input.remove);
    const keptOver = valuesKeptOver(
      relationships.map((r) => ({
        from: String(r.from),
        type: String(r.type),
        to: String(r.to),
        properties: r.properties as Record<string, unknown>,
      })),
      undo.shared,
      input.keep,
      input.remove,
    );
    const [out] = await run(tx, 'curation/merge-move-outgoing', input);
    const [inc] = await run(tx, 'curation/merge-move-incoming', input);
    const fill = Object.fromEntries(
      mergeFills(keep.properties, remove.properties).map((k) => [k, remove.properties[k]]),
    );
    const edited = mergedEditedProperties(keep, remove, Object.keys(fill));
    const provenanceOf = (state: EntityState) => ({
      sources: state.provenance.map((p) => p.source),
      evidence: state.provenance.map((p) => p.evidence ?? ''),
    });
    const united = unitedProvenance(provenanceOf(keep), provenanceOf(remove));
    await run(tx, 'curation/merge-finish', {
      keep: input.keep,
      remove: input.remove,
      sources: united.sources,
      evidence: united.evidence,
      fill,
      aliases: mergedAliases(keep, remove),
      edited,
    });
    await markMetricsStale(tx);
    // The merge is the editor's statement too: provenance and a new version on the kept entity.
    const editor = await stateAsEditor(tx, user);
    const [row] = await run(tx, 'curation/update-entity', {
      id: input.keep,
      props: {},
      edited: [],
      editor,
    });
    const entity = toEntityState(row!.node as Record<string, unknown>, keep.type);
    const auditId = await recordAudit(tx, user, {
      action: 'entity.merge',
      entityId: input.keep,
      entityIds: [input.remove],
      before: { keep, remove: { ...remove, relationships }, undo, keptOver },
      after: entity,
    });
    return {
      entity,
      removed: input.remove,
      moved: { outgoing: Number(out?.moved ?? 0), incoming: Number(inc?.moved ?? 0) },
      keptOver,
      auditId,
    };
  });
}
