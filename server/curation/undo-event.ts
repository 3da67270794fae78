/**
 * What the undo of a merge and the undo of a delete share: reading the audit event they undo,
 * locked until commit (two undos of one event wait for each other, and the second sees the first
 * done), and the shape in which an event records an entity's state.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { run } from '../db/neo4j-client.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { withArticle } from '../model/indefinite-article.ts';

/** The Neo4j type of each property JSON would blur, by property (recorded-values.ts). */
export const recordedTypesSchema = z.record(z.string(), z.string());

/** A relationship as an undo record keeps it (entity-relationships.cypher): as stored. */
export const recordedRelationshipSchema = z.object({
  from: z.string(),
  type: z.string(),
  to: z.string(),
  fromLabel: z.string().optional(),
  toLabel: z.string().optional(),
  properties: z.record(z.string(), z.unknown()),
});
export type RecordedRelationship = z.infer<typeof recordedRelationshipSchema>;

/** An entity's state as an audit event records it (EntityState, as JSON). */
export const recordedEntityStateSchema = z.object({
  id: z.string(),
  type: z.string(),
  version: z.number(),
  properties: z.record(z.string(), z.unknown()),
  editedProperties: z.array(z.string()),
  provenance: z.array(z.object({ source: z.string(), evidence: z.string().nullable() })),
});

export interface UndoableEvent {
  action: string;
  before: unknown;
  after: unknown;
  /** The undo's own audit event when it was undone already. */
  undoneBy: string | null;
  undoneAt: string | null;
}

/**
 * Why an event undone already cannot be undone, for the person who asked: when, in words and in
 * UTC ("on 6 Dec 2026 at 12:55 UTC"), where the ISO time (which the refusal's details keep) read
 * as a machine's.
 */
export function alreadyUndoneMessage(noun: string, undoneAt: string | null): string {
  const at = undoneAt === null ? Number.NaN : Date.parse(undoneAt);
  if (Number.isNaN(at)) return `This ${noun} was undone already.`;
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
  const time = new Date(at).toISOString().slice(11, 16);
  return `This ${noun} was undone already, on ${day} at ${time} UTC.`;
}

/**
 * The audit event `auditId` names, locked: 404 when there is none, 400 at `body.auditId` when
 * its action is none of `actions` (`noun` says what it should have been: "a merge").
 */
export async function lockUndoableEvent(
  tx: ManagedTransaction,
  auditId: string,
  actions: readonly string[],
  noun: string,
): Promise<UndoableEvent> {
  const [row] = await run(tx, 'curation/lock-audit-event', { id: auditId });
  if (!row)
    throw new NotFoundError(`No audit event has the id "${auditId}"`, {
      path: 'body.auditId',
      id: auditId,
    });
  const event = row.event as Record<string, unknown>;
  const action = String(event.action);
  if (!actions.includes(action))
    throw new ValidationError(`Audit event ${auditId} is ${withArticle(action)}, not ${noun}`, [
      {
        path: 'body.auditId',
        message: `names ${withArticle(action)} event, not ${actions.join(' or ')}`,
      },
    ]);
  const parse = (value: unknown): unknown =>
    typeof value === 'string' ? (JSON.parse(value) as unknown) : null;
  return {
    action,
    before: parse(event.before),
    after: parse(event.after),
    undoneBy: row.undoneBy === null ? null : String(row.undoneBy),
    undoneAt: row.undoneAt === null ? null : String(row.undoneAt),
  };
}
