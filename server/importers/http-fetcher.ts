/**
 * Fetches JSON from a remote source with a timeout per request, retries with back-off for
 * timeouts and server errors, and a bound on concurrent requests — so a slow or flaky API fails
 * the import cleanly with the reason instead of hanging it. Imports started over the API pass the
 * server's outbound URL policy, which every URL, redirect and address connected to must satisfy.
 */
import { AppError, ImportInputError } from '../errors.ts';
import { fetchWithinPolicy, type OutboundUrlPolicy } from '../http/outbound-url-policy.ts';
import { parseJsonDocument } from './json-document.ts';

export interface FetchOptions {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  /** Set for imports started over the API (see outbound-url-policy.ts); the CLI fetches freely. */
  urlPolicy?: OutboundUrlPolicy;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 15_000,
  retries: 3,
  backoffMs: 500,
};

export class HttpNotFound extends Error {}

export async function fetchJson(
  url: string,
  options: FetchOptions = DEFAULT_FETCH_OPTIONS,
): Promise<unknown> {
  let lastReason = '';
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0)
      await new Promise((r) => setTimeout(r, options.backoffMs * 2 ** (attempt - 1)));
    let response: Response;
    const init = {
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { accept: 'application/json' },
    };
    try {
      response = options.urlPolicy
        ? await fetchWithinPolicy(url, init, options.urlPolicy)
        : await fetch(url, init);
    } catch (error) {
      // A refused URL is refused again on every attempt.
      if (error instanceof AppError) throw error;
      lastReason =
        (error as Error).name === 'TimeoutError'
          ? `timed out after ${options.timeoutMs} ms`
          : `unreachable (${(error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message})`;
      continue;
    }
    if (response.status === 404) throw new HttpNotFound(`${url} answered 404`);
    if (response.status >= 500 || response.status === 429) {
      lastReason = `answered HTTP ${response.status}`;
      continue;
    }
    if (!response.ok) {
      throw new ImportInputError(`${url} answered HTTP ${response.status}`, { source: url });
    }
    return parseJsonDocument(await response.text(), url);
  }
  throw new ImportInputError(`${url} failed after ${options.retries + 1} attempts: ${lastReason}`, {
    source: url,
  });
}

/** Maps over items with at most `limit` in flight; the first failure rejects the whole run. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(workers);
  return results;
}
