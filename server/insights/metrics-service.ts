/**
 * The whole graph's network measures — degree, betweenness, PageRank, Louvain community — kept
 * on the entity nodes. Recomputed after every import; a node is written only when one of its
 * values changed (with `metricsComputedAt`, the time of that computation), so re-importing an
 * unchanged source leaves every entity exactly as it was. The time and size of each computation
 * live on the one `(:GraphMetrics {id: 'metrics'})` node.
 *
 * Staleness is recorded, not inferred: every transaction that changes which entities or
 * relationships exist (an import's graph write, an editor's create, delete or merge) calls
 * {@link markMetricsStale}, which gives the graph a new random version in that same transaction;
 * a recompute reads the version before the graph and records it as measured. So a process killed
 * between an import's commit and its recompute, or an edit (an edit does not recompute in its own
 * request: at a million relationships that takes minutes), leaves the measures marked stale, and
 * {@link ensureMetrics} (at startup, and from metrics-refresher.ts while the app runs) or the next
 * import's recompute brings them up to date.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { forEachRow, run, type GraphDatabase } from '../db/neo4j-client.ts';
import type { NodeMeasures } from './network-measures.ts';
import { computeMeasures } from './network-measures-off-thread.ts';
import {
  claimRecompute,
  RecomputeSuperseded,
  type ClaimOptions,
  type RecomputeClaim,
} from './recompute-claim.ts';

/**
 * The properties write-sector-profiles.cypher keeps on organisations and initiatives: bookkeeping
 * for collaborator ranking, left out wherever an entity's own properties are shown.
 */
export const SECTOR_PROFILE_PROPERTIES = ['sectorBacking', 'sectorActivity'] as const;

export interface MetricsRun {
  computedAt: string;
  nodeCount: number;
  /** Pairs of entities joined by at least one relationship. */
  edgeCount: number;
  relationshipCount: number;
  communityCount: number;
  modularity: number | null;
  /** Entities whose stored measures changed (and were written). */
  changedNodes: number;
  /** Candidate collaborators whose sector profile changed (written or removed). */
  changedProfiles: number;
  durationMs: number;
}

interface StoredMeasures {
  id: string;
  degree: number | null;
  betweenness: number | null;
  pagerank: number | null;
  community: number | null;
}

const MEASURE_KEYS = ['degree', 'betweenness', 'pagerank', 'community'] as const;

/**
 * Entities whose changed measures are written per transaction: small enough that a batch holds its
 * locks for a moment (at a million relationships all 200,000 entities change), big enough that the
 * batches add few round trips.
 */
export const METRICS_WRITE_BATCH = 5_000;

/** How a recompute runs; the defaults suit every graph (tests move them to reach both paths). */
export interface RecomputeOptions {
  /** Entities written per transaction (default METRICS_WRITE_BATCH). */
  writeBatch?: number;
  /** From how many relationships the computation runs on a worker thread. */
  offThreadFrom?: number;
  /** The claim's lease and first wait (recompute-claim.ts). */
  claim?: ClaimOptions;
}

function unchanged(stored: StoredMeasures, computed: NodeMeasures): boolean {
  return MEASURE_KEYS.every((key) => stored[key] === computed[key]);
}

/**
 * Marks the stored measures stale, inside the transaction `tx` that changes the entity graph: the
 * mark commits exactly when the change does. Call it in every such transaction.
 */
export async function markMetricsStale(tx: ManagedTransaction): Promise<void> {
  await run(tx, 'insights/metrics-mark-stale');
}

/**
 * Computes the measures over the whole entity graph and stores the changed ones, recording the
 * graph version it read with the graph as the one measured: a change committed meanwhile leaves
 * them stale for the next recompute. Waits while another recompute runs on this database
 * (recompute-claim.ts), so two never interleave their writes.
 */
export async function recomputeMetrics(
  db: GraphDatabase,
  now: () => Date = () => new Date(),
  options: RecomputeOptions = {},
): Promise<MetricsRun> {
  return (await recompute(db, now, { ...options, claim: { ...options.claim, wait: true } }))!;
}

