// The running app brings network measures left stale by edits up to date by itself: it polls the
// recorded staleness (so a change from anywhere is caught), recomputes once per change, rests
// after a long recompute, and stops cleanly.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/cypher-registry.ts';
import { FactSet } from '../../server/importers/graph/graph-facts.ts';
import { writeFacts } from '../../server/importers/graph/graph-writer.ts';
import { startMetricsRefresher } from '../../server/insights/metrics-refresher.ts';
import { recomputeMetrics } from '../../server/insights/metrics-service.ts';
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

beforeEach(async () => {
  await resetGraph(db);
  await writeFacts(db, SOURCE, smallGraph());
  await recomputeMetrics(db);
});

afterAll(async () => {
  await db.close();
});

describe('the metrics refresher', () => {
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

  it('leaves the graph to a recompute running elsewhere, until its lease runs out', async () => {
    await changeElsewhere();
    // What an import's recompute in another process records before its long transaction.
    await db.write('insights/metrics-recomputing', { running: true });
    const refresher = startMetricsRefresher(db, {
      intervalMs: 0,
      restFactor: 0,
      leaseSeconds: 600,
    });
    expect(await refresher.check()).toBeNull();
    expect(await isStale()).toBe(true);
    // A recompute that died ten minutes ago holds nothing off.
    await query(db, "MATCH (r:MetricsRecomputing) SET r.since = datetime() - duration('PT11M')");
    expect(await refresher.check()).not.toBeNull();
    expect(await isStale()).toBe(false);
    // The recompute that committed cleared the mark.
    const [state] = await db.read('insights/metrics-state');
    expect(state?.recomputingForSeconds).toBeNull();
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
