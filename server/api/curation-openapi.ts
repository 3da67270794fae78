/** The accounts, curation, audit and saved-view part of the OpenAPI document. */
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  annotationListQuerySchema,
  annotationSchema,
  auditEventSchema,
  auditQuerySchema,
  deleteRelationshipQuerySchema,
  createAnnotationBodySchema,
  createEntityBodySchema,
  createViewBodySchema,
  entityStateSchema,
  meResponseSchema,
  mergeBodySchema,
  mergeResponseSchema,
  relationshipBodySchema,
  relationshipQuerySchema,
  relationshipSchema,
  relationshipStateSchema,
  savedViewSchema,
  sessionResponseSchema,
  signInBodySchema,
  updateAnnotationBodySchema,
  updateEntityBodySchema,
  updateRelationshipBodySchema,
  updateViewBodySchema,
  undoDeleteBodySchema,
  undoDeleteResponseSchema,
  undoMergeBodySchema,
  undoMergeResponseSchema,
  uuidParamsSchema,
  versionQuerySchema,
  viewListQuerySchema,
} from './curation-schemas.ts';
import { errorResponseSchema, movedEntityResponse } from './response-schemas.ts';
import { entityParamsSchema } from './schemas.ts';

export const CURATION_TAGS = [
  {
    name: 'accounts',
    description:
      'Sign-in sessions (cookies + CSRF) and who am I. Accounts and API tokens are managed with `npm run user`.',
  },
  {
    name: 'curation',
    description:
      'Editing the graph (editor or admin): entities, relationships, merges, annotations. Every change is versioned, audited and stated as the editor’s provenance.',
  },
  { name: 'audit', description: 'The audit trail of every change (any account)' },
  { name: 'views', description: 'Saved views, shareable by URL' },
];

type Responses = RouteConfig['responses'];
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (schema: z.ZodType) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const err = (description: string) => json(errorResponseSchema, description);

/** The answers every write can give besides its own. */
function writeErrors(...extra: (404 | 409)[]): Responses {
  const out: Responses = {
    400: err('Invalid input; `details` names each bad field'),
    401: err('UNAUTHENTICATED (no credentials) or INVALID_CREDENTIALS (unknown/revoked token)'),
    403: err(
      'FORBIDDEN (role too low, or not the owner) or CSRF_REJECTED (cookie session without a matching X-CSRF-Token header)',
    ),
  };
  if (extra.includes(404)) out[404] = err('No such entity, relationship, annotation or view');
  if (extra.includes(409))
    out[409] = err(
      'VERSION_CONFLICT (`details.current` is the version now, `details.state` the current state) or ALREADY_EXISTS',
    );
  return out;
}

/** A delete's answer: no body, and the header naming its audit event. */
const deleted = (what: string) => ({
  description: `Deleted; \`Audit-Id\` names the delete’s audit event, which \`POST /api/curation/delete/undo\` names to bring ${what} back`,
  headers: z.object({
    'Audit-Id': z
      .string()
      .meta({ description: 'The delete’s audit event (`entity.delete`, `relationship.delete`)' }),
  }),
});

const AUTH_NOTE =
  'Authenticate with `Authorization: Bearer <API token>` or the session cookie; with the cookie, send `X-CSRF-Token: <dpgx_csrf cookie>`.';

