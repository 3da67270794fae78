// The answer cache's revision reads under concurrency: requests arriving while a read is in flight
// share the next read rather than send one each, and never take the revision of a read sent
// before they arrived (it may predate a write committed just before them). The database is a fake
// whose reads stay pending until the test answers them, each answering the graph's revision as it
// was when the read was sent — the worst case the rule has to survive.
import { describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../server/db/neo4j-client.ts';
import { AnswerCache } from '../../server/services/answer-cache.ts';

class FakeDatabase {
  /** The revision of the last committed write. */
  committed = 1;
  readonly reads: { answer: () => void; fail: (error: Error) => void }[] = [];

  revision(): Promise<string> {
    const seen = String(this.committed);
    return new Promise((resolve, reject) => {
      this.reads.push({ answer: () => resolve(seen), fail: reject });
    });
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function cacheOver(db: FakeDatabase) {
  const cache = new AnswerCache(db as unknown as GraphDatabase, { maxMegabytes: 1 });
  let computations = 0;
  // Each answer says which computation made it: a cached or shared answer repeats a number.
  const ask = async () =>
    (await cache.answer('test', { id: 'x' }, async () => ({ computation: ++computations }))).json;
  return { cache, ask };
}

describe('AnswerCache revision reads', () => {
  it('never gives a request the revision of a read sent before it arrived', async () => {
    const db = new FakeDatabase();
    const { ask } = cacheOver(db);
    const first = ask();
    db.committed = 2; // a write commits while the first read is in flight…
    const second = ask(); // …and then a request arrives
    expect(db.reads).toHaveLength(1);
    db.reads[0]!.answer();
    expect(JSON.parse(await first)).toEqual({ computation: 1 }); // keyed on revision 1
    await settle();
    expect(db.reads).toHaveLength(2);
    db.reads[1]!.answer();
    // Keyed on revision 2, so not the first request's answer: computed again.
    expect(JSON.parse(await second)).toEqual({ computation: 2 });
  });

  it('sends one read for all the requests that arrived while one was in flight', async () => {
    const db = new FakeDatabase();
    const { cache, ask } = cacheOver(db);
    const first = ask();
    const waiting = [ask(), ask(), ask(), ask()];
    db.reads[0]!.answer();
    await first;
    await settle();
    expect(db.reads).toHaveLength(2);
    db.reads[1]!.answer();
    await Promise.all(waiting);
    expect(cache.stats).toMatchObject({ revisionReads: 2, misses: 1, hits: 4 });
    // Nothing in flight now: the next request reads at once.
    const later = ask();
    expect(db.reads).toHaveLength(3);
    db.reads[2]!.answer();
    await later;
  });

  it('fails only the requests that waited for a failed read; the next one reads again', async () => {
    const db = new FakeDatabase();
    const { ask } = cacheOver(db);
    const first = ask();
    const second = ask();
    db.reads[0]!.fail(new Error('database unavailable'));
    await expect(first).rejects.toThrow('database unavailable');
    await settle();
    db.reads[1]!.answer();
    expect(JSON.parse(await second)).toEqual({ computation: 1 });
  });
});
