/**
 * History domain: the audit trail of one entity (GET /api/audit?entity=), newest first, for the
 * details panel's History tab.
 */
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
import { curationApi } from './curation-api';
import type { AuditEvent } from './types';

let entityId = $state<string | null>(null);
let events = $state<AsyncStatus<AuditEvent[]>>(idle());

/** Read-only view of the history. */
export const history = {
  get entityId() {
    return entityId;
  },
  get events() {
    return events;
  },
};

/** The only ways to change the history state. */
export const historyActions = {
  /** Loads the changes of `id`. */
  async load(id: string): Promise<void> {
    entityId = id;
    events = loading();
    try {
      const answer = await curationApi.audit(id);
      if (entityId === id) events = success(answer);
    } catch (error) {
      if (entityId === id) events = failure(error);
    }
  },
  /**
   * Reads the shown history again, keeping its rows on screen meanwhile: after an undo the server
   * refused, the list still offered it, and placeholders in its place would take the refusal shown
   * under its row away with them.
   */
  async refresh(): Promise<void> {
    const id = entityId;
    if (id === null) return;
    try {
      const answer = await curationApi.audit(id);
      if (entityId === id) events = success(answer);
    } catch (error) {
      if (entityId === id) events = failure(error);
    }
  },
};
