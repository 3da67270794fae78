import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { GraphDatabase, run } from '../../server/db/neo4j-client.ts';
import { startWithoutStack } from '../../server/db/query-stack.ts';

describe('startWithoutStack', () => {
  it('starts with stack capture off and restores the limit, also when the start throws', () => {
    const before = Error.stackTraceLimit;
    expect(startWithoutStack(() => Error.stackTraceLimit)).toBe(0);
    expect(new Error('x').stack).toContain('\n    at ');
    expect(() =>
      startWithoutStack(() => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(Error.stackTraceLimit).toBe(before);
  });
});

describe('a failed query', () => {
  // As the driver fails a query: an error created while the query started (no frames captured,
  // as in Result's constructor), delivered later.
  const failingTx = {
    run: () => {
      const error = new Error('Neo.ClientError.Statement.SyntaxError');
      return Promise.reject(error);
    },
  } as unknown as ManagedTransaction;

  // Awaits, as the services do: V8 lists only awaiting callers among the async frames.
  async function readTheNeighbourhoodForTheTest(): Promise<unknown> {
    const rows = await run(failingTx, 'graph/nodes-by-ids', { ids: [] });
    return rows;
  }

  it('carries the stack of the code that awaited it, async callers included', async () => {
    const error = (await readTheNeighbourhoodForTheTest().catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.stack).toContain('Neo.ClientError.Statement.SyntaxError');
    expect(error.stack).toContain('readTheNeighbourhoodForTheTest');
  });
});

describe('a failure through GraphDatabase', () => {
  const syntaxError = () => new Error('Neo.ClientError.Statement.SyntaxError');
  const answered = (records: unknown[]) => {
    const result = { records, summary: () => Promise.resolve({}) };
    return { ...result, then: (ok: never, ko: never) => Promise.resolve(result).then(ok, ko) };
  };
  // A driver whose auto-commit queries and commits fail as Neo4j's would (the error is not
  // retried: no code says transient or connection); the failed commit's receipt is not there.
  const failingDriver = {
    session: () => ({
      run: (text: string) =>
        text.includes('CommitReceipt')
          ? answered([{ get: () => false }])
          : Promise.reject(syntaxError()),
      beginTransaction: () => ({
        run: () => answered([]),
        commit: () => Promise.reject(syntaxError()),
        isOpen: () => false,
        rollback: () => Promise.resolve(),
      }),
      close: () => Promise.resolve(),
    }),
  } as unknown as Driver;
  const db = new GraphDatabase(failingDriver);

  async function searchTheGraphForTheTest(): Promise<unknown> {
    const rows = await db.read('graph/nodes-by-ids', { ids: [] });
    return rows;
  }

  async function commitAnEditForTheTest(): Promise<unknown> {
    const rows = await db.writeTx((tx) => run(tx, 'graph/nodes-by-ids', { ids: [] }));
    return rows;
  }

  it('names the service that read, whatever GraphDatabase did in between', async () => {
    const error = (await searchTheGraphForTheTest().catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(error.stack).toContain('searchTheGraphForTheTest');
  });

  it('names the service whose transaction failed to commit', async () => {
    const error = (await commitAnEditForTheTest().catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(error.stack).toContain('commitAnEditForTheTest');
  });
});
