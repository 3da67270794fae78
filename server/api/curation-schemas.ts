/**
 * Request and response schemas of accounts, curation (entity, relationship and annotation edits,
 * merges), the audit trail and saved views: validation, types and the OpenAPI document derive
 * from them. Editable properties are whitelisted per entity type.
 */
import { z } from 'zod';
import {
  organisationKindSchema,
  relationshipTypeSchema,
  type EntityType,
} from '../model/graph-model.ts';
import { findPersonalData, PERSONAL_DATA_MESSAGE } from '../curation/personal-data.ts';
import { roleSchema } from '../auth/roles.ts';
import { entityIdSchema } from './schemas.ts';

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

const text = (max: number) => z.string().trim().min(1).max(max);
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .meta({ description: 'An http(s) URL' });
const list = (item: z.ZodType<string>, max = 50) => z.array(item).max(max);

/** The properties an editor may set, per type (every one optional here). */
const PROPERTY_SHAPES = {
  Organisation: { kind: organisationKindSchema, website: httpUrl },
  Activity: { activityType: text(200), link: httpUrl },
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

const COMMON_SHAPE = {
  name: text(200),
  description: z.string().trim().max(5000),
  aliases: list(text(200)),
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
  z.object({
    type: z.literal(type),
    id: entityIdSchema
      .optional()
      .meta({ description: 'Default: `<prefix>:<slug of the name>`, e.g. `org:acme-foundation`' }),
    properties: createPropertiesSchema(type),
  });

export const createEntityBodySchema = z
  .discriminatedUnion('type', [
    createVariant('Organisation'),
    createVariant('Activity'),
    createVariant('DPG'),
    createVariant('Group'),
    createVariant('Initiative'),
  ])
  .meta({ id: 'CreateEntityRequest' });
export type CreateEntityBody = z.infer<typeof createEntityBodySchema>;

export const updateEntityBodySchema = z
  .object({
    version: versionSchema,
    properties: z.record(z.string(), z.unknown()).meta({
      description:
        'The properties to change (whitelisted per type: name, description, aliases, website, kind, activityType, link, stage, licenses, sectors, types, repositories, memberCount); null removes one',
    }),
  })
  .meta({ id: 'UpdateEntityRequest' });

export const versionQuerySchema = z.object({
  version: z.coerce.number().int().min(0).meta({ description: 'The version you read' }),
});

export const relationshipBodySchema = z
  .object({
    from: entityIdSchema,
    type: relationshipTypeSchema,
    to: entityIdSchema,
    properties: z
      .strictObject({ board: z.boolean().optional() })
      .default({})
      .meta({ description: '`board` on MEMBER_OF org:dpga' }),
  })
  .meta({ id: 'RelationshipRequest' });

export const relationshipQuerySchema = z.object({
  from: entityIdSchema,
  type: relationshipTypeSchema,
  to: entityIdSchema,
});

export const mergeBodySchema = z
  .object({
    keep: entityIdSchema,
    remove: entityIdSchema,
    keepVersion: versionSchema,
    removeVersion: versionSchema,
  })
  .refine((b) => b.keep !== b.remove, { message: 'must differ from keep', path: ['remove'] })
  .meta({ id: 'MergeRequest' });

const noPersonalData = (schema: z.ZodString) =>
  schema.refine((value) => findPersonalData(value) === null, PERSONAL_DATA_MESSAGE);

export const STANCES = ['supportive', 'neutral', 'opposed', 'unknown'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;

const annotationFields = {
  stance: z.enum(STANCES),
  priority: z.enum(PRIORITIES),
  notes: noPersonalData(z.string().trim().max(2000)),
  tags: z
    .array(noPersonalData(z.string().trim().min(1).max(40)))
    .max(20)
    .meta({ description: 'Free labels, at most 20 of 40 characters' }),
};

export const createAnnotationBodySchema = z
  .object({
    topic: entityIdSchema.meta({ description: 'What the annotation is about: any entity' }),
    subject: entityIdSchema.meta({ description: 'The stakeholder: an organisation or group' }),
    stance: annotationFields.stance.default('unknown'),
    priority: annotationFields.priority.default('medium'),
    notes: annotationFields.notes.default(''),
    tags: annotationFields.tags.default([]),
  })
  .meta({ id: 'CreateAnnotationRequest' });

export const updateAnnotationBodySchema = z
  .object({
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
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const uuidParamsSchema = z.object({ id: z.uuid() });

export const auditQuerySchema = z.object({
  entity: z.string().min(1).max(700).optional().meta({
    description:
      'An entity id, an annotation or saved view id, or a relationship key `from|TYPE|to`',
  }),
  actor: z.string().max(100).optional().meta({ description: 'An account id' }),
  before: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'Only events before this time (paging: the last event’s `at`)' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const position = z.object({ x: z.number().finite(), y: z.number().finite() });

export const viewStateSchema = z
  .object({
    entities: z.array(entityIdSchema).max(500),
    filters: z.record(z.string(), z.unknown()).default({}),
    layout: z.string().max(40).optional(),
    positions: z.record(z.string().max(300), position).default({}),
  })
  .refine((s) => JSON.stringify(s).length <= 200_000, 'must be at most 200 kB as JSON')
  .meta({ id: 'SavedViewState' });

export const createViewBodySchema = z
  .object({ name: text(120), state: viewStateSchema })
  .meta({ id: 'CreateSavedViewRequest' });

export const updateViewBodySchema = z
  .object({ version: versionSchema, name: text(120).optional(), state: viewStateSchema.optional() })
  .meta({ id: 'UpdateSavedViewRequest' });

export const viewListQuerySchema = z.object({
  owner: z.string().max(100).optional().meta({ description: '`me`, or an account id' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const signInBodySchema = z
  .object({ name: z.string().min(1).max(40), password: z.string().min(1).max(1000) })
  .meta({ id: 'SignInRequest' });

// ---- responses ----

export const userSchema = z
  .object({ id: z.string(), name: z.string(), role: roleSchema })
  .meta({ id: 'User' });

export const meResponseSchema = z
  .object({
    user: userSchema.nullable(),
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
    properties: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'RelationshipState' });

export const mergeResponseSchema = z
  .object({
    entity: entityStateSchema,
    removed: z.string(),
    moved: z.object({ outgoing: z.number().int(), incoming: z.number().int() }),
  })
  .meta({ id: 'MergeResponse' });

export const annotationSchema = z
  .object({
    id: z.string(),
    topic: z.string(),
    subject: z.string(),
    stance: z.enum(STANCES),
    priority: z.enum(PRIORITIES),
    notes: z.string(),
    tags: z.array(z.string()),
    author: z.string(),
    authorName: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Annotation' });

export const auditEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    actorName: z.string(),
    action: z.string().meta({
      description:
        'entity.create|update|delete|merge, relationship.create|delete, annotation.create|update|delete, view.create|update|delete',
    }),
    entityId: z.string(),
    entityIds: z.array(z.string()),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
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
