// An import killed halfway leaves the graph consistent. The import CLI runs as a child process
// against a private Neo4j (faults-fixture.ts); the test watches the database's own list of
// running transactions and SIGKILLs the child while it is writing the relationships of a large
// sheet — after its entities were written in the same transaction. The graph must then equal the
// state before, with every provenance list aligned; a re-run must complete and give exactly the
// graph an uninterrupted import gives.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../server/bootstrap.ts';
import { REPO_ROOT } from '../../server/config.ts';
import { cypher } from '../../server/db/cypher-registry.ts';
import { toPlain, type GraphDatabase } from '../../server/db/neo4j-client.ts';
import { runImport } from '../../server/importers/import-runner.ts';
import { canRunPrivateNeo4j, privateNeo4j } from './faults-fixture.ts';

const neo4j = privateNeo4j('import-kill');
let db: GraphDatabase;
const dir = mkdtempSync(path.join(tmpdir(), 'import-kill-'));
const BEFORE_CSV = path.join(dir, 'before.csv');
const BIG_CSV = path.join(dir, 'big.csv');
const COUNTRIES = ['Kenya', 'Sierra Leone', 'India', 'Brazil', 'Norway', 'Peru', 'Ghana', 'Nepal'];

/** A sheet: each row an activity of one of `organisations`, in a country, with a link. */
function writeSheet(file: string, rows: number, organisations: (i: number) => string) {
  const lines = ['Organization,Activity,Link'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${organisations(i)},"Kill-test activity ${i} of ${path.basename(file)} in ${COUNTRIES[i % COUNTRIES.length]}",https://example.org/${i}`,
    );
  writeFileSync(file, `${lines.join('\n')}\n`);
}

async function rows(cypherText: string) {
  const result = await db.driver.executeQuery(cypherText);
  return result.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
}

/**
 * Every entity, relationship and Source node with all their properties but timestamps (import
 * and computation times), as a digest and counts.
 */
async function fingerprint() {
  const [row] = await rows(`
    MATCH (n:Entity) WITH n ORDER BY n.id
    WITH collect([n.id, labels(n), [k IN keys(n) WHERE NOT k ENDS WITH 'At' | [k, n[k]]]]) AS nodes
    OPTIONAL MATCH (a:Entity)-[r]->(b:Entity)
    WITH nodes, a, r, b ORDER BY a.id, type(r), b.id
    WITH nodes, collect(CASE WHEN r IS NULL THEN null ELSE
      [a.id, type(r), b.id, [k IN keys(r) WHERE NOT k ENDS WITH 'At' | [k, r[k]]]] END) AS rels
    OPTIONAL MATCH (s:Source) WITH nodes, rels, s ORDER BY s.id
    RETURN nodes, rels, collect([s.id, s.checksum, s.kind, s.uri]) AS sources`);
  const sorted = (value: unknown): unknown =>
    Array.isArray(value) && value.every((v) => Array.isArray(v) && typeof v[0] === 'string')
      ? [...value].sort((x, y) => String(x[0]).localeCompare(String(y[0])))
      : value;
  const nodes = (row!.nodes as unknown[][]).map(([id, labels, props]) => [
    id,
    labels,
    sorted(props),
  ]);
  const rels = (row!.rels as unknown[][]).map(([a, t, b, props]) => [a, t, b, sorted(props)]);
  return {
    nodes: nodes.length,
    relationships: rels.length,
    sources: (row!.sources as unknown[][]).map((s) => s[0]),
    digest: createHash('sha256')
      .update(JSON.stringify([nodes, rels, row!.sources]))
      .digest('hex'),
  };
}

