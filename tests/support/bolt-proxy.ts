/**
 * A TCP proxy in front of a real Neo4j that can cut a connection around a COMMIT, for the faults
 * no database stop can produce: the commit landed but its answer never reached the app, or the
 * COMMIT never reached the database. Bytes pass through untouched otherwise.
 */
import net from 'node:net';

/** COMMIT as neo4j-driver sends it: one chunk of two bytes (a struct of no fields, tag 0x12), then
 * the end-of-message marker. It goes alone: the driver awaits the transaction's results first. */
const COMMIT = Buffer.from([0x00, 0x02, 0xb0, 0x12, 0x00, 0x00]);

export type CommitFault =
  /** Forward the COMMIT, wait for the database's answer (it committed), drop it and cut. */
  | 'lose-answer'
  /** Cut before the COMMIT reaches the database (it rolls the transaction back). */
  | 'lose-commit'
  /**
   * Cut the app's side at once, and hand the COMMIT to the database only LAND_LATE_MS later: the
   * app looks for the write while it is still open (not there yet) and runs it again, which
   * meets the first run landing.
   */
  | 'land-late';

export const LAND_LATE_MS = 300;

export interface BoltProxy {
  uri: string;
  /**
   * Applies `fault` to the next COMMIT that passes, on whichever connection (null: none); with
   * `after`, to the next COMMIT of a connection that sent a statement containing it.
   */
  failNextCommit(fault: CommitFault | null, after?: string): void;
  /** COMMITs that passed (or were dropped) since the start. */
  readonly commits: number;
  /** Faults applied. */
  readonly faults: number;
  close(): Promise<void>;
}

export async function startBoltProxy(target: { host: string; port: number }): Promise<BoltProxy> {
  let pending: CommitFault | null = null;
  let pendingAfter: Buffer | null = null;
  let commits = 0;
  let faults = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    // Kept open past the app's side only while a late COMMIT is on its way.
    let landing = false;
    client.on('close', () => {
      if (!landing) upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
    client.on('error', cut);
    upstream.on('error', cut);
    let answerToLose = false;
    let sentMarker = false;
    client.on('data', (data: Buffer) => {
      if (pendingAfter && data.includes(pendingAfter)) sentMarker = true;
      if (data.includes(COMMIT)) {
        commits++;
        const applies = pendingAfter === null || sentMarker;
        sentMarker = false;
        const fault = applies ? pending : null;
        if (applies) [pending, pendingAfter] = [null, null];
        if (fault === 'lose-commit') {
          faults++;
          cut();
          return;
        }
        if (fault === 'lose-answer') answerToLose = true;
        if (fault === 'land-late') {
          faults++;
          landing = true;
          client.destroy();
          setTimeout(() => {
            upstream.write(data);
            // Its answer goes nowhere; the connection ends once it came.
            upstream.once('data', () => upstream.destroy());
          }, LAND_LATE_MS);
          return;
        }
      }
      upstream.write(data);
    });
    upstream.on('data', (data: Buffer) => {
      if (landing) return;
      if (answerToLose) {
        // The database has answered the COMMIT, so it committed; the app never hears it.
        faults++;
        cut();
        return;
      }
      client.write(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    failNextCommit: (fault, after) => {
      pending = fault;
      pendingAfter = fault && after ? Buffer.from(after, 'utf8') : null;
    },
    get commits() {
      return commits;
    },
    get faults() {
      return faults;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
