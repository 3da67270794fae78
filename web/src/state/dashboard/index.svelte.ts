/**
 * Dashboard domain: the counts, facets and coverage gaps the overview charts draw (GET /api/stats and
 * GET /api/facets), loaded once per page and again on retry.
 */
import { api } from '../../lib/api';
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
import type { FacetsResponse, StatsResponse } from '../../lib/api/types';

let status = $state<AsyncStatus<{ stats: StatsResponse; facets: FacetsResponse }>>(idle());

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
    status = loading();
    try {
      const [stats, facets] = await Promise.all([api.stats(), api.facets()]);
      status = success({ stats, facets });
    } catch (error) {
      status = failure(error);
    }
  },
};
