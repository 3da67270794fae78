/** Vitest global setup: starts (or reuses) the test database and applies the schema once. */
import type { TestProject } from 'vitest/node';
import { connect } from '../../server/bootstrap.ts';
import { startTestDatabase } from './test-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database?: string };
    appUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { config, stop } = await startTestDatabase((line) => console.log(`[test neo4j] ${line}`));
  const { db } = await connect(config);
  await db.close();
  project.provide('neo4j', config);
  return stop;
}
