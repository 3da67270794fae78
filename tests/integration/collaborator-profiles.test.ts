// Collaborator ranking reads each candidate's stored sector profile (written by the network-measure
// recompute, cypher/insights/write-sector-profiles.cypher) while the measures are fresh, and walks
// the graph while they are stale. Both must give the very same answer: checked here for many
// DPGs and filters on a synthetic graph (sector-heavy, as at scale) and on the real ecosystem,
// with the profiles shown to be what the fresh answer really reads, kept up to date by editors'
// sector edits and removed from organisations that lose their last sector path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSyntheticGraph } from '../../bench/synthetic/load-synthetic.ts';
import { createUser } from '../../server/auth/accounts.ts';
import type { UserPrincipal } from '../../server/auth/roles.ts';
import { cypher } from '../../server/db/cypher-registry.ts';
import { getEntityState, updateEntity } from '../../server/curation/entity-edits.ts';
import {
  getCollaborators,
  type CollaboratorAnswer,
  type CollaboratorQuery,
} from '../../server/insights/collaborator-service.ts';
import {
  ensureMetrics,
  getMetricsSummary,
  recomputeMetrics,
} from '../../server/insights/metrics-service.ts';
import { getEntity } from '../../server/services/entity-service.ts';
import {
  importRealSources,
  openTestDatabase,
  query,
  resetGraph,
} from '../support/graph-fixture.ts';
import { hasSharedData } from '../support/shared-data.ts';

const db = openTestDatabase();

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

/** What the ranking says, with scores as numbers to compare within rounding. */
function summary(answer: CollaboratorAnswer) {
  return {
    total: answer.total,
    candidates: answer.candidates.map((c) => ({
      id: c.id,
      score: c.score,
      parts: c.parts.map((p) => ({ metaPath: p.metaPath, paths: p.paths, score: p.score })),
    })),
  };
}

function expectSameRanking(profiled: CollaboratorAnswer, walked: CollaboratorAnswer, at: string) {
  const a = summary(profiled);
  const b = summary(walked);
  expect(a.total, `${at}: total`).toBe(b.total);
  expect(
    a.candidates.map((c) => c.id),
    `${at}: candidates`,
  ).toEqual(b.candidates.map((c) => c.id));
  a.candidates.forEach((c, i) => {
    const other = b.candidates[i]!;
    expect(c.score, `${at}: score of ${c.id}`).toBeCloseTo(other.score, 9);
    expect(
      c.parts.map((p) => [p.metaPath, p.paths]),
      `${at}: parts of ${c.id}`,
    ).toEqual(other.parts.map((p) => [p.metaPath, p.paths]));
    c.parts.forEach((p, j) => expect(p.score).toBeCloseTo(other.parts[j]!.score, 9));
  });
}

async function markStale() {
  await db.writeTx((tx) => tx.run(cypher('insights/metrics-mark-stale')));
}

/** Whether the last computation covers the graph as it is (what the ranking checks too). */
async function profilesFresh(): Promise<boolean> {
  const summaryNow = await getMetricsSummary(db, 1);
  return summaryNow.computedAt !== null && !summaryNow.stale;
}

/** The DPGs with the most sectors and relationships, and a few with the fewest. */
async function sampleDpgs(most: number, fewest: number): Promise<string[]> {
  const rows = await query(
    db,
    `MATCH (d:DPG)
     WITH d, size(coalesce(d.sectors, [])) AS sectors, COUNT { (d)--() } AS degree
     ORDER BY sectors * 1000 + degree DESC, d.id
     RETURN collect(d.id) AS ids`,
  );
  const ids = rows[0]!.ids as string[];
  return [...new Set([...ids.slice(0, most), ...ids.slice(-fewest)])];
}

/** The busiest country and organisation kind, to filter by. */
async function sampleFilters(): Promise<{ country: string; kind: string }> {
  const [row] = await query(
    db,
    `CALL () {
       MATCH (c:Country) RETURN c.id AS country ORDER BY COUNT { (c)--() } DESC, c.id LIMIT 1
     }
     CALL () {
       MATCH (o:Organisation) WHERE o.kind IS NOT NULL
       RETURN o.kind AS kind, count(*) AS n ORDER BY n DESC, kind LIMIT 1
     }
     RETURN country, kind`,
  );
  return { country: String(row!.country), kind: String(row!.kind) };
}

