/**
 * Cross-origin access to the API, explicit: only origins listed in CORS_ORIGINS get CORS headers
 * (the `cors` package answers their preflights); with none listed the API is same-origin only and
 * sends no CORS headers at all. Credentials (cookies) are never allowed cross-origin: sessions are
 * SameSite=Strict cookies for the app's own pages, and other origins authenticate with an API
 * token (`Authorization: Bearer …`), which needs no credentials mode.
 */
import cors from 'cors';
import type { RequestHandler } from 'express';

/** Request headers a cross-origin caller may send. */
const ALLOWED_HEADERS = ['Content-Type', 'Authorization', 'X-CSRF-Token'];
/** Response headers a cross-origin caller may read (`Audit-Id`: a delete's, to undo it). */
const EXPOSED_HEADERS = ['Location', 'Retry-After', 'RateLimit', 'RateLimit-Policy', 'Audit-Id'];

/**
 * Parses a comma-separated list of origins (`https://maps.example.org, http://localhost:5173`)
 * into their canonical form; throws an Error naming the first entry that is not an origin.
 */
export function parseCorsOrigins(list: string | undefined): string[] {
  const origins: string[] = [];
  for (const raw of (list ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username;
    if (!url || !bare || (url.protocol !== 'https:' && url.protocol !== 'http:') || entry === '*')
      throw new Error(
        `CORS_ORIGINS: "${entry}" is not an origin; list scheme://host[:port] entries such as https://maps.example.org`,
      );
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return origins;
}

/** The CORS middleware for an allowlist, or null when the list is empty (same-origin only). */
export function corsPolicy(origins: readonly string[]): RequestHandler | null {
  if (origins.length === 0) return null;
  const allowed = new Set(origins);
  const policy = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  // Answers differ by Origin, also the ones without CORS headers: caches must keep them apart.
  return (req, res, next) => {
    res.vary('Origin');
    policy(req, res, next);
  };
}
