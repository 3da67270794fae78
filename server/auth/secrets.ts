/**
 * Random secrets and their digests: API tokens (`dpgx_<random>`, shown once, stored as SHA-256),
 * signed session cookies (`<session id>.<HMAC>`) and the CSRF token bound to a session.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'dpgx_';

export const sha256 = (value: string): string =>
  createHash('sha256').update(value).digest('base64url');

/** A new API token: the secret to hand out once, and the record to store. */
export function newApiToken(): { token: string; id: string; hash: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, id: randomUUID(), hash: sha256(token) };
}

function hmac(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A new session: the cookie value, the key its node is stored under, and its CSRF token. */
export function newSession(secret: string): { cookie: string; key: string; csrf: string } {
  const id = randomBytes(24).toString('base64url');
  return {
    cookie: `${id}.${hmac(secret, 'session', id)}`,
    key: sha256(id),
    csrf: hmac(secret, 'csrf', id),
  };
}

/** The session a cookie names when its signature is good: its stored key and CSRF token. */
export function readSessionCookie(
  secret: string,
  cookie: string,
): { key: string; csrf: string } | null {
  const dot = cookie.indexOf('.');
  if (dot <= 0) return null;
  const id = cookie.slice(0, dot);
  if (!sameText(cookie.slice(dot + 1), hmac(secret, 'session', id))) return null;
  return { key: sha256(id), csrf: hmac(secret, 'csrf', id) };
}

/** Constant-time check of a presented CSRF token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  return typeof given === 'string' && sameText(expected, given);
}
