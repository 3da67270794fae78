/**
 * Saved views: a named state of the explorer (entities, filters, layout, positions) kept on the
 * server with an owner, shareable by URL (`/api/views/<id>`). Anyone who may read may open one;
 * only its owner or an admin changes or deletes it. Versioned and audited like entity edits.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { hasRole, type UserPrincipal } from '../auth/roles.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { NotFoundError } from '../errors.ts';
import { recordAudit } from './audit-trail.ts';
import { ForbiddenError, VersionConflictError } from './curation-errors.ts';

export interface SavedView {
  id: string;
  name: string;
  owner: string;
  ownerName: string;
  state: unknown;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type SavedViewSummary = Omit<SavedView, 'state'>;

function toView(row: Record<string, unknown> | undefined): SavedView {
  const { _lock, ...view } = (row?.view ?? {}) as Record<string, unknown>;
  return {
    ...(view as unknown as SavedView),
    state: typeof view.state === 'string' ? JSON.parse(view.state) : null,
  };
}

export async function createView(
  db: GraphDatabase,
  user: UserPrincipal,
  input: { name: string; state: unknown },
): Promise<SavedView> {
  return db.writeTx(async (tx) => {
    const [row] = await run(tx, 'curation/create-view', {
      v: {
        name: input.name,
        state: JSON.stringify(input.state),
        owner: user.id,
        ownerName: user.name,
      },
    });
    const view = toView(row);
    await recordAudit(tx, user, {
      action: 'view.create',
      entityId: view.id,
      before: null,
      after: view,
    });
    return view;
  });
}

export async function getView(db: GraphDatabase, id: string): Promise<SavedView> {
  const [row] = await db.read('curation/get-view', { id });
  if (!row) throw new NotFoundError(`No saved view has the id "${id}"`, { id });
  return toView(row);
}

/**
 * Saved views, most recently changed first; `owner` by account id or name. For a signed-in caller
 * (`sayUnknownOwner`) an owner no account has is a 404 rather than an empty list; to anyone else
 * the two look alike, so the list cannot be used to learn which account names exist.
 */
export async function listViews(
  db: GraphDatabase,
  query: { owner?: string; limit: number },
  { sayUnknownOwner = false } = {},
): Promise<SavedViewSummary[]> {
  const rows = await db.read('curation/list-views', {
    owner: query.owner ?? null,
    limit: neo4j.int(query.limit),
  });
  // An owner no account has is a mistake to say, not an empty list (curation sweep); looked up
  // only when nothing was found.
  if (sayUnknownOwner && rows.length === 0 && query.owner !== undefined) {
    const [account] = await db.read('auth/account-exists', { account: query.owner });
    if (account?.exists !== true)
      throw new NotFoundError(`No account has the id or name "${query.owner}"`, {
        path: 'query.owner',
        owner: query.owner,
      });
  }
  return rows.map((r) => r.view as SavedViewSummary);
}

async function lockOwnView(
  tx: ManagedTransaction,
  user: UserPrincipal,
  id: string,
  version: number,
): Promise<SavedView> {
  const [row] = await run(tx, 'curation/lock-view', { id });
  if (!row) throw new NotFoundError(`No saved view has the id "${id}"`, { id });
  const view = toView(row);
  if (view.owner !== user.id && !hasRole(user.role, 'admin'))
    throw new ForbiddenError(
      `Saved view ${id} belongs to ${view.ownerName}; only they or an admin change it`,
    );
  if (view.version !== version)
    throw new VersionConflictError(`Saved view ${id}`, view.version, view);
  return view;
}

export async function updateView(
  db: GraphDatabase,
  user: UserPrincipal,
  id: string,
  version: number,
  changes: { name?: string; state?: unknown },
): Promise<SavedView> {
  return db.writeTx(async (tx) => {
    const before = await lockOwnView(tx, user, id, version);
    const set: Record<string, unknown> = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.state !== undefined) set.state = JSON.stringify(changes.state);
    const [row] = await run(tx, 'curation/update-view', { id, changes: set });
    const after = toView(row);
    await recordAudit(tx, user, { action: 'view.update', entityId: id, before, after });
    return after;
  });
}

export async function deleteView(
  db: GraphDatabase,
  user: UserPrincipal,
  id: string,
  version: number,
): Promise<void> {
  await db.writeTx(async (tx) => {
    const before = await lockOwnView(tx, user, id, version);
    await run(tx, 'curation/delete-view', { id });
    await recordAudit(tx, user, { action: 'view.delete', entityId: id, before, after: null });
  });
}
