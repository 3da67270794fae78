/**
 * What the notice after a delete says at each step (DeleteNotice.svelte): what went, what came
 * back, and each relationship that could not, as a sentence with its reason.
 */
import { relationshipSentence } from '../../lib/vocabulary/relationship-sentence';
import type { UndoableDelete } from './audit-format';
import type { UndoDeleteResult } from './types';

const relationships = (n: number) => `${n} ${n === 1 ? 'relationship' : 'relationships'}`;

/** The notice's title once deleted: "Deleted Acme." / "Removed: Acme funds DHIS2." */
export function deletedTitle(deleted: UndoableDelete): string {
  return deleted.kind === 'entity' ? `Deleted ${deleted.label}.` : `Removed: ${deleted.label}.`;
}

/** The notice's title once undone: "Acme is back, with 3 relationships." (or just "is back"). */
export function restoredTitle(deleted: UndoableDelete, answer: UndoDeleteResult): string {
  if (deleted.kind === 'relationship') return `Back: ${deleted.label}.`;
  const count = answer.relationships.length;
  return count === 0
    ? `${deleted.label} is back.`
    : `${deleted.label} is back, with ${relationships(count)}.`;
}

/** Each relationship that could not come back: "Acme funds DHIS2 (DHIS2 … was deleted since)". */
export function notRestoredLines(answer: UndoDeleteResult): string[] {
  return answer.notRestored.map(
    (lost) =>
      `${relationshipSentence(lost.fromLabel, lost.type, lost.toLabel).text} (${lost.reason})`,
  );
}
