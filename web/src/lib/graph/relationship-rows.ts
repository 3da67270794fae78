/**
 * The relationships the canvas shows as rows of the list view, each a sentence in three parts
 * ("UNICEF" "funds" "RapidPro"). The list view was the canvas's way in for a keyboard and a screen
 * reader, but it listed only entities: a relationship, selectable on the canvas since its panel
 * came, could not be reached without a pointer.
 */
import { relationshipSentence } from '../vocabulary/relationship-sentence';
import type { GraphElement } from './elements';

export interface RelationshipRow {
  /** The edge's id on the canvas. */
  id: string;
  from: string;
  fromLabel: string;
  fromType: string;
  type: string;
  /** The relationship's phrase agreeing with its subject: "funds", "participate in". */
  verb: string;
  to: string;
  toLabel: string;
  toType: string;
  /** The whole sentence, for a screen reader and a tooltip. */
  sentence: string;
}

export type RelationshipSortKey = 'from' | 'relationship' | 'to';

/** The canvas's relationships not faded out, between entities it draws, as rows. */
export function relationshipRows(elements: readonly GraphElement[]): RelationshipRow[] {
  const nodes = new Map<string, { label: string; type: string }>();
  for (const element of elements)
    if (element.group === 'nodes') nodes.set(element.data.id, element.data);
  const rows: RelationshipRow[] = [];
  for (const element of elements) {
    if (element.group !== 'edges' || element.data.muted) continue;
    const { id, source, target, type } = element.data;
    const from = nodes.get(source);
    const to = nodes.get(target);
    if (!from || !to) continue;
    const sentence = relationshipSentence(from.label, type, to.label);
    rows.push({
      id,
      from: source,
      fromLabel: from.label,
      fromType: from.type,
      type,
      verb: sentence.verb,
      to: target,
      toLabel: to.label,
      toType: to.type,
      sentence: sentence.text,
    });
  }
  return rows;
}

/**
 * Rows sorted by one column, the others breaking ties in reading order (from, relationship, to), so
 * a hub's many relationships of one kind come grouped and alphabetical.
 */
export function sortRelationshipRows(
  rows: readonly RelationshipRow[],
  key: RelationshipSortKey,
  descending: boolean,
): RelationshipRow[] {
  const columns: Record<RelationshipSortKey, (row: RelationshipRow) => string> = {
    from: (row) => row.fromLabel,
    relationship: (row) => row.verb,
    to: (row) => row.toLabel,
  };
  const order = [key, ...(['from', 'relationship', 'to'] as const).filter((k) => k !== key)];
  return [...rows].sort((a, b) => {
    const first = columns[key](a).localeCompare(columns[key](b));
    if (first !== 0) return descending ? -first : first;
    for (const next of order.slice(1)) {
      const tie = columns[next](a).localeCompare(columns[next](b));
      if (tie !== 0) return tie;
    }
    return a.id.localeCompare(b.id);
  });
}
