import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadSyntheticGraph,
  wipeInBatches,
  writeSyntheticDocuments,
  type SyntheticLoad,
} from '../../bench/synthetic/load-synthetic.ts';
import { naiveImport } from '../../bench/synthetic/naive-import.ts';
import { recomputeMetrics } from '../../server/insights/metrics-service.ts';
import { generateSyntheticGraph } from '../../bench/synthetic/synthetic-graph.ts';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';

const db = openTestDatabase();
afterAll(() => db.close());

const RELATIONSHIPS = 600;
const SEED = 3;

/** Every entity and relationship with its labels/type and provenance, in a stable order. */
async function provenance() {
  const nodes = await query(
    db,
    `MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, n.name AS name,
            n.sources AS sources, n.evidence AS evidence ORDER BY id`,
  );
  const relationships = await query(
    db,
    `MATCH (a:Entity)-[r]->(b:Entity)
     RETURN a.id + '|' + type(r) + '|' + b.id AS key, r.sources AS sources, r.evidence AS evidence,
            r.board AS board
     ORDER BY key`,
  );
  return { nodes, relationships };
}

describe('loadSyntheticGraph', () => {
  const graph = generateSyntheticGraph({ relationships: RELATIONSHIPS, seed: SEED });
  let load: SyntheticLoad;

  beforeAll(async () => {
    await resetGraph(db);
    load = await loadSyntheticGraph(db, { relationships: RELATIONSHIPS, seed: SEED });
  }, 120_000);

  it('writes every entity and relationship the generator states, through the graph writer', async () => {
    expect(load.relationships).toBe(RELATIONSHIPS);
    expect(load.entities).toBe(graph.counts.entities);
    const [counts] = await query(
      db,
      `MATCH (n:Entity) WITH count(n) AS entities
       MATCH (:Entity)-[r]->(:Entity) RETURN entities, count(r) AS relationships`,
    );
    expect(counts).toEqual({ entities: graph.counts.entities, relationships: RELATIONSHIPS });
    const sources = await query(db, 'MATCH (s:Source) RETURN s.id AS id ORDER BY id');
    expect(sources.map((s) => s.id)).toEqual(graph.documents.map((d) => d.source.id).sort());
  });

  it('gives every fact its sources and evidence, aligned', async () => {
    const { nodes, relationships } = await provenance();
    for (const fact of [...nodes, ...relationships]) {
      const sources = fact.sources as string[];
      expect(sources.length).toBeGreaterThan(0);
      expect((fact.evidence as string[]).length).toBe(sources.length);
    }
  });

  it('computes the network measures and returns a sample the graph holds', async () => {
    const [missing] = await query(
      db,
      'MATCH (n:Entity) WHERE n.degree IS NULL OR n.pagerank IS NULL RETURN count(n) AS n',
    );
    expect(missing?.n).toBe(0);
    const { hubOrganisation, dpg, activity, pathPair, searchTerms } = load.sample;
    const found = await query(
      db,
      'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, labels(n) AS labels',
      { ids: [hubOrganisation, dpg, activity, ...pathPair] },
    );
    expect(found).toHaveLength(5);
    const [path] = await query(
      db,
      `MATCH p = shortestPath((a:Entity {id: $from})-[*..4]-(b:Entity {id: $to}))
       RETURN length(p) AS hops`,
      { from: pathPair[0], to: pathPair[1] },
    );
    expect(path?.hops).toBeGreaterThanOrEqual(2);
    const [hit] = await query(
      db,
      `CALL db.index.fulltext.queryNodes('entity_text', $term) YIELD node RETURN count(node) AS n`,
      { term: `"${searchTerms[0]}"` },
    );
    expect(Number(hit?.n)).toBeGreaterThan(0);
  });

  it('stores the same measures computed on a worker thread and written in small batches', async () => {
    const measures = () =>
      query(
        db,
        `MATCH (n:Entity) RETURN n.id AS id, n.degree AS degree, n.betweenness AS betweenness,
                n.pagerank AS pagerank, n.community AS community ORDER BY id`,
      );
    const inPlace = await measures();
    await query(
      db,
      'MATCH (n:Entity) SET n.degree = null, n.betweenness = null, n.pagerank = null, n.community = null',
    );
    const run = await recomputeMetrics(db, undefined, { writeBatch: 7, offThreadFrom: 0 });
    expect(run.changedNodes).toBe(inPlace.length);
    expect(await measures()).toEqual(inPlace);
    const [state] = await db.read('insights/metrics-state');
    expect(state).toMatchObject({ stale: false, recomputeQuietSeconds: null });
  });

  it('empties in small transactions with wipeInBatches, keeping the schema version', async () => {
    const [before] = await query(
      db,
      `MATCH (n) WHERE NOT n:SchemaVersion
       RETURN count(n) AS nodes, COUNT { MATCH ()-[]->() } AS relationships`,
    );
    expect(await wipeInBatches(db, 100)).toEqual(before);
    const [after] = await query(db, 'MATCH (n) RETURN collect(DISTINCT labels(n)) AS labels');
    expect(after?.labels).toEqual([['SchemaVersion']]);
  });
});

describe('the naive baseline', () => {
  it('writes the same entities, relationships and provenance as the project’s path', async () => {
    const graph = generateSyntheticGraph({ relationships: 200, seed: SEED });
    await resetGraph(db);
    await writeSyntheticDocuments(db, graph.documents);
    const project = await provenance();
    await resetGraph(db);
    const naive = await naiveImport(db, graph.documents);
    expect(naive.relationshipStatements).toBe(200);
    expect(naive.documents).toBe(graph.documents.length);
    expect(await provenance()).toEqual(project);
  }, 120_000);
});
