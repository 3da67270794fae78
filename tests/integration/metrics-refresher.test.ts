// The running app brings network measures left stale by edits up to date by itself: it polls the
// recorded staleness (so a change from anywhere is caught), recomputes once per change, rests
// after a long recompute, and stops cleanly.
import neo4j from 'neo4j-driver';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/cypher-registry.ts';
import { FactSet } from '../../server/importers/graph/graph-facts.ts';
import { writeFacts } from '../../server/importers/graph/graph-writer.ts';
import { startMetricsRefresher } from '../../server/insights/metrics-refresher.ts';
import { ensureMetrics, recomputeMetrics } from '../../server/insights/metrics-service.ts';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';

const db = openTestDatabase();

const SOURCE = {
  id: 'source:test:metrics-refresher',
  kind: 'test',
  uri: 'test://metrics-refresher',
  title: 'A small graph for the metrics refresher',
  checksum: 'v1',
};

/** Alpha leads one activity; Beta takes part: a graph with measures worth computing. */
function smallGraph(): FactSet {
  const facts = new FactSet();
  for (const [id, label, name] of [
    ['org:alpha', 'Organisation', 'Alpha'],
    ['org:beta', 'Organisation', 'Beta'],
    ['activity:alpha/one', 'Activity', 'One'],
  ] as const) {
    facts.addNode({ id, label, props: { name }, evidence: 't' });
  }
  for (const [from, type, to] of [
    ['org:alpha', 'LEADS', 'activity:alpha/one'],
    ['org:beta', 'PARTICIPATES_IN', 'activity:alpha/one'],
  ] as const) {
    facts.addRelationship({ from, type, to, props: {}, evidence: 't' });
  }
  return facts;
}

async function isStale(): Promise<boolean> {
  const [state] = await db.read('insights/metrics-state');
  return state?.stale === true;
}

/** What a script or another app instance does when it changes the graph behind this one's back. */
let changes = 0;
async function changeElsewhere(): Promise<void> {
  changes++;
  await db.writeTx(async (tx) => {
    await tx.run('CREATE (:Entity:Organisation {id: $id, name: $id})', {
      id: `org:new-${changes}`,
    });
    await tx.run(cypher('insights/metrics-mark-stale'));
  });
}

/** Another process's recompute takes the claim (recompute-claim.ts) and holds it. */
async function claimElsewhere(token = 'elsewhere', leaseSeconds = 600): Promise<void> {
  const [row] = await db.write('insights/metrics-claim-recompute', {
    token,
    leaseSeconds: neo4j.int(leaseSeconds),
  });
  expect(row?.claimed).toBe(true);
}

const settled = async (promise: Promise<unknown>, ms: number): Promise<boolean> =>
  Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);

beforeEach(async () => {
  await resetGraph(db);
  await writeFacts(db, SOURCE, smallGraph());
  await recomputeMetrics(db);
});

afterAll(async () => {
  await db.close();
});

