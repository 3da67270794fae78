/**
 * Dashboard domain: the counts, facets and coverage gaps the overview charts draw (GET /api/stats and
 * GET /api/facets), loaded once per page and again on retry; search reads the same facets.
 */
import { api } from '../../lib/api';
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
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
      const [stats, facets] = await Promise.all([api.stats(), facetsOnce()]);
      status = success({ stats, facets });
    } catch (error) {
      status = failure(error);
    }
  },
  /** The facets, asked for once per page whoever asks first (the charts, or search). */
  facets(): Promise<FacetsResponse> {
    return facetsOnce();
  },
};
