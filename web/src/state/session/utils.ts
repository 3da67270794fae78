/** Pure helpers of the session domain: what a role may do. */
import type { SessionUser } from '../curation/types';

/** Roles that create, change and delete entities and relationships, and annotate. */
export const EDITING_ROLES = ['editor', 'admin'] as const;

/** Whether `user` may edit (editors and admins; viewers and anonymous readers may not). */
export function canEdit(user: SessionUser | null): boolean {
  return user !== null && (EDITING_ROLES as readonly string[]).includes(user.role);
}

/** Whether `user` may rename or delete a saved view of `owner` (its owner, or an admin). */
export function canManageView(user: SessionUser | null, owner: string): boolean {
  return user !== null && (user.id === owner || user.role === 'admin');
}
