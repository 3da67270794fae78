/**
 * The shape of a DPG Registry record (the public API's list and detail endpoints), read leniently:
 * many fields are missing or empty in real records. Unknown fields are dropped on parsing, which
 * is also how contact names and e-mail addresses never get past this module.
 */
import { z } from 'zod';
import { withoutNameDebris } from '../resolution/name-debris.ts';
import { nameProblem } from '../resolution/text-normalise.ts';

const text = z.string().trim();
/**
 * A name the graph can hold (not empty, not a paragraph, letters or digits for an id), without
 * debris at its ends or runs of spaces ("ITECH,  University of Washington").
 */
const name = (what: string) =>
  text.transform(withoutNameDebris).superRefine((value, ctx) => {
    const problem = nameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `${what} ${problem}` });
  });
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v ?? '').trim());
const textList = z
  .array(z.string().nullish())
  .nullish()
  .transform((list) => (list ?? []).map((v) => (v ?? '').trim()).filter((v) => v.length > 0));

export const REGISTRY_ORG_TYPES = ['owner', 'maintainer', 'funder', 'implementer'] as const;

export const registryOrganisationSchema = z.object({
  name: name('organisation name'),
  website: optionalText,
  org_type: z.enum(REGISTRY_ORG_TYPES),
});

export const registryRecordSchema = z.object({
  id: text.min(1, 'id is empty').regex(/^[a-z0-9][a-z0-9._-]*$/i, 'id must be a slug'),
  name: name('name'),
  aliases: textList,
  description: optionalText,
  website: optionalText,
  license: z
    .array(z.object({ spdx: optionalText, licenseURL: optionalText }))
    .nullish()
    .transform((l) => l ?? []),
  SDGs: z
    .array(
      z.object({
        SDGNumber: z.coerce.number().int().min(1).max(17),
        evidenceText: optionalText,
      }),
    )
    .nullish()
    .transform((l) => l ?? []),
  sectors: textList,
  type: textList,
  repositories: z
    .array(z.object({ name: optionalText, url: optionalText }))
    .nullish()
    .transform((l) => l ?? []),
  organizations: z
    .array(registryOrganisationSchema)
    .nullish()
    .transform((l) => l ?? []),
  stage: z
    .string()
    .nullish()
    .transform((v) => (v ?? '').trim() || 'DPG'),
  locations: z
    .object({ developmentCountries: textList, deploymentCountries: textList })
    .nullish()
    .transform((l) => l ?? { developmentCountries: [], deploymentCountries: [] }),
});

export type RegistryRecord = z.infer<typeof registryRecordSchema>;
export type RegistryOrgType = (typeof REGISTRY_ORG_TYPES)[number];

/** A record that failed validation: which document, which record, which field, and why. */
export interface RecordProblem {
  document: string;
  record: string;
  field: string;
  message: string;
}

export function validateRecord(
  raw: unknown,
  document: string,
  index: number,
): { record: RegistryRecord } | { problems: RecordProblem[] } {
  const parsed = registryRecordSchema.safeParse(raw);
  if (parsed.success) return { record: parsed.data };
  const id = (raw as { id?: unknown } | null)?.id;
  const record = typeof id === 'string' && id ? `record "${id}"` : `record #${index + 1}`;
  return {
    problems: parsed.error.issues.map((issue) => ({
      document,
      record,
      field: issue.path.join('.') || '(record)',
      message: issue.message,
    })),
  };
}
