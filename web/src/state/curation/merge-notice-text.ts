/**
 * What the notice after a merge says it dropped (MergeNotice.svelte): where both entities had the
 * same relationship and stated a property differently, the kept value stayed and the removed one
 * went, which the undo brings back.
 */
import { humaniseKey } from '../../lib/entity/property-format';
import { relationshipSentence } from '../../lib/vocabulary/relationship-sentence';
import type { KeptOverValue } from './types';

const quoted = (value: unknown) =>
  typeof value === 'string'
    ? `“${value}”`
    : Array.isArray(value)
      ? value.join(', ')
      : String(value);

/** "Acme funds DHIS2: role “core donor” kept, “co-funder” dropped". */
export function keptOverLines(values: readonly KeptOverValue[]): string[] {
  return values.map(
    (v) =>
      `${relationshipSentence(v.fromLabel, v.type, v.toLabel).text}: ${humaniseKey(v.property).toLowerCase()} ${quoted(v.kept)} kept, ${quoted(v.dropped)} dropped`,
  );
}
