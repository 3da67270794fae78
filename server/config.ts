/**
 * Reads the environment once into a typed configuration. NEO4J_URI decides between an external
 * database (server, Aura, cluster) and the local embedded one that the app starts itself.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_LOCAL_PASSWORD } from '../db/local-neo4j.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  LOCAL_NEO4J_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  LOCAL_NEO4J_DATA: z.string().default(path.join(REPO_ROOT, '.neo4j', 'dev')),
  SEED_PAGE: z
    .string()
    .default(path.join(REPO_ROOT, '..', 'shared', 'data', 'seed', 'unicef-member-activities.txt')),
  ADMIN_TOKEN: z
    .string()
    .min(24, 'ADMIN_TOKEN must be at least 24 characters')
    .optional()
    .describe('enables POST /api/imports for callers presenting it'),
  SESSION_SECRET: z
    .string()
    .min(32, 'SESSION_SECRET must be at least 32 characters')
    .optional()
    .describe('HMAC key of sign-in session cookies; sign-in is disabled without it'),
  READS_REQUIRE_SIGN_IN: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: every read needs a signed-in viewer'),
  COOKIE_SECURE: z
    .enum(['auto', 'true', 'false'])
    .default('auto')
    .describe('auto: Secure cookies when the request came over https'),
  SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  LOAD_SEED: z
    .enum(['auto', 'never'])
    .default('auto')
    .describe('auto: load the seed page when the graph is empty'),
});

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export interface AppConfig {
  port: number;
  host: string;
  /** Set when NEO4J_URI is given; otherwise the local database is started. */
  neo4j?: Neo4jConfig;
  localNeo4j: { port: number; dataDir: string; password: string };
  seedPage: string;
  loadSeed: 'auto' | 'never';
  adminToken?: string;
  auth: {
    sessionSecret?: string;
    readsRequireSignIn: boolean;
    cookieSecure: 'auto' | boolean;
    sessionHours: number;
  };
}

/** Parses the environment; throws an Error that names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const password = e.NEO4J_PASSWORD ?? DEFAULT_LOCAL_PASSWORD;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password, database: e.NEO4J_DATABASE }
      : undefined,
    localNeo4j: { port: e.LOCAL_NEO4J_PORT, dataDir: e.LOCAL_NEO4J_DATA, password },
    seedPage: e.SEED_PAGE,
    loadSeed: e.LOAD_SEED,
    adminToken: e.ADMIN_TOKEN,
    auth: {
      sessionSecret: e.SESSION_SECRET,
      readsRequireSignIn: e.READS_REQUIRE_SIGN_IN === 'true',
      cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
      sessionHours: e.SESSION_HOURS,
    },
  };
}