export function registerCurationPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/auth/session',
    tags: ['accounts'],
    summary: 'Sign in: sets the httpOnly `dpgx_session` cookie and the readable `dpgx_csrf` cookie',
    request: body(signInBodySchema),
    responses: {
      201: json(sessionResponseSchema, 'Signed in; send `csrfToken` as X-CSRF-Token on writes'),
      400: err('Invalid input'),
      401: err('INVALID_CREDENTIALS: wrong name or password, or a disabled account'),
      403: err('SESSIONS_DISABLED: the server has no SESSION_SECRET'),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/auth/session',
    tags: ['accounts'],
    summary: 'Sign out (ends the session and clears the cookies)',
    description: AUTH_NOTE,
    responses: {
      204: { description: 'Signed out' },
      401: err('Not signed in'),
      403: err('CSRF_REJECTED'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/auth/me',
    tags: ['accounts'],
    summary: 'Who is signed in (user null when nobody), and whether reads need sign-in',
    responses: { 200: json(meResponseSchema, 'The current principal') },
  });

  registry.registerPath({
    method: 'post',
    path: '/api/curation/entities',
    tags: ['curation'],
    summary: 'Create an organisation, activity, DPG, group or initiative',
    description: `${AUTH_NOTE} The id defaults to \`<prefix>:<slug of the name>\`. Location names the new entity.`,
    request: body(createEntityBodySchema),
    responses: { 201: json(entityStateSchema, 'Created (version 1)'), ...writeErrors(409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/curation/entities/{id}',
    tags: ['curation'],
    summary: 'An entity’s editable state: properties, version, provenance, properties editors set',
    request: { params: entityParamsSchema },
    responses: {
      200: json(entityStateSchema, 'The state'),
      308: movedEntityResponse,
      404: err('No entity has that id'),
    },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/curation/entities/{id}',
    tags: ['curation'],
    summary: 'Change properties (null removes one), quoting the version read',
    description: `${AUTH_NOTE} Properties an editor sets are kept over later re-imports (the import report lists the conflict).`,
    request: { params: entityParamsSchema, ...body(updateEntityBodySchema) },
    responses: { 200: json(entityStateSchema, 'The new state'), ...writeErrors(404, 409) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/curation/entities/{id}',
    tags: ['curation'],
    summary: 'Delete an entity and its relationships (re-imports will not bring it back)',
    description: `${AUTH_NOTE} The annotations naming it (as topic or stakeholder) go too, so an entity created later under its id does not inherit them. Undo it with \`POST /api/curation/delete/undo\`.`,
    request: { params: entityParamsSchema, query: versionQuerySchema },
    responses: {
      204: deleted('it, its relationships and the annotations naming it'),
      ...writeErrors(404, 409),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/curation/merge',
    tags: ['curation'],
    summary: 'Merge two duplicates: `remove` folds into `keep`, its old id redirects (308)',
    description: `${AUTH_NOTE} Relationships move with their provenance; sources, evidence and names (as aliases) are united.`,
    request: body(mergeBodySchema),
    responses: { 200: json(mergeResponseSchema, 'The kept entity'), ...writeErrors(404, 409) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/curation/merge/undo',
    tags: ['curation'],
    summary: 'Undo a merge: the removed entity, its relationships and the kept one as they were',
    description: `${AUTH_NOTE} In one transaction; the merged id stops redirecting. Refused (nothing written) when anything the undo would overwrite changed since the merge.`,
    request: body(undoMergeBodySchema),
    responses: {
      200: json(undoMergeResponseSchema, 'Both entities, as before the merge'),
      ...writeErrors(404),
      404: err('No audit event has that id'),
      409: err(
        'UNDO_REFUSED: `details.reason` is changed (`details.changes` names what), already-undone (`details.undoneAt` says when), in-use (the removed id is taken again), not-recorded (a merge recorded before undo existed) or unrestorable',
      ),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/curation/delete/undo',
    tags: ['curation'],
    summary: 'Undo a delete: the entity with its relationships, or the relationship, as they were',
    description: `${AUTH_NOTE} In one transaction; the tombstone goes, so imports state it again. An entity comes back with those of its relationships and annotations whose other end is still there (\`notRestored\` and \`annotationsNotRestored\` list the others, with why). Refused (nothing written) when it cannot come back as it was.`,
    request: body(undoDeleteBodySchema),
    responses: {
      200: json(undoDeleteResponseSchema, 'What came back, and what could not'),
      ...writeErrors(404),
      404: err('No audit event has that id'),
      409: err(
        'UNDO_REFUSED: `details.reason` is in-use (an entity holds the id again, or a merge redirects it; the relationship exists again), already-undone (`details.undoneAt` says when), changed (an end of the relationship is gone or another kind of entity now, or the id or relationship was created and deleted again since: undo that later delete; `details.changes` names what), not-recorded (a delete recorded before undo existed) or unrestorable',
      ),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/curation/relationships',
    tags: ['curation'],
    summary: 'State a relationship (type whitelisted and checked against its ends’ types)',
    description: `${AUTH_NOTE} 201 when new, 200 when a source stated it already (the editor’s provenance is added).`,
    request: body(relationshipBodySchema),
    responses: {
      201: json(relationshipStateSchema, 'Created'),
      200: json(relationshipStateSchema, 'Existed; now also stated by the editor'),
      ...writeErrors(404, 409),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/curation/relationships',
    tags: ['curation'],
    summary:
      'A relationship’s editable state: properties, version, both ends’ names; and the sources stating it',
    request: { query: relationshipQuerySchema },
    responses: {
      200: json(relationshipSchema, 'The state and the sources'),
      308: movedEntityResponse,
      400: err('Invalid input'),
      404: err('No such relationship'),
    },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/curation/relationships',
    tags: ['curation'],
    summary:
      'Change a relationship’s role, dates, notes, cited web page or board seat (null removes one), quoting the version read',
    description: `${AUTH_NOTE} The relationship is named by \`from\`, \`type\` and \`to\` in the query. Properties an editor sets are kept over later re-imports (the import report lists the conflict).`,
    request: { query: relationshipQuerySchema, ...body(updateRelationshipBodySchema) },
    responses: { 200: json(relationshipStateSchema, 'The new state'), ...writeErrors(404, 409) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/curation/relationships',
    tags: ['curation'],
    summary: 'Delete a relationship (re-imports will not state it again)',
    description: `${AUTH_NOTE} Quote the \`version\` read to have a change made since refused (409). Undo it with \`POST /api/curation/delete/undo\`.`,
    request: { query: deleteRelationshipQuerySchema },
    responses: { 204: deleted('it'), ...writeErrors(404, 409) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/curation/annotations',
    tags: ['curation'],
    summary: 'Annotations for a topic and/or about a stakeholder',
    request: { query: annotationListQuerySchema },
    responses: { 200: json(z.object({ annotations: z.array(annotationSchema) }), 'Annotations') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/curation/annotations',
    tags: ['curation'],
    summary: 'Annotate a stakeholder for a topic: stance, priority, notes, tags (no personal data)',
    description: AUTH_NOTE,
    request: body(createAnnotationBodySchema),
    responses: { 201: json(annotationSchema, 'Created'), ...writeErrors(404) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/curation/annotations/{id}',
    tags: ['curation'],
    summary: 'Change an annotation (its author or an admin), quoting the version read',
    description: AUTH_NOTE,
    request: { params: uuidParamsSchema, ...body(updateAnnotationBodySchema) },
    responses: { 200: json(annotationSchema, 'The new state'), ...writeErrors(404, 409) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/curation/annotations/{id}',
    tags: ['curation'],
    summary: 'Delete an annotation (its author or an admin)',
    description: AUTH_NOTE,
    request: { params: uuidParamsSchema, query: versionQuerySchema },
    responses: { 204: { description: 'Deleted' }, ...writeErrors(404, 409) },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/audit',
    tags: ['audit'],
    summary: 'The audit feed, newest first; `entity=` for one entity’s history',
    request: { query: auditQuerySchema },
    responses: {
      200: json(z.object({ events: z.array(auditEventSchema) }), 'Events'),
      400: err('Invalid input'),
      401: err('Needs an account'),
    },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/views',
    tags: ['views'],
    summary: 'Saved views (without their state), newest first; `owner=me` for yours',
    request: { query: viewListQuerySchema },
    responses: {
      200: json(z.object({ views: z.array(savedViewSchema.omit({ state: true })) }), 'Views'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/views',
    tags: ['views'],
    summary: 'Save a view (any account); Location is its shareable URL',
    description: AUTH_NOTE,
    request: body(createViewBodySchema),
    responses: { 201: json(savedViewSchema, 'Saved'), ...writeErrors() },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/views/{id}',
    tags: ['views'],
    summary: 'One saved view with its state',
    request: { params: uuidParamsSchema },
    responses: { 200: json(savedViewSchema, 'The view'), 404: err('No view has that id') },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/views/{id}',
    tags: ['views'],
    summary: 'Rename a view or replace its state (owner or admin), quoting the version read',
    description: AUTH_NOTE,
    request: { params: uuidParamsSchema, ...body(updateViewBodySchema) },
    responses: { 200: json(savedViewSchema, 'The new state'), ...writeErrors(404, 409) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/views/{id}',
    tags: ['views'],
    summary: 'Delete a view (owner or admin)',
    description: AUTH_NOTE,
    request: { params: uuidParamsSchema, query: versionQuerySchema },
    responses: { 204: { description: 'Deleted' }, ...writeErrors(404, 409) },
  });
}
