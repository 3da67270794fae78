/**
 * Request and response schemas of accounts, curation (entity, relationship and annotation edits,
 * merges), the audit trail and saved views: validation, types and the OpenAPI document derive
 * from them. Editable properties are whitelisted per entity type.
 */
import { z } from 'zod';
import {
  RELATIONSHIP_TYPES,
  organisationKindSchema,
  type EntityType,
} from '../model/graph-model.ts';
import { uniqueAliases } from '../curation/merge-rules.ts';
import { findPersonalData, PERSONAL_DATA_MESSAGE } from '../curation/personal-data.ts';
import { roleSchema } from '../auth/roles.ts';
import { canonicalAuditSubject } from '../model/entity-ids.ts';
import { sourceSchema } from './response-schemas.ts';
import { anyCase, canonicalCase, entityIdSchema, intParam, requiredIntParam } from './schemas.ts';

/** The entity types editors create and change; countries and SDGs are reference data. */
export const EDITABLE_TYPES = ['Organisation', 'Activity', 'DPG', 'Group', 'Initiative'] as const;
export type EditableType = (typeof EDITABLE_TYPES)[number];
export const editableTypeSchema = z.enum(EDITABLE_TYPES);
export const isEditableType = (type: string): type is EditableType =>
  (EDITABLE_TYPES as readonly string[]).includes(type);

export const versionSchema = z
  .number()
  .int()
  .min(0)
  .meta({ description: 'The version you read; a stale one is answered with 409 VERSION_CONFLICT' });

const noPersonalData = (schema: z.ZodString) =>
  schema.refine((value) => findPersonalData(value) === null, PERSONAL_DATA_MESSAGE);

/**
 * Control characters (C0, DEL, C1): none belongs in a one-line value (a NUL in a name was drawn as
 * a box in the merge picker, QA); a long text keeps its line breaks and tabs.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ONE_LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above, less tab, line feed and carriage return
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_MESSAGE = 'must not hold control characters (a line break, a tab, a NUL)';

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !ONE_LINE_CONTROL.test(value), CONTROL_MESSAGE);
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .meta({ description: 'An http(s) URL' });
const list = (item: z.ZodType<string>, max = 50) => z.array(item).max(max);

/** The properties an editor may set, per type (every one optional here). */
const PROPERTY_SHAPES = {
  Organisation: { kind: organisationKindSchema, website: httpUrl },
  // activityTypes is what the filters and facets read (the importers derive it); activityType
  // is the member page's own wording, kept for API clients that set it, and the two are set apart.
  Activity: { activityType: text(200), activityTypes: list(text(50)), link: httpUrl },
  DPG: {
    stage: text(50),
    licenses: list(text(100)),
    sectors: list(text(100)),
    types: list(text(50)),
    repositories: list(httpUrl),
    website: httpUrl,
  },
  Group: { memberCount: z.number().int().min(0).max(100_000_000) },
  Initiative: { kind: text(50), website: httpUrl },
} satisfies Record<EditableType, Record<string, z.ZodType>>;

/**
 * Text that reads as what it is: a letter or a digit at least, and no bidirectional override,
 * which made "\u202eQA2 rtl" show as "ltr 2AQ" in search; a name of zero-width spaces alone was a
 * blank title (QA).
 */
// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const visible = (schema: z.ZodString) =>
  schema
    .refine((value) => !BIDI_CONTROL.test(value), 'must not hold bidirectional control characters')
    .refine((value) => /[\p{L}\p{N}]/u.test(value), 'needs a letter or a digit');

// Entity texts are public and exported: no personal contact data in them either (QA: a
// description with an e-mail address and a phone number reached every export).
const COMMON_SHAPE = {
  name: noPersonalData(visible(text(200))),
  description: noPersonalData(
    z
      .string()
      .trim()
      .max(5000)
      .refine(
        (value) => !MULTI_LINE_CONTROL.test(value),
        'must not hold control characters other than line breaks and tabs',
      ),
  ),
  // One name twice, in any case, is kept once: a slip in an editor's list, or a list a merge or
  // an import made (refusing it refused an edit at an entry the editor never typed: review).
  aliases: list(noPersonalData(visible(text(200)))).overwrite(uniqueAliases),
};

