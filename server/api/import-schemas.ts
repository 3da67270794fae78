/** Request schemas of the imports API (validation, types and OpenAPI derive from them). */
import { z } from 'zod';
import { importKindSchema } from '../importers/import-runner.ts';
import { intParam } from './schemas.ts';

const MAX_CONTENT = 20 * 1024 * 1024;

export const importRequestSchema = z
  .strictObject({
    kind: importKindSchema,
    url: z
      .string()
      .url()
      .regex(/^https?:\/\//i, 'url must be http(s)')
      // The job's record and its report keep the url; a password in it would be kept with them.
      .refine((url) => !/^https?:\/\/[^/?#]*@/i.test(url), 'url must not carry a user or password')
      .optional()
      .describe('Where to fetch the source: a document, or the registry API base URL'),
    content: z
      .string()
      .max(MAX_CONTENT)
      .optional()
      .describe('The document itself, instead of a url'),
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^/\\]+$/, 'name is a file name, not a path')
      .optional()
      .describe('File name of the sent content, used in reports and as the source identity'),
    dryRun: z.boolean().default(false),
    columns: z
      .string()
      .max(500)
      .optional()
      .describe('activities-csv: organisation=Org,activity=Title,link=URL'),
    sourceId: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, 'sourceId is a slug')
      .optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.url === undefined) === (value.content === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'or content: give exactly one of the two',
      });
    }
    if (value.kind === 'dpg-registry' && value.url === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'dpg-registry imports need the API base url',
      });
    }
    if (value.content !== undefined && value.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'content needs a file name' });
    }
  });
export type ImportRequestBody = z.infer<typeof importRequestSchema>;

export const importJobParamsSchema = z.object({ id: z.string().uuid() });
export const importJobListQuerySchema = z.object({
  limit: intParam(1, 100, 20, 'Import jobs at most, newest first'),
});

const changeCountsSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  retracted: z.number(),
  removed: z.number(),
});

export const importReportSchema = z.object({
  kind: z.string(),
  source: z.object({
    id: z.string(),
    uri: z.string(),
    checksum: z.string(),
    changedSinceLastImport: z.boolean().nullable(),
  }),
  dryRun: z.boolean(),
  nodes: changeCountsSchema,
  relationships: changeCountsSchema,
  merges: z.array(
    z.object({ name: z.string(), id: z.string(), rule: z.string(), context: z.string() }),
  ),
  unresolved: z.array(
    z.object({ name: z.string(), context: z.string(), createdId: z.string().nullable() }),
  ),
  ambiguous: z.array(
    z.object({ name: z.string(), candidates: z.array(z.string()), context: z.string() }),
  ),
  conflicts: z
    .array(
      z.object({
        kind: z.enum([
          'edited-property',
          'deleted-entity',
          'deleted-relationship',
          'editor-stated',
        ]),
        id: z.string(),
        property: z.string().optional(),
        editorValue: z.unknown().optional(),
        importValue: z.unknown().optional(),
        message: z.string(),
      }),
    )
    .meta({ description: "Where an editor's correction overrode the source (the editor wins)" }),
  warnings: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
});

export const importJobSchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  document: z.string(),
  dryRun: z.boolean(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.object({ done: z.number(), total: z.number() }),
  report: importReportSchema.nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
