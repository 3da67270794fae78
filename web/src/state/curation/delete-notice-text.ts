/**
 * What the notice after a delete says at each step (DeleteNotice.svelte): what went, what came
 * back, and each relationship that could not, as a sentence with its reason.
 */
import { relationshipSentence } from '../../lib/vocabulary/relationship-sentence';
import { annotationCount, relationshipCount, type UndoableDelete } from './audit-format';
import type { UndoDeleteResult } from './types';

/**
 * What the delete confirmation asks after the name: "?" alone, or " and its 2 relationships?".
 * (Annotations naming it go too, said beside it without a number: the panel lists only those
 * about it as a stakeholder, not those with it as their topic.)
 */
export function deleteQuestionTail(count: number): string {
  return count === 0 ? '?' : ` and its ${relationshipCount(count)}?`;
}

/** The notice's title once deleted: "Deleted Acme." / "Removed: Acme funds DHIS2." */
export function deletedTitle(deleted: UndoableDelete): string {
  return deleted.kind === 'entity' ? `Deleted ${deleted.label}.` : `Removed: ${deleted.label}.`;
}

/**
 * The notice's title once undone: "Acme is back, with 3 relationships." (or just "is back"),
 * "…with 3 relationships and 1 annotation." when its delete took annotations.
 */
export function restoredTitle(deleted: UndoableDelete, answer: UndoDeleteResult): string {
  if (deleted.kind === 'relationship') return `Back: ${deleted.label}.`;
  const parts = [
    answer.relationships.length > 0 ? relationshipCount(answer.relationships.length) : null,
    answer.annotations.length > 0 ? annotationCount(answer.annotations.length) : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0
    ? `${deleted.label} is back.`
    : `${deleted.label} is back, with ${parts.join(' and ')}.`;
}

/**
 * Each relationship that could not come back: "Acme funds DHIS2 (DHIS2 … was deleted since)";
 * then each annotation: "the annotation on Other for Acme (Other … was deleted since)".
 */
export function notRestoredLines(answer: UndoDeleteResult): string[] {
  return [
    ...answer.notRestored.map(
      (lost) =>
        `${relationshipSentence(lost.fromLabel, lost.type, lost.toLabel).text} (${lost.reason})`,
    ),
    ...answer.annotationsNotRestored.map(
      (lost) => `the annotation on ${lost.subjectLabel} for ${lost.topicLabel} (${lost.reason})`,
    ),
  ];
}