/** A recompute under the claim; null when another holds it and `claim.wait` is false. */
async function recompute(
  db: GraphDatabase,
  now: () => Date,
  options: RecomputeOptions,
): Promise<MetricsRun | null> {
  const claim = await claimRecompute(db, options.claim);
  if (!claim) return null;
  try {
    return await computeAndStore(db, now, options, claim);
  } finally {
    // Recording the result gave the claim up already; a failed recompute gives it up here, so
    // the next need not wait out the lease.
    await claim.release();
  }
}

/**
 * The graph is read in one read transaction, the measures are computed
 * off the server's thread on big graphs (network-measures-off-thread.ts), and the changed values
 * are written in batches of their own: no transaction stays open, and no entity stays locked
 * against editors, for the length of the computation (minutes at a million relationships). While
 * the batches land a reader may see some entities' new values beside others' old ones; the
 * sector profiles and the measured version are written last, in one transaction, so the graph
 * counts as measured only once every value is in. A recompute that dies midway leaves the graph
 * stale, and the next one completes it.
 */
async function computeAndStore(
  db: GraphDatabase,
  now: () => Date,
  { writeBatch = METRICS_WRITE_BATCH, offThreadFrom }: RecomputeOptions,
  claim: RecomputeClaim,
): Promise<MetricsRun> {
  const { token } = claim;
  const started = performance.now();
  const { version, stored, graph } = await db.readTx(async (tx) => {
    // Before the graph: a change committing in between (or while it is read) counts as not measured (at worst one
    // recompute too many), never the other way round.
    const [versionRow] = await run(tx, 'insights/metrics-version');
    const entities: StoredMeasures[] = [];
    const index = new Map<string, number>();
    await forEachRow(tx, 'insights/metrics-graph-entities', {}, (row) => {
      index.set(String(row.id), entities.length);
      entities.push(row as unknown as StoredMeasures);
    });
    const from: number[] = [];
    const to: number[] = [];
    // Neo4j reads committed data, not a snapshot: an entity created (with its relationships) after
    // the entities were read is not measured this time. Its transaction changed the graph version
    // read above, so the graph stays stale and the next recompute measures it.
    await forEachRow(tx, 'insights/metrics-graph-relationships', {}, (row) => {
      const source = index.get(String(row.source));
      const target = index.get(String(row.target));
      if (source === undefined || target === undefined) return;
      from.push(source);
      to.push(target);
    });
    return {
      version: (versionRow?.version as string | null | undefined) ?? null,
      stored: entities,
      graph: {
        nodeIds: entities.map((entity) => entity.id),
        from: Int32Array.from(from),
        to: Int32Array.from(to),
      },
    };
  });
  const relationshipCount = graph.from.length;
  const measures = await computeMeasures(graph, offThreadFrom);
  const rows = stored
    .filter((n) => !unchanged(n, measures.nodes.get(n.id)!))
    .map((n) => ({ id: n.id, ...measures.nodes.get(n.id)! }));
  const computedAt = now().toISOString();
  // Taken over while computing (it went quiet past the lease): nothing of it may land.
  if (claim.lost) throw new RecomputeSuperseded();
  for (let start = 0; start < rows.length; start += writeBatch) {
    const [batch] = await db.write('insights/write-node-metrics', {
      rows: rows.slice(start, start + writeBatch),
      computedAt,
      token,
    });
    if (batch?.claimed !== true) throw new RecomputeSuperseded();
  }
  return db.writeTx(async (tx) => {
    // Collaborator ranking reads these instead of walking most of the graph per request; from the
    // measures just written, so they are exactly as fresh (collaborator-scores.cypher).
    const [profiles] = await run(tx, 'insights/write-sector-profiles');
    const summary: MetricsRun = {
      computedAt,
      nodeCount: measures.nodeCount,
      edgeCount: measures.edgeCount,
      relationshipCount,
      communityCount: measures.communityCount,
      modularity: measures.modularity,
      changedNodes: rows.length,
      changedProfiles: Number(profiles?.written ?? 0) + Number(profiles?.removed ?? 0),
      durationMs: Math.round(performance.now() - started),
    };
    const [recorded] = await run(tx, 'insights/write-graph-metrics', {
      computedAt,
      summary,
      measuredVersion: version,
      token,
    });
    // Thrown inside the transaction: the sector profiles written above roll back with it.
    if (!recorded) throw new RecomputeSuperseded();
    return summary;
  });
}

