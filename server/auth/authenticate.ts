/**
 * Who is asking, for every /api request: an API token (`Authorization: Bearer dpgx_…`), the
 * ADMIN_TOKEN (a bootstrap credential for scripts), or a signed session cookie. A cookie-borne
 * state-changing request must also send `X-CSRF-Token` equal to the `dpgx_csrf` cookie (double
 * submit, bound to the session by an HMAC); without it the request counts as anonymous and any
 * route that needs an account answers 403 CSRF_REJECTED. Bearer requests are exempt (browsers
 * never add that header on their own).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { AppError } from '../errors.ts';
import { principalForSession, principalForToken } from './accounts.ts';
import { hasRole, type Principal, type Role, type UserPrincipal } from './roles.ts';
import { csrfMatches, readSessionCookie } from './secrets.ts';
import { withArticle } from '../model/indefinite-article.ts';

export const SESSION_COOKIE = 'dpgx_session';
export const CSRF_COOKIE = 'dpgx_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthOptions {
  /** HMAC key for session cookies (32+ characters); sessions are disabled without it. */
  sessionSecret?: string;
  /** Every read needs a viewer account (default: reads are public). */
  readsRequireSignIn?: boolean;
  /** `auto`: Secure cookies when the request came over https. */
  cookieSecure?: 'auto' | boolean;
  /** Session lifetime in hours. */
  sessionHours?: number;
  /** A bootstrap credential acting as an admin, for scripts and the imports API. */
  adminToken?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ADMIN_TOKEN_PRINCIPAL: UserPrincipal = {
  kind: 'user',
  id: 'admin-token',
  name: 'admin-token',
  role: 'admin',
  via: 'admin-token',
};

/** The principal the authentication middleware found (anonymous when it did not run). */
export function principalOf(res: Response): Principal {
  return (
    (res.locals.principal as Principal | undefined) ?? { kind: 'anonymous', csrfRejected: false }
  );
}

/** Reads one cookie from the Cookie header (no other cookie matters to the API). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export function authenticate(db: GraphDatabase, options: AuthOptions): RequestHandler {
  const adminDigest = options.adminToken ? digest(options.adminToken) : null;
  return async (req, res, next) => {
    const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]?.trim();
    if (bearer) {
      if (adminDigest && timingSafeEqual(digest(bearer), adminDigest)) {
        res.locals.principal = ADMIN_TOKEN_PRINCIPAL;
        next();
        return;
      }
      const principal = await principalForToken(db, bearer);
      if (!principal) {
        next(
          new AppError(
            'The API token is unknown, revoked, or its account is disabled.',
            401,
            'INVALID_CREDENTIALS',
          ),
        );
        return;
      }
      res.locals.principal = principal;
      next();
      return;
    }
    const cookie = readCookie(req.get('cookie'), SESSION_COOKIE);
    const session =
      cookie && options.sessionSecret ? readSessionCookie(options.sessionSecret, cookie) : null;
    if (!session) {
      res.locals.principal = { kind: 'anonymous', csrfRejected: false } satisfies Principal;
      next();
      return;
    }
    if (!SAFE_METHODS.has(req.method) && !csrfMatches(session.csrf, req.get(CSRF_HEADER))) {
      res.locals.principal = { kind: 'anonymous', csrfRejected: true } satisfies Principal;
      next();
      return;
    }
    res.locals.principal = (await principalForSession(db, session.key)) ?? {
      kind: 'anonymous',
      csrfRejected: false,
    };
    next();
  };
}

/** The error for a principal that may not do what needs `role`, or null when it may. */
export function accessError(principal: Principal, role: Role): AppError | null {
  if (principal.kind === 'anonymous') {
    return principal.csrfRejected
      ? new AppError(
          'This request needs the X-CSRF-Token header equal to the dpgx_csrf cookie.',
          403,
          'CSRF_REJECTED',
        )
      : new AppError(
          'Sign in (POST /api/auth/session) or send Authorization: Bearer <token>.',
          401,
          'UNAUTHENTICATED',
        );
  }
  if (!hasRole(principal.role, role))
    return new AppError(
      `This needs the ${role} role; you are ${withArticle(principal.role)}.`,
      403,
      'FORBIDDEN',
      {
        required: role,
        role: principal.role,
      },
    );
  return null;
}

/** Lets the request through when its principal has `role` or above. */
export function requireRole(role: Role): RequestHandler {
  return (_req, res, next) => {
    next(accessError(principalOf(res), role) ?? undefined);
  };
}

/** The signed-in principal of a request that passed requireRole. */
export function userOf(res: Response): UserPrincipal {
  const principal = principalOf(res);
  if (principal.kind !== 'user') throw new Error('authenticate: userOf called without requireRole');
  return principal;
}

/** Paths under /api that stay public when reads need sign-in. */
const PUBLIC_PATHS = [/^\/health$/, /^\/auth(\/|$)/, /^\/openapi\.json$/, /^\/docs(\/|$)/];

/** With READS_REQUIRE_SIGN_IN, every /api request but the public ones needs a viewer. */
export function gateReads(readsRequireSignIn: boolean): RequestHandler {
  return (req, res, next) => {
    if (!readsRequireSignIn || PUBLIC_PATHS.some((p) => p.test(req.path))) {
      next();
      return;
    }
    next(accessError(principalOf(res), 'viewer') ?? undefined);
  };
}
