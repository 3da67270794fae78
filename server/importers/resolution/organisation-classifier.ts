/**
 * Classifies an organisation by kind (UN agency, government, multilateral bank, foundation,
 * company, NGO, academia, network) from its name, by the ordered rule table in
 * seed/reference/organisation-kind-rules.json. Reference entries carry their own kind and win.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { organisationKindSchema, type OrganisationKind } from '../../model/graph-model.ts';
import { REFERENCE_DIR } from './gazetteer.ts';

const rulesFile = z.object({
  rules: z.array(z.object({ kind: organisationKindSchema, pattern: z.string().min(1) })),
});

export interface KindRule {
  kind: OrganisationKind;
  pattern: RegExp;
}

export function loadKindRules(
  file = path.join(REFERENCE_DIR, 'organisation-kind-rules.json'),
): KindRule[] {
  const parsed = rulesFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${path.basename(file)} is invalid at ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  return parsed.data.rules.map((r) => ({ kind: r.kind, pattern: new RegExp(r.pattern, 'iu') }));
}

let defaultRules: KindRule[] | null = null;

/** The kind the first matching rule gives, or 'unknown'. */
export function classifyOrganisation(name: string, rules?: KindRule[]): OrganisationKind {
  const table = rules ?? (defaultRules ??= loadKindRules());
  return table.find((rule) => rule.pattern.test(name))?.kind ?? 'unknown';
}
