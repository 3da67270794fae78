/**
 * The neighbourhood of an entity, up to three hops, as Cytoscape elements: expanded one hop at a
 * time in one read transaction, capped by neighbourhood-selection.ts, with what was left out by
 * type so the UI can offer "show 40 more organisations". Each hop follows at most FOLLOW_CAP
 * relationships (best-connected frontier first) and reads in full only the entities that could
 * be shown — of each type the `limit` best-connected — and counts the rest, so the cost of a
 * request is bounded however big the graph and however central the entity (with `prefer`, a
 * capped hop is walked once more, bounded too: preferredPastBudget).
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { EdgeElement, NodeElement } from '../api/schemas.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { NotFoundError } from '../errors.ts';
import type { EntityType, RelationshipType } from '../model/graph-model.ts';
import { toEdgeElement, toNodeElement } from './graph-elements.ts';
import { checkEntityTypes, checkRelationshipTypes } from './graph-filters.ts';
import { readGraph } from './graph-reader.ts';
import {
  countByType,
  selectNeighbourhood,
  type Candidate,
  type Omitted,
} from './neighbourhood-selection.ts';

/**
 * Relationships followed per hop at most (or five per entity asked for, when more): past it the
 * hop stops — the frontier is walked best-connected first — and the left-out counts are a lower
 * bound (`omitted.exact` false). A hub of a big graph costs no more than this.
 */
export const FOLLOW_CAP = 1_000;
const FOLLOWS_PER_ENTITY = 5;

/**
 * Entities of a type tied on degree with the `limit`-th best that are read besides it, so the
 * tie is broken by name as everywhere else; past it, by id.
 */
export const TIE_ALLOWANCE = 1_000;

export interface NeighbourhoodRequest {
  id: string;
  depth: number;
  types: readonly string[];
  rels: readonly string[];
  limit: number;
  prefer?: readonly string[];
}

export interface NeighbourhoodScope {
  centre: string;
  /** Kept entities besides the centre, with their distance. */
  kept: Candidate[];
  omitted: Omitted & { exact: boolean };
  rels: RelationshipType[];
}

export interface Neighbourhood {
  centre: string;
  depth: number;
  nodes: NodeElement[];
  edges: EdgeElement[];
  /** True when entities within reach were left out (see `omitted`). */
  truncated: boolean;
  omitted: Omitted & { exact: boolean };
}

/** How many entities of a type a hop reached, as expand-frontier.cypher counts them. */
interface TypeCount {
  type: string;
  count: number;
}

/** A candidate as expand-frontier.cypher returns it, reached at `distance`. */
function toCandidate(c: Record<string, unknown>, distance: number): Candidate {
  return {
    id: String(c.id),
    label: String(c.label),
    type: String(c.type),
    degree: Number(c.degree),
    distance,
    parents: (c.parents as string[]).map(String),
  };
}

/** What was reached but not kept, by type (types with none left out are absent). */
function leftOut(reachedByType: Record<string, number>, kept: readonly Candidate[]): Omitted {
  const keptByType = countByType(kept);
  const byType: Record<string, number> = {};
  let total = 0;
  // By type name: the same answer whichever statement counted which hop, in whatever order.
  for (const [type, reached] of Object.entries(reachedByType).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const left = reached - (keptByType[type] ?? 0);
    if (left > 0) {
      byType[type] = left;
      total += left;
    }
  }
  return { total, byType };
}

