/**
 * Reads the environment once into a typed configuration. NEO4J_URI decides between an external
 * database (server, Aura, cluster) and the local embedded one that the app starts itself.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_LOCAL_PASSWORD } from '../db/local-neo4j.ts';
import { parseCorsOrigins } from './http/cors-policy.ts';
import { parseAllowHosts, type OutboundUrlPolicy } from './http/outbound-url-policy.ts';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from './http/rate-limits.ts';
import { DEFAULT_CONSOLE_SETTINGS, type ConsoleSettings } from './console/console-service.ts';
import { DEFAULT_ANSWER_CACHE, type AnswerCacheOptions } from './services/answer-cache.ts';
import type { PoolOptions } from './db/neo4j-client.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const envSchema = z.object({
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(3000)
    .describe('0: any free port (printed at start)'),
  HOST: z.string().default('0.0.0.0'),
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_MAX_CONNECTIONS: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .describe(
      'transactions the app runs on Neo4j at once (its connection pool); default: twice the cores, at least 4',
    ),
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
  WARM_UP: z
    .enum(['true', 'false'])
    .default('true')
    .describe(
      'true: once serving, run the first screens’ reads once, so Neo4j has planned them before the first visitors ask',
    ),
  CORS_ORIGINS: z
    .string()
    .default('')
    .describe(
      'comma-separated origins allowed to call the API from a browser; empty: same-origin only',
    ),
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => v.trim() !== 'true', {
      message:
        'TRUST_PROXY=true would believe any X-Forwarded-For (clients could pick their own rate-limit key): give the number of proxies in front of the app (1) or their addresses',
    })
    .describe("Express's trust proxy: false, a number of hops, or proxy addresses/subnets"),
  ANSWER_CACHE_MB: z.coerce
    .number()
    .min(0)
    .max(4096)
    .default(DEFAULT_ANSWER_CACHE.maxMegabytes)
    .describe(
      'memory for cached graph answers, checked against the graph on every request; 0: off',
    ),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.perMinute),
  SIGN_IN_LIMIT_PER_15_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_RATE_LIMITS.signInFailuresPer15Minutes),
  IMPORT_LIMIT_PER_HOUR: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.importsPerHour),
  CONSOLE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_RATE_LIMITS.consoleQueriesPerMinute!)
    .describe('Cypher console queries per client and minute; 0: no limit'),
  CONSOLE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(DEFAULT_CONSOLE_SETTINGS.timeoutMs)
    .describe('how long one Cypher console query may run before the database stops it'),
  CONSOLE_MAX_RESULT_BYTES: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(100_000_000)
    .default(DEFAULT_CONSOLE_SETTINGS.maxResultBytes)
    .describe('the most JSON one Cypher console answer carries; rows stop before it'),
  IMPORT_URL_ALLOW_HOSTS: z
    .string()
    .default('')
    .describe(
      'comma-separated hosts, addresses or subnets POST /api/imports may fetch even when private',
    ),
  IMPORT_ALLOW_PRIVATE_URLS: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: POST /api/imports may fetch from loopback and private addresses'),
  METRICS_REFRESH_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(86_400)
    .default(30)
    .describe(
      'how often to check whether edits left the network measures stale, and recompute them (0: never; only imports and restarts do)',
    ),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(600_000)
    .default(10_000)
    .describe('how long in-flight requests may take to finish on SIGTERM/SIGINT'),
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
  /** The driver's pool (NEO4J_MAX_CONNECTIONS); unset: defaultMaxConnections(). */
  neo4jPool: PoolOptions;
  localNeo4j: { port: number; dataDir: string; password: string };
  seedPage: string;
  loadSeed: 'auto' | 'never';
  /** Whether the first screens' reads are run once after start (services/query-warm-up.ts). */
  warmUp: boolean;
  adminToken?: string;
  auth: {
    sessionSecret?: string;
    readsRequireSignIn: boolean;
    cookieSecure: 'auto' | boolean;
    sessionHours: number;
  };
  /** Origins allowed cross-origin access to the API (empty: same-origin only). */
  corsOrigins: string[];
  /** Express's `trust proxy` setting. */
  trustProxy: false | number | string;
  rateLimit: RateLimitSettings;
  /** What `POST /api/imports` may fetch (the CLI is the operator's own and fetches any URL). */
  importUrlPolicy: OutboundUrlPolicy;
  shutdownTimeoutMs: number;
  /** How often stale network measures are looked for and recomputed (0: never). */
  metricsRefreshMs: number;
  answerCache: AnswerCacheOptions;
  /** The Cypher console's timeout and size cap (its rate limit is in rateLimit). */
  console: ConsoleSettings;
}

/** TRUST_PROXY: false/0/empty → off; digits → that many proxy hops; else addresses as given. */
function parseTrustProxy(value: string): false | number | string {
  const v = value.trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** Parses the environment; throws an Error that names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  let corsOrigins: string[];
  let importAllowHosts: string[];
  try {
    corsOrigins = parseCorsOrigins(e.CORS_ORIGINS);
    importAllowHosts = parseAllowHosts(e.IMPORT_URL_ALLOW_HOSTS);
  } catch (error) {
    throw new Error(`Invalid environment: ${(error as Error).message}`);
  }
  const password = e.NEO4J_PASSWORD ?? DEFAULT_LOCAL_PASSWORD;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password, database: e.NEO4J_DATABASE }
      : undefined,
    neo4jPool: { maxConnectionPoolSize: e.NEO4J_MAX_CONNECTIONS },
    localNeo4j: { port: e.LOCAL_NEO4J_PORT, dataDir: e.LOCAL_NEO4J_DATA, password },
    seedPage: e.SEED_PAGE,
    loadSeed: e.LOAD_SEED,
    warmUp: e.WARM_UP === 'true',
    adminToken: e.ADMIN_TOKEN,
    auth: {
      sessionSecret: e.SESSION_SECRET,
      readsRequireSignIn: e.READS_REQUIRE_SIGN_IN === 'true',
      cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
      sessionHours: e.SESSION_HOURS,
    },
    corsOrigins,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    rateLimit: {
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      signInFailuresPer15Minutes: e.SIGN_IN_LIMIT_PER_15_MINUTES,
      importsPerHour: e.IMPORT_LIMIT_PER_HOUR,
      consoleQueriesPerMinute: e.CONSOLE_LIMIT_PER_MINUTE,
    },
    importUrlPolicy: {
      allowPrivate: e.IMPORT_ALLOW_PRIVATE_URLS === 'true',
      allowHosts: importAllowHosts,
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    metricsRefreshMs: e.METRICS_REFRESH_SECONDS * 1000,
    answerCache: { maxMegabytes: e.ANSWER_CACHE_MB },
    console: { timeoutMs: e.CONSOLE_TIMEOUT_MS, maxResultBytes: e.CONSOLE_MAX_RESULT_BYTES },
  };
}
