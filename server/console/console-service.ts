/**
 * The Cypher console (docs/console.md): an admin's own read query, in layers. The text must pass
 * the static check (cypher-guard.ts); it then runs in a READ access-mode transaction, so Neo4j
 * itself refuses any write the check missed, with a timeout the database enforces; rows are
 * pulled in batches and reading stops at the row limit or the byte cap, whichever comes first.
 * The answer carries the rows as plain JSON and the entities and relationships in them, so the
 * explorer can draw them.
 */
import neo4j, { Neo4jError, type Result } from 'neo4j-driver';
import { AppError } from '../errors.ts';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { checkConsoleQuery, type GuardVerdict } from './cypher-guard.ts';
import { GraphCollector, toConsoleValue } from './console-values.ts';

export interface ConsoleSettings {
  /** The transaction timeout (CONSOLE_TIMEOUT_MS). */
  timeoutMs: number;
  /** The most JSON the rows may take (CONSOLE_MAX_RESULT_BYTES); reading stops before. */
  maxResultBytes: number;
}

export const DEFAULT_CONSOLE_SETTINGS: ConsoleSettings = {
  timeoutMs: 5_000,
  maxResultBytes: 2_000_000,
};

export interface ConsoleRequest {
  query: string;
  params: Record<string, unknown>;
  /** The most rows to return. */
  limit: number;
}

export interface ConsoleGraph {
  /** Ids of the entities in the result, including the ends of its relationships. */
  nodes: string[];
  /** Its relationships between entities. */
  edges: { source: string; target: string; type: string }[];
}

export interface ConsoleAnswer {
  columns: string[];
  rows: unknown[][];
  /** More rows existed than were returned. */
  truncated: boolean;
  /** Which cap cut the rows off: the row limit or the byte cap. */
  truncatedBy: 'rows' | 'bytes' | null;
  elapsedMs: number;
  graph: ConsoleGraph;
}

/** 400: the static check refused the query; details name the clause and where it is. */
export class ConsoleQueryRefusedError extends AppError {
  constructor(verdict: Extract<GuardVerdict, { allowed: false }>) {
    super(verdict.message, 400, 'CONSOLE_QUERY_REFUSED', {
      layer: 'static-check',
      clause: verdict.clause,
      reason: verdict.reason,
      line: verdict.line,
      column: verdict.column,
    });
  }
}

/**
 * 400: Neo4j refused the query (syntax, types, a missing parameter, a write in READ mode).
 * `details.neo4jError` is the last part of Neo4j's code (`SyntaxError`, `ParameterMissing`…):
 * the API never names the driver's error classes.
 */
export class CypherQueryError extends AppError {
  constructor(message: string, neo4jCode: string) {
    const neo4jError = neo4jCode.split('.').pop() ?? 'Unknown';
    const refusedWrite = neo4jCode === 'Neo.ClientError.Statement.AccessMode';
    super(
      refusedWrite ? `The console is read-only; the database refused a write: ${message}` : message,
      400,
      refusedWrite ? 'CONSOLE_QUERY_REFUSED' : 'CYPHER_ERROR',
      refusedWrite ? { layer: 'read-transaction', neo4jError } : { neo4jError },
    );
  }
}

/**
 * 504: the database terminated the query at the console's timeout. A gateway timeout: the
 * database behind the app did not answer in time; the same query will time out again.
 */
export class QueryTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super(
      `The query did not finish within ${timeoutMs} ms and was stopped; narrow it (a LIMIT, a more selective MATCH).`,
      504,
      'QUERY_TIMEOUT',
      { timeoutMs },
    );
  }
}

/**
 * How long past the transaction timeout the console waits for the database before it answers 504
 * itself. The timeout is the database's, and it does not cover everything: measured on Neo4j
 * 5.26, a query nested ~200 deep (`[[[…]]]`, `abs(abs(…))`, `m.a.a.a…`) overflows the parser's
 * stack, the error never reaches the driver, and the request hung for two minutes.
 */
export const WATCHDOG_GRACE_MS = 2_000;

/** Neo4j's messages quote the query and point at the error: useful, and the caller's own text. */
const MAX_MESSAGE_CHARS = 2_000;

const isTimeout = (code: string) =>
  code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
  code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration';

function consoleError(error: unknown, settings: ConsoleSettings): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (isTimeout(error.code)) return new QueryTimeoutError(settings.timeoutMs);
  if (error.code.startsWith('Neo.ClientError.'))
    return new CypherQueryError(error.message.slice(0, MAX_MESSAGE_CHARS), error.code);
  return error;
}