/** Expands and caps a neighbourhood inside `tx`; throws NotFoundError for an unknown centre. */
export async function scopeNeighbourhood(
  tx: ManagedTransaction,
  request: NeighbourhoodRequest,
): Promise<NeighbourhoodScope> {
  const types: EntityType[] = checkEntityTypes(request.types);
  const rels = checkRelationshipTypes(request.rels);
  const prefer = checkEntityTypes(request.prefer ?? [], 'prefer');
  const budget = Math.max(FOLLOW_CAP, FOLLOWS_PER_ENTITY * request.limit);

  const candidates: Candidate[] = [];
  const reachedByType: Record<string, number> = {};
  let reachedCount = 0;
  /** Adds a hop's counts to `reachedByType`; how many it reached. */
  const tally = (counts: readonly TypeCount[]) => {
    let total = 0;
    for (const { type, count } of counts) {
      reachedByType[type] = (reachedByType[type] ?? 0) + count;
      total += count;
    }
    return total;
  };
  // Element ids: the hops walk records, not the id index. `seen`: the hops before the frontier.
  const seen: string[] = [];
  let frontier: string[] = [];
  let exact = true;
  for (let distance = 1; distance <= request.depth; distance++) {
    // Preferred types may pull in any parent, so every candidate is read; otherwise only a type's
    // best `limit` can be shown, and none at all once nearer entities fill the limit.
    const shown = prefer.length > 0 ? null : reachedCount >= request.limit ? 0 : request.limit;
    const [row] = await run(tx, 'graph/expand-frontier', {
      centre: request.id,
      frontier,
      seen,
      rels,
      types,
      budget: neo4j.int(budget),
      keep: shown === null ? null : neo4j.int(shown),
      ties: neo4j.int(shown === 0 ? 0 : TIE_ALLOWANCE),
      next: distance < request.depth,
      // The last hop of a neighbourhood the nearer hops fill is only counted, in the statement
      // of the hop before it: nothing it reaches can be shown and no hop starts from it.
      countNext: prefer.length === 0 && distance + 1 === request.depth,
      fill: neo4j.int(Math.max(request.limit - reachedCount, 0)),
    });
    // The first hop says whether the centre exists; later ones start from what it reached.
    if (!row || (distance === 1 && !row.found)) {
      throw new NotFoundError(`No entity has the id "${request.id}"`, { id: request.id }, [
        request.id,
      ]);
    }
    for (const c of (row.candidates ?? []) as Record<string, unknown>[]) {
      candidates.push(toCandidate(c, distance));
    }
    reachedCount += tally(row.byType as TypeCount[]);
    /** Element ids of what the preferred walk added: no later hop reaches them again. */
    let preferredReached: string[] = [];
    if (row.capped) {
      exact = false;
      const added = await preferredPastBudget(
        tx,
        request.id,
        { frontier, seen, distance, budget, types, rels },
        prefer,
        candidates,
      );
      reachedCount += tally(added.counts);
      preferredReached = added.reached;
    }
    if (row.counted === true) {
      tally(row.nextByType as TypeCount[]);
      if (row.nextCapped) exact = false;
      break;
    }
    seen.push(...frontier, ...preferredReached);
    frontier = ((row.reached ?? []) as string[]).map(String);
    if (frontier.length === 0) break;
  }
  const { kept } = selectNeighbourhood(request.id, candidates, request.limit, prefer);
  return { centre: request.id, kept, omitted: { ...leftOut(reachedByType, kept), exact }, rels };
}

/** Relationships the preferred walk looks at per hop at most, per relationship it may follow. */
const PREFERRED_SCAN_FACTOR = 10;

/**
 * A hop that ran out of budget may have followed other types' relationships before reaching the
 * preferred ones: a hub with 1,200 activities and one DPG it funds can spend all 1,000 on the
 * activities, and then "prefer DPG" would not find the DPG. So such a hop is walked once more
 * over the preferred types alone (expand-preferred.cypher, looking at no more than ten budgets'
 * worth of relationships, so the cost stays bounded on a hub where they are rare), and what that
 * finds besides what the first walk did is added to `candidates` (as the same hop's) and to the
 * counts, which stay a lower bound. It does not join the next hop's frontier (that hop has its own
 * budget, and the other types' counts stay those of the walk without `prefer`), but no later hop
 * reaches it again (`reached`, for `seen`). Returns the counts of what it added, by type.
 */
async function preferredPastBudget(
  tx: ManagedTransaction,
  centre: string,
  hop: {
    frontier: string[];
    seen: string[];
    distance: number;
    budget: number;
    types: readonly EntityType[];
    rels: readonly RelationshipType[];
  },
  prefer: readonly EntityType[],
  candidates: Candidate[],
): Promise<{ counts: TypeCount[]; reached: string[] }> {
  const allowed = hop.types.length === 0 ? null : new Set(hop.types);
  const preferred = prefer.filter((type) => allowed === null || allowed.has(type));
  // Nothing preferred can be reached, or the first walk already followed preferred types only.
  if (preferred.length === 0 || (allowed !== null && preferred.length === allowed.size)) {
    return { counts: [], reached: [] };
  }
  const [row] = await run(tx, 'graph/expand-preferred', {
    centre,
    frontier: hop.frontier,
    seen: hop.seen,
    rels: hop.rels,
    types: preferred,
    budget: neo4j.int(hop.budget),
    scan: neo4j.int(hop.budget * PREFERRED_SCAN_FACTOR),
  });
  const known = new Set(candidates.map((c) => c.id));
  const added: Record<string, number> = {};
  for (const c of (row?.candidates ?? []) as Record<string, unknown>[]) {
    const candidate = toCandidate(c, hop.distance);
    if (known.has(candidate.id)) continue;
    candidates.push(candidate);
    added[candidate.type] = (added[candidate.type] ?? 0) + 1;
  }
  return {
    counts: Object.entries(added).map(([type, count]) => ({ type, count })),
    reached: ((row?.reached ?? []) as string[]).map(String),
  };
}

export async function getNeighbourhood(
  db: GraphDatabase,
  request: NeighbourhoodRequest,
): Promise<Neighbourhood> {
  return db.readTx(async (tx) => {
    const scope = await scopeNeighbourhood(tx, request);
    const distance = new Map(scope.kept.map((c) => [c.id, c.distance]));
    distance.set(scope.centre, 0);
    const ids = [scope.centre, ...scope.kept.map((c) => c.id)];
    const { nodes, edges } = await readGraph(tx, ids, scope.rels);
    return {
      centre: scope.centre,
      depth: request.depth,
      nodes: nodes.map((n) => toNodeElement(n, { distance: distance.get(n.id) ?? 0 })),
      edges: edges.map(toEdgeElement),
      truncated: scope.omitted.total > 0,
      omitted: scope.omitted,
    };
  });
}
