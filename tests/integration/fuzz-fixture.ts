/**
 * The fuzz harness's world: a small graph written through the import writer (organisations, an
 * activity, DPGs, countries, an SDG, a group, an initiative, with provenance), accounts with API
 * tokens, one annotation, one saved view and one finished import job, the app served without
 * rate limits; a fingerprint of the whole database (for "a rejected write changed nothing") and
 * the invariants an accepted write must keep.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createToken, createUser } from '../../server/auth/accounts.ts';
import type { UserPrincipal } from '../../server/auth/roles.ts';
import { createAnnotation } from '../../server/curation/annotations.ts';
import { createView } from '../../server/curation/saved-views.ts';
import { createEntity, deleteEntity } from '../../server/curation/entity-edits.ts';
import { mergeEntities } from '../../server/curation/entity-merge.ts';
import type { GraphDatabase } from '../../server/db/neo4j-client.ts';
import { ENTITY_ID_PATTERN } from '../../server/api/schemas.ts';
import { FactSet } from '../../server/importers/graph/graph-facts.ts';
import { writeFacts } from '../../server/importers/graph/graph-writer.ts';
import { recomputeMetrics } from '../../server/insights/metrics-service.ts';
import { getImportJob, startImportJob } from '../../server/services/import-jobs.ts';
import { openTestDatabase, query, resetGraph } from '../support/graph-fixture.ts';
import { FUZZ_IDS, type FuzzContext } from './fuzz-route-catalogue.ts';

export const ADMIN_TOKEN = 'fuzz-admin-token-0123456789abcdef';
const SESSION_SECRET = 'fuzz-session-secret-0123456789abcdef01234';
const PASSWORD = 'fuzz correct horse battery staple';
const ID = FUZZ_IDS;

/** A members document the members importer accepts (import requests send it as content). */
export const MEMBERS_DOCUMENT = JSON.stringify({
  source: 'fuzz',
  members: ['UNICEF', 'GIZ', 'Google'],
  board: ['UNICEF'],
});

// ---------------------------------------------------------------------------------------------
// The graph
// ---------------------------------------------------------------------------------------------

/** Writes the fuzz graph as one imported source, like any importer would. */
export async function writeFuzzGraph(db: GraphDatabase): Promise<void> {
  const facts = new FactSet();
  const evidence = 'fuzz fixture';
  const node = (id: string, label: Parameters<FactSet['addNode']>[0]['label'], props = {}) =>
    facts.addNode({ id, label, props: { name: id.split(':')[1]!, ...props }, evidence });
  const link = (
    from: string,
    type: Parameters<FactSet['addRelationship']>[0]['type'],
    to: string,
    props = {},
  ) => facts.addRelationship({ from, type, to, props, evidence });
  node(ID.unicef, 'Organisation', { name: 'UNICEF', kind: 'un-agency' });
  node(ID.giz, 'Organisation', { name: 'GIZ', kind: 'government' });
  node(ID.google, 'Organisation', { name: 'Google', kind: 'company' });
  node(ID.spare, 'Organisation', { name: 'Fuzz Spare', kind: 'ngo' });
  node(ID.duplicate, 'Organisation', { name: 'Google LLC', kind: 'company' });
  node(ID.dpga, 'Organisation', { name: 'Digital Public Goods Alliance', kind: 'network' });
  node(ID.board, 'Group', { name: 'DPGA Board Members' });
  node(ID.activity, 'Activity', { name: 'Fuzz AI community', description: 'A community.' });
  node(ID.dhis2, 'DPG', { name: 'DHIS2', sectors: ['Health'], types: ['software'], stage: 'DPG' });
  node(ID.mosip, 'DPG', { name: 'MOSIP', sectors: ['Health', 'Identity'], stage: 'DPG' });
  node('dpg:fuzz-tricky', 'DPG', {
    name: `"}) DETACH DELETE n // <b>&amp;</b> =cmd|' /C calc'!A0`,
  });
  node(ID.sierraLeone, 'Country', { name: 'Sierra Leone', iso2: 'SL' });
  node(ID.norway, 'Country', { name: 'Norway', iso2: 'NO' });
  node(ID.sdg3, 'SDG', { name: 'Good Health and Well-being', number: 3 });
  node(ID.fund, 'Initiative', { name: 'Fuzz Venture Fund' });
  link(ID.unicef, 'LEADS', ID.activity);
  link(ID.giz, 'CO_LEADS', ID.activity);
  link(ID.duplicate, 'PARTICIPATES_IN', ID.activity);
  link(ID.board, 'PARTICIPATES_IN', ID.activity);
  link(ID.activity, 'INVOLVES', ID.dhis2);
  link(ID.activity, 'TAKES_PLACE_IN', ID.sierraLeone);
  link(ID.unicef, 'MEMBER_OF', ID.dpga, { board: true });
  link(ID.giz, 'MEMBER_OF', ID.dpga, { board: false });
  link(ID.unicef, 'MEMBER_OF', ID.board);
  link(ID.unicef, 'RUNS', ID.fund);
  link(ID.fund, 'FUNDS', ID.mosip);
  link(ID.giz, 'OWNS', ID.mosip);
  link(ID.spare, 'FUNDS', ID.dhis2);
  link(ID.dhis2, 'ADVANCES', ID.sdg3);
  link(ID.mosip, 'ADVANCES', ID.sdg3);
  link(ID.dhis2, 'DEPLOYED_IN', ID.sierraLeone);
  link(ID.mosip, 'DEPLOYED_IN', ID.sierraLeone);
  link(ID.dhis2, 'DEVELOPED_IN', ID.norway);
  link('dpg:fuzz-tricky', 'DEPLOYED_IN', ID.norway);
  await writeFacts(
    db,
    {
      id: 'source:test:fuzz',
      kind: 'test',
      uri: 'test://fuzz',
      title: 'Fuzz fixture',
      checksum: 'fuzz',
    },
    facts,
  );
}

