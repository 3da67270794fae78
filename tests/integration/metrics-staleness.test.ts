// The network measures never stay stale after the graph changed: an import whose process dies
// between its graph write and its recompute, an editor's create, delete or merge, and a change
// committed while a recompute runs all leave the measures marked stale, and ensureMetrics (what
// the app runs at startup) brings them back to exactly what a fresh computation gives.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUser } from '../../server/auth/accounts.ts';
import type { UserPrincipal } from '../../server/auth/roles.ts';
import { cypher } from '../../server/db/cypher-registry.ts';
import { createEntity, deleteEntity, getEntityState } from '../../server/curation/entity-edits.ts';
import { mergeEntities } from '../../server/curation/entity-merge.ts';
import { deleteRelationship, stateRelationship } from '../../server/curation/relationship-edits.ts';
import { importActivitiesCsv } from '../../server/importers/activities-csv/activities-csv-importer.ts';
import { runImport } from '../../server/importers/import-runner.ts';
import { sha256 } from '../../server/importers/source-reader.ts';
import {
  ensureMetrics,
  getMetricsSummary,
  recomputeMetrics,
} from '../../server/insights/metrics-service.ts';
import { computeNetworkMeasures } from '../../server/insights/network-measures.ts';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';

const db = openTestDatabase();
let editor: UserPrincipal;

function sheet(name: string, rows: [organisation: string, activity: string][]) {
  const text = ['Organization,Activity,Link']
    .concat(rows.map(([o, a], i) => `${o},${a},https://example.org/${name}/${i}`))
    .join('\n');
  return { uri: `${name}.csv`, text, checksum: sha256(text) };
}

const FIRST = sheet('first', [
  ['UNICEF', 'Staleness test activity one in Kenya'],
  ['UNICEF', 'Staleness test activity two in Ghana'],
  ['Norad', 'Staleness test activity three in Nepal'],
]);
const SECOND = sheet('second', [
  ['Norad', 'Staleness test activity four in Kenya'],
  ['Norad', 'Staleness test activity five in Peru'],
  ['Google', 'Staleness test activity six in India'],
]);

/** The measures stored on every entity. */
async function storedMeasures() {
  const rows = await query(
    db,
    `MATCH (n:Entity) RETURN n.id AS id, n.degree AS degree, n.betweenness AS betweenness,
            n.pagerank AS pagerank, n.community AS community ORDER BY id`,
  );
  return Object.fromEntries(rows.map(({ id, ...measures }) => [id, measures]));
}

/** What a computation over the graph as it is now gives, independently of what is stored. */
async function freshMeasures() {
  const entities = await query(db, cypher('insights/metrics-graph-entities'));
  const relationships = await query(db, cypher('insights/metrics-graph-relationships'));
  const { nodes } = computeNetworkMeasures(
    entities.map((n) => String(n.id)),
    relationships.map((r) => ({ from: String(r.source), to: String(r.target) })),
  );
  return Object.fromEntries([...nodes].sort(([a], [b]) => a.localeCompare(b)));
}

async function activityId(name: string): Promise<string> {
  const [row] = await query(db, `MATCH (a:Activity {name: $name}) RETURN a.id AS id`, { name });
  return String(row!.id);
}

