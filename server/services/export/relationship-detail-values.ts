/**
 * What a relationship states (evidence, role, dates, board seat, notes, cited page) as the text
 * values the CSV, GraphML and GEXF writers put in cells and attributes, in one order for all three.
 */
import type { DetailedEdgeRecord } from '../graph-elements.ts';
import {
  EVIDENCE_SEPARATOR,
  RELATIONSHIP_DETAIL_PROPERTIES,
} from './relationship-detail-fields.ts';

/** The detail columns and attributes, in the order the writers declare them. */
export const DETAIL_NAMES = [...RELATIONSHIP_DETAIL_PROPERTIES, 'evidence'] as const;
export type DetailName = (typeof DETAIL_NAMES)[number];

/** Each detail as text, null where the relationship states none (an empty cell, no attribute). */
export function detailValues(
  edge: DetailedEdgeRecord,
  evidenceSeparator = EVIDENCE_SEPARATOR,
): Record<DetailName, string | null> {
  const text = (value: string | boolean | undefined) =>
    value === undefined ? null : String(value);
  return {
    role: text(edge.role),
    startDate: text(edge.startDate),
    endDate: text(edge.endDate),
    board: text(edge.board),
    notes: text(edge.notes),
    sourceUrl: text(edge.sourceUrl),
    evidence: edge.evidence.length > 0 ? edge.evidence.join(evidenceSeparator) : null,
  };
}
