/**
 * Builds the resolver an import uses: the reference tables first, then every entity the graph
 * already holds, so names from a new source land on existing nodes.
 */
import type { GraphDatabase } from '../../db/neo4j-client.ts';
import { isEntityType } from '../../model/graph-model.ts';
import { EntityResolver } from './entity-resolver.ts';
import { referenceEntries, type GazetteerEntry } from './gazetteer.ts';

export async function loadResolver(db: GraphDatabase): Promise<EntityResolver> {
  const rows = await db.read('import/load-gazetteer');
  const graphEntries: GazetteerEntry[] = rows.flatMap((row) => {
    const type = String(row.type ?? '');
    if (!isEntityType(type) || typeof row.name !== 'string') return [];
    return [
      {
        id: String(row.id),
        type,
        name: row.name,
        aliases: (row.aliases as string[] | null) ?? [],
        // Not restated (graph entries bring no properties to an import): read for the home country.
        props: (type === 'Organisation' && typeof row.kind === 'string'
          ? { kind: row.kind }
          : {}) as GazetteerEntry['props'],
        origin: 'graph' as const,
      },
    ];
  });
  return new EntityResolver([...referenceEntries(), ...graphEntries]);
}
