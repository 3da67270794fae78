/**
 * Activity types (funding, advocacy, research, …) derived from an activity's text by the rule
 * table seed/reference/activity-type-rules.json, for sources that state none — so activities from
 * every source can be filtered by type.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REFERENCE_DIR } from './resolution/gazetteer.ts';

const rulesFile = z.object({
  rules: z.array(z.object({ type: z.string().min(1), pattern: z.string().min(1) })),
});

let rules: { type: string; pattern: RegExp }[] | null = null;

function loadRules() {
  const file = path.join(REFERENCE_DIR, 'activity-type-rules.json');
  const parsed = rulesFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.rules.map((r) => ({ type: r.type, pattern: new RegExp(r.pattern, 'iu') }));
}

/** Every type whose rule matches the text, in table order. */
export function classifyActivity(text: string): string[] {
  rules ??= loadRules();
  return rules.filter((r) => r.pattern.test(text)).map((r) => r.type);
}
