/**
 * What a relationship states (evidence, role, dates, board seat, notes, cited page) as the text
 * values the CSV, GraphML and GEXF writers put in cells and attributes, in one order for all three.
 */
import { RELATIONSHIP_DETAIL_PROPERTIES, type DetailedEdgeRecord } from '../graph-elements.ts';

/**
 * Between the evidence of one relationship's sources, in one cell or attribute: a line each. A
 * quote may itself hold "; " (the list separator), and a spreadsheet shows the lines as lines.
 */
export const EVIDENCE_SEPARATOR = '\n';

/** The detail columns and attributes, in the order the writers declare them. */
export const DETAIL_NAMES = [...RELATIONSHIP_DETAIL_PROPERTIES, 'evidence'] as const;
export type DetailName = (typeof DETAIL_NAMES)[number];

/** Each detail as text, null where the relationship states none (an empty cell, no attribute). */
export function detailValues(edge: DetailedEdgeRecord): Record<DetailName, string | null> {
  const text = (value: string | boolean | undefined) =>
    value === undefined ? null : String(value);
  return {
    role: text(edge.role),
    startDate: text(edge.startDate),
    endDate: text(edge.endDate),
    board: text(edge.board),
    notes: text(edge.notes),
    sourceUrl: text(edge.sourceUrl),
    evidence: edge.evidence.length > 0 ? edge.evidence.join(EVIDENCE_SEPARATOR) : null,
  };
}
