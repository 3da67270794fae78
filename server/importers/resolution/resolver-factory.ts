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
    // An organisation's kind, so an import can classify one stored as unclassified and read its
    // home from its name (graph entries bring no other properties to an import).
    const props: GazetteerEntry['props'] = typeof row.kind === 'string' ? { kind: row.kind } : {};
    return [
      {
        id: String(row.id),
        type,
        name: row.name,
        aliases: (row.aliases as string[] | null) ?? [],
        props,
        origin: 'graph' as const,
      },
    ];
  });
  return new EntityResolver([...referenceEntries(), ...graphEntries]);
}
