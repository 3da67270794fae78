/**
 * The curation API: entity, relationship and annotation edits and merges under /api/curation
 * (editors and admins), the audit feed under /api/audit (any account), and saved views under
 * /api/views (anyone who may read opens them; any account saves; owners or admins change them).
 * Each handler parses its input, calls one service function and shapes the answer.
 */
import { Router } from 'express';
import { principalOf, requireRole, userOf } from '../auth/authenticate.ts';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import {
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  updateAnnotation,
} from '../curation/annotations.ts';
import { listAudit } from '../curation/audit-trail.ts';
import {
  createEntity,
  deleteEntity,
  getEntityState,
  updateEntity,
} from '../curation/entity-edits.ts';
import { mergeEntities } from '../curation/entity-merge.ts';
import { undoDelete } from '../curation/delete-undo.ts';
import { undoMerge } from '../curation/merge-undo.ts';
import {
  deleteRelationship,
  getRelationship,
  stateRelationship,
  updateRelationship,
} from '../curation/relationship-edits.ts';
import { createView, deleteView, getView, listViews, updateView } from '../curation/saved-views.ts';
import {
  annotationListQuerySchema,
  auditQuerySchema,
  deleteRelationshipQuerySchema,
  createAnnotationBodySchema,
  createEntityBodySchema,
  createViewBodySchema,
  mergeBodySchema,
  relationshipBodySchema,
  undoDeleteBodySchema,
  undoMergeBodySchema,
  relationshipQuerySchema,
  updateAnnotationBodySchema,
  updateEntityBodySchema,
  updateRelationshipBodySchema,
  updateViewBodySchema,
  uuidParamsSchema,
  versionQuerySchema,
  viewListQuerySchema,
} from './curation-schemas.ts';
import { entityParamsSchema } from './schemas.ts';
import { parseInput } from './validate.ts';

const editor = requireRole('editor');

/**
 * The response header of a delete naming its audit event, which `POST /api/curation/delete/undo`
 * names to bring it back (the 204 has no body to carry it).
 */
export const AUDIT_ID_HEADER = 'Audit-Id';
const signedIn = requireRole('viewer');

