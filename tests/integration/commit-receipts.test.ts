// A write whose commit answer is lost lands once (server/db/commit-receipts.ts). Through a proxy in
// front of the real test database, the connection is cut right after the database answered a
// COMMIT (it committed; the app never hears so), or right before the COMMIT reaches it (it rolls
// back). Either way the write must be in the graph exactly once and the caller get its result:
// not a second run of work that is not safe to run twice (a CREATE; an editor's new entity, which
// a second run refuses as existing already).
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createUser } from '../../server/auth/accounts.ts';
import type { UserPrincipal } from '../../server/auth/roles.ts';
import { createEntity } from '../../server/curation/entity-edits.ts';
import { pruneCommitReceipts } from '../../server/db/commit-receipt-pruner.ts';
import { createDriver, GraphDatabase } from '../../server/db/neo4j-client.ts';
import { getMetricsSummary, recomputeMetrics } from '../../server/insights/metrics-service.ts';
import { startBoltProxy, type BoltProxy } from '../support/bolt-proxy.ts';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';

const direct = openTestDatabase();
let proxy: BoltProxy;
let db: GraphDatabase;
let editor: UserPrincipal;

beforeAll(async () => {
  const config = inject('neo4j');
  const target = new URL(config.uri.replace(/^[a-z+]+:/, 'http:'));
  proxy = await startBoltProxy({ host: target.hostname, port: Number(target.port || 7687) });
  db = new GraphDatabase(createDriver({ ...config, uri: proxy.uri }), config.database);
  await resetGraph(direct);
  const user = await createUser(direct, { name: 'receipt-editor', role: 'editor' });
  editor = { kind: 'user', id: user.id, name: 'receipt-editor', role: 'editor', via: 'token' };
});
afterAll(async () => {
  await db.close();
  await proxy.close();
  await direct.close();
});
beforeEach(async () => {
  proxy.failNextCommit(null);
  await query(direct, 'MATCH (n:ReceiptProbe) DELETE n');
});

/** A write that is not safe to run twice: each run adds a node. */
const addProbe = (tag: string) =>
  db.writeTx(async (tx) => {
    await tx.run('CREATE (:ReceiptProbe {tag: $tag})', { tag });
    return `added ${tag}`;
  });

async function probes(tag: string): Promise<number> {
  const [row] = await query(direct, 'MATCH (n:ReceiptProbe {tag: $tag}) RETURN count(n) AS n', {
    tag,
  });
  return Number(row!.n);
}

describe('a write whose commit answer is lost', () => {
  it('is not run again when it committed: the caller gets its result, the graph has it once', async () => {
    const [faults, commits] = [proxy.faults, proxy.commits];
    proxy.failNextCommit('lose-answer');
    await expect(addProbe('answer-lost')).resolves.toBe('added answer-lost');
    expect(proxy.faults).toBe(faults + 1);
    // No second COMMIT: the receipt answered.
    expect(proxy.commits).toBe(commits + 1);
    expect(await probes('answer-lost')).toBe(1);
  });

  it('is run again when the commit never reached the database', async () => {
    const [faults, commits] = [proxy.faults, proxy.commits];
    proxy.failNextCommit('lose-commit');
    await expect(addProbe('commit-lost')).resolves.toBe('added commit-lost');
    expect(proxy.faults).toBe(faults + 1);
    expect(proxy.commits).toBe(commits + 2);
    expect(await probes('commit-lost')).toBe(1);
  });

  it('is answered with its first run’s result when it landed only after it was looked for', async () => {
    const faults = proxy.faults;
    proxy.failNextCommit('land-late');
    // The run again waits for the first run's receipt, held by the open transaction, and finds
    // it once the first run commits.
    await expect(addProbe('landed-late')).resolves.toBe('added landed-late');
    expect(proxy.faults).toBe(faults + 1);
    expect(await probes('landed-late')).toBe(1);
  });

  it('answers an editor’s new entity as created, not as existing already, with one audit event', async () => {
    const faults = proxy.faults;
    proxy.failNextCommit('lose-answer');
    const created = await createEntity(db, editor, {
      type: 'Organisation',
      properties: { name: 'Receipt Partner', kind: 'ngo', website: 'https://partner.example.org' },
    });
    expect(proxy.faults).toBe(faults + 1);
    expect(created).toMatchObject({ id: 'org:receipt-partner', type: 'Organisation' });
    const [row] = await query(
      direct,
      `MATCH (e:AuditEvent {entityId: 'org:receipt-partner', action: 'entity.create'})
       RETURN count(e) AS events`,
    );
    expect(Number(row!.events)).toBe(1);
  });

  it('records a recompute of the network measures whose final commit answer was lost', async () => {
    await createEntity(direct, editor, {
      type: 'Organisation',
      properties: { name: 'Receipt Measured', kind: 'ngo', website: 'https://m.example.org' },
    });
    const faults = proxy.faults;
    // The final record (write-graph-metrics.cypher) commits and gives the claim up; a run again
    // found the claim gone and refused as superseded.
    proxy.failNextCommit('lose-answer', 'm.measuredVersion = $measuredVersion');
    const run = await recomputeMetrics(db);
    expect(proxy.faults).toBe(faults + 1);
    const summary = await getMetricsSummary(direct, 1);
    expect(summary.stale).toBe(false);
    // The same instant (the store keeps nanoseconds: …47.224000000Z for …47.224Z).
    expect(summary.computedAt?.startsWith(run.computedAt.slice(0, -1))).toBe(true);
  });

  it('leaves no receipt to reads of the graph: receipts are not entities, and old ones are pruned', async () => {
    await addProbe('pruned');
    const receipts = async () =>
      Number((await query(direct, 'MATCH (r:CommitReceipt) RETURN count(r) AS n'))[0]!.n);
    const [entity] = await query(direct, 'MATCH (r:CommitReceipt:Entity) RETURN count(r) AS n');
    expect(Number(entity!.n)).toBe(0);
    const before = await receipts();
    expect(before).toBeGreaterThan(0);
    // Young receipts stay…
    expect(await pruneCommitReceipts(db)).toBe(0);
    expect(await receipts()).toBe(before);
    // …old ones go, in batches.
    await query(direct, "MATCH (r:CommitReceipt) SET r.at = datetime() - duration('PT1H')");
    expect(await pruneCommitReceipts(db, { batch: 2 })).toBe(before);
    expect(await receipts()).toBe(0);
  });
});
