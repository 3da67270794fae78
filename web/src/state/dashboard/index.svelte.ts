/**
 * Dashboard domain: the counts, facets and coverage gaps the overview charts draw (GET /api/stats and
 * GET /api/facets), loaded once per page, again on retry and after an edit; search reads the same
 * facets.
 */
import { api } from '../../lib/api';
import {
  type AsyncStatus,
  failure,
  idle,
  isAbort,
  loading,
  success,
} from '../../lib/api/async-status';
import { createLatestRequest } from '../../lib/api/latest-request';
import type { FacetsResponse, StatsResponse } from '../../lib/api/types';

let status = $state<AsyncStatus<{ stats: StatsResponse; facets: FacetsResponse }>>(idle());
/** The facets asked for, once per page: the charts and search's sector maps read the same answer. */
let facetsAsked: Promise<FacetsResponse> | null = null;

function facetsOnce(): Promise<FacetsResponse> {
  facetsAsked ??= api.facets().catch((error: unknown) => {
    // Asked again next time: a failure is not the answer.
    facetsAsked = null;
    throw error;
  });
  return facetsAsked;
}

/** One read of the counts at a time: an older answer never lands over a newer one. */
const latest = createLatestRequest();

function read(): Promise<{ stats: StatsResponse; facets: FacetsResponse }> {
  return latest.run(async (signal) => {
    const [stats, facets] = await Promise.all([api.stats({ signal }), facetsOnce()]);
    return { stats, facets };
  });
}

/** Read-only view of the dashboard data. */
export const dashboard = {
  get status() {
    return status;
  },
};

/** The only ways to change the dashboard data. */
export const dashboardActions = {
  /** Loads stats and facets (once, unless `force`). */
  async load(force = false): Promise<void> {
    if (!force && (status.state === 'loading' || status.state === 'success')) return;
    if (force) facetsAsked = null;
    status = loading();
    try {
      status = success(await read());
    } catch (error) {
      // Aborted by a refresh, which reads the graph as it is now and says how that went.
      if (!isAbort(error)) status = failure(error);
    }
  },
  /**
   * Reads the counts and facets again after an edit, keeping those shown until the new ones are in
   * (the charts do not blink), and them if the read fails; a first load still running is read
   * again. Never loaded, or failed: nothing to do, the next load reads the graph as it is. The
   * overview's counts had stayed as the page first read them, one more organisation than the
   * legend beside them after a delete (QA).
   */
  async refresh(): Promise<void> {
    if (status.state === 'idle' || status.state === 'error') return;
    facetsAsked = null;
    try {
      status = success(await read());
    } catch (error) {
      if (isAbort(error)) return;
      // Shown counts stay (the next edit or a reload reads them again); a first load it took
      // over says it failed.
      if (status.state === 'loading') status = failure(error);
    }
  },
  /** The facets, asked for once per page whoever asks first (the charts, or search). */
  facets(): Promise<FacetsResponse> {
    return facetsOnce();
  },
};
