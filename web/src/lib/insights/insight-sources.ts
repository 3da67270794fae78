/**
 * Where an insight list's rows come from, for its CSV: the source documents the relationships on
 * each row's explaining paths cite, and what each quotes as stating them. An advocacy team's
 * spreadsheet otherwise said why an organisation is listed without saying who says so (the QA
 * sweeps' "no sources column"). Pure: the relationship details in, one entry per row out.
 */
import type { RelationshipDetailsResponse } from '../api/types';
import { sourceDisplay } from '../entity/source-format';
import type { InsightItem } from './insight-request';

/** What one row rests on: source documents by name, and their quotes. */
export interface RowProvenance {
  sources: string[];
  evidence: string[];
}

/**
 * The entities whose relationships to ask about: the subject, every row and everything on its
 * paths; at most `max` (the API's limit), the first rows' first.
 */
export function provenanceIds(
  subjectId: string | null,
  items: readonly InsightItem[],
  max: number,
): string[] {
  const ids = new Set<string>();
  // A sector is no entity: it has no relationships of its own.
  if (subjectId !== null && !subjectId.startsWith('sector:')) ids.add(subjectId);
  for (const item of items) {
    for (const id of [item.id, ...item.pathIds]) {
      if (ids.size >= max) return [...ids];
      if (!id.startsWith('sector:')) ids.add(id);
    }
  }
  return [...ids];
}

/**
 * Each row's provenance, by row id. A row's relationships are the ones its paths list; where the
 * answer lists none (a partnership network shares activities and DPGs, not paths), the ones
 * between the row or the subject and what the row shares with it.
 */
export function rowProvenance(
  subjectId: string | null,
  items: readonly InsightItem[],
  details: RelationshipDetailsResponse,
): Map<string, RowProvenance> {
  const byId = new Map(details.relationships.map((rel) => [rel.id, rel]));
  const names = new Map(details.sources.map((source) => [source.id, sourceDisplay(source).text]));
  const out = new Map<string, RowProvenance>();
  for (const item of items) {
    const rels =
      item.relationshipKeys.length > 0
        ? item.relationshipKeys.flatMap((key) => byId.get(key) ?? [])
        : sharedTies(subjectId, item, details.relationships);
    const sources = new Set<string>();
    const evidence = new Set<string>();
    for (const rel of rels) {
      rel.sources.forEach((source, index) => {
        sources.add(names.get(source) ?? source);
        const quote = rel.evidence[index]?.trim();
        if (quote) evidence.add(quote);
      });
    }
    out.set(item.id, { sources: [...sources], evidence: [...evidence] });
  }
  return out;
}

/** The relationships of the row or the subject with what the row's paths hold. */
function sharedTies(
  subjectId: string | null,
  item: InsightItem,
  relationships: RelationshipDetailsResponse['relationships'],
): RelationshipDetailsResponse['relationships'] {
  const ends = new Set([item.id, ...(subjectId === null ? [] : [subjectId])]);
  const shared = new Set(item.pathIds);
  return relationships.filter(
    (rel) =>
      (ends.has(rel.source) && shared.has(rel.target)) ||
      (ends.has(rel.target) && shared.has(rel.source)),
  );
}
