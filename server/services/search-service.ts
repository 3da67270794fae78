/** Full-text search over entity names, aliases and descriptions, ranked, with a snippet. */
import neo4j from 'neo4j-driver';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import type { SearchQuery } from '../api/schemas.ts';
import { buildSearchQuery, snippet } from './search-query.ts';

export interface SearchResult {
  id: string;
  label: string;
  type: string;
  kind: string | null;
  score: number;
  snippet: string | null;
}

export async function search(db: GraphDatabase, params: SearchQuery): Promise<SearchResult[]> {
  const query = buildSearchQuery(params.q);
  if (!query) return [];
  // Type filtering happens after ranking, so ask for more when filtering.
  const fetchLimit = params.types.length > 0 ? params.limit * 5 : params.limit;
  const rows = await db.read('search/fulltext-search', { query, limit: neo4j.int(fetchLimit) });
  return rows
    .filter((r) => params.types.length === 0 || params.types.includes(r.type as never))
    .slice(0, params.limit)
    .map((r) => {
      const aliases = (r.aliases as string[]) ?? [];
      const aliasHit = aliases.find((a) => snippet(a, params.q));
      return {
        id: String(r.id),
        label: String(r.label),
        type: String(r.type),
        kind: (r.kind as string | null) ?? null,
        score: Number(r.score),
        snippet:
          snippet(String(r.label), params.q) !== null
            ? null
            : aliasHit
              ? `also known as ${aliasHit}`
              : snippet(r.description as string | null, params.q),
      };
    });
}
