/**
 * One entry point for every kind of import, shared by the CLI and the imports API, so both offer
 * the same kinds with the same options and reports.
 */
import { z } from 'zod';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { awaitIndexes } from '../db/migrations.ts';
import { recomputeMetrics } from '../insights/metrics-service.ts';
import { RecomputeSuperseded } from '../insights/recompute-claim.ts';
import {
  importActivitiesCsv,
  parseColumnMapping,
} from './activities-csv/activities-csv-importer.ts';
import { importDpgaMembers } from './dpga-members/members-importer.ts';
import { importDpgRegistry } from './dpg-registry/registry-importer.ts';
import type { OutboundUrlPolicy } from '../http/outbound-url-policy.ts';
import { DEFAULT_FETCH_OPTIONS } from './http-fetcher.ts';
import type { ImportReport } from './import-report.ts';
import { importMemberPage } from './member-page/member-page-importer.ts';
import { readSourceText, sha256, type SourceText } from './source-reader.ts';

export const IMPORT_KINDS = ['member-page', 'dpg-registry', 'members', 'activities-csv'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const importKindSchema = z.enum(IMPORT_KINDS);

export interface ImportRequest {
  kind: ImportKind;
  /** A file path, directory (dpg-registry) or http(s) URL. */
  location: string;
  /** The document's text, when it is sent rather than read from `location` (not for dpg-registry). */
  content?: string;
  dryRun?: boolean;
  /** activities-csv: "organisation=Org,activity=Title,link=URL". */
  columns?: string;
  /** activities-csv: the sheet's stable identity across versions (default: the file name). */
  sourceId?: string;
  /** Imports started over the API: the URLs the server may fetch (the CLI fetches any). */
  urlPolicy?: OutboundUrlPolicy;
  onProgress?: (done: number, total: number) => void;
}

export async function runImport(db: GraphDatabase, request: ImportRequest): Promise<ImportReport> {
  const text = async (): Promise<SourceText> =>
    request.content !== undefined
      ? { uri: request.location, text: request.content, checksum: sha256(request.content) }
      : readSourceText(request.location, undefined, request.urlPolicy);
  const options = { dryRun: request.dryRun };
  let report: ImportReport;
  switch (request.kind) {
    case 'member-page':
      report = await importMemberPage(db, await text(), options);
      break;
    case 'dpg-registry':
      report = await importDpgRegistry(db, request.location, {
        ...options,
        onProgress: request.onProgress,
        fetch: request.urlPolicy && { ...DEFAULT_FETCH_OPTIONS, urlPolicy: request.urlPolicy },
      });
      break;
    case 'members':
      report = await importDpgaMembers(db, await text(), options);
      break;
    case 'activities-csv':
      report = await importActivitiesCsv(db, await text(), {
        ...options,
        columns: request.columns ? parseColumnMapping(request.columns) : undefined,
        sourceId: request.sourceId,
      });
      break;
  }
  // New names must be searchable as soon as the import returns.
  if (!request.dryRun) await awaitIndexes(db);
  // Network measures follow the graph (written only where a value changed).
  if (!request.dryRun) {
    await recomputeMetrics(db).catch((error: unknown) => {
      // The import is written; the recompute that took this one's claim over measures it.
      if (!(error instanceof RecomputeSuperseded)) throw error;
    });
  }
  return report;
}
