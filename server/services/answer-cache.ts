/**
 * Remembers the serialised answers of the expensive graph reads (neighbourhoods, paths, the
 * overview, collaborators) for as long as the graph has not changed. A hub's depth-2
 * neighbourhood in a graph of a million relationships takes four queries and tens of milliseconds
 * of database time; asked again, it costs one trivial read.
 *
 * Staleness is ruled out, not bounded by a time: every lookup first asks the database for its
 * revision (GraphDatabase.revision, the bookmark of the last committed transaction, whoever
 * committed it) and answers are kept per revision. So an import, an edit in another app instance
 * or a script writing straight to Neo4j is seen by the very next request, and the app stays
 * stateless: the cache is a per-process copy that can be dropped at any time. Answers are the
 * same for every caller (no answer cached here depends on who asks). Identical requests that
 * arrive while one is being computed wait for it rather than compute it again, and requests that
 * arrive while the revision is being read share the next read (RevisionProbe).
 *
 * A cached answer is kept gzipped too, once, off the event loop: browsers always ask for gzip, and
 * compressing a depth-2 neighbourhood (tens of kilobytes) on every repeated request halved the
 * cached answers' throughput (bench/README.md).
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import type { GraphDatabase } from '../db/neo4j-client.ts';

export interface AnswerCacheOptions {
  /** Memory for cached answers, in megabytes of JSON; 0 turns the cache off. */
  maxMegabytes: number;
}

export const DEFAULT_ANSWER_CACHE: AnswerCacheOptions = { maxMegabytes: 64 };

/**
 * Answers smaller than this are not kept gzipped: the compression middleware leaves them as they
 * are too (its default threshold), since the gzip header would eat the saving.
 */
export const GZIP_THRESHOLD_BYTES = 1024;

/** An answer: its JSON, and the same bytes gzipped when it is cached and large enough. */
export interface Answer {
  json: string;
  gzip?: Buffer;
}

const gzipAsync = promisify(gzip);

/** The cache's own counters, for tests and benchmarks. */
export interface AnswerCacheStats {
  hits: number;
  misses: number;
  /** Requests that waited for an identical one being computed. */
  joined: number;
  /** Revision reads sent to the database (fewer than lookups when requests shared them). */
  revisionReads: number;
  /** Answers gzipped for the cache (once each, however often they are served). */
  compressed: number;
}

/**
 * The graph's revision for requests arriving at once, read once for all of them. A request may
 * only take the revision of a read that *started after it arrived*: a read sent earlier may
 * predate a write committed just before the request, and keying on it would serve an answer from
 * before that write. So while a read is in flight, newcomers share the next one, sent as soon as
 * the one in flight settles: at most one read in flight and one waiting, whatever the load.
 */
class RevisionProbe {
  private inFlight: Promise<string> | null = null;
  private next: Promise<string> | null = null;

  constructor(
    private readonly read: () => Promise<string>,
    private readonly stats: AnswerCacheStats,
  ) {}

  revision(): Promise<string> {
    if (this.next) return this.next;
    if (!this.inFlight) return this.send();
    const settled = this.inFlight.then(
      () => undefined,
      () => undefined,
    );
    this.next = settled.then(() => {
      this.next = null;
      return this.send();
    });
    return this.next;
  }

  private send(): Promise<string> {
    this.stats.revisionReads++;
    const read = this.read();
    this.inFlight = read;
    const done = () => {
      if (this.inFlight === read) this.inFlight = null;
    };
    read.then(done, done);
    return read;
  }
}

export class AnswerCache {
  private readonly answers: LRUCache<string, Answer> | null;
  private readonly pending = new Map<string, Promise<Answer>>();
  readonly stats: AnswerCacheStats = {
    hits: 0,
    misses: 0,
    joined: 0,
    revisionReads: 0,
    compressed: 0,
  };
  private readonly probe: RevisionProbe;

  constructor(
    private readonly db: GraphDatabase,
    options: AnswerCacheOptions = DEFAULT_ANSWER_CACHE,
  ) {
    const maxSize = Math.floor(options.maxMegabytes * 1024 * 1024);
    this.answers =
      maxSize > 0
        ? new LRUCache<string, Answer>({
            maxSize,
            // Strings of JSON: two bytes a character is what V8 may hold them in.
            sizeCalculation: ({ json, gzip }) =>
              Math.max(1, json.length * 2 + (gzip?.byteLength ?? 0)),
          })
        : null;
    this.probe = new RevisionProbe(() => this.db.revision(), this.stats);
  }

  get enabled(): boolean {
    return this.answers !== null;
  }

  /**
   * `compute()`'s answer for `request` (a kind and the request's parsed parameters) at the graph's
   * current revision, as JSON, with its gzipped bytes when it is cached and GZIP_THRESHOLD_BYTES or
   * more: from the cache when the graph has not changed since it was computed. Errors are never
   * cached.
   */
  async answer(kind: string, request: unknown, compute: () => Promise<unknown>): Promise<Answer> {
    const answers = this.answers;
    if (!answers) return { json: JSON.stringify(await compute()) };
    // The revision is read before the answer: the answer then reflects that revision or a later
    // one, never an earlier one, so an answer is never newer-keyed than what it shows.
    const key = `${await this.probe.revision()}\n${kind}\n${JSON.stringify(request)}`;
    const cached = answers.get(key);
    if (cached !== undefined) {
      this.stats.hits++;
      return cached;
    }
    const inFlight = this.pending.get(key);
    if (inFlight) {
      this.stats.joined++;
      return inFlight;
    }
    this.stats.misses++;
    const computing = compute()
      .then(async (value) => {
        const json = JSON.stringify(value);
        const answer: Answer = { json };
        if (Buffer.byteLength(json) >= GZIP_THRESHOLD_BYTES) {
          const zipped = await gzipAsync(json);
          // zlib's result is a view into a larger block (its output buffer, or Node's shared pool
          // for small ones): a copy of its own keeps the cache's count of bytes true.
          answer.gzip = Buffer.allocUnsafeSlow(zipped.byteLength);
          zipped.copy(answer.gzip);
          this.stats.compressed++;
        }
        answers.set(key, answer);
        return answer;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, computing);
    return computing;
  }
}