describe('the metrics refresher', () => {
  it('computes measures never computed (start-up left them to a recompute that died)', async () => {
    await query(db, "MATCH (m:GraphMetrics {id: 'metrics'}) DETACH DELETE m");
    const refresher = startMetricsRefresher(db, { intervalMs: 0, restFactor: 0 });
    expect(await refresher.check()).toMatchObject({ nodeCount: 3 });
    const [state] = await db.read('insights/metrics-state');
    expect(state?.computedAt).not.toBeNull();
    refresher.stop();
  });

  it('recomputes stale measures once, and does nothing while they are fresh', async () => {
    const lines: string[] = [];
    const refresher = startMetricsRefresher(db, {
      intervalMs: 0,
      restFactor: 0,
      log: (l) => lines.push(l),
    });
    expect(await refresher.check()).toBeNull();
    await changeElsewhere();
    expect(await isStale()).toBe(true);
    const run = await refresher.check();
    expect(run).toMatchObject({ nodeCount: 4 });
    expect(await isStale()).toBe(false);
    const [added] = await query(db, 'MATCH (n:Entity {id: $id}) RETURN n.degree AS degree', {
      id: `org:new-${changes}`,
    });
    expect(added).toEqual({ degree: 0 });
    expect(await refresher.check()).toBeNull();
    expect(lines).toEqual([expect.stringMatching(/^Network measures recomputed after changes/)]);
    refresher.stop();
  });

  it('polls by itself and stops cleanly', async () => {
    const refresher = startMetricsRefresher(db, { intervalMs: 50, restFactor: 0 });
    await changeElsewhere();
    const deadline = Date.now() + 10_000;
    while ((await isStale()) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await isStale()).toBe(false);
    refresher.stop();
    // Stopped: a change now stays stale for the next import or start.
    await changeElsewhere();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await isStale()).toBe(true);
  });

  it('rests after a long recompute: restFactor times its length before the next', async () => {
    // The last recompute took 10 minutes and ended a minute ago.
    await query(
      db,
      "MATCH (m:GraphMetrics {id: 'metrics'}) SET m.durationMs = 600000, m.finishedAt = datetime() - duration('PT1M')",
    );
    await changeElsewhere();
    const refresher = startMetricsRefresher(db, { intervalMs: 0, restFactor: 9 });
    expect(await refresher.check()).toBeNull();
    expect(await isStale()).toBe(true);
    // 9 × 10 minutes later, it recomputes.
    await query(
      db,
      "MATCH (m:GraphMetrics {id: 'metrics'}) SET m.finishedAt = datetime() - duration('PT91M')",
    );
    expect(await refresher.check()).not.toBeNull();
    expect(await isStale()).toBe(false);
    refresher.stop();
  });

  it('leaves the graph to a recompute running elsewhere, until it goes quiet for the lease', async () => {
    await changeElsewhere();
    // What a recompute in another process holds while it runs.
    await claimElsewhere();
    // Its holder claimed a 600 s lease: judged by that, not by a lease of the refresher's own.
    const refresher = startMetricsRefresher(db, { intervalMs: 0, restFactor: 0 });
    expect(await refresher.check()).toBeNull();
    expect(await isStale()).toBe(true);
    // Nine minutes quiet, still within its lease: left alone.
    await query(
      db,
      "MATCH (r:MetricsRecomputing) SET r.heartbeatAt = datetime() - duration('PT9M')",
    );
    expect(await refresher.check()).toBeNull();
    // One that last said it runs eleven minutes ago died: it holds nothing off.
    await query(
      db,
      "MATCH (r:MetricsRecomputing) SET r.heartbeatAt = datetime() - duration('PT11M')",
    );
    expect(await refresher.check()).not.toBeNull();
    expect(await isStale()).toBe(false);
    // The recompute that committed gave its claim up.
    const [state] = await db.read('insights/metrics-state');
    expect(state).toMatchObject({ recomputeQuietSeconds: null, recomputeRunning: false });
    refresher.stop();
  });

  it('runs one check at a time, however often it is asked', async () => {
    await changeElsewhere();
    const refresher = startMetricsRefresher(db, { intervalMs: 0, restFactor: 0 });
    const runs = await Promise.all([refresher.check(), refresher.check(), refresher.check()]);
    expect(new Set(runs).size).toBe(1);
    expect(runs[0]).not.toBeNull();
    refresher.stop();
  });
});

