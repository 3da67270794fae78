/**
 * Imports the DPG Registry (directory copy or live API): read, validate every record, resolve,
 * write in one transaction as the source `source:dpg-registry`, report. A malformed record fails
 * the import before anything is written, naming the document, the record and the field.
 */
import type { GraphDatabase } from '../../db/neo4j-client.ts';
import { ImportInputError } from '../../errors.ts';
import { writeFacts } from '../graph/graph-writer.ts';
import type { ImportReport } from '../import-report.ts';
import { buildReport } from '../import-report.ts';
import { loadResolver } from '../resolution/resolver-factory.ts';
import { sha256 } from '../source-reader.ts';
import type { FetchOptions } from '../http-fetcher.ts';
import { readRegistry, type ReadProgress } from './registry-reader.ts';
import { registryFacts, type RegistryInput } from './registry-facts.ts';
import { validateRecord, type RecordProblem } from './registry-record.ts';

export interface RegistryImportOptions {
  dryRun?: boolean;
  onProgress?: ReadProgress;
  concurrency?: number;
  /** Timeouts and retries for the live API. */
  fetch?: FetchOptions;
}

export async function importDpgRegistry(
  db: GraphDatabase,
  location: string,
  options: RegistryImportOptions = {},
): Promise<ImportReport> {
  const read = await readRegistry(location, {
    onProgress: options.onProgress,
    concurrency: options.concurrency,
    fetch: options.fetch,
  });
  const inputs: RegistryInput[] = [];
  const problems: RecordProblem[] = [];
  read.documents.forEach((doc, index) => {
    const result = validateRecord(doc.raw, doc.document, index);
    if ('record' in result) inputs.push({ record: result.record, document: doc.document });
    else problems.push(...result.problems);
  });
  if (problems.length > 0) {
    const first = problems
      .slice(0, 5)
      .map((p) => `${p.document} ${p.record}, field "${p.field}": ${p.message}`)
      .join('; ');
    throw new ImportInputError(
      `The registry has ${problems.length} invalid field(s); nothing was imported. ${first}${problems.length > 5 ? '; …' : ''}`,
      { source: problems[0]!.document, field: problems[0]!.field },
    );
  }

  const builder = registryFacts(inputs, await loadResolver(db));
  const source = {
    id: 'source:dpg-registry',
    kind: 'dpg-registry',
    uri: read.uri,
    title: 'DPG Registry (digitalpublicgoods.net)',
    checksum: sha256(read.fingerprint),
    resolutions: builder.resolutions,
  };
  const written = await writeFacts(db, source, builder.facts, options);
  const stages = new Map<string, number>();
  for (const input of inputs)
    stages.set(input.record.stage, (stages.get(input.record.stage) ?? 0) + 1);
  return buildReport('dpg-registry', source, written, builder, {
    dryRun: options.dryRun,
    warnings: read.warnings,
    details: { records: inputs.length, stages: Object.fromEntries(stages) },
  });
}