/** Removes every node but accounts, tokens, import jobs and the schema version. */
export async function clearData(db: GraphDatabase): Promise<void> {
  await query(
    db,
    'MATCH (n) WHERE NOT (n:User OR n:ApiToken OR n:ImportJob OR n:SchemaVersion) DETACH DELETE n',
  );
}

const principal = (account: { id: string; name: string }, role: UserPrincipal['role']) =>
  ({ kind: 'user', id: account.id, name: account.name, role, via: 'token' }) as UserPrincipal;

export interface Accounts {
  viewer: { id: string; name: string; token: string };
  editor: { id: string; name: string; token: string };
}

async function createAccounts(db: GraphDatabase): Promise<Accounts> {
  const out = {} as Accounts;
  for (const role of ['viewer', 'editor'] as const) {
    const name = `fuzz-${role}`;
    const user = await createUser(db, { name, role, password: PASSWORD });
    out[role] = { id: user.id, name, token: (await createToken(db, name, 'fuzz')).token };
  }
  return out;
}

/** The curation records the routes edit: one annotation (by the editor), one view (the viewer's). */
async function writeCurationRecords(db: GraphDatabase, accounts: Accounts): Promise<void> {
  await createAnnotation(db, principal(accounts.editor, 'editor'), {
    topic: ID.activity,
    subject: ID.giz,
    stance: 'supportive',
    priority: 'high',
    notes: 'Fuzz fixture',
    tags: ['fuzz'],
  });
  await createView(db, principal(accounts.viewer, 'viewer'), {
    name: 'Fuzz fixture view',
    state: { entities: [ID.unicef, ID.giz], filters: {}, positions: {} },
  });
  // A merge for the undo route to undo: two organisations of the fixture's own, so the merge
  // route's pair stays unmerged.
  const editor = principal(accounts.editor, 'editor');
  const twins = [];
  for (const name of ['Fuzz Merge Keeper', 'Fuzz Merge Twin'])
    twins.push(
      await createEntity(db, editor, {
        type: 'Organisation',
        properties: { name, kind: 'ngo', website: 'https://merge.example.org' },
      }),
    );
  await mergeEntities(db, editor, {
    keep: twins[0]!.id,
    remove: twins[1]!.id,
    keepVersion: twins[0]!.version,
    removeVersion: twins[1]!.version,
  });
  // A delete for the delete-undo route to undo: an organisation of the fixture's own, linked to
  // one the fuzz leaves alone, so its restore brings a relationship back too.
  const doomed = await createEntity(db, editor, {
    type: 'Organisation',
    properties: { name: 'Fuzz Deleted', kind: 'ngo', website: 'https://deleted.example.org' },
  });
  await query(
    db,
    `MATCH (d:Entity {id: $id}), (m:Entity {id: $mosip})
     CREATE (d)-[:FUNDS {sources: ['source:test:fuzz'], evidence: ['fuzz fixture'], version: 2}]->(m)`,
    { id: doomed.id, mosip: ID.mosip },
  );
  await deleteEntity(db, editor, doomed.id, doomed.version);
}

