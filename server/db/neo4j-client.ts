/**
 * The one place that talks to neo4j-driver: runs named Cypher in managed transactions (reads in
 * executeRead, writes in executeWrite, so a cluster routes them), converts driver values to plain
 * JSON-friendly values, and maps connection failures to DatabaseUnavailableError.
 */
import neo4j, {
  type Driver,
  type ManagedTransaction,
  isInt,
  isDate,
  isDateTime,
} from 'neo4j-driver';
import { DatabaseUnavailableError } from '../errors.ts';
import type { Neo4jConfig } from '../config.ts';
import { cypher, type CypherName } from './cypher-registry.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Creates the process's single driver. Fails fast rather than hanging when the database is down. */
export function createDriver(config: Neo4jConfig): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    disableLosslessIntegers: false,
  });
}

/** Converts driver values (Integer, temporal types, nested lists and maps) into plain values. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDateTime(value) || isDate(value)) return value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

function mapDriverError(error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code && UNAVAILABLE_CODES.has(code)) return new DatabaseUnavailableError();
  return error;
}

/** Query access handed to services; wraps one driver and the database name. */
export class GraphDatabase {
  constructor(
    readonly driver: Driver,
    private readonly database?: string,
  ) {}

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  /** Runs one named read query and returns its rows as plain objects. */
  async read(name: CypherName, params: Params = {}): Promise<Row[]> {
    return this.readTx((tx) => run(tx, name, params));
  }

  /** Runs one named write query in its own transaction. */
  async write(name: CypherName, params: Params = {}): Promise<Row[]> {
    return this.writeTx((tx) => run(tx, name, params));
  }

  /** Several reads in one transaction (one consistent snapshot). */
  async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead(work);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Several writes in one transaction: all of them land or none does. */
  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** Runs a named statement inside a transaction and maps the records to plain rows. */
export async function run(
  tx: ManagedTransaction,
  name: CypherName,
  params: Params = {},
): Promise<Row[]> {
  const result = await tx.run(cypher(name), params);
  return result.records.map((record) => toPlain(record.toObject()) as Row);
}
