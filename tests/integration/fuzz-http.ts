/**
 * Requests of the fuzz suite, and what every error reply must be: the JSON error shape with a
 * message, no stack frames, driver or runtime error names, or server paths; validation details
 * that say where (path, query or body) each problem is.
 */
import { expect } from 'vitest';
import { REPO_ROOT } from '../../server/config.ts';

export interface WireRequest {
  method: string;
  path: string;
  query: [string, string][];
  body?: { text: string; contentType: string | null };
  headers?: Record<string, string>;
}

export interface Reply {
  status: number;
  text: string;
  // Error bodies are checked field by field; a loose type keeps that readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  headers: Headers;
}

export async function send(base: string, request: WireRequest): Promise<Reply> {
  const search = new URLSearchParams(request.query).toString();
  const headers: Record<string, string> = { ...request.headers };
  if (request.body?.contentType) headers['content-type'] = request.body.contentType;
  const response = await fetch(`${base}${request.path}${search ? `?${search}` : ''}`, {
    method: request.method,
    headers,
    body: request.body?.text,
    redirect: 'manual',
  });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: errors must be, and the check says so
  }
  return { status: response.status, text, json, headers: response.headers };
}

/** Text that must never reach a client: stack frames, driver and runtime errors, server paths. */
const INTERNAL_TEXT = [
  /\n\s+at /,
  /\bat [\w$.<>]+ \([^)]*:\d+:\d+\)/,
  /node_modules/,
  new RegExp(REPO_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  /Neo4jError|Neo\.(Client|Database|Transient)Error/,
  /\b(TypeError|ReferenceError|RangeError)\b/,
  /Cannot read propert|is not a function|Maximum call stack/,
];

/**
 * Node's HTTP parser answers a request line and headers over 16 kB with a bare 431 before the app
 * sees it (server.ts has no 'clientError' handler to shape it); such a reply carries nothing.
 */
export function isHeaderOverflow(
  reply: Reply,
  request: { path: string; query: [string, string][] },
) {
  const size = request.path.length + new URLSearchParams(request.query).toString().length;
  return reply.status === 431 && reply.text === '' && size > 8_000;
}

/** Every 4xx: the JSON error shape, a message, no internal text; validation details well formed. */
export function expectCleanError(reply: Reply, label: string): void {
  expect(reply.headers.get('content-type') ?? '', `${label}: JSON error`).toMatch(
    /^application\/json/,
  );
  expect(reply.json, `${label}: ${reply.text.slice(0, 300)}`).toMatchObject({
    error: { code: expect.any(String), message: expect.any(String) },
  });
  expect(reply.json.error.message.length, label).toBeGreaterThan(0);
  for (const pattern of INTERNAL_TEXT)
    expect(reply.text, `${label}: internal text in ${reply.text.slice(0, 300)}`).not.toMatch(
      pattern,
    );
  if (reply.json.error.code === 'VALIDATION_ERROR') {
    const details = reply.json.error.details as { path?: unknown; message?: unknown }[];
    expect(Array.isArray(details), `${label}: details ${reply.text.slice(0, 300)}`).toBe(true);
    expect(details.length, label).toBeGreaterThan(0);
    for (const detail of details) {
      expect(detail.path, `${label}: detail path`).toMatch(/^(path|query|body)(\.|$)/);
      expect(typeof detail.message, label).toBe('string');
    }
  }
}
