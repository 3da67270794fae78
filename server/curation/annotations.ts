/**
 * Editors annotate a stakeholder (an organisation or group) for a topic (any entity): stance,
 * priority, notes and tags — about organisations, never personal data (curation-schemas.ts
 * rejects e-mail addresses and phone numbers). Versioned and audited like entity edits.
 */
import neo4j from 'neo4j-driver';
import { hasRole, type UserPrincipal } from '../auth/roles.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { PRIORITIES, STANCES } from '../api/curation-schemas.ts';
import { recordAudit } from './audit-trail.ts';
import { changedValues } from './unchanged-values.ts';
import { ForbiddenError, VersionConflictError } from './curation-errors.ts';
import { movedEntities } from './merged-ids.ts';
import { withArticle } from '../model/indefinite-article.ts';

export interface Annotation {
  id: string;
  topic: string;
  subject: string;
  stance: (typeof STANCES)[number];
  priority: (typeof PRIORITIES)[number];
  notes: string;
  tags: string[];
  /** The names of topic and subject (their ids when they have none). */
  topicLabel: string;
  subjectLabel: string;
  author: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

type AnnotationFields = Pick<Annotation, 'stance' | 'priority' | 'notes' | 'tags'>;

const SUBJECT_TYPES = new Set(['Organisation', 'Group']);

/** An annotation from a row's `annotation` map, without the lock mark a lock may leave. */
export const annotationFromRow = (row: Record<string, unknown> | undefined): Annotation => {
  const { _lock, ...annotation } = (row?.annotation ?? {}) as Annotation & { _lock?: unknown };
  return annotation;
};

export async function createAnnotation(
  db: GraphDatabase,
  user: UserPrincipal,
  input: { topic: string; subject: string } & AnnotationFields,
): Promise<Annotation> {
  return db.writeTx(async (tx) => {
    const rows = await run(tx, 'curation/entity-types', { ids: [input.topic, input.subject] });
    const types = new Map(rows.map((r) => [String(r.id), String(r.type)]));
    for (const field of ['topic', 'subject'] as const)
      if (!types.has(input[field]))
        throw new NotFoundError(`No entity has the id "${input[field]}"`, {
          [field]: input[field],
        });
    if (!SUBJECT_TYPES.has(types.get(input.subject)!))
      throw new ValidationError('The subject of an annotation is an organisation or a group', [
        { path: 'body.subject', message: `is ${withArticle(types.get(input.subject)!)}` },
      ]);
    const [row] = await run(tx, 'curation/create-annotation', {
      a: { ...input, author: user.id, authorName: user.name },
    });
    const annotation = annotationFromRow(row);
    await recordAudit(tx, user, {
      action: 'annotation.create',
      entityId: annotation.id,
      entityIds: [annotation.topic, annotation.subject],
      before: null,
      after: annotation,
    });
    return annotation;
  });
}

/**
 * Locks an annotation its author or an admin changes, at `version`. Signed with its author's name,
 * it read as theirs after another editor had rewritten it (QA); saved views are kept alike.
 */
async function lockOwnAnnotation(
  tx: Parameters<Parameters<GraphDatabase['writeTx']>[0]>[0],
  user: UserPrincipal,
  id: string,
  version: number,
): Promise<Annotation> {
  const [row] = await run(tx, 'curation/lock-annotation', { id });
  if (!row) throw new NotFoundError(`No annotation has the id "${id}"`, { id });
  const annotation = annotationFromRow(row);
  if (annotation.author !== user.id && !hasRole(user.role, 'admin'))
    throw new ForbiddenError(
      `Annotation ${id} is ${annotation.authorName}'s; only they or an admin change it`,
    );
  if (annotation.version !== version)
    throw new VersionConflictError(`Annotation ${id}`, annotation.version, annotation);
  return annotation;
}

export async function updateAnnotation(
  db: GraphDatabase,
  user: UserPrincipal,
  id: string,
  version: number,
  changes: Partial<AnnotationFields>,
): Promise<Annotation> {
  return db.writeTx(async (tx) => {
    const before = await lockOwnAnnotation(tx, user, id, version);
    const defined = changedValues(
      before as unknown as Record<string, unknown>,
      Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    );
    // Nothing differs from what is stored: nothing is written (unchanged-values.ts says why).
    if (Object.keys(defined).length === 0) return before;
    const [row] = await run(tx, 'curation/update-annotation', { id, changes: defined });
    const after = annotationFromRow(row);
    await recordAudit(tx, user, {
      action: 'annotation.update',
      entityId: id,
      entityIds: [after.topic, after.subject],
      before,
      after,
    });
    return after;
  });
}

export async function deleteAnnotation(
  db: GraphDatabase,
  user: UserPrincipal,
  id: string,
  version: number,
): Promise<void> {
  await db.writeTx(async (tx) => {
    const before = await lockOwnAnnotation(tx, user, id, version);
    await run(tx, 'curation/delete-annotation', { id });
    await recordAudit(tx, user, {
      action: 'annotation.delete',
      entityId: id,
      entityIds: [before.topic, before.subject],
      before,
      after: null,
    });
  });
}

export async function listAnnotations(
  db: GraphDatabase,
  query: { topic?: string; subject?: string; limit: number },
): Promise<Annotation[]> {
  const rows = await db.read('curation/list-annotations', {
    topic: query.topic ?? null,
    subject: query.subject ?? null,
    limit: neo4j.int(query.limit),
  });
  // None about an id merged away: they moved with the merge. Answered as a 404 naming the ids,
  // which a GET turns into a 308 to the kept entity's (api/moved-entities.ts), as every other read
  // of a merged-away id is; the look-up is made only for an empty list.
  const asked = [query.topic, query.subject].filter((id): id is string => id !== undefined);
  if (rows.length === 0 && asked.length > 0 && (await movedEntities(db, asked)).size > 0)
    throw new NotFoundError(`No annotations about ${asked.join(' and ')}`, undefined, asked);
  return rows.map(annotationFromRow);
}
