/**
 * The account roles, lowest first: a viewer reads, an editor also changes the graph, an admin also
 * manages what others own (saved views) — accounts themselves are managed with `npm run user`.
 */
import { z } from 'zod';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** True when `role` is `required` or above it. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** Who is making a request. `anonymous` has no account. */
export type Principal =
  | { kind: 'anonymous'; csrfRejected: boolean }
  | {
      kind: 'user';
      id: string;
      name: string;
      role: Role;
      /** How the request authenticated: a session cookie, an API token, or ADMIN_TOKEN. */
      via: 'session' | 'token' | 'admin-token';
      /** Set for sessions: the id of the session node (its hash) so sign-out can delete it. */
      sessionKey?: string;
    };

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
