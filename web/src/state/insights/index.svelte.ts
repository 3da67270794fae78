/**
 * Insights domain: the open job view (collaborators for a DPG, the stakeholders of an activity, DPG,
 * country or SDG, an organisation's partnership network), and its answer. A 404 from an endpoint that
 * is not deployed yet is a state of its own, `unavailable`, which the view explains.
 */
import { api, ApiError } from '../../lib/api';
import {
  type AsyncStatus,
  failure,
  idle,
  isAbort,
  loading,
  success,
} from '../../lib/api/async-status';
import { createLatestRequest } from '../../lib/api/latest-request';
import {
  type InsightItem,
  insightItems,
  insightPath,
  insightSubjectLabel,
  insightTotal,
} from '../../lib/insights/insight-request';
import type { InsightKind } from '../url/utils';

/** What the view shows: the items, or that the endpoint is not there. */
export type InsightAnswer =
  | {
      available: true;
      items: InsightItem[];
      /** Ranked in all, when the answer says. */ total: number | null;
      /** The subject's name, as the answer gives it. */ subjectLabel: string | null;
    }
  | { available: false };

let subject = $state<{ kind: InsightKind; id: string; type: string } | null>(null);
let status = $state<AsyncStatus<InsightAnswer>>(idle());
const request = createLatestRequest();

/** Read-only view of the insight state. */
export const insight = {
  get subject() {
    return subject;
  },
  get status() {
    return status;
  },
};

/** The only ways to change the insight state. */
export const insightActions = {
  /** Opens view `kind` for entity `id` of type `type` and loads it. */
  async open(kind: InsightKind, id: string, type: string): Promise<void> {
    subject = { kind, id, type };
    const path = insightPath(kind, id, type);
    if (path === undefined) {
      status = failure(new Error(`This view does not apply to a ${type}.`));
      return;
    }
    status = loading();
    try {
      const body = await request.run((signal) => api.getJson(path, { signal }));
      status = success({
        available: true,
        items: insightItems(body),
        total: insightTotal(body),
        subjectLabel: insightSubjectLabel(body),
      });
    } catch (error) {
      if (isAbort(error)) return;
      // A route that does not exist answers 404 without details; an unknown entity names its id.
      const missingRoute = error instanceof ApiError && error.status === 404 && !error.details;
      status = missingRoute ? success({ available: false }) : failure(error);
    }
  },
  /** Closes the view. */
  close(): void {
    request.cancel();
    subject = null;
    status = idle();
  },
};
