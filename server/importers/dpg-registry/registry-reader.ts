/**
 * Reads the DPG Registry from a directory laid out like the public API (dpgs.json and
 * dpg/<id>.json) or from the live API base URL (GET /dpgs, then GET /dpg/<id>/ per DPG). The
 * detail record, which adds locations, is used where there is one; the list record otherwise.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportInputError } from '../../errors.ts';
import {
  DEFAULT_FETCH_OPTIONS,
  fetchJson,
  HttpNotFound,
  mapWithConcurrency,
  type FetchOptions,
} from '../http-fetcher.ts';
import { parseJsonDocument } from '../json-document.ts';

export interface RawRegistryDocument {
  /** Where the record came from, for error messages and evidence: "dpg/dhis2.json". */
  document: string;
  raw: unknown;
}

export interface RegistryReadResult {
  uri: string;
  documents: RawRegistryDocument[];
  warnings: string[];
  /** The list and every detail document, concatenated, for the source checksum. */
  fingerprint: string;
}

export interface ReadProgress {
  (done: number, total: number): void;
}

const isUrl = (location: string) => /^https?:\/\//i.test(location);

function listIds(list: unknown, document: string): { id: string; raw: unknown }[] {
  if (!Array.isArray(list)) {
    throw new ImportInputError(`${document} must be a JSON array of DPG records`, {
      source: document,
    });
  }
  return list.map((item, index) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/i.test(id)) {
      throw new ImportInputError(`${document} record #${index + 1} has no usable "id"`, {
        source: document,
        field: `[${index}].id`,
      });
    }
    return { id, raw: item };
  });
}

export async function readRegistry(
  location: string,
  options: { concurrency?: number; fetch?: FetchOptions; onProgress?: ReadProgress } = {},
): Promise<RegistryReadResult> {
  return isUrl(location)
    ? readFromApi(location, options)
    : readFromDirectory(location, options.onProgress);
}

async function readFromDirectory(
  dir: string,
  onProgress?: ReadProgress,
): Promise<RegistryReadResult> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new ImportInputError(
      `${dir} is not a directory laid out like the registry API (dpgs.json, dpg/<id>.json)`,
      {
        source: dir,
      },
    );
  }
  const listFile = path.join(dir, 'dpgs.json');
  const listText = await readFile(listFile, 'utf8').catch(() => {
    throw new ImportInputError(
      `${listFile} could not be read: the list endpoint's copy is missing`,
      { source: listFile },
    );
  });
  const items = listIds(parseJsonDocument(listText, 'dpgs.json'), 'dpgs.json');
  const warnings: string[] = [];
  const documents: RawRegistryDocument[] = [];
  const parts = [listText];
  for (const [index, item] of items.entries()) {
    const name = `dpg/${item.id}.json`;
    const text = await readFile(path.join(dir, name), 'utf8').catch(() => null);
    if (text === null) {
      warnings.push(`${name} is missing: imported from the list record, without locations`);
      documents.push({ document: `dpgs.json#${item.id}`, raw: item.raw });
    } else {
      parts.push(text);
      documents.push({ document: name, raw: parseJsonDocument(text, name) });
    }
    onProgress?.(index + 1, items.length);
  }
  return { uri: dir, documents, warnings, fingerprint: parts.join('\n') };
}

async function readFromApi(
  base: string,
  options: { concurrency?: number; fetch?: FetchOptions; onProgress?: ReadProgress },
): Promise<RegistryReadResult> {
  const root = base.replace(/\/+$/, '');
  const fetchOptions = options.fetch ?? DEFAULT_FETCH_OPTIONS;
  const list = await fetchJson(`${root}/dpgs`, fetchOptions);
  const items = listIds(list, `${root}/dpgs`);
  const warnings: string[] = [];
  let done = 0;
  const documents = await mapWithConcurrency(items, options.concurrency ?? 4, async (item) => {
    const url = `${root}/dpg/${encodeURIComponent(item.id)}/`;
    try {
      const raw = await fetchJson(url, fetchOptions);
      return { document: url, raw };
    } catch (error) {
      if (!(error instanceof HttpNotFound)) throw error;
      warnings.push(`${url} answered 404: imported from the list record, without locations`);
      return { document: `${root}/dpgs#${item.id}`, raw: item.raw };
    } finally {
      options.onProgress?.(++done, items.length);
    }
  });
  return {
    uri: root,
    documents,
    warnings,
    fingerprint: JSON.stringify(documents.map((d) => d.raw)),
  };
}
