/**
 * "Who could work with us on DPG X?": counts the typed evidence paths from organisations not yet
 * tied to X per candidate and meta-path (cypher/insights/collaborator-scores.cypher), ranks the
 * candidates (collaborator-ranking.ts), then reads the best evidence paths of the chosen ones only
 * (cypher/insights/collaborator-evidence.cypher): the paths of candidates that are not shown are
 * never materialised, which is what made this answer cost seconds on large graphs.
 */
import neo4j from 'neo4j-driver';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import type { OrganisationKind } from '../model/graph-model.ts';
import {
  META_PATH_DESCRIPTIONS,
  META_PATH_WEIGHTS,
  explainCandidates,
  rankCandidates,
  type PathRow,
  type RankedCandidate,
  type ScoredRow,
} from './collaborator-ranking.ts';
import { presencePaths, type PresenceRow } from './country-presence.ts';
import { requireEntity } from './entity-lookup.ts';
import type { EvidencePath, PathNode } from './evidence-path.ts';

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
  /**
   * Always false: every evidence path is counted. It said that a bound on the paths read had cut
   * the ranking short, and stays so that clients reading it keep working.
   */
  truncated: false;
  candidates: (RankedCandidate & { activeIn: EvidencePath | null })[];
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
    // '' for no filter, never null: Neo4j keeps a plan per parameter types, so each mix of null
    // and set filters had a plan of its own, and the first list of each waited for it (0.25 s on
    // an idle machine, measured; seconds under load).
    const [scores] = await run(tx, 'insights/collaborator-scores', {
      id: dpg.id,
      kind: query.kind ?? '',
      country: country?.id ?? '',
      membersOnly: query.membersOnly,
      limit: neo4j.int(query.limit),
      weights: META_PATH_WEIGHTS,
    });
    const ranked = rankCandidates((scores?.candidates ?? []) as ScoredRow[], query.limit);
    const evidence =
      ranked.length === 0
        ? []
        : ((await run(tx, 'insights/collaborator-evidence', {
            id: dpg.id,
            candidates: ranked.map((c) => c.id),
            paths: neo4j.int(query.paths),
            country: country?.id ?? '',
          })) as unknown as PathRow[]);
    // Narrowed to a country: how each shown candidate is active there, which its evidence (about
    // the DPG) need not say.
    const presence =
      country === null || ranked.length === 0
        ? new Map<string, EvidencePath>()
        : presencePaths(
            (await run(tx, 'insights/collaborator-presence', {
              candidates: ranked.map((c) => c.id),
              country: country.id,
            })) as unknown as PresenceRow[],
          );
    return {
      dpg,
      filters: { kind: query.kind ?? null, country, membersOnly: query.membersOnly },
      method: METHOD,
      total: Number(scores?.total ?? 0),
      truncated: false,
      candidates: explainCandidates(ranked, evidence, query.paths, country?.id ?? null).map(
        (candidate) => ({ ...candidate, activeIn: presence.get(candidate.id) ?? null }),
      ),
    };
  });
}
