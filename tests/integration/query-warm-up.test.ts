// The start-up warm-up against the real Neo4j: it runs every read of the first screens for the
// graph's own subjects, one id of each size bucket, writes nothing, and never throws.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDriver, GraphDatabase } from '../../server/db/neo4j-client.ts';
import { writeFacts } from '../../server/importers/graph/graph-writer.ts';
import { FactSet, type Props } from '../../server/importers/graph/graph-facts.ts';
import type { EntityType, RelationshipType } from '../../server/model/graph-model.ts';
import { recomputeMetrics } from '../../server/insights/metrics-service.ts';
import { warmUpQueries } from '../../server/services/query-warm-up.ts';
import { readServerStartTime } from '../../server/services/warm-up-keeper.ts';
import { graphSnapshot, openTestDatabase, resetGraph } from '../support/graph-fixture.ts';

const db = openTestDatabase();

const SOURCE = {
  id: 'source:test:warm-up',
  kind: 'test',
  uri: 'test://warm-up',
  title: 'Warm-up graph',
  checksum: 'v1',
};

/** Of organisations and DPGs, an id under 11 characters and a longer one; two sectors likewise. */
function warmUpFacts(): FactSet {
  const facts = new FactSet();
  const node = (id: string, label: EntityType, name: string, props: Props = {}) =>
    facts.addNode({ id, label, props: { name, ...props }, evidence: `test: ${id}` });
  const rel = (from: string, type: RelationshipType, to: string) =>
    facts.addRelationship({ from, type, to, props: {}, evidence: `test: ${from} ${type} ${to}` });
  node('org:who', 'Organisation', 'WHO', { kind: 'un-agency' });
  node('org:open-health-foundation', 'Organisation', 'Open Health Foundation', {
    kind: 'foundation',
  });
  node('dpg:odk', 'DPG', 'ODK', { sectors: ['Health'] });
  node('dpg:long-named-registry', 'DPG', 'Long Named Registry', { sectors: ['Agriculture'] });
  node('activity:who/a1', 'Activity', 'Activity one');
  node('sdg:3', 'SDG', 'SDG 3', { number: 3 });
  node('country:KE', 'Country', 'Kenya');
  rel('org:who', 'OWNS', 'dpg:odk');
  rel('org:open-health-foundation', 'FUNDS', 'dpg:long-named-registry');
  rel('org:open-health-foundation', 'FUNDS', 'dpg:odk');
  rel('dpg:odk', 'ADVANCES', 'sdg:3');
  rel('dpg:long-named-registry', 'ADVANCES', 'sdg:3');
  rel('dpg:odk', 'DEPLOYED_IN', 'country:KE');
  rel('dpg:long-named-registry', 'DEPLOYED_IN', 'country:KE');
  rel('org:who', 'LEADS', 'activity:who/a1');
  rel('org:open-health-foundation', 'PARTICIPATES_IN', 'activity:who/a1');
  rel('activity:who/a1', 'INVOLVES', 'dpg:odk');
  rel('activity:who/a1', 'TAKES_PLACE_IN', 'country:KE');
  return facts;
}

const failures = (report: Awaited<ReturnType<typeof warmUpQueries>>) =>
  report.reads.filter((read) => read.error !== undefined);

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe('the warm-up on a graph', () => {
  beforeAll(async () => {
    await resetGraph(db);
    await writeFacts(db, SOURCE, warmUpFacts());
    await recomputeMetrics(db);
  });

  it('runs every read of the first screens, one subject per size bucket, and writes nothing', async () => {
    const before = await graphSnapshot(db);
    const report = await warmUpQueries(db);
    expect(failures(report)).toEqual([]);
    expect(report.stopped).toBeUndefined();
    const names = report.reads.map((read) => read.name);
    expect(names.slice(0, 5)).toEqual(['overview', 'stats', 'facets', 'search', 'gaps']);
    expect(names).toEqual(
      expect.arrayContaining([
        'neighbourhood of org:who',
        'neighbourhood of org:who at depth 2',
        'neighbourhood of org:open-health-foundation at depth 2',
        'details of dpg:long-named-registry',
        'paths from org:who to dpg:odk',
        'paths from org:open-health-foundation to dpg:long-named-registry',
        'network of org:who',
        'collaborators of dpg:odk in country:KE',
        'collaborators of dpg:long-named-registry',
        'stakeholders of dpg:odk',
        'stakeholders of activity:who/a1',
        'stakeholders of country:KE',
        'stakeholders of sector Health in country:KE',
        'stakeholders of sector Agriculture',
        'stakeholders of sdg:3 in country:KE',
      ]),
    );
    expect(await graphSnapshot(db)).toEqual(before);
    // Each of the ~35 reads is planned anew on a fresh database (0.5–2.4 s each on a busy machine).
  }, 120_000);

  it('runs no read once its signal has aborted (the app shutting down)', async () => {
    const stop = new AbortController();
    stop.abort();
    const report = await warmUpQueries(db, { signal: stop.signal });
    expect(report.reads).toEqual([]);
    expect(report.stopped).toBe('shutting down');
  });
});

describe('the warm-up without a graph to ask about', () => {
  it('on an empty graph, runs the reads that need no subject', async () => {
    await resetGraph(db);
    const report = await warmUpQueries(db);
    expect(failures(report)).toEqual([]);
    expect(report.reads.map((read) => read.name)).toEqual([
      'overview',
      'stats',
      'facets',
      'search',
      'gaps',
    ]);
  });

  it('with the database gone, reports the read that found it gone, asks no more, throws nothing', async () => {
    // Nothing listens on port 1.
    const config = { ...inject('neo4j'), uri: 'bolt://127.0.0.1:1' };
    const gone = new GraphDatabase(createDriver(config), config.database);
    const report = await warmUpQueries(gone);
    expect(report.reads).toEqual([
      { name: 'overview', ms: expect.any(Number), error: expect.any(String) },
    ]);
    expect(report.stopped).toBe('the database is unavailable');
    await gone.close();
  });
});

describe("Neo4j's start time, which tells the warm-up keeper of a restart", () => {
  it("is the running process's start, in the past, the same at every look", async () => {
    const first = await readServerStartTime(db);
    expect(first).toMatch(/^\d+$/);
    expect(Number(first)).toBeLessThan(Date.now());
    expect(Number(first)).toBeGreaterThan(Date.parse('2020-01-01'));
    expect(await readServerStartTime(db)).toBe(first);
  });
});