/** Properties of a new entity of `type`: a name, and any whitelisted property. */
export function createPropertiesSchema(type: EditableType) {
  return z.strictObject({ ...COMMON_SHAPE, ...PROPERTY_SHAPES[type] }).partial({
    description: true,
    aliases: true,
    ...Object.fromEntries(Object.keys(PROPERTY_SHAPES[type]).map((k) => [k, true])),
  });
}

/** A change to an entity of `type`: any whitelisted property; null removes it (not the name). */
export function updatePropertiesSchema(type: EntityType & EditableType) {
  const shape: Record<string, z.ZodType> = { name: COMMON_SHAPE.name.optional() };
  for (const [key, schema] of Object.entries({ ...COMMON_SHAPE, ...PROPERTY_SHAPES[type] }))
    if (key !== 'name') shape[key] = (schema as z.ZodType).nullable().optional();
  return z
    .strictObject(shape)
    .refine((value) => Object.keys(value).length > 0, 'name at least one property to change');
}

const createVariant = <T extends EditableType>(type: T) =>
  z.strictObject({
    type: z.literal(type),
    id: entityIdSchema
      .optional()
      .meta({ description: 'Default: `<prefix>:<slug of the name>`, e.g. `org:acme-foundation`' }),
    properties: createPropertiesSchema(type),
  });

const editableType = canonicalCase(EDITABLE_TYPES);

export const createEntityBodySchema = z
  .preprocess(
    // `type` is read in any case, as every word from a fixed list is (`dpg` is DPG): before the
    // union, which tells its variants apart by the exact word.
    (body) =>
      typeof body === 'object' &&
      body !== null &&
      typeof (body as { type?: unknown }).type === 'string'
        ? { ...body, type: editableType((body as { type: string }).type) }
        : body,
    z.discriminatedUnion('type', [
      createVariant('Organisation'),
      createVariant('Activity'),
      createVariant('DPG'),
      createVariant('Group'),
      createVariant('Initiative'),
    ]),
  )
  .meta({ id: 'CreateEntityRequest' });
export type CreateEntityBody = z.infer<typeof createEntityBodySchema>;

export const updateEntityBodySchema = z
  .strictObject({
    version: versionSchema,
    properties: z.record(z.string(), z.unknown()).meta({
      description:
        'The properties to change (whitelisted per type: name, description, aliases, website, kind, activityType, activityTypes, link, stage, licenses, sectors, types, repositories, memberCount); null removes one',
    }),
  })
  .meta({ id: 'UpdateEntityRequest' });

export const versionQuerySchema = z.object({
  version: requiredIntParam(0, 'The version you read'),
});

/** A date as precise as the source knows it: `2024`, `2024-03` or `2024-03-15`. */
const partialDate = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'must be YYYY, YYYY-MM or YYYY-MM-DD',
  )
  .refine(
    (value) => value.length < 10 || new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'is not a day of the calendar',
  )
  .meta({ description: 'YYYY, YYYY-MM or YYYY-MM-DD' });

/**
 * Whether `end` falls before `start` at the precision both give (`2024` does not end before
 * `2024-05`: the year may run to December).
 */
export function endsBeforeStart(start: string, end: string): boolean {
  const n = Math.min(start.length, end.length);
  return end.slice(0, n) < start.slice(0, n);
}