/**
 * Computes the measures when they are stale (the graph changed since they were computed: an
 * import killed before its recompute, editors' edits), never were and the graph has entities, or
 * were computed before the sector profiles existed; null when they are up to date, when another
 * recompute holds the claim and `wait` is false, or when another took this one's claim over (it
 * measures them, or leaves them stale for the next look).
 */
export async function ensureMetrics(
  db: GraphDatabase,
  { wait = true }: { wait?: boolean } = {},
): Promise<MetricsRun | null> {
  const [state] = await db.read('insights/metrics-state');
  if (!metricsNeedRecompute(state ?? {})) return null;
  return recompute(db, () => new Date(), { claim: { wait } }).catch((error: unknown) => {
    // Taken over midway (it stalled past its lease): the recompute that took over measures the
    // graph, as when another holds the claim from the start. Start-up must not fail for it.
    if (error instanceof RecomputeSuperseded) return null;
    throw error;
  });
}

/**
 * Whether the stored measures need a recompute, from insights/metrics-state: stale, never
 * computed on a graph with entities, or computed before the sector profiles existed.
 */
export function metricsNeedRecompute(state: Record<string, unknown>): boolean {
  const hasEntities = Number(state.entities ?? 0) > 0;
  const neverComputed = !state.computedAt && hasEntities;
  // A database whose measures predate the sector profiles gets them once.
  const unprofiled = Boolean(state.computedAt) && state.profiled !== true && hasEntities;
  return neverComputed || unprofiled || state.stale === true;
}

export interface RankedEntity {
  id: string;
  label: string;
  type: string;
  degree: number;
  betweenness: number;
  pagerank: number;
  community: number;
}

export interface MetricsSummary {
  /** Null when the measures were never computed. */
  computedAt: string | null;
  /** The graph changed since the computation; see {@link markMetricsStale}. */
  stale: boolean;
  nodeCount: number;
  edgeCount: number;
  relationshipCount: number;
  communityCount: number;
  modularity: number | null;
  durationMs: number | null;
  topByPagerank: RankedEntity[];
  topByBetweenness: RankedEntity[];
  communities: {
    community: number;
    size: number;
    types: { type: string; count: number }[];
    top: { id: string; label: string; type: string }[];
  }[];
}

/** The stored measures at a glance, for GET /api/insights/metrics. */
export async function getMetricsSummary(db: GraphDatabase, top: number): Promise<MetricsSummary> {
  const [row] = await db.read('insights/metrics-summary', { top: neo4j.int(top) });
  const metrics = (row?.metrics as Record<string, unknown> | null) ?? {};
  const count = (key: string) => Number(metrics[key] ?? 0);
  return {
    computedAt: (metrics.computedAt as string | undefined) ?? null,
    stale: metrics.stale === true,
    nodeCount: count('nodeCount'),
    edgeCount: count('edgeCount'),
    relationshipCount: count('relationshipCount'),
    communityCount: count('communityCount'),
    modularity: (metrics.modularity as number | null | undefined) ?? null,
    durationMs: (metrics.durationMs as number | null | undefined) ?? null,
    topByPagerank: (row?.topByPagerank as RankedEntity[]) ?? [],
    topByBetweenness: (row?.topByBetweenness as RankedEntity[]) ?? [],
    communities: (row?.communities as MetricsSummary['communities']) ?? [],
  };
}
