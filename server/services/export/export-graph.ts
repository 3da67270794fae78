/**
 * What an export holds: entities and relationships with their provenance, and a name for the
 * scope (whole graph or the neighbourhood of one entity) that ends up in titles and file names.
 */
import type { EdgeRecord, NodeRecord } from '../graph-elements.ts';

export interface ExportGraph {
  /** "DPG Explorer graph" or "Neighbourhood of UNICEF (org:unicef), depth 1". */
  title: string;
  /** Safe for a file name: `graph` or `neighbourhood-org-unicef`. */
  slug: string;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
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
