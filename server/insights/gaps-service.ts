/**
 * Gaps for advocacy (cypher/insights/gaps.cypher): SDG × country pairs with deployed DPGs but no
 * DPGA member activity for that SDG there; DPGs that depend on a single owner with no funder;
 * DPGA members with no tie to any DPG. Each gap gives its full count and its first items.
 */
import neo4j from 'neo4j-driver';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { requireEntity } from './entity-lookup.ts';

interface Ref {
  id: string;
  label: string;
}

export interface GapList<T> {
  count: number;
  items: T[];
}

export interface Gaps {
  /** Most deployed DPGs first, then SDG number, then country id. */
  sdgCountryWithoutMemberActivity: GapList<{
    sdg: Ref;
    country: Ref;
    dpgCount: number;
    /** The first five of those DPGs, by name. */
    dpgs: Ref[];
  }>;
  /** By DPG name. */
  singleOwnerWithoutFunder: GapList<{ dpg: Ref; owner: Ref & { kind: string | null } }>;
  /** By name; `activities` counts the activities the member takes part in (none with a DPG). */
  membersWithoutDpg: GapList<Ref & { kind: string | null; activities: number }>;
}

export interface GapsQuery {
  limit: number;
  /** Narrow the SDG × country and single-owner lists to DPGs advancing this SDG. */
  sdg?: string;
  /** … or deployed in this country. */
  country?: string;
}

/**
 * The three gaps, each counted in full with its first `limit` items.
 * @throws NotFoundError when `sdg` or `country` names no such entity.
 */
export async function getGaps(db: GraphDatabase, query: GapsQuery): Promise<Gaps> {
  const [row] = await db.readTx(async (tx) => {
    if (query.sdg) await requireEntity(tx, query.sdg, ['SDG']);
    if (query.country) await requireEntity(tx, query.country, ['Country']);
    return run(tx, 'insights/gaps', {
      limit: neo4j.int(query.limit),
      sdg: query.sdg ?? null,
      country: query.country ?? null,
    });
  });
  const empty = { count: 0, items: [] };
  return {
    sdgCountryWithoutMemberActivity:
      (row?.sdgCountryWithoutMemberActivity as Gaps['sdgCountryWithoutMemberActivity']) ?? empty,
    singleOwnerWithoutFunder:
      (row?.singleOwnerWithoutFunder as Gaps['singleOwnerWithoutFunder']) ?? empty,
    membersWithoutDpg: (row?.membersWithoutDpg as Gaps['membersWithoutDpg']) ?? empty,
  };
}
