/**
 * Ids that merges moved. A merge deletes the entity it removes and leaves a
 * (:Redirect {from, to}) for its id; this module follows those to the entity that holds an id
 * now: for the API's 308 answers to old links (server/api/moved-entities.ts), and so that no new
 * entity takes a merged-away id (entity-edits.ts).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';

/** The longest chain followed. A merge keeps chains one step long; this only bounds bad data. */
const MAX_HOPS = 10;

/** Where a merged-away id leads: the last id of its chain of redirects, and whether an entity holds it. */
export interface MergedInto {
  to: string;
  found: boolean;
}

/**
 * For each of `ids` that no entity holds but a Redirect does, where its chain of redirects ends.
 * Ids that were never merged away (or that an entity holds) are not in the map.
 */
export async function followRedirects(
  tx: ManagedTransaction,
  ids: readonly string[],
): Promise<Map<string, MergedInto>> {
  const ends = new Map<string, MergedInto>();
  // The id each unfinished chain has reached → the ids asked about whose chains reached it.
  let reached = new Map<string, string[]>(ids.map((id) => [id, [id]]));
  const visited = new Set(ids);
  for (let hop = 0; hop < MAX_HOPS && reached.size > 0; hop++) {
    const rows = await run(tx, 'curation/find-redirects', { ids: [...reached.keys()] });
    const next = new Map<string, string[]>();
    for (const row of rows) {
      const to = String(row.to);
      const found = row.found === true;
      const origins = reached.get(String(row.id)) ?? [];
      for (const origin of origins) ends.set(origin, { to, found });
      // A chain goes on where the id it reached is itself merged away (and never loops).
      if (!found && !visited.has(to)) {
        visited.add(to);
        next.set(to, [...(next.get(to) ?? []), ...origins]);
      }
    }
    reached = next;
  }
  return ends;
}

/**
 * The entities that merged-away `ids` live in now, by id. An id whose chain ends at no entity
 * (the entity it was merged into was deleted since) is left out: there is nowhere to send it.
 */
export async function movedEntities(
  db: GraphDatabase,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const ends = await db.readTx((tx) => followRedirects(tx, ids));
  return new Map([...ends].filter(([, end]) => end.found).map(([id, end]) => [id, end.to]));
}
