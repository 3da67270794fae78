/**
 * The neighbourhood of an entity, up to three hops, as Cytoscape elements: expanded one hop at a
 * time in one read transaction, capped by neighbourhood-selection.ts, with what was left out by
 * type so the UI can offer "show 40 more organisations".
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { EdgeElement, NodeElement } from '../api/schemas.ts';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import { NotFoundError } from '../errors.ts';
import type { EntityType, RelationshipType } from '../model/graph-model.ts';
import { toEdgeElement, toNodeElement } from './graph-elements.ts';
import { checkEntityTypes, checkRelationshipTypes } from './graph-filters.ts';
import { readEdgesAmong, readNodes } from './graph-reader.ts';
import { selectNeighbourhood, type Candidate, type Omitted } from './neighbourhood-selection.ts';

/** Past this many entities reached, expansion stops and the left-out counts are a lower bound. */
export const REACH_CAP = 25_000;

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

/** Expands and caps a neighbourhood inside `tx`; throws NotFoundError for an unknown centre. */
export async function scopeNeighbourhood(
  tx: ManagedTransaction,
  request: NeighbourhoodRequest,
): Promise<NeighbourhoodScope> {
  const types: EntityType[] = checkEntityTypes(request.types);
  const rels = checkRelationshipTypes(request.rels);
  const prefer = checkEntityTypes(request.prefer ?? [], 'prefer');
  const [centre] = await readNodes(tx, [request.id]);
  if (!centre) throw new NotFoundError(`No entity has the id "${request.id}"`, { id: request.id });

  const candidates: Candidate[] = [];
  const seen = [centre.id];
  let frontier = [centre.id];
  let exact = true;
  for (let distance = 1; distance <= request.depth && frontier.length > 0; distance++) {
    if (seen.length > REACH_CAP) {
      exact = false;
      break;
    }
    const rows = await run(tx, 'graph/expand-frontier', { frontier, seen, rels, types });
    const reached = rows.map((row) => ({
      id: String(row.id),
      label: String(row.label),
      type: String(row.type),
      degree: Number(row.degree),
      distance,
      parents: (row.parents as string[]).map(String),
    }));
    candidates.push(...reached);
    frontier = reached.map((c) => c.id);
    seen.push(...frontier);
  }
  const { kept, omitted } = selectNeighbourhood(centre.id, candidates, request.limit, prefer);
  return { centre: centre.id, kept, omitted: { ...omitted, exact }, rels };
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
    const nodes = await readNodes(tx, ids);
    const edges = await readEdgesAmong(tx, ids, scope.rels);
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