/** The properties an editor may state on a relationship (every one optional). */
const RELATIONSHIP_PROPERTY_SHAPE = {
  role: noPersonalData(z.string().trim().min(1).max(200)).meta({
    description: 'The part played, e.g. "technical partner", "co-funder"',
  }),
  startDate: partialDate,
  endDate: partialDate,
  notes: noPersonalData(z.string().trim().min(1).max(2000)).meta({
    description: 'Free text about the relationship (no personal data)',
  }),
  board: z.boolean().meta({ description: 'MEMBER_OF only: a seat on the board' }),
  // An editor's statement is provenance too; a page a reader can open makes it checkable, as an
  // import's source is (the curation audit: "stated by editor" alone cited nothing).
  sourceUrl: httpUrl.meta({
    description: 'A web page that states the relationship, which the editor cites',
  }),
};
/**
 * Each property of `shape` as a change: a value sets it, null removes it, absent leaves it. Derived,
 * so a property added to the shape can be changed too.
 */
function asChanges<S extends Record<string, z.ZodType>>(shape: S) {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, schema.nullable().optional()]),
  ) as { [K in keyof S]: z.ZodOptional<z.ZodNullable<S[K]>> };
}

const relationshipPropertiesSchema = z
  .strictObject(RELATIONSHIP_PROPERTY_SHAPE)
  .partial()
  .refine((p) => !(p.startDate && p.endDate && endsBeforeStart(p.startDate, p.endDate)), {
    message: 'must not be before startDate',
    path: ['endDate'],
  });

/** A relationship type as a request names it, in any case (`funds` is FUNDS). */
const relationshipTypeSchema = anyCase(RELATIONSHIP_TYPES);

export const relationshipBodySchema = z
  .strictObject({
    from: entityIdSchema,
    type: relationshipTypeSchema,
    to: entityIdSchema,
    properties: relationshipPropertiesSchema.default({}).meta({
      description: 'role, startDate, endDate, notes, sourceUrl; `board` on MEMBER_OF only',
    }),
  })
  // An organisation stated a member of itself was drawn as a loop and listed in its history (QA).
  .refine((b) => b.from !== b.to, {
    message: 'must differ from from: a relationship joins two entities',
    path: ['to'],
  })
  .meta({ id: 'RelationshipRequest' });
/** What an editor states on a relationship. */
export type RelationshipProperties = z.infer<typeof relationshipPropertiesSchema>;

/** A change to a relationship's properties: any of them; null removes one. */
export const updateRelationshipBodySchema = z
  .strictObject({
    version: versionSchema,
    properties: z
      .strictObject(asChanges(RELATIONSHIP_PROPERTY_SHAPE))
      .refine((value) => Object.keys(value).length > 0, 'name at least one property to change')
      .meta({
        description:
          'The properties to change (role, startDate, endDate, notes, sourceUrl; board on MEMBER_OF); null removes one',
      }),
  })
  .meta({ id: 'UpdateRelationshipRequest' });

export const relationshipQuerySchema = z.object({
  from: entityIdSchema,
  type: relationshipTypeSchema,
  to: entityIdSchema,
});

/** A relationship's delete: which one, and the version read, to refuse it if changed since. */
export const deleteRelationshipQuerySchema = relationshipQuerySchema.extend({
  version: requiredIntParam(
    0,
    'The version you read (GET /api/curation/relationships): a change since answers 409 and nothing is deleted. Without it the relationship goes whatever changed',
  ).optional(),
});

export const mergeBodySchema = z
  .strictObject({
    keep: entityIdSchema,
    remove: entityIdSchema,
    keepVersion: versionSchema,
    removeVersion: versionSchema,
  })
  .refine((b) => b.keep !== b.remove, { message: 'must differ from keep', path: ['remove'] })
  .meta({ id: 'MergeRequest' });

/** An undo names the change by its audit event: only the event holds the state before it. */
const undoBody = (description: string) =>
  z.strictObject({ auditId: z.uuid().meta({ description }) });

/**
 * A merge is undone by its audit event: only the event holds the state before the merge, and the
 * pair `{keep, remove}` would be ambiguous once the two were merged, unmerged and merged again.
 */
export const undoMergeBodySchema = undoBody(
  'The `entity.merge` audit event (`auditId` of the merge’s answer, or its `id` in the audit feed)',
).meta({ id: 'UndoMergeRequest' });