beforeAll(async () => {
  await resetGraph(db);
  const user = await createUser(db, { name: 'metrics-editor', role: 'editor' });
  editor = { kind: 'user', id: user.id, name: 'metrics-editor', role: 'editor', via: 'token' };
  // A finished import: written, then measured.
  await runImport(db, { kind: 'activities-csv', location: FIRST.uri, content: FIRST.text });
});

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe('network measures after the graph changed', () => {
  it('are up to date after a finished import: ensureMetrics has nothing to do', async () => {
    expect(await storedMeasures()).toEqual(await freshMeasures());
    expect(await ensureMetrics(db)).toBeNull();
  });

  it('are recomputed by ensureMetrics when an import died after its write and before its recompute', async () => {
    // The import path up to its commit (what runImport does before it recomputes), then nothing:
    // as if the process had been killed there.
    const report = await importActivitiesCsv(db, SECOND);
    expect(report.relationships.created).toBeGreaterThan(0);
    expect(await storedMeasures()).not.toEqual(await freshMeasures());
    expect((await getMetricsSummary(db, 1)).stale).toBe(true);

    const run = await ensureMetrics(db);
    expect(run?.changedNodes).toBeGreaterThan(0);
    expect(await storedMeasures()).toEqual(await freshMeasures());
    expect(await ensureMetrics(db)).toBeNull();
    expect((await getMetricsSummary(db, 1)).stale).toBe(false);
  });

  it('are not marked stale by a dry run, which writes nothing', async () => {
    const third = sheet('third', [['Google', 'Staleness test activity seven in Brazil']]);
    await importActivitiesCsv(db, third, { dryRun: true });
    expect(await ensureMetrics(db)).toBeNull();
  });

  it("are recomputed by ensureMetrics after an editor's create, relationship, merge and deletes", async () => {
    const one = await activityId('Staleness test activity one in Kenya');
    const two = await activityId('Staleness test activity two in Ghana');
    const steps: [string, () => Promise<unknown>][] = [
      [
        'create',
        () =>
          createEntity(db, editor, {
            type: 'Organisation',
            properties: {
              name: 'Staleness Partner',
              kind: 'ngo',
              website: 'https://partner.example.org',
            },
          }),
      ],
      [
        'state relationship',
        () =>
          stateRelationship(
            db,
            editor,
            { from: 'org:staleness-partner', type: 'PARTICIPATES_IN', to: one },
            {},
          ),
      ],
      [
        'merge',
        async () =>
          mergeEntities(db, editor, {
            keep: one,
            remove: two,
            keepVersion: (await getEntityState(db, one)).version,
            removeVersion: (await getEntityState(db, two)).version,
          }),
      ],
      [
        'delete relationship',
        () =>
          deleteRelationship(db, editor, {
            from: 'org:staleness-partner',
            type: 'PARTICIPATES_IN',
            to: one,
          }),
      ],
      [
        'delete entity',
        async () =>
          deleteEntity(
            db,
            editor,
            'org:staleness-partner',
            (await getEntityState(db, 'org:staleness-partner')).version,
          ),
      ],
    ];
    for (const [step, edit] of steps) {
      await edit();
      expect(await ensureMetrics(db), step).not.toBeNull();
      expect(await storedMeasures(), step).toEqual(await freshMeasures());
      expect(await ensureMetrics(db), step).toBeNull();
    }
  });

  it('stay marked stale when a change commits while a recompute is running', async () => {
    // A transaction adds a relationship (and marks the measures stale) but holds its commit while
    // a recompute reads the graph without it; the recompute then waits for the bookkeeping node
    // the open transaction holds, and must not record its measures as covering that change.
    const session = db.driver.session({ database: inject('neo4j').database });
    const tx = await session.beginTransaction();
    try {
      await tx.run(
        `MATCH (o:Organisation)-[:LEADS]->(:Activity {name: 'Staleness test activity six in India'})
         MATCH (a:Activity {name: 'Staleness test activity three in Nepal'})
         CREATE (o)-[:PARTICIPATES_IN {sources: ['source:test'], evidence: ['test']}]->(a)`,
      );
      await tx.run(cypher('insights/metrics-mark-stale'));
      const recompute = recomputeMetrics(db);
      await waitForBlockedTransaction();
      await tx.commit();
      await recompute;
    } finally {
      await session.close();
    }
    expect(await storedMeasures()).not.toEqual(await freshMeasures());
    expect(await ensureMetrics(db)).not.toBeNull();
    expect(await storedMeasures()).toEqual(await freshMeasures());
  });
});

/** Resolves once some transaction waits for a lock (the recompute, on the bookkeeping node). */
async function waitForBlockedTransaction(): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [row] = await query(
      db,
      `SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS blocked`,
    );
    if (Number(row?.blocked) > 0) return;
    if (Date.now() > deadline) throw new Error('no transaction became blocked within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
