/**
 * Loads a synthetic graph into a database the way the project loads real data: each document
 * through the graph writer (server/importers/graph/graph-writer.ts, one transaction per source,
 * UNWIND batches), then what the import runner does after an import — wait for the indexes and
 * recompute the network measures — so the API answers on it as it does on real data. It wipes
 * nothing: callers start from an empty graph (`wipeInBatches`, or `db.write('admin/wipe')` for a
 * graph well under a million relationships).
 */
import { performance } from 'node:perf_hooks';
import neo4j from 'neo4j-driver';
import { awaitIndexes } from '../../server/db/migrations.ts';
import type { GraphDatabase } from '../../server/db/neo4j-client.ts';
import { writeFacts } from '../../server/importers/graph/graph-writer.ts';
import { recomputeMetrics } from '../../server/insights/metrics-service.ts';
import { generateSyntheticGraph, type SyntheticDocument } from './synthetic-graph.ts';
import { pickSample, type SyntheticSample } from './synthetic-sample.ts';

export type { SyntheticSample } from './synthetic-sample.ts';

/**
 * Empties the graph (keeping the schema) in transactions of at most `batch` relationships, then
 * `batch` nodes: `admin/wipe` deletes everything in one transaction, which at a million
 * relationships is more than the local database's 1 GiB heap allows. Returns what it deleted.
 */
export async function wipeInBatches(
  db: GraphDatabase,
  batch = 10_000,
): Promise<{ relationships: number; nodes: number }> {
  const total = { relationships: 0, nodes: 0 };
  for (;;) {
    // No commit receipt: the batch would find its own receipt and never come out empty (and
    // deleting is safe to run twice).
    const [row] = await db.write(
      'bench/wipe-batch',
      { limit: neo4j.int(batch) },
      { receipt: false },
    );
    const relationships = Number(row?.relationships ?? 0);
    const nodes = Number(row?.nodes ?? 0);
    if (relationships + nodes === 0) return total;
    total.relationships += relationships;
    total.nodes += nodes;
  }
}

export interface WriteTotals {
  /** Entities and relationships the writes created. */
  entities: number;
  relationships: number;
  /** Relationships stated, counting each document's statements. */
  statedRelationships: number;
  ms: number;
}

/**
 * Writes documents one after another through the project's graph writer.
 * @param onProgress called after each document with relationships written so far and in all.
 */
export async function writeSyntheticDocuments(
  db: GraphDatabase,
  documents: readonly SyntheticDocument[],
  onProgress?: (done: number, total: number) => void,
): Promise<WriteTotals> {
  const total = documents.reduce((sum, d) => sum + d.facts.relationships.length, 0);
  const started = performance.now();
  let entities = 0;
  let relationships = 0;
  let stated = 0;
  for (const { source, facts } of documents) {
    const result = await writeFacts(db, source, facts);
    entities += result.nodes.created;
    relationships += result.relationships.created;
    stated += facts.relationships.length;
    onProgress?.(stated, total);
  }
  return {
    entities,
    relationships,
    statedRelationships: stated,
    ms: performance.now() - started,
  };
}

export interface SyntheticLoad {
  sample: SyntheticSample;
  entities: number;
  relationships: number;
  /** Everything: generation, writes, indexes and network measures. */
  ms: number;
  timings: { generateMs: number; writeMs: number; indexesMs: number; metricsMs: number };
}

/** Generates and writes; the documents are garbage once it returns (800 MB at 1M). */
async function generateAndWrite(
  db: GraphDatabase,
  options: {
    relationships: number;
    seed?: number;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<{ sample: SyntheticSample; written: WriteTotals; generateMs: number }> {
  const started = performance.now();
  const graph = generateSyntheticGraph({
    relationships: options.relationships,
    seed: options.seed,
  });
  const sample = pickSample(graph);
  const generateMs = performance.now() - started;
  const written = await writeSyntheticDocuments(db, graph.documents, options.onProgress);
  return { sample, written, generateMs };
}

/**
 * Generates a graph of `relationships` relationships (deterministic for `seed`), writes it through
 * the project's import path and computes the network measures; returns ids and terms to query.
 */
export async function loadSyntheticGraph(
  db: GraphDatabase,
  options: {
    relationships: number;
    seed?: number;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<SyntheticLoad> {
  const started = performance.now();
  const { sample, written, generateMs } = await generateAndWrite(db, options);
  const writeEnd = performance.now();
  await awaitIndexes(db, 300);
  const indexed = performance.now();
  await recomputeMetrics(db);
  const done = performance.now();
  return {
    sample,
    entities: written.entities,
    relationships: written.relationships,
    ms: done - started,
    timings: {
      generateMs,
      writeMs: written.ms,
      indexesMs: indexed - writeEnd,
      metricsMs: done - indexed,
    },
  };
}
