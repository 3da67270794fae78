/**
 * Typed calls of the curation API (docs/curation.md) over the app's one client, which adds the
 * CSRF header to every write. Entity ids in paths are URL-encoded.
 */
import { api } from '../../lib/api';
import { ApiError } from '../../lib/api/api-error';
import type {
  Annotation,
  AuditEvent,
  EntityState,
  MergeResult,
  MeResponse,
  UndoDeleteResult,
  UndoMergeResult,
  RelationshipState,
  SavedView,
  SavedViewState,
  SavedViewSummary,
  SessionUser,
} from './types';

const entityPath = (id: string) => `/api/curation/entities/${encodeURIComponent(id)}`;
const relationshipPath = (from: string, type: string, to: string) =>
  `/api/curation/relationships?${new URLSearchParams({ from, type, to })}`;

/** The curation API's operations. */
/** GET /api/audit: the events its parameters ask for, newest first. */
async function auditEvents(params: URLSearchParams): Promise<AuditEvent[]> {
  const answer = (await api.getJson(`/api/audit?${params}`)) as { events: AuditEvent[] };
  return answer.events;
}

export const curationApi = {
  me: () => api.getJson('/api/auth/me') as Promise<MeResponse>,
  signIn: (name: string, password: string) =>
    api.send('POST', '/api/auth/session', { name, password }) as Promise<{ user: SessionUser }>,
  signOut: () => api.send('DELETE', '/api/auth/session'),

  entity: (id: string) => api.getJson(entityPath(id)) as Promise<EntityState>,
  /** Creates an entity; without `id` the server makes one from the name. */
  createEntity: (type: string, properties: Record<string, unknown>, id?: string) =>
    api.send('POST', '/api/curation/entities', {
      type,
      ...(id ? { id } : {}),
      properties,
    }) as Promise<EntityState>,
  updateEntity: (id: string, version: number, properties: Record<string, unknown>) =>
    api.send('PATCH', entityPath(id), { version, properties }) as Promise<EntityState>,
  /** Deletes an entity at the version read; resolves with the delete's audit id (to undo it). */
  deleteEntity: (id: string, version: number) =>
    api.sendRecorded('DELETE', `${entityPath(id)}?version=${version}`),

  /** Merges `remove` into `keep` (each at the version read): `remove`'s id then redirects. */
  merge: (body: { keep: string; remove: string; keepVersion: number; removeVersion: number }) =>
    api.send('POST', '/api/curation/merge', body) as Promise<MergeResult>,
  /** Undoes the merge whose audit event is `auditId`; 409 when anything it would overwrite changed. */
  undoMerge: (auditId: string) =>
    api.send('POST', '/api/curation/merge/undo', { auditId }) as Promise<UndoMergeResult>,

  createRelationship: (from: string, type: string, to: string) =>
    api.send('POST', '/api/curation/relationships', { from, type, to }),
  relationship: (from: string, type: string, to: string) =>
    api.getJson(relationshipPath(from, type, to)) as Promise<RelationshipState>,
  updateRelationship: (
    from: string,
    type: string,
    to: string,
    version: number,
    properties: Record<string, unknown>,
  ) =>
    api.send('PATCH', relationshipPath(from, type, to), {
      version,
      properties,
    }) as Promise<RelationshipState>,
  /** Deletes a relationship; resolves with the delete's audit id (to undo it). */
  deleteRelationship: (from: string, type: string, to: string) =>
    api.sendRecorded('DELETE', relationshipPath(from, type, to)),
  /** Undoes the delete whose audit event is `auditId`; 409 when it cannot come back as it was. */
  undoDelete: (auditId: string) =>
    api.send('POST', '/api/curation/delete/undo', { auditId }) as Promise<UndoDeleteResult>,

  annotations: async (query: { topic?: string; subject?: string; limit?: string }) => {
    const params = new URLSearchParams(query as Record<string, string>);
    const answer = (await api.getJson(`/api/curation/annotations?${params}`)) as {
      annotations: Annotation[];
    };
    return answer.annotations;
  },
  createAnnotation: (body: {
    topic: string;
    subject: string;
    stance: string;
    priority: string;
    notes: string;
    tags: string[];
  }) => api.send('POST', '/api/curation/annotations', body) as Promise<Annotation>,
  deleteAnnotation: (id: string, version: number) =>
    api.send('DELETE', `/api/curation/annotations/${encodeURIComponent(id)}?version=${version}`),

  /** One entity's history (or an annotation's, a view's, a relationship key's), newest first. */
  audit: (entity: string) => auditEvents(new URLSearchParams({ entity, limit: '50' })),
  /** The site-wide feed, newest first: `limit` events after `after` (the last shown), by `actor`. */
  auditFeed: async (query: { actor: string | null; after: AuditEvent | null; limit: number }) => {
    const params = new URLSearchParams({ limit: String(query.limit) });
    if (query.actor) params.set('actor', query.actor);
    if (query.after) {
      params.set('before', query.after.at);
      params.set('beforeId', query.after.id);
    }
    return auditEvents(params);
  },

  views: async () => {
    const answer = (await api.getJson('/api/views?limit=100')) as { views: SavedViewSummary[] };
    return answer.views;
  },
  view: (id: string) => api.getJson(`/api/views/${encodeURIComponent(id)}`) as Promise<SavedView>,
  createView: (name: string, state: SavedViewState) =>
    api.send('POST', '/api/views', { name, state }) as Promise<SavedView>,
  renameView: (id: string, version: number, name: string) =>
    api.send('PATCH', `/api/views/${encodeURIComponent(id)}`, {
      version,
      name,
    }) as Promise<SavedView>,
  deleteView: (id: string, version: number) =>
    api.send('DELETE', `/api/views/${encodeURIComponent(id)}?version=${version}`),
};

/**
 * Whether an undo (undoMerge, undoDelete) failed because the server refused it (409 UNDO_REFUSED:
 * undone already, or something it would overwrite changed), rather than because it was not heard.
 */
export function isUndoRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'UNDO_REFUSED';
}
