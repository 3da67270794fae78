/**
 * Recent changes domain: the site-wide audit feed (GET /api/audit), newest first, for the overview
 * of a signed-in reader: what editors changed lately, everyone's or one's own, a page at a time.
 * Per-entity history is history.svelte.ts.
 */
import { type AsyncStatus, failure, idle, loading, success } from '../../lib/api/async-status';
import { curationApi } from './curation-api';
import type { AuditEvent } from './types';

/** Events read at a time. */
export const FEED_PAGE = 8;

let events = $state<AsyncStatus<AuditEvent[]>>(idle());
/** Reading the page before the oldest shown. */
let older = $state<AsyncStatus<null>>(idle());
/** Whether the last page read was full, so older events may remain. */
let more = $state(false);
/** The account whose changes alone are listed; null for everyone's. */
let actor = $state<string | null>(null);
/** The latest read asked for: an earlier one answering later is dropped. */
let asked = 0;

/** Read-only view of the feed. */
export const recentChanges = {
  get events() {
    return events;
  },
  get older() {
    return older;
  },
  get more() {
    return more;
  },
  get actor() {
    return actor;
  },
};

/** The only ways to change the feed. */
export const recentChangesActions = {
  /** Reads the newest page, of `by`'s changes alone when given. */
  async load(by: string | null = actor): Promise<void> {
    const ask = ++asked;
    actor = by;
    events = loading();
    older = idle();
    try {
      const page = await curationApi.auditFeed({ actor: by, after: null, limit: FEED_PAGE });
      if (ask !== asked) return;
      events = success(page);
      more = page.length === FEED_PAGE;
    } catch (error) {
      if (ask === asked) events = failure(error);
    }
  },
  /** Adds the page before the oldest event shown. */
  async loadOlder(): Promise<void> {
    if (events.state !== 'success' || older.state === 'loading') return;
    const shown = events.data;
    const last = shown.at(-1);
    if (!last) return;
    const ask = asked;
    older = loading();
    try {
      const page = await curationApi.auditFeed({ actor, after: last, limit: FEED_PAGE });
      if (ask !== asked) return;
      events = success([...shown, ...page]);
      more = page.length === FEED_PAGE;
      older = idle();
    } catch (error) {
      if (ask === asked) older = failure(error);
    }
  },
};
