/**
 * Reads an import source from a file path or an http(s) URL, with a timeout for URLs, and
 * computes the checksum that provenance records.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AppError, ImportInputError } from '../errors.ts';
import { fetchWithinPolicy, type OutboundUrlPolicy } from '../http/outbound-url-policy.ts';

export interface SourceText {
  uri: string;
  text: string;
  checksum: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `urlPolicy`: imports started over the API fetch only what the server's policy allows. */
export async function readSourceText(
  pathOrUrl: string,
  timeoutMs = 30_000,
  urlPolicy?: OutboundUrlPolicy,
): Promise<SourceText> {
  let text: string;
  if (/^https?:\/\//i.test(pathOrUrl)) {
    let response: Response;
    try {
      const init = { signal: AbortSignal.timeout(timeoutMs) };
      response = urlPolicy
        ? await fetchWithinPolicy(pathOrUrl, init, urlPolicy)
        : await fetch(pathOrUrl, init);
    } catch (error) {
      if (error instanceof AppError) throw error;
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `timed out after ${timeoutMs} ms`
          : (error as Error).message;
      throw new ImportInputError(`${pathOrUrl} could not be fetched: ${reason}`, {
        source: pathOrUrl,
      });
    }
    if (!response.ok) {
      throw new ImportInputError(`${pathOrUrl} answered HTTP ${response.status}`, {
        source: pathOrUrl,
      });
    }
    text = await response.text();
  } else {
    try {
      text = await readFile(pathOrUrl, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'is a directory'
            : (error as Error).message;
      throw new ImportInputError(`${pathOrUrl} could not be read: ${reason}`, {
        source: pathOrUrl,
      });
    }
  }
  return { uri: pathOrUrl, text, checksum: sha256(text) };
}
