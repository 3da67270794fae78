/**
 * Health domain: whether the API and its database are reachable. The header shows the summary; the
 * banner offers Retry when the database is down.
 */
import { api } from '../../lib/api';
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
import type { HealthResponse } from '../../lib/api/types';
import { summariseHealth } from './utils';

let status = $state<AsyncStatus<HealthResponse>>(idle());
const summary = $derived(summariseHealth(status));

/** Read-only view of the health state. */
export const health = {
  get status() {
    return status;
  },
  get summary() {
    return summary;
  },
};

/** The only ways to change the health state. */
export const healthActions = {
  /** Asks the API for its status. Keeps the last answer visible while checking again. */
  async check(): Promise<void> {
    if (status.state !== 'success') status = loading();
    try {
      status = success(await api.health());
    } catch (error) {
      status = failure(error);
    }
  },
};
