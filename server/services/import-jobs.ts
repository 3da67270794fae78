/**
 * Imports over the API run as background jobs: the request is answered at once with a job id,
 * the import runs in this process, and its status, progress and report are kept on an
 * (:ImportJob) node that any app instance can read back. A job whose process died stops being
 * updated; after STALE_AFTER_MS it is reported as failed rather than running forever.
 */
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { GraphDatabase } from '../db/neo4j-client.ts';
import { AppError, NotFoundError } from '../errors.ts';
import type { ImportReport } from '../importers/import-report.ts';
import { runImport, type ImportRequest } from '../importers/import-runner.ts';

export const STALE_AFTER_MS = 10 * 60_000;

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportJob {
  id: string;
  kind: string;
  document: string;
  dryRun: boolean;
  status: JobStatus;
  progress: { done: number; total: number };
  report: ImportReport | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

function toJob(row: Record<string, unknown>): ImportJob {
  const stale =
    row.status === 'running' && Date.now() - Date.parse(String(row.updatedAt)) > STALE_AFTER_MS;
  return {
    id: String(row.id),
    kind: String(row.kind),
    document: String(row.document),
    dryRun: Boolean(row.dryRun),
    status: stale ? 'failed' : (row.status as JobStatus),
    progress: { done: Number(row.progressDone ?? 0), total: Number(row.progressTotal ?? 0) },
    report: typeof row.report === 'string' ? (JSON.parse(row.report) as ImportReport) : null,
    error: stale
      ? 'The import stopped reporting progress (its server went away).'
      : ((row.error as string | null) ?? null),
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
  };
}

/** Starts an import in the background and returns its job as first stored. */
export async function startImportJob(
  db: GraphDatabase,
  request: Omit<ImportRequest, 'onProgress'>,
): Promise<ImportJob> {
  const id = randomUUID();
  await db.write('import-jobs/create-job', {
    job: { id, kind: request.kind, document: request.location, dryRun: request.dryRun ?? false },
  });
  const update = (changes: Record<string, unknown>) =>
    db.write('import-jobs/update-job', { id, changes });

  void (async () => {
    let lastWrite = 0;
    try {
      await update({ status: 'running' });
      const report = await runImport(db, {
        ...request,
        onProgress: (done, total) => {
          // Progress goes to the database at most twice a second.
          if (Date.now() - lastWrite < 500 && done < total) return;
          lastWrite = Date.now();
          void update({ progressDone: done, progressTotal: total }).catch(() => {});
        },
      });
      await update({ status: 'succeeded', report: JSON.stringify(report) });
    } catch (error) {
      // Input errors are the caller's to see; anything else is logged, not sent.
      const message =
        error instanceof AppError ? error.message : 'The import failed on the server; see its log.';
      if (!(error instanceof AppError)) console.error(`import job ${id} failed:`, error);
      await update({ status: 'failed', error: message }).catch((e: unknown) =>
        console.error(`import job ${id}: could not record its failure:`, e),
      );
    }
  })();

  return getImportJob(db, id);
}

export async function getImportJob(db: GraphDatabase, id: string): Promise<ImportJob> {
  const [row] = await db.read('import-jobs/get-job', { id });
  if (!row) throw new NotFoundError(`No import job has the id "${id}"`, { id });
  return toJob(row.job as Record<string, unknown>);
}

export async function listImportJobs(db: GraphDatabase, limit: number): Promise<ImportJob[]> {
  const rows = await db.read('import-jobs/list-jobs', { limit: neo4j.int(limit) });
  return rows.map((r) => toJob(r.job as Record<string, unknown>));
}
