/** App and database status for /api/health and start-up logs. */
import type { GraphDatabase } from '../db/neo4j-client.ts';

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  database: {
    status: 'up' | 'down';
    version?: string;
    edition?: string;
    schemaVersion?: number;
    message?: string;
  };
}

export async function getHealth(db: GraphDatabase, appVersion: string): Promise<Health> {
  try {
    // Through the probe driver: a busy app's full pool must not make the database look down.
    const [info] = await db.probe('admin/database-info');
    const [schema] = await db.probe('admin/schema-version');
    const schemaVersion = Number(schema?.version ?? 0);
    return {
      status: 'ok',
      version: appVersion,
      database: {
        status: 'up',
        version: String(info?.version ?? ''),
        edition: String(info?.edition ?? ''),
        schemaVersion,
      },
    };
  } catch {
    return {
      status: 'degraded',
      version: appVersion,
      database: { status: 'down', message: 'The graph database is unreachable.' },
    };
  }
}
