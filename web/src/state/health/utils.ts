/** Pure helpers for the health domain: reading a health answer into what the header shows. */
import type { HealthResponse } from '../../lib/api/types';
import type { AsyncStatus } from '../../lib/api/async-status';

/** What the header and banner show about the backend. */
export type ConnectionSummary =
  | { kind: 'checking' }
  | { kind: 'up'; label: string; detail: string }
  | { kind: 'database-down'; message: string; detail?: string }
  | { kind: 'server-unreachable'; message: string };

/** Ends `text` with a full stop unless it already ends a sentence, so server messages read as prose. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const DATABASE_DOWN_MESSAGE =
  'The graph database is not responding, so the graph cannot be loaded.';

/** Summarises a health status for display. */
export function summariseHealth(status: AsyncStatus<HealthResponse>): ConnectionSummary {
  switch (status.state) {
    case 'idle':
    case 'loading':
      return { kind: 'checking' };
    case 'error':
      return status.error.status === 503
        ? { kind: 'database-down', message: DATABASE_DOWN_MESSAGE }
        : { kind: 'server-unreachable', message: asSentence(status.error.message) };
    case 'success': {
      const db = status.data.database;
      if (db.status !== 'up') {
        return db.message
          ? {
              kind: 'database-down',
              message: DATABASE_DOWN_MESSAGE,
              detail: asSentence(db.message),
            }
          : { kind: 'database-down', message: DATABASE_DOWN_MESSAGE };
      }
      const product = ['Neo4j', db.version, db.edition].filter(Boolean).join(' ');
      const schema = db.schemaVersion === undefined ? '' : ` · schema v${db.schemaVersion}`;
      return {
        kind: 'up',
        label: 'Database connected',
        detail: `${product}${schema} · API v${status.data.version}`,
      };
    }
  }
}
