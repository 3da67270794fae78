/** Serves the app on a free loopback port for a test file and fetches JSON from it. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app.ts';
import type { GraphDatabase } from '../../server/db/neo4j-client.ts';

export interface TestApi {
  url: string;
  // Response bodies are asserted field by field in tests; a loose type keeps those readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get: (path: string) => Promise<{ status: number; body: any; headers: Headers }>;
  close: () => Promise<void>;
}

export async function serveApi(db: GraphDatabase): Promise<TestApi> {
  // Test files send hundreds of requests from one address; the limits have tests of their own.
  const server: Server = createApp(db, { webDist: '/nonexistent', rateLimit: false }).listen(
    0,
    '127.0.0.1',
  );
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    get: async (path) => {
      const response = await fetch(url + path);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text, the test will say so
      }
      return { status: response.status, body, headers: response.headers };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
