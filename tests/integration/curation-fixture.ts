/**
 * Shared set-up of the curation tests: the app served with sessions enabled, one account per role
 * with an API token and a password, and a small request helper that speaks tokens or cookies.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type AppOptions } from '../../server/app.ts';
import { createToken, createUser } from '../../server/auth/accounts.ts';
import type { Role } from '../../server/auth/roles.ts';
import type { GraphDatabase } from '../../server/db/neo4j-client.ts';

export const SESSION_SECRET = 'test-session-secret-0123456789abcdef0123';
export const PASSWORD = 'correct horse battery staple';

export interface Account {
  name: string;
  id: string;
  role: Role;
  token: string;
}

export async function createAccounts(db: GraphDatabase): Promise<Record<Role, Account>> {
  const out = {} as Record<Role, Account>;
  for (const role of ['viewer', 'editor', 'admin'] as const) {
    const name = `test-${role}`;
    const user = await createUser(db, { name, role, password: PASSWORD });
    out[role] = { name, id: user.id, role, token: (await createToken(db, name, 'tests')).token };
  }
  return out;
}

export interface Served {
  url: string;
  close: () => Promise<void>;
}

export async function serve(db: GraphDatabase, options: Partial<AppOptions> = {}): Promise<Served> {
  const server: Server = createApp(db, {
    webDist: '/nonexistent',
    auth: { sessionSecret: SESSION_SECRET },
    ...options,
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface Credentials {
  token?: string;
  cookie?: string;
  csrf?: string;
}

// Response bodies are asserted field by field; a loose type keeps those tests readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Reply = { status: number; body: any; headers: Headers };

/** One request: JSON body, Bearer token or session cookie (+ CSRF header), no redirect following. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  credentials: Credentials = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.csrf) headers['x-csrf-token'] = credentials.csrf;
  const response = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: the test says so
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Signs in and returns the cookies to send and the CSRF token. */
export async function signIn(base: string, name: string, password = PASSWORD) {
  const reply = await call(base, 'POST', '/api/auth/session', { name, password });
  if (reply.status !== 201)
    throw new Error(`sign-in failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  const cookies = reply.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return {
    cookie: cookies.join('; '),
    csrf: reply.body.csrfToken as string,
    setCookies: reply.headers.getSetCookie(),
  };
}

export const enc = encodeURIComponent;

/** One more account with an API token, returning the token's id too. */
export async function createUserWithToken(db: GraphDatabase, name: string, role: Role) {
  await createUser(db, { name, role });
  return createToken(db, name, 'tests');
}
