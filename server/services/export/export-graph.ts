/**
 * What an export holds: entities and relationships with their provenance (and what each
 * relationship states), and a name for the scope (whole graph or the neighbourhood of one entity)
 * that ends up in titles and file names.
 */
import type { DetailedEdgeRecord, NodeRecord } from '../graph-elements.ts';

export interface ExportGraph {
  /** "DPG Explorer graph" or "Neighbourhood of UNICEF (org:unicef), depth 1". */
  title: string;
  /** Safe for a file name: `graph` or `neighbourhood-org-unicef`. */
  slug: string;
  nodes: NodeRecord[];
  /** With what each states: evidence, role, dates, board seat, notes, cited page. */
  edges: DetailedEdgeRecord[];
  /** When the graph was read, ISO 8601. */
  exportedAt: string;
}

/** Lower-case letters, digits and dashes only, at most 80 characters. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'graph';
}