/** Every DPG × filter combination, answered from the profiles and then by walking the graph. */
async function compareBothWays(dpgs: string[], filters: { country: string; kind: string }) {
  const queries: CollaboratorQuery[] = dpgs.flatMap((id) => [
    { id, membersOnly: false, limit: 25, paths: 1 },
    { id, membersOnly: true, limit: 25, paths: 1 },
    { id, membersOnly: false, limit: 25, paths: 1, country: filters.country },
    {
      id,
      membersOnly: false,
      limit: 25,
      paths: 1,
      kind: filters.kind as CollaboratorQuery['kind'],
    },
  ]);
  await recomputeMetrics(db);
  expect(await profilesFresh()).toBe(true);
  const profiled: CollaboratorAnswer[] = [];
  for (const q of queries) profiled.push(await getCollaborators(db, q));
  await markStale();
  expect(await profilesFresh()).toBe(false);
  const walked: CollaboratorAnswer[] = [];
  for (const q of queries) walked.push(await getCollaborators(db, q));
  queries.forEach((q, i) =>
    expectSameRanking(profiled[i]!, walked[i]!, `${q.id} ${JSON.stringify(q)}`),
  );
  await recomputeMetrics(db);
  // The comparison means something only if the sector meta-paths were in the answers.
  const sectorParts = profiled.flatMap((a) =>
    a.candidates.flatMap((c) =>
      c.parts.filter((p) => p.metaPath === 'activity-dpg' || p.metaPath === 'dpg-sector'),
    ),
  );
  return { compared: queries.length, sectorParts: sectorParts.length };
}

describe('collaborators from sector profiles on a synthetic graph', () => {
  beforeAll(async () => {
    await resetGraph(db);
    await loadSyntheticGraph(db, { relationships: 4_000, seed: 11 });
    await recomputeMetrics(db);
  }, 180_000);

  it('stores a profile per candidate that has a sector path, aligned with the sectors', async () => {
    const [row] = await query(
      db,
      `MATCH (m:GraphMetrics {id: 'metrics'})
       MATCH (o:Organisation|Initiative) WHERE o.sectorBacking IS NOT NULL
       RETURN m.profileSectors AS sectors, m.sectorDegrees AS degrees, count(o) AS profiled,
              all(x IN collect(size(o.sectorBacking) = size(m.profileSectors)
                               AND size(o.sectorActivity) = size(m.profileSectors)) WHERE x) AS aligned`,
    );
    const sectors = row!.sectors as string[];
    expect(sectors.length).toBeGreaterThan(3);
    expect([...sectors].sort()).toEqual(sectors);
    expect(row!.aligned).toBe(true);
    expect(Number(row!.profiled)).toBeGreaterThan(20);
    // Each sector's degree is its number of DPGs.
    const [health] = await query(
      db,
      `MATCH (d:DPG) WHERE $sector IN d.sectors RETURN count(d) AS dpgs`,
      { sector: sectors[0] },
    );
    expect((row!.degrees as number[])[0]).toBe(health!.dpgs);
  });

  it('gives the same ranking from the profiles as from walking the graph', async () => {
    const dpgs = await sampleDpgs(8, 3);
    const { compared, sectorParts } = await compareBothWays(dpgs, await sampleFilters());
    expect(compared).toBe(dpgs.length * 4);
    expect(sectorParts).toBeGreaterThan(100);
  }, 120_000);

  it('reads the stored profiles while they are fresh, and walks the graph once stale', async () => {
    const [dpg] = await sampleDpgs(1, 0);
    const honest = await getCollaborators(db, { id: dpg!, membersOnly: false, limit: 5, paths: 1 });
    // An organisation far down the ranking, given a profile no walk would find.
    const last = await getCollaborators(db, {
      id: dpg!,
      membersOnly: false,
      limit: 10_000,
      paths: 1,
    });
    const planted = last.candidates.at(-1)!.id;
    expect(honest.candidates.map((c) => c.id)).not.toContain(planted);
    await query(
      db,
      `MATCH (o:Entity {id: $id}) SET o.sectorBacking = [s IN o.sectorBacking | s + 1000]`,
      { id: planted },
    );
    const fresh = await getCollaborators(db, { id: dpg!, membersOnly: false, limit: 5, paths: 1 });
    expect(fresh.candidates[0]!.id).toBe(planted);
    await markStale();
    const stale = await getCollaborators(db, { id: dpg!, membersOnly: false, limit: 5, paths: 1 });
    expect(summary(stale)).toEqual(summary(honest));
    await recomputeMetrics(db);
    const [row] = await query(db, `MATCH (o:Entity {id: $id}) RETURN o.sectorBacking AS b`, {
      id: planted,
    });
    expect(Math.max(...(row!.b as number[]))).toBeLessThan(1000);
    expect(
      summary(await getCollaborators(db, { id: dpg!, membersOnly: false, limit: 5, paths: 1 })),
    ).toEqual(summary(honest));
  });

  it('are computed at start when the measures predate them', async () => {
    await query(
      db,
      `MATCH (m:GraphMetrics {id: 'metrics'}) REMOVE m.profileSectors, m.sectorDegrees
       WITH 1 AS done MATCH (o:Organisation|Initiative) REMOVE o.sectorBacking, o.sectorActivity`,
    );
    const run = await ensureMetrics(db);
    expect(run?.changedProfiles).toBeGreaterThan(20);
    expect(await ensureMetrics(db)).toBeNull();
    const [row] = await query(
      db,
      `MATCH (m:GraphMetrics {id: 'metrics'}) RETURN m.profileSectors AS s`,
    );
    expect((row!.s as string[]).length).toBeGreaterThan(3);
  });

  it('removes the profile of an organisation left with no sector path', async () => {
    const [row] = await query(
      db,
      `MATCH (o:Organisation) WHERE o.sectorBacking IS NOT NULL
       RETURN o.id AS id ORDER BY COUNT { (o)--() }, o.id LIMIT 1`,
    );
    const id = String(row!.id);
    await db.writeTx(async (tx) => {
      await tx.run(`MATCH (o:Entity {id: $id})-[r]-() DELETE r`, { id });
      await tx.run(cypher('insights/metrics-mark-stale'));
    });
    const run = await recomputeMetrics(db);
    expect(run.changedProfiles).toBeGreaterThan(0);
    const [after] = await query(
      db,
      `MATCH (o:Entity {id: $id}) RETURN o.sectorBacking AS b, o.sectorActivity AS a`,
      { id },
    );
    expect(after).toEqual({ b: null, a: null });
    // Unchanged graph, unchanged profiles: nothing written.
    expect((await recomputeMetrics(db)).changedProfiles).toBe(0);
  });
});

