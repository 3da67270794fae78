/**
 * One recompute of the network measures at a time on one database, across every app instance and
 * import (cypher/insights/metrics-claim-recompute.cypher). A recompute writes its values in many
 * short transactions; two at once would interleave them, and the one finishing last would record
 * as measured a graph holding some of the other's older values. So a recompute claims the right
 * first, waiting while another holds it; says every quarter lease that it still runs; and its
 * writes land only while it holds the claim. A holder that dies stops saying so, and the claim is
 * free again after the lease.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j from 'neo4j-driver';
import type { GraphDatabase } from '../db/neo4j-client.ts';

/** A recompute silent for this long is taken to have died: its claim can be taken over. */
export const RECOMPUTE_LEASE_SECONDS = 60;

export interface ClaimOptions {
  leaseSeconds?: number;
  /** First wait between tries while another holds the claim; doubles up to 2 s. */
  pollMs?: number;
  /** False: give up at once (null) when another holds the claim, instead of waiting. */
  wait?: boolean;
}

/** A recompute whose claim was taken over (it went quiet for the lease) and must write nothing more. */
export class RecomputeSuperseded extends Error {
  constructor() {
    super('network measures: another recompute took over this one’s claim; it wrote no result');
    this.name = 'RecomputeSuperseded';
  }
}

export interface RecomputeClaim {
  /** Passed to the guarded writes (write-node-metrics, write-graph-metrics). */
  token: string;
  /** A heartbeat found the claim taken over: the computation can stop before writing. */
  readonly lost: boolean;
  /** Stops the heartbeat and gives the claim up if still held (best effort). */
  release(): Promise<void>;
}

/**
 * Waits until this recompute holds the claim (null at once if another holds it and `wait` is
 * false), then keeps it alive until released.
 */
export async function claimRecompute(
  db: GraphDatabase,
  {
    leaseSeconds = RECOMPUTE_LEASE_SECONDS,
    pollMs = 200,
    wait: waitForIt = true,
  }: ClaimOptions = {},
): Promise<RecomputeClaim | null> {
  const token = randomUUID();
  const params = { token, leaseSeconds: neo4j.int(leaseSeconds) };
  for (let wait = pollMs; ; wait = Math.min(wait * 2, 2_000)) {
    const [row] = await db.write('insights/metrics-claim-recompute', params);
    if (row?.claimed === true) break;
    if (!waitForIt) return null;
    await sleep(wait);
  }
  let lost = false;
  const heartbeat = setInterval(
    () => {
      // A missed beat is harmless unless the lease runs out; the guarded writes notice that.
      db.write('insights/metrics-recompute-heartbeat', { token })
        .then(([row]) => {
          if (Number(row?.held ?? 0) === 0) lost = true;
        })
        .catch(() => undefined);
    },
    (leaseSeconds * 1000) / 4,
  );
  // The heartbeat never keeps the process alive on its own.
  heartbeat.unref();
  return {
    token,
    get lost() {
      return lost;
    },
    async release() {
      clearInterval(heartbeat);
      await db.write('insights/metrics-release-recompute', { token }).catch(() => undefined);
    },
  };
}
