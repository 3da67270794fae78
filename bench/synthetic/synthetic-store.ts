/**
 * Keeps each synthetic scale in a database of its own between benchmark runs. Loading a million
 * relationships through the import path and computing their network measures takes a quarter of
 * an hour on two cores; a run whose graph would come out identical reuses the one already loaded.
 *
 * "Identical" is checked, not assumed: a marker file in the database's folder records the scale,
 * the seed and a fingerprint of every source file that decides what the load writes (the
 * generator, the graph writer and its Cypher, the network measures). A changed file, another
 * seed, or a relationship count that no longer matches the marker means a fresh load.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../server/config.ts';
import type { GraphDatabase } from '../../server/db/neo4j-client.ts';
import type { SyntheticLoad, SyntheticSample } from './load-synthetic.ts';

/** What decides the loaded graph, relative to the repository root (folders are read whole). */
const LOAD_INPUTS = [
  'bench/synthetic',
  'server/importers/graph',
  'cypher/import',
  'server/insights/network-measures.ts',
  'server/insights/sampled-betweenness.ts',
  'server/insights/metrics-service.ts',
  'server/insights/network-measures-off-thread.ts',
  'server/insights/measures-worker-task.ts',
  // The claim a recompute holds while it writes, and the marks it reads and leaves.
  'server/insights/recompute-claim.ts',
  'cypher/insights/metrics-claim-recompute.cypher',
  'cypher/insights/metrics-recompute-heartbeat.cypher',
  'cypher/insights/metrics-release-recompute.cypher',
  'cypher/insights/metrics-version.cypher',
  'cypher/insights/metrics-mark-stale.cypher',
  'cypher/insights/metrics-graph-entities.cypher',
  'cypher/insights/metrics-graph-relationships.cypher',
  'cypher/insights/write-node-metrics.cypher',
  'cypher/insights/write-graph-metrics.cypher',
  'cypher/insights/write-sector-profiles.cypher',
  'cypher/schema',
];

const MARKER_FILE = 'synthetic-graph.json';

export interface SyntheticMarker {
  relationships: number;
  seed: number;
  fingerprint: string;
  /** Relationships in the database once loaded (provenance included): checked on reuse. */
  storedRelationships: number;
  loadedAt: string;
  load: Omit<SyntheticLoad, 'sample'>;
  sample: SyntheticSample;
}

function filesUnder(root: string): string[] {
  if (!statSync(root).isDirectory()) return [root];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((entry) => path.join(root, entry))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** A hash of the files that decide what a synthetic load writes. */
export function loadFingerprint(repoRoot = REPO_ROOT): string {
  const hash = createHash('sha256');
  for (const input of LOAD_INPUTS) {
    const absolute = path.join(repoRoot, input);
    if (!existsSync(absolute)) continue;
    for (const file of filesUnder(absolute)) {
      hash.update(path.relative(repoRoot, file)).update('\0').update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export async function storedRelationshipCount(db: GraphDatabase): Promise<number> {
  const [row] = await db.read('bench/count-relationships');
  return Number(row?.relationships ?? 0);
}

export function readMarker(dataDir: string): SyntheticMarker | undefined {
  const file = path.join(dataDir, MARKER_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SyntheticMarker;
  } catch {
    return undefined;
  }
}

export function writeMarker(dataDir: string, marker: SyntheticMarker): void {
  writeFileSync(path.join(dataDir, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
}

/**
 * The marker of a graph this run may reuse, or why it may not (a reason fit for the log).
 * Checks the marker against what is asked and against the database itself.
 */
export async function reusableGraph(
  db: GraphDatabase,
  dataDir: string,
  wanted: { relationships: number; seed: number; fingerprint: string },
): Promise<{ marker: SyntheticMarker } | { reason: string }> {
  const marker = readMarker(dataDir);
  if (!marker) return { reason: 'no graph loaded by an earlier run' };
  if (marker.relationships !== wanted.relationships || marker.seed !== wanted.seed) {
    return { reason: `the database holds scale ${marker.relationships}, seed ${marker.seed}` };
  }
  if (marker.fingerprint !== wanted.fingerprint) {
    return { reason: 'the generator, import path or network measures changed since it was loaded' };
  }
  const stored = await storedRelationshipCount(db);
  if (stored !== marker.storedRelationships) {
    return {
      reason: `the database holds ${stored} relationships, the load left ${marker.storedRelationships}`,
    };
  }
  return { marker };
}
