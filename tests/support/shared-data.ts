/**
 * The real public data in ../shared/data. Tests that need it skip with a clear message where it
 * is absent, and fail under CI=true, where its absence means a broken set-up.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../server/config.ts';

export const SHARED_DATA =
  process.env.DPG_SHARED_DATA ?? path.resolve(REPO_ROOT, '..', 'shared', 'data');
export const SEED_PAGE = path.join(SHARED_DATA, 'seed', 'unicef-member-activities.txt');

/** True when the shared data is there; throws under CI=true when it is not. */
export function hasSharedData(): boolean {
  if (existsSync(SEED_PAGE)) return true;
  const message = `../shared/data is absent (looked in ${SHARED_DATA}): tests on the real data are skipped`;
  if (process.env.CI === 'true')
    throw new Error(`${message} — but CI=true, where it must be present`);
  console.warn(message);
  return false;
}
