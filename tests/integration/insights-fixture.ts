/**
 * Shared checks of the insights tests: that an explaining path is a real chain of relationships
 * in the graph (each edge verified with a MATCH), and that a candidate is not tied to a DPG.
 */
import { expect } from 'vitest';
import type { GraphDatabase } from '../../server/db/neo4j-client.ts';
import { query } from '../support/graph-fixture.ts';

interface PathLike {
  nodes: { id: string }[];
  relationships: { type: string; from: string; to: string }[];
  hub?: { type: string; label: string };
}

/** Every relationship of every path exists as stated, and joins consecutive nodes. */
export async function expectPathsExist(db: GraphDatabase, paths: PathLike[]): Promise<void> {
  expect(paths.length).toBeGreaterThan(0);
  const rels = new Map<string, { type: string; from: string; to: string }>();
  for (const path of paths) {
    expect(path.relationships).toHaveLength(path.nodes.length - 1);
    path.relationships.forEach((r, i) => {
      const ends = [path.nodes[i]!.id, path.nodes[i + 1]!.id].sort();
      expect([r.from, r.to].sort()).toEqual(ends);
      rels.set(`${r.from}|${r.type}|${r.to}`, r);
    });
  }
  const rows = await query(
    db,
    `UNWIND $rels AS r
     RETURN r.from + '|' + r.type + '|' + r.to AS key,
            COUNT { MATCH (a:Entity {id: r.from})-[x]->(b:Entity {id: r.to}) WHERE type(x) = r.type } AS found`,
    { rels: [...rels.values()] },
  );
  expect(rows.filter((r) => Number(r.found) !== 1)).toEqual([]);
  expect(rows).toHaveLength(rels.size);
}

/** Sector paths end at a DPG that shares the hub's sector with the target DPG. */
export async function expectSectorsShared(
  db: GraphDatabase,
  target: string,
  paths: PathLike[],
): Promise<void> {
  const checks = paths
    .filter((p) => p.hub?.type === 'Sector')
    .map((p) => ({ dpg: p.nodes.at(-1)!.id, sector: p.hub!.label }));
  const [row] = await query(
    db,
    `MATCH (x:DPG {id: $target})
     UNWIND $checks AS c
     MATCH (y:DPG {id: c.dpg})
     RETURN count(*) AS n, sum(CASE WHEN c.sector IN x.sectors AND c.sector IN y.sectors THEN 1 ELSE 0 END) AS ok`,
    { target, checks },
  );
  expect(Number(row?.ok)).toBe(checks.length);
}

/** Ids of the given candidates that are tied to the DPG (should be none). */
export async function tiedTo(db: GraphDatabase, dpg: string, ids: string[]): Promise<string[]> {
  const rows = await query(
    db,
    `MATCH (x:DPG {id: $dpg})
     UNWIND $ids AS id
     MATCH (o:Entity {id: id})
     WHERE EXISTS { (o)--(x) }
        OR EXISTS { (o)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)-[:INVOLVES]->(x) }
        OR EXISTS { (o)-[:RUNS]-()--(x) }
     RETURN o.id AS id`,
    { dpg, ids },
  );
  return rows.map((r) => String(r.id));
}
