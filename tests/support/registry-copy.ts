/**
 * Writable copies of the real registry for tests that need a variant of it (a fact removed, a
 * record broken), and a loopback HTTP server that serves a copy in the live API's URL layout.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SHARED_DATA } from './shared-data.ts';

export const REGISTRY_DIR = path.join(SHARED_DATA, 'dpg-registry', 'api-2023');
export const MEMBERS_FILE = path.join(SHARED_DATA, 'dpga', 'members-2025.json');
export const ROADMAP_FILE = path.join(SHARED_DATA, 'dpga', 'roadmap-2023.csv');

// Registry records are loose JSON; tests reshape them freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseRecord = any;

/** A temporary copy of the registry directory; `edit` rewrites one record's JSON. */
export function copyRegistry(): {
  dir: string;
  edit: (id: string, change: (record: LooseRecord) => unknown) => void;
} {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'registry-')), 'api');
  cpSync(REGISTRY_DIR, dir, { recursive: true });
  return {
    dir,
    edit: (id, change) => {
      const file = path.join(dir, 'dpg', `${id}.json`);
      const record = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify(change(record) ?? record));
    },
  };
}

/** Serves GET /dpgs and GET /dpg/<id>/ from a registry directory; `hang` never answers. */
export async function serveRegistry(
  dir: string,
  options: { hang?: boolean } = {},
): Promise<{ url: string; server: Server; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (options.hang) return;
    const detail = /^\/dpg\/([^/]+)\/?$/.exec(req.url ?? '');
    const file =
      req.url === '/dpgs'
        ? 'dpgs.json'
        : detail
          ? path.join('dpg', `${decodeURIComponent(detail[1]!)}.json`)
          : null;
    try {
      if (!file) throw new Error('not found');
      const body = readFileSync(path.join(dir, file));
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch {
      res.writeHead(404).end('{"detail":"Not found."}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}
