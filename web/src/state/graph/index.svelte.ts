/**
 * Graph domain: the overview graph as the API returned it. Cytoscape elements are derived from it (with
 * the filters) in the component tree, never stored here.
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
import type { OverviewResponse } from '../../lib/api/types';
import { OVERVIEW_LIMIT } from './limits';

let status = $state<AsyncStatus<OverviewResponse>>(idle());
const request = createLatestRequest();

/** Read-only view of the graph state. */
export const graph = {
  get status() {
    return status;
  },
};

/** The only ways to change the graph state. */
export const graphActions = {
  /** Loads (or reloads) the overview graph. */
  async load(): Promise<void> {
    status = loading();
    try {
      const data = await request.run((signal) => api.overview(OVERVIEW_LIMIT, { signal }));
      status = success(data);
    } catch (error) {
      if (!isAbort(error)) status = failure(error);
    }
  },
};
