/**
 * Import throughput (issue #8): relationships per second written by the project's import path —
 * documents through the graph writer (UNWIND batches, one transaction per source, provenance and
 * editors' decisions included) — against a naive script that runs one MERGE per record, each in
 * its own transaction, in one run on one database. Both write the same synthetic documents
 * (bench/synthetic), so both do the same work: labels, properties, provenance lists.
 *
 * The naive path runs on a small sample within a time budget (at tens of records per second it
 * could not do the large graph in a benchmark's time); the project's path runs on the same sample
 * and on a large graph. The target compares the large graph against the sample, which favours the
 * naive path (its per-record cost only grows with the database). The network measures the app
 * recomputes after an import are timed apart: they are not writing, and the naive script has none.
 *
 * The database is wiped before each step and the large synthetic graph is left in it at the end.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { awaitIndexes } from '../server/db/migrations.ts';
import type { GraphDatabase } from '../server/db/neo4j-client.ts';
import { recomputeMetrics } from '../server/insights/metrics-service.ts';
import type { BenchSection, BenchTarget, SuiteResult } from './report.ts';
import {
  wipeInBatches,
  writeSyntheticDocuments,
  type WriteTotals,
} from './synthetic/load-synthetic.ts';
import { naiveImport } from './synthetic/naive-import.ts';
import { DEFAULT_SEED, generateSyntheticGraph } from './synthetic/synthetic-graph.ts';
import { terminalProgress } from './synthetic/terminal-progress.ts';

/** What each run size writes: the large graph, and the naive sample with its time budget. */
const PLANS = {
  quick: { relationships: 20_000, sampleRelationships: 1_000, naiveBudgetMs: 25_000 },
  full: { relationships: 200_000, sampleRelationships: 5_000, naiveBudgetMs: 120_000 },
} as const;
/** Small documents for the sample, so the naive run can stop near its budget. */
const SAMPLE_DOCUMENT_RELATIONSHIPS = 200;
const TARGET_RATIO = 20;

function perSecond(count: number, ms: number): number {
  return ms > 0 ? count / (ms / 1000) : 0;
}

const round = (value: number) => Math.round(value);
const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function projectPath(
  db: GraphDatabase,
  label: string,
  documents: Parameters<typeof writeSyntheticDocuments>[1],
): Promise<WriteTotals> {
  const progress = terminalProgress(label);
  try {
    return await writeSyntheticDocuments(db, documents, progress.update);
  } finally {
    progress.stop();
  }
}

/** Measures both paths; leaves the large synthetic graph (with its network measures) loaded. */
export async function benchImport(
  db: GraphDatabase,
  options: { quick: boolean },
): Promise<SuiteResult> {
  const plan = options.quick ? PLANS.quick : PLANS.full;
  const loadBefore = os.loadavg()[0]!;

  // 1. The naive script on the sample, from an empty database.
  const sample = generateSyntheticGraph({
    relationships: plan.sampleRelationships,
    seed: DEFAULT_SEED,
    documentRelationships: SAMPLE_DOCUMENT_RELATIONSHIPS,
  });
  await wipeInBatches(db);
  const naiveProgress = terminalProgress('import bench: naive, one MERGE per record');
  const naive = await naiveImport(db, sample.documents, {
    onProgress: naiveProgress.update,
    budgetMs: plan.naiveBudgetMs,
  }).finally(() => naiveProgress.stop());
  const naiveRate = perSecond(naive.relationshipStatements, naive.ms);

  // 2. The project's path on exactly the documents the naive script wrote.
  await wipeInBatches(db);
  const written = sample.documents.slice(0, naive.documents);
  const onSample = await projectPath(db, 'import bench: project path, the sample', written);
  const onSampleRate = perSecond(onSample.relationships, onSample.ms);

  // 3. The project's path on the large graph, then what an import does after writing.
  await wipeInBatches(db);
  const [graph, generateMs] = await timed(async () =>
    generateSyntheticGraph({ relationships: plan.relationships, seed: DEFAULT_SEED }),
  );
  const large = await projectPath(db, 'import bench: project path, large graph', graph.documents);
  const largeRate = perSecond(large.relationships, large.ms);
  const [, indexesMs] = await timed(() => awaitIndexes(db, 300));
  const [metrics, metricsMs] = await timed(() => recomputeMetrics(db));
  const loadAfter = os.loadavg()[0]!;

  const ratio = naiveRate > 0 ? largeRate / naiveRate : 0;
  const sameSampleRatio = naiveRate > 0 ? onSampleRate / naiveRate : 0;
  const throughput: BenchSection = {
    title: 'Import throughput: the project’s import path against one MERGE per record',
    columns: [
      'path',
      'graph',
      'transactions',
      'entities',
      'relationships',
      'seconds',
      'relationships/s',
      '× naive',
    ],
    rows: [
      [
        'naive: one MERGE per record, auto-commit',
        `sample (${naive.relationshipStatements} relationships)`,
        naive.entityStatements + naive.relationshipStatements,
        naive.entityStatements,
        naive.relationshipStatements,
        seconds(naive.ms),
        round(naiveRate),
        1,
      ],
      [
        'project: graph writer, one transaction per document',
        `same sample`,
        written.length,
        onSample.entities,
        onSample.relationships,
        seconds(onSample.ms),
        round(onSampleRate),
        Number(sameSampleRatio.toFixed(1)),
      ],
      [
        'project: graph writer, one transaction per document',
        `${plan.relationships.toLocaleString('en')} relationships`,
        graph.documents.length,
        large.entities,
        large.relationships,
        seconds(large.ms),
        round(largeRate),
        Number(ratio.toFixed(1)),
      ],
    ],
    notes: [
      `Synthetic graphs of bench/synthetic (seed ${DEFAULT_SEED}); each step starts from a wiped database. Relationships/s counts relationships written over the whole time, entities included.`,
      `The naive script stops starting documents after ${seconds(plan.naiveBudgetMs)} s; its statements are auto-committed on one session (the cheapest one-transaction-per-record form).`,
      `Machine: ${os.cpus().length} cores, load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after — on a shared machine these are indicative.`,
    ],
    data: { plan, naive, onSample, large, counts: graph.counts },
  };
  const stages: BenchSection = {
    title: `Loading ${plan.relationships.toLocaleString('en')} synthetic relationships, step by step`,
    columns: ['step', 'seconds'],
    rows: [
      ['generate the documents (in memory)', seconds(generateMs)],
      [`write ${graph.documents.length} documents through the graph writer`, seconds(large.ms)],
      ['wait for the indexes', seconds(indexesMs)],
      [
        `network measures (${metrics.nodeCount} entities, ${metrics.edgeCount} edges)`,
        seconds(metricsMs),
      ],
    ],
    notes: [
      'The import runner recomputes the network measures (degree, betweenness, PageRank, Louvain) after every import; they are not part of the throughput above.',
    ],
    data: { generateMs, writeMs: large.ms, indexesMs, metricsMs, metrics },
  };
  const target: BenchTarget = {
    name: 'Import throughput vs one MERGE per record',
    target: `≥ ${TARGET_RATIO}× naive`,
    measured: `${ratio.toFixed(1)}× (${round(largeRate)} vs ${round(naiveRate)} relationships/s)`,
    met: ratio >= TARGET_RATIO,
    note: `On the same ${naive.relationshipStatements}-relationship sample: ${sameSampleRatio.toFixed(1)}×.`,
  };
  return { sections: [throughput, stages], targets: [target] };
}