/** JSON parameters as Cypher values: whole numbers become integers (`LIMIT $n` needs one). */
export function toCypherParam(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypherParam);
  // fromEntries defines own properties: a "__proto__" key stays a key.
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, toCypherParam(item)]),
    );
  return value;
}

interface Collected {
  columns: string[];
  rows: unknown[][];
  truncatedBy: 'rows' | 'bytes' | null;
  graph: GraphCollector;
}

/** Reads rows until the limit or the byte cap; one row more than `limit` tells "truncated". */
async function collect(result: Result, limit: number, maxBytes: number): Promise<Collected> {
  const columns = await result.keys();
  const graph = new GraphCollector();
  const rows: unknown[][] = [];
  let bytes = 0;
  let truncatedBy: Collected['truncatedBy'] = null;
  for await (const record of result) {
    if (rows.length === limit) {
      truncatedBy = 'rows';
      break;
    }
    const rowGraph = new GraphCollector();
    const row = columns.map((_, i) => toConsoleValue(record.get(i), rowGraph));
    bytes += Buffer.byteLength(JSON.stringify(row));
    if (bytes > maxBytes) {
      truncatedBy = 'bytes';
      break;
    }
    rows.push(row);
    graph.add(rowGraph);
  }
  return { columns, rows, truncatedBy, graph };
}

/** The entities and relationships of a result, the ends of its relationships looked up by element id. */
async function resultGraph(db: GraphDatabase, collected: GraphCollector): Promise<ConsoleGraph> {
  const entityIds = new Map(collected.entityIds);
  const unknownEnds = new Set<string>();
  for (const rel of collected.relationships.values())
    for (const end of [rel.start, rel.end]) if (!entityIds.has(end)) unknownEnds.add(end);
  if (unknownEnds.size > 0) {
    for (const end of unknownEnds) entityIds.set(end, undefined);
    const rows = await db.read('console/entity-ids', { elementIds: [...unknownEnds] });
    for (const row of rows) entityIds.set(row.elementId as string, row.id as string);
  }
  const edges: ConsoleGraph['edges'] = [];
  for (const rel of collected.relationships.values()) {
    const source = entityIds.get(rel.start);
    const target = entityIds.get(rel.end);
    if (source !== undefined && target !== undefined)
      edges.push({ source, target, type: rel.type });
  }
  const nodes = new Set<string>();
  for (const id of entityIds.values()) if (id !== undefined) nodes.add(id);
  return { nodes: [...nodes], edges };
}

/**
 * Runs `statement` in the READ-transaction layer alone, without the static check: what the
 * console does after the check passed. Exported so a test can prove this layer by itself
 * refuses writes.
 */
export async function executeConsoleRead(
  db: GraphDatabase,
  statement: string,
  params: Record<string, unknown>,
  limit: number,
  settings: ConsoleSettings = DEFAULT_CONSOLE_SETTINGS,
): Promise<ConsoleAnswer> {
  const started = performance.now();
  let collected: Collected;
  let watchdog: NodeJS.Timeout | undefined;
  try {
    const reading = db.readStream(
      statement,
      toCypherParam(params) as Record<string, unknown>,
      {
        timeoutMs: settings.timeoutMs,
        fetchSize: limit + 1,
        metadata: { app: 'dpg-explorer', feature: 'cypher-console' },
      },
      (result) => collect(result, limit, settings.maxResultBytes),
    );
    const givenUp = new Promise<never>((_, reject) => {
      watchdog = setTimeout(
        () => reject(new QueryTimeoutError(settings.timeoutMs)),
        settings.timeoutMs + WATCHDOG_GRACE_MS,
      );
    });
    // A read given up on still ends on its own (readStream closes its session when the database
    // answers or drops the connection); its late failure is nobody's to handle.
    reading.catch(() => undefined);
    collected = await Promise.race([reading, givenUp]);
  } catch (error) {
    throw consoleError(error, settings);
  } finally {
    clearTimeout(watchdog);
  }
  const graph = await resultGraph(db, collected.graph);
  return {
    columns: collected.columns,
    rows: collected.rows,
    truncated: collected.truncatedBy !== null,
    truncatedBy: collected.truncatedBy,
    elapsedMs: Math.round(performance.now() - started),
    graph,
  };
}

/** The console: the static check, then the READ transaction with its timeout and caps. */
export async function runConsoleQuery(
  db: GraphDatabase,
  request: ConsoleRequest,
  settings: ConsoleSettings = DEFAULT_CONSOLE_SETTINGS,
): Promise<ConsoleAnswer> {
  const verdict = checkConsoleQuery(request.query);
  if (!verdict.allowed) throw new ConsoleQueryRefusedError(verdict);
  return executeConsoleRead(db, verdict.statement, request.params, request.limit, settings);
}