describe.runIf(hasSharedData())('collaborators from sector profiles on the real ecosystem', () => {
  let editor: UserPrincipal;

  beforeAll(async () => {
    await importRealSources(db);
    const user = await createUser(db, { name: 'profiles-editor', role: 'editor' });
    editor = { kind: 'user', id: user.id, name: 'profiles-editor', role: 'editor', via: 'token' };
  }, 180_000);

  it('gives the same ranking from the profiles as from walking the graph', async () => {
    const dpgs = [...new Set(['dpg:dhis2', 'dpg:opencrvs', ...(await sampleDpgs(6, 2))])];
    const { sectorParts } = await compareBothWays(dpgs, await sampleFilters());
    expect(sectorParts).toBeGreaterThan(50);
  }, 120_000);

  it("marks the profiles stale when an editor changes a DPG's sectors, and the answer follows at once", async () => {
    const before = await getCollaborators(db, {
      id: 'dpg:dhis2',
      membersOnly: false,
      limit: 10,
      paths: 1,
    });
    const state = await getEntityState(db, 'dpg:dhis2');
    await updateEntity(db, editor, 'dpg:dhis2', state.version, { sectors: ['Climate'] });
    expect(await profilesFresh()).toBe(false);
    const walked = await getCollaborators(db, {
      id: 'dpg:dhis2',
      membersOnly: false,
      limit: 10,
      paths: 1,
    });
    expect(summary(walked)).not.toEqual(summary(before));
    await recomputeMetrics(db);
    const profiled = await getCollaborators(db, {
      id: 'dpg:dhis2',
      membersOnly: false,
      limit: 10,
      paths: 1,
    });
    expectSameRanking(profiled, walked, 'dpg:dhis2 after the edit');
  });

  it('keeps the profiles out of the entity as users and editors see it', async () => {
    const [row] = await query(
      db,
      `MATCH (o:Organisation) WHERE o.sectorBacking IS NOT NULL RETURN o.id AS id LIMIT 1`,
    );
    const id = String(row!.id);
    const entity = await getEntity(db, id);
    expect(Object.keys(entity.properties)).not.toContain('sectorBacking');
    expect(Object.keys(entity.properties)).not.toContain('sectorActivity');
    const state = await getEntityState(db, id);
    expect(Object.keys(state.properties)).not.toContain('sectorBacking');
  });
});