/** A delete is undone by its audit event too: the entity or relationship is gone, it alone is left. */
export const undoDeleteBodySchema = undoBody(
  'The `entity.delete` or `relationship.delete` audit event (the delete’s `Audit-Id` header, or its `id` in the audit feed)',
).meta({ id: 'UndoDeleteRequest' });

export const STANCES = ['supportive', 'neutral', 'opposed', 'unknown'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;

const annotationFields = {
  stance: anyCase(STANCES),
  priority: anyCase(PRIORITIES),
  notes: noPersonalData(z.string().trim().max(2000)),
  tags: z
    .array(noPersonalData(z.string().trim().min(1).max(40)))
    .max(20)
    .meta({ description: 'Free labels, at most 20 of 40 characters' }),
};

export const createAnnotationBodySchema = z
  .strictObject({
    topic: entityIdSchema.meta({ description: 'What the annotation is about: any entity' }),
    subject: entityIdSchema.meta({ description: 'The stakeholder: an organisation or group' }),
    stance: annotationFields.stance.default('unknown'),
    priority: annotationFields.priority.default('medium'),
    notes: annotationFields.notes.default(''),
    tags: annotationFields.tags.default([]),
  })
  .meta({ id: 'CreateAnnotationRequest' });

export const updateAnnotationBodySchema = z
  .strictObject({
    version: versionSchema,
    stance: annotationFields.stance.optional(),
    priority: annotationFields.priority.optional(),
    notes: annotationFields.notes.optional(),
    tags: annotationFields.tags.optional(),
  })
  .meta({ id: 'UpdateAnnotationRequest' });

export const annotationListQuerySchema = z.object({
  topic: entityIdSchema.optional(),
  subject: entityIdSchema.optional(),
  limit: intParam(1, 500, 100, 'Annotations at most'),
});

export const uuidParamsSchema = z.object({ id: z.uuid() });

export const auditQuerySchema = z
  .object({
    entity: z.string().min(1).max(700).overwrite(canonicalAuditSubject).optional().meta({
      description:
        'An entity id, an annotation or saved view id, or a relationship key `from|TYPE|to`',
    }),
    actor: z.string().max(100).optional().meta({ description: 'An account id' }),
    before: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'Only events before this time (paging: the last event’s `at`)' }),
    beforeId: z.string().min(1).max(100).optional().meta({
      description:
        'Paging, with `before`: the last event’s `id`, so that events sharing its time are not skipped',
    }),
    limit: intParam(1, 500, 50, 'Events at most'),
  })
  // Alone, `beforeId` paged nothing and was ignored without a word (curation sweep).
  .refine((query) => query.beforeId === undefined || query.before !== undefined, {
    path: ['beforeId'],
    message: 'pages with `before`: give the last event’s `at` as `before` too',
  });

/** Canvas coordinates far beyond any layout's reach are a mistake, not a picture. */
const COORDINATE = z.number().min(-1_000_000).max(1_000_000);

/**
 * How deep a filter value may nest. A view is stored and audited as JSON text, and
 * JSON.stringify recurses: a body of 1 MB of `[` nests 500,000 deep and would overflow the stack.
 */
export const MAX_FILTER_DEPTH = 16;

/** True when `value` nests arrays or objects deeper than `max` (walked without recursion). */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The size of a value as JSON, or Infinity when it cannot be written as JSON at all. */
function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value).length;
  } catch {
    return Infinity;
  }
}
const position = z.strictObject({ x: COORDINATE, y: COORDINATE });

