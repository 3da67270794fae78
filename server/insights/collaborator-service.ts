/**
 * "Who could work with us on DPG X?": fetches the typed evidence paths from organisations not yet
 * tied to X (cypher/insights/collaborator-paths.cypher) and ranks them (collaborator-ranking.ts).
 */
import neo4j from 'neo4j-driver';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import type { OrganisationKind } from '../model/graph-model.ts';
import {
  META_PATH_DESCRIPTIONS,
  META_PATH_WEIGHTS,
  rankCollaborators,
  type PathRow,
  type RankedCandidate,
} from './collaborator-ranking.ts';
import { requireEntity } from './entity-lookup.ts';
import type { PathNode } from './evidence-path.ts';

/** Evidence paths read per request at most; beyond it the ranking says `truncated`. */
export const MAX_EVIDENCE_PATHS = 20_000;

export interface CollaboratorQuery {
  id: string;
  kind?: OrganisationKind;
  country?: string;
  membersOnly: boolean;
  limit: number;
  paths: number;
}

export interface CollaboratorAnswer {
  dpg: PathNode;
  filters: { kind: string | null; country: PathNode | null; membersOnly: boolean };
  method: {
    measure: string;
    weights: Record<string, { weight: number; description: string }>;
  };
  /** Candidates with at least one evidence path (before `limit`). */
  total: number;
  /** True when the evidence paths hit MAX_EVIDENCE_PATHS and some were not read. */
  truncated: boolean;
  candidates: RankedCandidate[];
}

const METHOD: CollaboratorAnswer['method'] = {
  measure:
    'weighted meta-path count with Adamic–Adar damping: each path adds weight / ln(1 + degree of its shared hub)',
  weights: Object.fromEntries(
    Object.entries(META_PATH_WEIGHTS).map(([metaPath, weight]) => [
      metaPath,
      { weight, description: META_PATH_DESCRIPTIONS[metaPath as keyof typeof META_PATH_WEIGHTS] },
    ]),
  ),
};

/**
 * Ranked collaborators for a DPG, each with its score, the score's parts and its best paths.
 * @throws NotFoundError when `id` is not a DPG or `country` not a country.
 */
export async function getCollaborators(
  db: GraphDatabase,
  query: CollaboratorQuery,
): Promise<CollaboratorAnswer> {
  return db.readTx(async (tx) => {
    const dpg = await requireEntity(tx, query.id, ['DPG']);
    const country = query.country ? await requireEntity(tx, query.country, ['Country']) : null;
    const rows = (await run(tx, 'insights/collaborator-paths', {
      id: dpg.id,
      kind: query.kind ?? null,
      country: country?.id ?? null,
      membersOnly: query.membersOnly,
      maxPaths: neo4j.int(MAX_EVIDENCE_PATHS),
    })) as unknown as PathRow[];
    const { total, candidates } = rankCollaborators(rows, {
      limit: query.limit,
      pathsPerCandidate: query.paths,
    });
    return {
      dpg,
      filters: { kind: query.kind ?? null, country, membersOnly: query.membersOnly },
      method: METHOD,
      total,
      truncated: rows.length >= MAX_EVIDENCE_PATHS,
      candidates,
    };
  });
}
