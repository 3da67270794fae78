/**
 * Imports one DPGA member page: parse, resolve against the reference tables and the graph, write
 * in one transaction with this page as the source, and report. Re-importing the same page
 * changes nothing; a newer version of it retracts what it no longer says.
 */
import path from 'node:path';
import type { GraphDatabase } from '../../db/neo4j-client.ts';
import { writeFacts } from '../graph/graph-writer.ts';
import { buildReport, type ImportReport } from '../import-report.ts';
import { loadResolver } from '../resolution/resolver-factory.ts';
import type { SourceText } from '../source-reader.ts';
import { memberPageFacts } from './member-page-facts.ts';
import { parseMemberPage } from './member-page-parser.ts';

export async function importMemberPage(
  db: GraphDatabase,
  input: SourceText,
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  const name = /^https?:/i.test(input.uri) ? input.uri : path.basename(input.uri);
  const page = parseMemberPage(input.text, name);
  const resolver = await loadResolver(db);
  const extracted = memberPageFacts(page, resolver, name);
  const source = {
    id: `source:member-page:${extracted.memberId.replace(/^org:/, '')}`,
    kind: 'member-page',
    uri: input.uri,
    title: `${page.member.shortName} activities on the DPGA website`,
    checksum: input.checksum,
    resolutions: extracted.builder.resolutions,
  };
  const written = await writeFacts(db, source, extracted.builder.facts, options);
  return buildReport('member-page', source, written, extracted.builder, {
    dryRun: options.dryRun,
    warnings: page.warnings.map((w) => (w.line ? `line ${w.line}: ${w.message}` : w.message)),
    details: {
      member: extracted.memberId,
      declaredActivities: page.declaredCount,
      parsedActivities: page.activities.length,
    },
  });
}
