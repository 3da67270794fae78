/**
 * Annotation lists as the panels read them: one topic's annotations grouped by the stakeholder they
 * are about, to show beside each stakeholder of an insight.
 */
import type { Annotation } from './types';

/** Annotations by the stakeholder they are about, each list in the order given (newest first). */
export function bySubject(list: readonly Annotation[]): Map<string, Annotation[]> {
  const out = new Map<string, Annotation[]>();
  for (const annotation of list) {
    const entries = out.get(annotation.subject);
    if (entries) entries.push(annotation);
    else out.set(annotation.subject, [annotation]);
  }
  return out;
}
