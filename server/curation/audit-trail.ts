/**
 * The audit trail: every change writes exactly one (:AuditEvent) in its own transaction — who,
 * when, which action on which entity, and the state before and after as JSON — and the feed reads
 * them back, per entity or for everything.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { UserPrincipal } from '../auth/roles.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';

export const AUDIT_ACTIONS = [
  'entity.create',
  'entity.update',
  'entity.delete',
  'entity.merge',
  'entity.unmerge',
  'entity.restore',
  'relationship.create',
  'relationship.update',
  'relationship.delete',
  'relationship.restore',
  'annotation.create',
  'annotation.update',
  'annotation.delete',
  'view.create',
  'view.update',
  'view.delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  actorName: string;
  action: AuditAction;
  entityId: string;
  entityIds: string[];
  before: unknown;
  after: unknown;
  /** The audit event of the undo that undid this merge or delete; null while it stands. */
  undoneBy: string | null;
}

/** Records one change inside the transaction that makes it; returns the event's id. */
export async function recordAudit(
  tx: ManagedTransaction,
  user: UserPrincipal,
  change: {
    action: AuditAction;
    entityId: string;
    /** Every id the change touches, so each one's history shows it. */
    entityIds?: string[];
    before: unknown;
    after: unknown;
  },
): Promise<string> {
  const [row] = await run(tx, 'curation/record-audit', {
    event: {
      actor: user.id,
      actorName: user.name,
      action: change.action,
      entityId: change.entityId,
      entityIds: [...new Set([change.entityId, ...(change.entityIds ?? [])])],
      before: change.before === null ? null : JSON.stringify(change.before),
      after: change.after === null ? null : JSON.stringify(change.after),
    },
  });
  return String(row!.id);
}

/** The feed, newest first. */
export async function listAudit(
  db: GraphDatabase,
  query: { entity?: string; actor?: string; before?: string; beforeId?: string; limit: number },
): Promise<AuditEvent[]> {
  const rows = await db.read('curation/list-audit', {
    entity: query.entity ?? null,
    actor: query.actor ?? null,
    before: query.before ?? null,
    beforeId: query.beforeId ?? null,
    limit: neo4j.int(query.limit),
  });
  return rows.map((row) => {
    const e = row.event as Record<string, unknown>;
    return {
      ...(e as unknown as AuditEvent),
      undoneBy: typeof e.undoneBy === 'string' ? e.undoneBy : null,
      before: typeof e.before === 'string' ? JSON.parse(e.before) : null,
      after: typeof e.after === 'string' ? JSON.parse(e.after) : null,
    };
  });
}
