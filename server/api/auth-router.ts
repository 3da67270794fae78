/**
 * /api/auth: sign in (a session cookie plus its CSRF cookie), sign out, and who am I. Accounts
 * themselves are managed with `npm run user`.
 */
import { Router, type CookieOptions, type Request } from 'express';
import { checkPassword, createSession, deleteSession } from '../auth/accounts.ts';
import {
  CSRF_COOKIE,
  SESSION_COOKIE,
  principalOf,
  requireRole,
  userOf,
  type AuthOptions,
} from '../auth/authenticate.ts';
import { newSession } from '../auth/secrets.ts';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { AppError } from '../errors.ts';
import { signInBodySchema } from './curation-schemas.ts';
import { parseInput } from './validate.ts';

export const DEFAULT_SESSION_HOURS = 12;

export function authRouter(db: GraphDatabase, options: AuthOptions): Router {
  const router = Router();
  const hours = options.sessionHours ?? DEFAULT_SESSION_HOURS;
  const cookieOptions = (req: Request, httpOnly: boolean): CookieOptions => ({
    httpOnly,
    sameSite: 'strict',
    secure:
      options.cookieSecure === 'auto' || options.cookieSecure === undefined
        ? req.secure
        : options.cookieSecure,
    path: '/',
    maxAge: hours * 3_600_000,
  });

  router.post('/session', async (req, res) => {
    const { name, password } = parseInput(signInBodySchema, req.body ?? {}, 'body');
    if (!options.sessionSecret)
      throw new AppError(
        'Sign-in is disabled: the server has no SESSION_SECRET configured (API tokens still work).',
        403,
        'SESSIONS_DISABLED',
      );
    const user = await checkPassword(db, name, password);
    const session = newSession(options.sessionSecret);
    const expiresAt = await createSession(db, user.id, session.key, hours);
    res.cookie(SESSION_COOKIE, session.cookie, cookieOptions(req, true));
    res.cookie(CSRF_COOKIE, session.csrf, cookieOptions(req, false));
    res.status(201).json({
      user: { id: user.id, name: user.name, role: user.role },
      csrfToken: session.csrf,
      expiresAt,
    });
  });

  router.delete('/session', requireRole('viewer'), async (req, res) => {
    const user = userOf(res);
    if (user.sessionKey) await deleteSession(db, user.sessionKey);
    const { maxAge: _maxAge, ...clear } = cookieOptions(req, true);
    res.clearCookie(SESSION_COOKIE, clear);
    res.clearCookie(CSRF_COOKIE, { ...clear, httpOnly: false });
    res.status(204).end();
  });

  router.get('/me', (_req, res) => {
    const principal = principalOf(res);
    res.json({
      user:
        principal.kind === 'user'
          ? { id: principal.id, name: principal.name, role: principal.role }
          : null,
      via: principal.kind === 'user' ? principal.via : null,
      readsRequireSignIn: options.readsRequireSignIn ?? false,
      sessionsEnabled: Boolean(options.sessionSecret),
    });
  });
  return router;
}