describe('one recompute at a time', () => {
  it('waits while another holds the claim, then measures', async () => {
    await changeElsewhere();
    await claimElsewhere();
    const recompute = recomputeMetrics(db, undefined, { claim: { pollMs: 50 } });
    expect(await settled(recompute, 1_000)).toBe(false);
    expect(await isStale()).toBe(true);
    await db.write('insights/metrics-release-recompute', { token: 'elsewhere' });
    expect(await recompute).toMatchObject({ nodeCount: 4 });
    expect(await isStale()).toBe(false);
  });

  it('does not wait when asked not to (start-up, the refresher): the holder measures', async () => {
    await changeElsewhere();
    await claimElsewhere();
    expect(await ensureMetrics(db, { wait: false })).toBeNull();
    expect(await isStale()).toBe(true);
  });

  it('runs three asked at once one after the other, each recording its result', async () => {
    // Rounds of three polling every 5 ms: a claimer that read the claim while the holder's final
    // record deleted it took the deleted node for its own, and 24 of 120 recomputes failed.
    for (let round = 0; round < 10; round++) {
      await changeElsewhere();
      const runs = await Promise.all(
        [0, 1, 2].map(() =>
          recomputeMetrics(db, undefined, { writeBatch: 1, claim: { pollMs: 5 } }),
        ),
      );
      expect(runs.map((run) => run.nodeCount)).toEqual(Array(3).fill(4 + round));
    }
    expect(await isStale()).toBe(false);
    // Both gave their claim up: the one node stays, without a token.
    const [claims] = await query(
      db,
      'MATCH (r:MetricsRecomputing) RETURN count(r) AS n, count(r.token) AS held',
    );
    expect(claims).toEqual({ n: 1, held: 0 });
  });

  it('takes over the claim of a recompute that went quiet for the lease', async () => {
    await changeElsewhere();
    await claimElsewhere('died', 60);
    await query(
      db,
      "MATCH (r:MetricsRecomputing) SET r.heartbeatAt = datetime() - duration('PT2M')",
    );
    expect(await recomputeMetrics(db, undefined, { claim: { leaseSeconds: 60 } })).toMatchObject({
      nodeCount: 4,
    });
    expect(await isStale()).toBe(false);
  });

  it('gives an expired claim to one of several claiming it at once', async () => {
    await claimElsewhere('died', 60);
    await query(
      db,
      "MATCH (r:MetricsRecomputing) SET r.heartbeatAt = datetime() - duration('PT2M')",
    );
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          db.write('insights/metrics-claim-recompute', {
            token: `claimer-${round}-${i}`,
            leaseSeconds: neo4j.int(60),
          }),
        ),
      );
      expect(answers.filter(([row]) => row?.claimed === true)).toHaveLength(1);
      await query(
        db,
        "MATCH (r:MetricsRecomputing) SET r.heartbeatAt = datetime() - duration('PT2M')",
      );
    }
  });

  it('writes nothing for a recompute whose claim was taken over', async () => {
    await claimElsewhere('taker');
    const [before] = await query(
      db,
      "MATCH (n:Entity {id: 'org:alpha'}), (m:GraphMetrics {id: 'metrics'}) RETURN n.degree AS degree, m.computedAt AS at",
    );
    const [batch] = await db.write('insights/write-node-metrics', {
      rows: [{ id: 'org:alpha', degree: 99, betweenness: 0, pagerank: 0, community: 0 }],
      computedAt: new Date().toISOString(),
      token: 'superseded',
    });
    expect(batch).toMatchObject({ claimed: false });
    const recorded = await db.write('insights/write-graph-metrics', {
      computedAt: new Date().toISOString(),
      summary: { nodeCount: 1, edgeCount: 0, relationshipCount: 0, communityCount: 1 },
      measuredVersion: null,
      token: 'superseded',
    });
    expect(recorded).toEqual([]);
    const [after] = await query(
      db,
      "MATCH (n:Entity {id: 'org:alpha'}), (m:GraphMetrics {id: 'metrics'}) RETURN n.degree AS degree, m.computedAt AS at",
    );
    expect(after).toEqual(before);
    // The holder's claim is untouched.
    const [claim] = await query(db, 'MATCH (r:MetricsRecomputing) RETURN r.token AS token');
    expect(claim).toEqual({ token: 'taker' });
  });
});
