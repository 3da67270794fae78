/**
 * Reads an import source from a file path or an http(s) URL, with a timeout for URLs, and
 * computes the checksum that provenance records.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ImportInputError } from '../errors.ts';

export interface SourceText {
  uri: string;
  text: string;
  checksum: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function readSourceText(pathOrUrl: string, timeoutMs = 30_000): Promise<SourceText> {
  let text: string;
  if (/^https?:\/\//i.test(pathOrUrl)) {
    let response: Response;
    try {
      response = await fetch(pathOrUrl, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
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
