/**
 * Every Cypher statement the app runs lives in cypher/ as a named .cypher file; this registry is
 * the only way code reaches them, so a statement's name is checked at compile time and a test can
 * prove that every file is used and valid (EXPLAIN) against the seeded database.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../cypher',
);

export const CYPHER_NAMES = [
  'admin/database-info',
  'admin/schema-version',
  'admin/set-schema-version',
  'admin/count-entities',
  'admin/wipe',
  'admin/await-indexes',
  'admin/revision-probe',
  'admin/server-start-time',
  'admin/record-commit-receipt',
  'admin/find-commit-receipt',
  'admin/prune-commit-receipts',
  'import/load-gazetteer',
  'import/upsert-source',
  'import/merge-nodes',
  'import/merge-relationships',
  'import/retract-nodes',
  'import/retract-relationships',
  'import/list-source-resolutions',
  'bench/count-relationships',
  'bench/naive-merge-entity',
  'bench/naive-merge-relationship',
  'bench/wipe-batch',
  'import-jobs/create-job',
  'import-jobs/update-job',
  'import-jobs/get-job',
  'import-jobs/list-jobs',
  'entity/get-entity',
  'entity/get-neighbours',
  'entity/get-sources',
  'search/fulltext-search',
  'graph/overview',
  'graph/overview-summary',
  'graph/nodes-by-ids',
  'graph/edges-among',
  'graph/expand-frontier',
  'graph/expand-preferred',
  'graph/shortest-paths',
  'graph/shortest-paths-avoiding',
  'graph/paths-of-length',
  'graph/paths-of-length-avoiding',
  'graph/ranked-ids',
  'graph/relationship-details',
  'query/neighbour-summary',
  'query/stats',
  'query/facets',
  'insights/collaborator-scores',
  'insights/collaborator-evidence',
  'insights/collaborator-presence',
  'insights/stakeholder-paths',
  'insights/sectors',
  'insights/country-topics',
  'insights/entity-ref',
  'insights/entity-ties',
  'insights/organisation-ties',
  'insights/ties-among',
  'insights/gaps',
  'insights/metrics-state',
  'insights/metrics-version',
  'insights/metrics-mark-stale',
  'insights/metrics-claim-recompute',
  'insights/metrics-recompute-heartbeat',
  'insights/metrics-release-recompute',
  'insights/metrics-graph-entities',
  'insights/metrics-graph-relationships',
  'insights/write-node-metrics',
  'insights/write-sector-profiles',
  'insights/write-graph-metrics',
  'insights/metrics-summary',
  'auth/account-exists',
  'auth/create-session',
  'auth/create-token',
  'auth/create-user',
  'auth/delete-session',
  'auth/find-user',
  'auth/list-users',
  'auth/revoke-token',
  'auth/session-principal',
  'auth/token-principal',
  'auth/update-user',
  'curation/clear-tombstone',
  'curation/create-annotation',
  'curation/create-entity',
  'curation/create-view',
  'curation/delete-annotation',
  'curation/delete-entity',
  'curation/delete-relationship',
  'curation/delete-view',
  'curation/entity-delete-undo-record',
  'curation/entity-relationships',
  'curation/entity-types',
  'curation/find-redirects',
  'curation/find-relationship',
  'curation/get-relationship',
  'curation/get-view',
  'curation/import-guards',
  'curation/import-redirects',
  'curation/list-annotations',
  'curation/list-audit',
  'curation/list-views',
  'curation/lock-annotation',
  'curation/lock-audit-event',
  'curation/lock-entity',
  'curation/lock-relationship',
  'curation/lock-view',
  'curation/mark-undone',
  'curation/merge-finish',
  'curation/merge-move-incoming',
  'curation/merge-move-outgoing',
  'curation/merge-undo-record',
  'curation/record-audit',
  'curation/relationship-delete-undo-record',
  'curation/restore-annotations',
  'curation/restore-entity',
  'curation/restore-entity-state',
  'curation/restore-relationship-state',
  'curation/restore-relationships',
  'curation/state-relationship',
  'curation/take-entity-annotations',
  'curation/unmerge-keep',
  'curation/unmerge-lock-relationships',
  'curation/unmerge-relationships-of-keep',
  'curation/unmerge-restore-entity',
  'curation/unmerge-restore-relationships',
  'curation/unmerge-state',
  'curation/update-annotation',
  'curation/update-entity',
  'curation/update-relationship',
  'curation/update-view',
  'curation/upsert-editor-source',
  'console/entity-ids',
] as const;
export type CypherName = (typeof CYPHER_NAMES)[number];

const cache = new Map<CypherName, string>();

/** The text of a named statement as sent to Neo4j (read once, then cached): see {@link statementText}. */
export function cypher(name: CypherName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = statementText(readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8'));
    cache.set(name, text);
  }
  return text;
}

/**
 * Reads every named statement now, so a server holds the statements of the code it started with:
 * read lazily, a statement changed on disk under a running server (a checkout, a deploy) was
 * sent with the parameters the old code passes, and failed. A missing file stops the start
 * instead of failing its first request.
 */
export function loadAllStatements(): number {
  for (const name of CYPHER_NAMES) cypher(name);
  return CYPHER_NAMES.length;
}

/**
 * A .cypher file without its whole-line `//` comments, indentation and blank lines. The files
 * explain themselves at length, and the driver writes a message to the socket whenever its
 * 1,400-byte buffer fills: a commented statement cost one more socket write on each side of every
 * query that ran it (10 writes for the four statements of a path request instead of 6). No named
 * statement has a string spanning lines, so only layout and comments go.
 */
export function statementText(fileText: string): string {
  return fileText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('//'))
    .join('\n');
}

/** Schema migrations, ordered by their numeric prefix: `cypher/schema/0001-name.cypher`. */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export function loadMigrations(dir = path.join(CYPHER_DIR, 'schema')): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-.+\.cypher$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.cypher$/, ''),
      statements: splitStatements(readFileSync(path.join(dir, file), 'utf8')),
    }));
}

/** Splits a schema file into statements; comments are whole lines starting with `//`. */
export function splitStatements(text: string): string[] {
  return statementText(text)
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
