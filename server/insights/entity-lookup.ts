/** Looks up the entity a route names and checks its type, so unknown ids answer 404. */
import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../db/neo4j-client.ts';
import type { EntityType } from '../model/graph-model.ts';
import { NotFoundError } from '../errors.ts';
import type { PathNode } from './evidence-path.ts';

/**
 * What a 404 says of an id that names no entity of `types`, in words: "No country has the id
 * "country:ZZ"", not "No Country has", the label, in the panel that shows it (QA).
 */
export function notFoundMessage(id: string, types: readonly EntityType[]): string {
  const words = types.map((type) => (type === 'DPG' || type === 'SDG' ? type : type.toLowerCase()));
  return `No ${words.join(' or ')} has the id "${id}"`;
}

/**
 * The entity with this id, which must be of one of `types`.
 * @throws NotFoundError when no entity of those types has the id.
 */
export async function requireEntity(
  tx: ManagedTransaction,
  id: string,
  types: readonly EntityType[],
): Promise<PathNode & { kind: string | null }> {
  const [row] = await run(tx, 'insights/entity-ref', { id });
  if (!row || !types.includes(row.type as EntityType)) {
    throw new NotFoundError(notFoundMessage(id, types), { id }, [id]);
  }
  return {
    id: String(row.id),
    label: String(row.label),
    type: String(row.type),
    kind: (row.kind as string | null) ?? null,
  };
}
