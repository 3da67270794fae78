/**
 * Guards editor-only routes until accounts exist: they are disabled unless ADMIN_TOKEN is
 * configured, and then need `Authorization: Bearer <token>`, compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function requireAdminToken(adminToken: string | undefined): RequestHandler {
  const expected = adminToken ? digest(adminToken) : null;
  return (req, _res, next) => {
    if (!expected) {
      next(
        new AppError(
          'Imports over the API are disabled: the server has no ADMIN_TOKEN configured.',
          403,
          'IMPORTS_DISABLED',
        ),
      );
      return;
    }
    const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (!given || !timingSafeEqual(digest(given), expected)) {
      next(
        new AppError(
          'This needs an admin token: Authorization: Bearer <ADMIN_TOKEN>.',
          401,
          'UNAUTHENTICATED',
        ),
      );
      return;
    }
    next();
  };
}
