// Checks docker-compose.yml and the Dockerfile for what makes `docker compose up` work: the
// pinned Neo4j 5.26 Community image, a health check the app waits for, the app pointed at the
// neo4j service, and the database kept in a named volume.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoFile = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../${name}`, import.meta.url)), 'utf8');

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Record<string, string> | string[];
  healthcheck?: { test?: string | string[]; interval?: string; retries?: number };
  depends_on?: string[] | Record<string, { condition?: string }>;
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  ports?: string[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = parse(repoFile('docker-compose.yml')) as ComposeFile;
const neo4j = compose.services.neo4j;
const app = compose.services.app;

/** A service's environment as a map, whichever of the two compose forms it uses. */
function environmentOf(service: ComposeService | undefined): Record<string, string> {
  const env = service?.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(
    env.map((entry) => {
      const at = entry.indexOf('=');
      return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
    }),
  );
}

describe('docker-compose.yml', () => {
  it('runs Neo4j from the official 5.26 Community image', () => {
    expect(neo4j?.image).toMatch(/^neo4j:5\.26(\.\d+)?-community$/);
  });

  it('takes the Neo4j password from NEO4J_PASSWORD, with the same default in both services', () => {
    const auth = environmentOf(neo4j).NEO4J_AUTH;
    expect(auth).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:-[^}]{8,}\}$/);
    expect(`neo4j/${environmentOf(app).NEO4J_PASSWORD}`).toBe(auth);
  });

  it('gives Neo4j a health check that queries it', () => {
    const test = neo4j?.healthcheck?.test;
    const command = Array.isArray(test) ? test.join(' ') : (test ?? '');
    expect(command).toMatch(/cypher-shell|wget|curl/);
    expect(neo4j?.healthcheck?.retries).toBeGreaterThan(0);
  });

  it('starts the app only once Neo4j is healthy', () => {
    expect(app?.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
  });

  it('points the app at the neo4j service over Bolt', () => {
    const uri = new URL(environmentOf(app).NEO4J_URI ?? '');
    expect(uri.protocol).toBe('bolt:');
    expect(Object.keys(compose.services)).toContain(uri.hostname);
    expect(uri.hostname).toBe('neo4j');
    expect(uri.port).toBe('7687');
  });

  it('keeps /data in a declared named volume', () => {
    const dataMount = (neo4j?.volumes ?? [])
      .map((volume) =>
        typeof volume === 'string'
          ? { source: volume.split(':')[0], target: volume.split(':')[1] }
          : volume,
      )
      .find((volume) => volume.target === '/data');
    expect(dataMount?.source).toMatch(/^[a-z0-9][a-z0-9_.-]*$/);
    expect(Object.keys(compose.volumes ?? {})).toContain(dataMount?.source);
  });

  it('builds the app from the Dockerfile and publishes port 3000', () => {
    const build = app?.build;
    const dockerfile =
      typeof build === 'string' ? 'Dockerfile' : (build?.dockerfile ?? 'Dockerfile');
    expect(dockerfile).toBe('Dockerfile');
    expect(app?.ports).toContain('3000:3000');
    expect(environmentOf(app).PORT).toBe('3000');
  });
});

describe('Dockerfile', () => {
  const dockerfile = repoFile('Dockerfile');

  it('builds on Node 20 and runs the server with tsx on port 3000', () => {
    expect(dockerfile).toMatch(/^FROM node:20(-[\w-]+)?\s*$/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^RUN npm run build\s*$/m);
    expect(dockerfile).toMatch(/^EXPOSE 3000\s*$/m);
    expect(dockerfile).toContain('CMD ["npx", "tsx", "server/main.ts"]');
  });
});