export const viewStateSchema = z
  .object({
    entities: z.array(entityIdSchema).max(500),
    filters: z
      .record(
        z.string().max(100),
        z
          .unknown()
          .refine(
            (v) => !nestsDeeperThan(v, MAX_FILTER_DEPTH),
            `nests deeper than ${MAX_FILTER_DEPTH} levels`,
          ),
      )
      .default({}),
    layout: z.string().max(40).optional(),
    positions: z.record(entityIdSchema, position).default({}).meta({
      description: 'Where each shown entity was on the canvas; keys are among `entities`',
    }),
  })
  .superRefine((state, ctx) => {
    const shown = new Set(state.entities);
    const keys = Object.keys(state.positions);
    if (keys.length > shown.size)
      ctx.addIssue({
        code: 'custom',
        path: ['positions'],
        message: `has ${keys.length} positions for ${shown.size} entities`,
      });
    for (const key of keys.filter((k) => !shown.has(k)).slice(0, 10))
      ctx.addIssue({ code: 'custom', path: ['positions', key], message: 'is not in entities' });
  })
  .refine((s) => jsonLength(s) <= 200_000, 'must be at most 200 kB as JSON')
  .meta({ id: 'SavedViewState' });

export const createViewBodySchema = z
  .strictObject({ name: noPersonalData(visible(text(120))), state: viewStateSchema })
  .meta({ id: 'CreateSavedViewRequest' });

export const updateViewBodySchema = z
  .strictObject({
    version: versionSchema,
    name: noPersonalData(visible(text(120))).optional(),
    state: viewStateSchema.optional(),
  })
  .meta({ id: 'UpdateSavedViewRequest' });

export const viewListQuerySchema = z.object({
  owner: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: '`me`, or an account’s id or name (404 when no account has it)' }),
  limit: intParam(1, 500, 100, 'Views at most'),
});

export const signInBodySchema = z
  .strictObject({ name: z.string().min(1).max(40), password: z.string().min(1).max(1000) })
  .meta({ id: 'SignInRequest' });

// ---- responses ----

export const userSchema = z
  .object({ id: z.string(), name: z.string(), role: roleSchema })
  .meta({ id: 'User' });

export const meResponseSchema = z
  .object({
    // A union, not .nullable(): the generator writes a nullable reference as an allOf no null meets.
    user: z.union([userSchema, z.null()]),
    via: z.enum(['session', 'token', 'admin-token']).nullable(),
    readsRequireSignIn: z.boolean(),
    sessionsEnabled: z.boolean(),
  })
  .meta({ id: 'MeResponse' });

export const sessionResponseSchema = z
  .object({ user: userSchema, csrfToken: z.string(), expiresAt: z.string() })
  .meta({ id: 'SessionResponse' });

export const entityStateSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    version: z.number().int(),
    properties: z.record(z.string(), z.unknown()),
    editedProperties: z.array(z.string()).meta({ description: 'Properties an editor set' }),
    provenance: z.array(z.object({ source: z.string(), evidence: z.string().nullable() })),
  })
  .meta({ id: 'EntityState' });

export const relationshipStateSchema = z
  .object({
    from: z.string(),
    type: z.string(),
    to: z.string(),
    fromLabel: z.string().meta({ description: 'The name of the start entity' }),
    toLabel: z.string().meta({ description: 'The name of the end entity' }),
    version: z.number().int().meta({ description: '0 for an imported relationship never edited' }),
    properties: z.record(z.string(), z.unknown()).meta({
      description:
        'role, startDate, endDate, notes, sourceUrl, board where set; `sources` and `evidence`',
    }),
    editedProperties: z.array(z.string()).meta({ description: 'Properties an editor set' }),
  })
  .meta({ id: 'RelationshipState' });

/** `GET /api/curation/relationships`: the state, and the documents that state the relationship. */
export const relationshipSchema = relationshipStateSchema
  .extend({
    sources: z.array(sourceSchema).meta({
      description:
        'The sources `properties.sources` names, as entity details list them; a source no longer stored is left out',
    }),
  })
  .meta({ id: 'Relationship' });

