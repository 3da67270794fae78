/**
 * Accounts, API tokens and browser sessions, all kept in the graph (User, ApiToken and Session
 * nodes) so that any number of app instances share them. Used by the `npm run user` CLI, the
 * sign-in route and the authentication middleware.
 */
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { isConstraintViolation } from '../db/retry-policy.ts';
import { AppError, NotFoundError } from '../errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { Role, UserPrincipal } from './roles.ts';
import { newApiToken, sha256 } from './secrets.ts';

export const USER_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
}

export interface UserListing {
  user: UserRecord & { hasPassword: boolean };
  tokens: { id: string; label: string; createdAt: string; revokedAt: string | null }[];
}

function checkName(name: string): void {
  if (!USER_NAME_PATTERN.test(name))
    throw new AppError(
      `accounts: "${name}" is not a valid account name (2–40 of a-z 0-9 . _ -, starting with a letter or digit)`,
      400,
      'VALIDATION_ERROR',
    );
}

/** Creates an account; a password is optional (token-only accounts for scripts). */
export async function createUser(
  db: GraphDatabase,
  input: { name: string; role: Role; password?: string },
): Promise<UserRecord> {
  checkName(input.name);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    await db.write('auth/create-user', {
      user: { id: randomUUID(), name: input.name, role: input.role, passwordHash },
    });
  } catch (error) {
    if (isConstraintViolation(error))
      throw new AppError(`accounts: "${input.name}" already exists`, 409, 'ALREADY_EXISTS');
    throw error;
  }
  return findUser(db, input.name);
}

/** One account by name (without its password hash). */
export async function findUser(db: GraphDatabase, name: string): Promise<UserRecord> {
  const [row] = await db.read('auth/find-user', { name });
  if (!row) throw new NotFoundError(`accounts: no account is named "${name}"`, { name });
  const { passwordHash: _hash, ...user } = row.user as UserRecord & { passwordHash: unknown };
  return user;
}

export async function listUsers(db: GraphDatabase): Promise<UserListing[]> {
  return (await db.read('auth/list-users')) as unknown as UserListing[];
}

async function updateUser(
  db: GraphDatabase,
  name: string,
  changes: Record<string, unknown>,
  disable = false,
): Promise<UserRecord> {
  const rows = await db.write('auth/update-user', { name, changes, disable });
  if (rows.length === 0) throw new NotFoundError(`accounts: no account is named "${name}"`);
  return findUser(db, name);
}

export const setRole = (db: GraphDatabase, name: string, role: Role) =>
  updateUser(db, name, { role });

export const setPassword = async (db: GraphDatabase, name: string, password: string) =>
  updateUser(db, name, { passwordHash: await hashPassword(password) });

export const disableUser = (db: GraphDatabase, name: string) => updateUser(db, name, {}, true);

/** A new API token for an account; the token itself is returned once and never stored. */
export async function createToken(
  db: GraphDatabase,
  name: string,
  label: string,
): Promise<{ id: string; token: string }> {
  const user = await findUser(db, name);
  const { token, id, hash } = newApiToken();
  await db.write('auth/create-token', { token: { id, userId: user.id, hash, label } });
  return { id, token };
}

export async function revokeToken(db: GraphDatabase, id: string): Promise<void> {
  const rows = await db.write('auth/revoke-token', { id });
  if (rows.length === 0) throw new NotFoundError(`accounts: no API token has the id "${id}"`);
}

/** The account a presented API token acts for, or null. */
export async function principalForToken(
  db: GraphDatabase,
  token: string,
): Promise<UserPrincipal | null> {
  const [row] = await db.read('auth/token-principal', { hash: sha256(token) });
  return row ? { kind: 'user', ...(row.user as UserRecord), via: 'token' } : null;
}

/** The account a live session acts for, or null. */
export async function principalForSession(
  db: GraphDatabase,
  key: string,
): Promise<UserPrincipal | null> {
  const [row] = await db.read('auth/session-principal', { key });
  return row
    ? { kind: 'user', ...(row.user as UserRecord), via: 'session', sessionKey: key }
    : null;
}

/** Checks a name and password; answers the same error whether the name or the password is wrong. */
export async function checkPassword(
  db: GraphDatabase,
  name: string,
  password: string,
): Promise<UserRecord> {
  const [row] = await db.read('auth/find-user', { name });
  const user = row?.user as (UserRecord & { passwordHash: string | null }) | undefined;
  const ok = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !ok || user.disabledAt)
    throw new AppError('Wrong account name or password.', 401, 'INVALID_CREDENTIALS');
  const { passwordHash: _hash, ...record } = user;
  return record;
}

export async function createSession(
  db: GraphDatabase,
  userId: string,
  key: string,
  hours: number,
): Promise<string> {
  const [row] = await db.write('auth/create-session', {
    session: { userId, key, hours: neo4j.int(hours) },
  });
  return String(row?.expiresAt);
}

export async function deleteSession(db: GraphDatabase, key: string): Promise<void> {
  await db.write('auth/delete-session', { key });
}