export function curationRouter(db: GraphDatabase): Router {
  const router = Router();

  // ---- entities ----
  // (A merged-away id in any GET answers 308 with the entity it was merged into:
  // server/api/moved-entities.ts, on the 404 path only.)
  router.post('/curation/entities', editor, async (req, res) => {
    const body = parseInput(createEntityBodySchema, req.body ?? {}, 'body');
    const entity = await createEntity(db, userOf(res), body);
    res
      .status(201)
      .location(`/api/entities/${encodeURIComponent(entity.id)}`)
      .json(entity);
  });

  router.get('/curation/entities/:id', async (req, res) => {
    const { id } = parseInput(entityParamsSchema, req.params, 'path');
    res.json(await getEntityState(db, id));
  });

  router.patch('/curation/entities/:id', editor, async (req, res) => {
    const { id } = parseInput(entityParamsSchema, req.params, 'path');
    const { version, properties } = parseInput(updateEntityBodySchema, req.body ?? {}, 'body');
    res.json(await updateEntity(db, userOf(res), id, version, properties));
  });

  router.delete('/curation/entities/:id', editor, async (req, res) => {
    const { id } = parseInput(entityParamsSchema, req.params, 'path');
    const { version } = parseInput(versionQuerySchema, req.query, 'query');
    const { auditId } = await deleteEntity(db, userOf(res), id, version);
    res.status(204).set(AUDIT_ID_HEADER, auditId).end();
  });

  router.post('/curation/merge', editor, async (req, res) => {
    const body = parseInput(mergeBodySchema, req.body ?? {}, 'body');
    res.json(await mergeEntities(db, userOf(res), body));
  });

  router.post('/curation/merge/undo', editor, async (req, res) => {
    const { auditId } = parseInput(undoMergeBodySchema, req.body ?? {}, 'body');
    res.json(await undoMerge(db, userOf(res), auditId));
  });

  router.post('/curation/delete/undo', editor, async (req, res) => {
    const { auditId } = parseInput(undoDeleteBodySchema, req.body ?? {}, 'body');
    res.json(await undoDelete(db, userOf(res), auditId));
  });

  // ---- relationships ----
  router.post('/curation/relationships', editor, async (req, res) => {
    const { properties, ...ref } = parseInput(relationshipBodySchema, req.body ?? {}, 'body');
    const { created, relationship } = await stateRelationship(db, userOf(res), ref, properties);
    res.status(created ? 201 : 200).json(relationship);
  });

  router.get('/curation/relationships', async (req, res) => {
    const ref = parseInput(relationshipQuerySchema, req.query, 'query');
    res.json(await getRelationship(db, ref));
  });

  router.patch('/curation/relationships', editor, async (req, res) => {
    const ref = parseInput(relationshipQuerySchema, req.query, 'query');
    const { version, properties } = parseInput(
      updateRelationshipBodySchema,
      req.body ?? {},
      'body',
    );
    res.json(await updateRelationship(db, userOf(res), ref, version, properties));
  });

  router.delete('/curation/relationships', editor, async (req, res) => {
    const { version, ...ref } = parseInput(deleteRelationshipQuerySchema, req.query, 'query');
    const { auditId } = await deleteRelationship(db, userOf(res), ref, version);
    res.status(204).set(AUDIT_ID_HEADER, auditId).end();
  });

  // ---- annotations ----
  router.get('/curation/annotations', async (req, res) => {
    const query = parseInput(annotationListQuerySchema, req.query, 'query');
    res.json({ annotations: await listAnnotations(db, query) });
  });

  router.post('/curation/annotations', editor, async (req, res) => {
    const body = parseInput(createAnnotationBodySchema, req.body ?? {}, 'body');
    res.status(201).json(await createAnnotation(db, userOf(res), body));
  });

  router.patch('/curation/annotations/:id', editor, async (req, res) => {
    const { id } = parseInput(uuidParamsSchema, req.params, 'path');
    const { version, ...changes } = parseInput(updateAnnotationBodySchema, req.body ?? {}, 'body');
    res.json(await updateAnnotation(db, userOf(res), id, version, changes));
  });

  router.delete('/curation/annotations/:id', editor, async (req, res) => {
    const { id } = parseInput(uuidParamsSchema, req.params, 'path');
    const { version } = parseInput(versionQuerySchema, req.query, 'query');
    await deleteAnnotation(db, userOf(res), id, version);
    res.status(204).end();
  });

  // ---- audit ----
  router.get('/audit', signedIn, async (req, res) => {
    const query = parseInput(auditQuerySchema, req.query, 'query');
    res.json({ events: await listAudit(db, query) });
  });

  // ---- saved views ----
  router.get('/views', async (req, res) => {
    const { owner, limit } = parseInput(viewListQuerySchema, req.query, 'query');
    const principal = principalOf(res);
    const me = principal.kind === 'user' ? principal.id : undefined;
    const ownerId = owner === 'me' ? me : owner;
    if (owner === 'me' && !ownerId) {
      res.json({ views: [] });
      return;
    }
    res.json({
      views: await listViews(db, { owner: ownerId, limit }, { sayUnknownOwner: me !== undefined }),
    });
  });

  router.post('/views', signedIn, async (req, res) => {
    const body = parseInput(createViewBodySchema, req.body ?? {}, 'body');
    const view = await createView(db, userOf(res), body);
    res.status(201).location(`/api/views/${view.id}`).json(view);
  });

  router.get('/views/:id', async (req, res) => {
    const { id } = parseInput(uuidParamsSchema, req.params, 'path');
    res.json(await getView(db, id));
  });

  router.patch('/views/:id', signedIn, async (req, res) => {
    const { id } = parseInput(uuidParamsSchema, req.params, 'path');
    const { version, ...changes } = parseInput(updateViewBodySchema, req.body ?? {}, 'body');
    res.json(await updateView(db, userOf(res), id, version, changes));
  });

  router.delete('/views/:id', signedIn, async (req, res) => {
    const { id } = parseInput(uuidParamsSchema, req.params, 'path');
    const { version } = parseInput(versionQuerySchema, req.query, 'query');
    await deleteView(db, userOf(res), id, version);
    res.status(204).end();
  });

  return router;
}
