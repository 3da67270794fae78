/** Counts by type, the best-connected entities and coverage questions, for /api/stats. */
import neo4j from 'neo4j-driver';
import type { GraphDatabase } from '../db/neo4j-client.ts';

export interface TypeCount {
  type: string;
  count: number;
}

export interface EntityRef {
  id: string;
  label: string;
  type: string;
  /** The count the question ranks by, where it has one (deployments of a country). */
  count?: number;
}

export interface CoverageAnswer {
  count: number;
  items: EntityRef[];
}

export interface Stats {
  totals: { entities: number; relationships: number; sources: number };
  entities: TypeCount[];
  relationships: TypeCount[];
  topByDegree: (EntityRef & { degree: number })[];
  coverage: {
    sdgsWithoutDpg: CoverageAnswer;
    countriesWithDeploymentsButNoActivity: CoverageAnswer;
    entitiesWithoutRelationships: CoverageAnswer;
  };
}

const sum = (counts: TypeCount[]) => counts.reduce((total, c) => total + c.count, 0);

export async function getStats(
  db: GraphDatabase,
  options: { top: number; examples: number },
): Promise<Stats> {
  const [row] = await db.read('query/stats', {
    top: neo4j.int(options.top),
    examples: neo4j.int(options.examples),
  });
  const entities = (row?.entities as TypeCount[]) ?? [];
  const relationships = (row?.relationships as TypeCount[]) ?? [];
  const empty: CoverageAnswer = { count: 0, items: [] };
  return {
    totals: {
      entities: sum(entities),
      relationships: sum(relationships),
      sources: Number(row?.sources ?? 0),
    },
    entities,
    relationships,
    topByDegree: (row?.topByDegree as Stats['topByDegree']) ?? [],
    coverage: {
      sdgsWithoutDpg: (row?.sdgsWithoutDpg as CoverageAnswer) ?? empty,
      countriesWithDeploymentsButNoActivity:
        (row?.countriesWithDeploymentsButNoActivity as CoverageAnswer) ?? empty,
      entitiesWithoutRelationships: (row?.entitiesWithoutRelationships as CoverageAnswer) ?? empty,
    },
  };
}