/** What must hold after any import, finished or not: provenance complete and aligned. */
async function expectConsistent() {
  const [problems] = await rows(`
    CALL () {
      MATCH (n:Entity)
      WHERE n.sources IS NULL OR size(n.sources) = 0 OR size(n.sources) <> size(n.evidence)
      RETURN count(n) AS badNodes
    }
    CALL () {
      MATCH (:Entity)-[r]->(:Entity)
      WHERE r.sources IS NULL OR size(r.sources) = 0 OR size(r.sources) <> size(r.evidence)
      RETURN count(r) AS badRelationships
    }
    CALL () {
      MATCH (n:Entity) UNWIND n.sources AS s WITH DISTINCT s
      WHERE NOT EXISTS { MATCH (:Source {id: s}) } RETURN collect(s) AS nodeSourcesMissing
    }
    CALL () {
      MATCH (:Entity)-[r]->(:Entity) UNWIND r.sources AS s WITH DISTINCT s
      WHERE NOT EXISTS { MATCH (:Source {id: s}) } RETURN collect(s) AS relationshipSourcesMissing
    }
    CALL () {
      MATCH (s:Source)
      WHERE NOT EXISTS { MATCH (n:Entity) WHERE s.id IN n.sources }
      RETURN collect(s.id) AS sourcesStatingNothing
    }
    RETURN *`);
  expect(problems).toEqual({
    badNodes: 0,
    badRelationships: 0,
    nodeSourcesMissing: [],
    relationshipSourcesMissing: [],
    sourcesStatingNothing: [],
  });
}

/** The import CLI as a child (node itself, not a wrapper, so a signal reaches the importer). */
function importCli(file: string): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli/import.ts', 'activities-csv', file, '--json'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: neo4j.config.uri, NEO4J_PASSWORD: neo4j.config.password },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (code !== 0 && code !== null) console.error(`import CLI exited ${code}: ${stderr}`);
      resolve(code);
    }),
  );
  return { child, exited };
}

/** Polls the database's running transactions until one runs `statement`, or `deadline` passes. */
async function waitForStatement(statement: string, exited: Promise<unknown>, deadlineMs: number) {
  let gone = false;
  void exited.then(() => (gone = true));
  const until = Date.now() + deadlineMs;
  while (!gone && Date.now() < until) {
    const running = await rows(
      `SHOW TRANSACTIONS YIELD currentQuery, status RETURN currentQuery, status`,
    );
    if (running.some((t) => t.currentQuery === statement)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** Waits until the database has rolled back every transaction of the killed client. */
async function waitForNoImportTransactions() {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const others = await rows(
      `SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n`,
    );
    if (others[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the killed import’s transaction is still open after 60 s');
}

describe.runIf(canRunPrivateNeo4j())('an import killed while writing', () => {
  let uninterrupted: Awaited<ReturnType<typeof fingerprint>>;

  beforeAll(async () => {
    await neo4j.start();
    ({ db } = await connect(neo4j.config));
    // Shared organisations: the big sheet adds its provenance to entities that already exist.
    writeSheet(BEFORE_CSV, 40, (i) => `Harden Shared Org ${i % 10}`);
    writeSheet(BIG_CSV, 2500, (i) =>
      i % 10 === 0 ? `Harden Shared Org ${i % 7}` : `Harden Big Org ${i % 250}`,
    );
    // The reference: both sheets imported without interruption.
    await db.write('admin/wipe');
    await runImport(db, { kind: 'activities-csv', location: BEFORE_CSV });
    await runImport(db, { kind: 'activities-csv', location: BIG_CSV });
    uninterrupted = await fingerprint();
    await db.write('admin/wipe');
    await runImport(db, { kind: 'activities-csv', location: BEFORE_CSV });
  }, 600_000);

  afterAll(async () => {
    await db?.close();
    await neo4j.stop();
  }, 120_000);

  it('leaves the graph as it was, and a re-run gives the uninterrupted result', async () => {
    const before = await fingerprint();
    expect(before.sources).toEqual(['source:activities-csv:before']);
    expect(uninterrupted.relationships).toBeGreaterThan(before.relationships + 4000);

    const { child, exited } = importCli(BIG_CSV);
    // Its entities are written; its relationships are being written, in the same transaction.
    const writing = await waitForStatement(cypher('import/merge-relationships'), exited, 300_000);
    expect(writing, 'the import was seen writing its relationships').toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toBeNull();
    await waitForNoImportTransactions();

    const afterKill = await fingerprint();
    expect(afterKill).toEqual(before);
    await expectConsistent();

    const rerun = importCli(BIG_CSV);
    expect(await rerun.exited).toBe(0);
    expect(await fingerprint()).toEqual(uninterrupted);
    await expectConsistent();
  }, 600_000);
});
