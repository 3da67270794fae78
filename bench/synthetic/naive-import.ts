/**
 * The baseline the import benchmark measures the project's path against: a naive script that
 * writes one record per statement, each its own auto-committed transaction — every entity, then
 * every relationship, of every document — with the same labels, properties and provenance the
 * project's path writes. Its Cypher is in cypher/bench/.
 */
import { performance } from 'node:perf_hooks';
import { cypher } from '../../server/db/cypher-registry.ts';
import type { GraphDatabase } from '../../server/db/neo4j-client.ts';
import type { SyntheticDocument } from './synthetic-graph.ts';

export interface NaiveTotals {
  /** Documents written whole (the first ones; later ones were left out when over budget). */
  documents: number;
  /** Statements run (one per entity statement and one per relationship statement). */
  entityStatements: number;
  relationshipStatements: number;
  ms: number;
}

/**
 * Writes the documents record by record through one session, each statement auto-committed (the
 * cheapest form of one-transaction-per-record: a single round trip, no explicit BEGIN).
 */
export async function naiveImport(
  db: GraphDatabase,
  documents: readonly SyntheticDocument[],
  options: {
    onProgress?: (done: number, total: number) => void;
    /** Starts no further document once this many milliseconds have passed. */
    budgetMs?: number;
  } = {},
): Promise<NaiveTotals> {
  const { onProgress, budgetMs = Infinity } = options;
  const total = documents.reduce((sum, d) => sum + d.facts.relationships.length, 0);
  // The server's default database, which the benchmarks' own local Neo4j always is.
  const session = db.driver.session({ defaultAccessMode: 'WRITE' });
  const started = performance.now();
  let entityStatements = 0;
  let relationshipStatements = 0;
  let done = 0;
  try {
    for (const { source, facts } of documents) {
      if (performance.now() - started > budgetMs) break;
      for (const node of facts.nodes) {
        const { aliases, ...props } = node.props;
        await session.run(cypher('bench/naive-merge-entity'), {
          id: node.id,
          label: node.label,
          props,
          aliases: Array.isArray(aliases) ? aliases.map(String) : [],
          sourceId: source.id,
          evidence: node.evidence,
        });
        entityStatements++;
      }
      for (const r of facts.relationships) {
        await session.run(cypher('bench/naive-merge-relationship'), {
          from: r.from,
          to: r.to,
          type: r.type,
          props: r.props,
          sourceId: source.id,
          evidence: r.evidence,
        });
        relationshipStatements++;
        if (relationshipStatements % 100 === 0) onProgress?.(relationshipStatements, total);
      }
      done++;
    }
  } finally {
    await session.close();
  }
  onProgress?.(relationshipStatements, total);
  return {
    documents: done,
    entityStatements,
    relationshipStatements,
    ms: performance.now() - started,
  };
}
