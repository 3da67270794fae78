/** App and database status for /api/health and start-up logs. */
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { currentSchemaVersion } from '../db/migrations.ts';

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
    const [info] = await db.read('admin/database-info');
    const schemaVersion = await currentSchemaVersion(db);
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