/** Waits for an import job to finish; answers its final state. */
export async function waitForJob(db: GraphDatabase, id: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await getImportJob(db, id);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > until) throw new Error(`import job ${id} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// ---------------------------------------------------------------------------------------------
// The whole database, for "nothing changed"
// ---------------------------------------------------------------------------------------------

/**
 * A fingerprint of every node (labels and properties) and every relationship in the database —
 * accounts, sessions, audit events, jobs included — to prove a rejected request wrote nothing.
 */
export async function databaseSnapshot(db: GraphDatabase, options: { except?: string[] } = {}) {
  const [row] = await query(
    db,
    `MATCH (n) WHERE none(l IN labels(n) WHERE l IN $except)
     WITH n ORDER BY elementId(n)
     WITH collect([labels(n), properties(n)]) AS nodes
     OPTIONAL MATCH (a)-[r]->(b)
     WHERE none(l IN labels(a) + labels(b) WHERE l IN $except)
     WITH nodes, a, r, b ORDER BY elementId(r)
     WITH nodes, collect(CASE WHEN r IS NULL THEN null
                              ELSE [elementId(a), type(r), elementId(b), properties(r)] END) AS rels
     RETURN size(nodes) AS nodes, size(rels) AS relationships, nodes AS nodeList, rels AS relList,
            size([n IN nodes WHERE 'AuditEvent' IN n[0]]) AS audits`,
    { except: options.except ?? [] },
  );
  // Commit receipts (server/db/commit-receipts.ts) are counted, not digested: a committed write
  // that changed nothing else (an edit setting what is stored) differs by its receipt alone.
  const nodeList = (row?.nodeList ?? []) as [string[], unknown][];
  const data = nodeList.filter(([labels]) => !labels.includes('CommitReceipt'));
  const digest = createHash('sha256')
    .update(JSON.stringify([data, row?.relList]))
    .digest('hex');
  return {
    nodes: Number(row?.nodes),
    relationships: Number(row?.relationships),
    audits: Number(row?.audits),
    receipts: nodeList.length - data.length,
    digest,
  };
}

/** What must hold of the graph after any accepted write; answers the violations found. */
export async function invariantViolations(db: GraphDatabase): Promise<string[]> {
  const rows = await query(
    db,
    `MATCH (n:Entity)
     WHERE n.sources IS NULL OR size(n.sources) = 0
        OR size(n.sources) <> size(coalesce(n.evidence, []))
        OR size([l IN labels(n) WHERE l IN $types]) <> 1
     RETURN 'entity ' + coalesce(n.id, '?') + ' has misaligned provenance or labels' AS problem
     UNION ALL
     MATCH (a:Entity)-[r]->(b:Entity)
     WHERE r.sources IS NULL OR size(r.sources) = 0
        OR size(r.sources) <> size(coalesce(r.evidence, []))
     RETURN a.id + ' ' + type(r) + ' ' + b.id + ' has misaligned provenance' AS problem
     UNION ALL
     MATCH (n:Entity) WITH n.id AS id, count(*) AS copies WHERE copies > 1
     RETURN 'entity ' + id + ' exists ' + toString(copies) + ' times' AS problem
     UNION ALL
     MATCH (n:Entity) RETURN 'id ' + n.id AS problem`,
    { types: ['Organisation', 'Activity', 'DPG', 'Country', 'SDG', 'Group', 'Initiative'] },
  );
  return rows
    .map((r) => String(r.problem))
    .filter((p) => !p.startsWith('id ') || !ENTITY_ID_PATTERN.test(p.slice(3)))
    .map((p) => (p.startsWith('id ') ? `entity id ${p.slice(3)} is not addressable` : p));
}

// ---------------------------------------------------------------------------------------------
// The environment of a fuzz file
// ---------------------------------------------------------------------------------------------

export type Snapshot = Awaited<ReturnType<typeof databaseSnapshot>>;

export interface FuzzEnvironment {
  db: GraphDatabase;
  url: string;
  accounts: Accounts;
  context: FuzzContext;
  /** Restores the fixture after an accepted write. */
  restore(): Promise<void>;
  /** The database as the last rejected case left it (null when unknown: take one). */
  known: Snapshot | null;
}

/**
 * Sets up a fuzz file: clears the database, writes the fixture graph (and the network measures
 * when `metrics`), creates the accounts and curation records, serves the app.
 */
export function useFuzzEnvironment(options: { metrics?: boolean } = {}): () => FuzzEnvironment {
  const db = openTestDatabase();
  let env: FuzzEnvironment | undefined;
  let server: Server;
  let jobId = '';

  const build = async () => {
    await writeFuzzGraph(db);
    if (options.metrics) await recomputeMetrics(db);
    await writeCurationRecords(db, env!.accounts);
  };

  beforeAll(async () => {
    await resetGraph(db);
    const accounts = await createAccounts(db);
    server = createApp(db, {
      webDist: '/nonexistent',
      adminToken: ADMIN_TOKEN,
      auth: { sessionSecret: SESSION_SECRET },
      rateLimit: false,
      // The registries the import fuzz serves on loopback, allowed as an operator would.
      importUrlPolicy: { allowPrivate: false, allowHosts: ['127.0.0.1'] },
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const version = async (cypher: string, params: Record<string, unknown>) =>
      Number((await query(db, cypher, params))[0]?.v ?? 0);
    const latest = async (label: 'Annotation' | 'SavedView') => {
      const [row] = await query(
        db,
        `MATCH (x:${label}) RETURN x.id AS id, coalesce(x.version, 0) AS v ORDER BY x.createdAt DESC LIMIT 1`,
      );
      if (!row) throw new Error(`the fuzz fixture has no ${label}`);
      return { id: String(row.id), version: Number(row.v) };
    };
    env = {
      db,
      url,
      accounts,
      context: {
        ids: FUZZ_IDS,
        entityVersion: (id) =>
          version('MATCH (n:Entity {id: $id}) RETURN coalesce(n.version, 0) AS v', { id }),
        relationshipVersion: (from, type, to) =>
          version(
            'MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE type(r) = $type RETURN coalesce(r.version, 0) AS v',
            { from, type, to },
          ),
        annotation: () => latest('Annotation'),
        view: () => latest('SavedView'),
        mergeAudit: async () => {
          const [row] = await query(
            db,
            "MATCH (e:AuditEvent {action: 'entity.merge', entityId: 'org:fuzz-merge-keeper'}) WHERE e.undoneBy IS NULL RETURN e.id AS id",
          );
          if (!row) throw new Error('the fuzz fixture has no merge to undo');
          return String(row.id);
        },
        deleteAudit: async () => {
          const [row] = await query(
            db,
            "MATCH (e:AuditEvent {action: 'entity.delete', entityId: 'org:fuzz-deleted'}) WHERE e.undoneBy IS NULL RETURN e.id AS id",
          );
          if (!row) throw new Error('the fuzz fixture has no delete to undo');
          return String(row.id);
        },
        importJob: async () => jobId,
        membersDocument: MEMBERS_DOCUMENT,
        account: { name: accounts.viewer.name, password: PASSWORD },
      },
      restore: async () => {
        await clearData(db);
        await build();
        env!.known = null;
      },
      known: null,
    };
    await build();
    const job = await startImportJob(db, {
      kind: 'members',
      location: 'members.json',
      content: MEMBERS_DOCUMENT,
      dryRun: true,
    });
    jobId = (await waitForJob(db, job.id)).id;
    await db.read('admin/await-indexes', { timeoutSeconds: 30 });
  }, 180_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(() => resolve(undefined)));
    await resetGraph(db);
    await db.close();
  });

  return () => {
    if (!env) throw new Error('the fuzz environment is used before beforeAll ran');
    return env;
  };
}