export const mergeResponseSchema = z
  .object({
    entity: entityStateSchema,
    removed: z.string(),
    moved: z.object({ outgoing: z.number().int(), incoming: z.number().int() }),
    keptOver: z
      .array(
        z.object({
          from: z.string(),
          type: z.string(),
          to: z.string(),
          fromLabel: z.string(),
          toLabel: z.string(),
          property: z.string(),
          kept: z.unknown(),
          dropped: z.unknown(),
        }),
      )
      .meta({
        description:
          'Where both entities had the same relationship and stated a property differently: the kept entity’s value stays, the removed one’s is dropped (the undo brings it back). Also in the audit event’s `before.keptOver`',
      }),
    auditId: z.string().meta({ description: 'The merge’s audit event: undo it with this' }),
  })
  .meta({ id: 'MergeResponse' });

export const undoMergeResponseSchema = z
  .object({
    entity: entityStateSchema.meta({ description: 'The kept entity, as before the merge' }),
    restored: entityStateSchema.meta({ description: 'The entity the merge had removed, back' }),
    auditId: z.string().meta({ description: 'The undo’s own audit event (`entity.unmerge`)' }),
  })
  .meta({ id: 'UndoMergeResponse' });

export const notRestoredSchema = z
  .object({
    from: z.string(),
    type: z.string(),
    to: z.string(),
    fromLabel: z.string(),
    toLabel: z.string(),
    reason: z.string().meta({
      description:
        'Why it could not come back: its other end was deleted, merged away or replaced since',
    }),
  })
  .meta({ id: 'NotRestoredRelationship' });

export const annotationSchema = z
  .object({
    id: z.string(),
    topic: z.string(),
    subject: z.string(),
    stance: z.enum(STANCES),
    priority: z.enum(PRIORITIES),
    notes: z.string(),
    tags: z.array(z.string()),
    topicLabel: z.string().meta({ description: 'The topic’s name (its id when it has none)' }),
    subjectLabel: z.string().meta({ description: 'The stakeholder’s name' }),
    author: z.string(),
    authorName: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Annotation' });

export const notRestoredAnnotationSchema = z
  .object({
    id: z.string(),
    topic: z.string(),
    subject: z.string(),
    topicLabel: z.string(),
    subjectLabel: z.string(),
    reason: z.string().meta({
      description:
        'Why it could not come back: its other end was deleted or merged away since, or is no longer a stakeholder',
    }),
  })
  .meta({ id: 'NotRestoredAnnotation' });

export const undoDeleteResponseSchema = z
  .object({
    // A union, not .nullable(): see meResponseSchema.
    entity: z.union([entityStateSchema, z.null()]).meta({
      description:
        'The entity back (its version one on); null when a relationship delete was undone',
    }),
    relationships: z.array(relationshipStateSchema).meta({
      description:
        'The relationships back: the one deleted, or those of the entity whose other end is still there',
    }),
    notRestored: z.array(notRestoredSchema).meta({
      description: 'The entity’s relationships that could not come back, each with why',
    }),
    annotations: z.array(annotationSchema).meta({
      description:
        'The annotations naming the entity, which its delete took, back: those whose other end (topic or stakeholder) is still there. Empty for a relationship',
    }),
    annotationsNotRestored: z.array(notRestoredAnnotationSchema).meta({
      description: 'The annotations that could not come back, each with why',
    }),
    auditId: z.string().meta({
      description: 'The undo’s own audit event (`entity.restore` or `relationship.restore`)',
    }),
  })
  .meta({ id: 'UndoDeleteResponse' });

export const auditEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    actorName: z.string(),
    action: z.string().meta({
      description:
        'entity.create|update|delete|merge|unmerge|restore, relationship.create|update|delete|restore, annotation.create|update|delete, view.create|update|delete',
    }),
    entityId: z.string(),
    entityIds: z.array(z.string()),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    undoneBy: z.string().nullable().meta({
      description:
        'A merge or delete undone: the undo’s audit event (`entity.unmerge`, `entity.restore`, `relationship.restore`); null while it stands',
    }),
  })
  .meta({ id: 'AuditEvent' });

export const savedViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    owner: z.string(),
    ownerName: z.string(),
    state: z.unknown(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'SavedView' });
