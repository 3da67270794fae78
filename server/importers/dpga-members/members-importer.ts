/**
 * Imports the DPGA's members and board (the "Who we are" list): every member MEMBER_OF the
 * Digital Public Goods Alliance, with `board: true` on the board's, and each board member
 * MEMBER_OF the "DPGA Board Members" group that member pages name. Names resolve like any other
 * source's; a member listed twice under two spellings is one node, and the report says so.
 */
import { z } from 'zod';
import type { GraphDatabase } from '../../db/neo4j-client.ts';
import { ImportInputError } from '../../errors.ts';
import { FactBuilder } from '../graph/fact-builder.ts';
import { writeFacts } from '../graph/graph-writer.ts';
import { buildReport, type ImportReport } from '../import-report.ts';
import { parseJsonDocument } from '../json-document.ts';
import type { EntityResolver } from '../resolution/entity-resolver.ts';
import { loadResolver } from '../resolution/resolver-factory.ts';
import { withoutNameDebris } from '../resolution/name-debris.ts';
import { nameProblem } from '../resolution/text-normalise.ts';
import type { SourceText } from '../source-reader.ts';

const DPGA_ID = 'org:dpga';
const BOARD_GROUP_ID = 'group:dpga-board';

/**
 * An organisation's name: not empty, not a paragraph, with letters or digits for its id; without
 * debris at its ends or runs of spaces.
 */
const organisationName = (what: string) =>
  z
    .string()
    .transform(withoutNameDebris)
    .superRefine((name, ctx) => {
      const problem = nameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: `${what} name ${problem}` });
    });

export const membersDocumentSchema = z.object({
  source: z.string().optional(),
  members: z.array(organisationName('member')).min(1, 'the members list is empty'),
  board: z.array(organisationName('board member')).default([]),
});
export type MembersDocument = z.infer<typeof membersDocumentSchema>;

export function parseMembersDocument(text: string, document: string): MembersDocument {
  const parsed = membersDocumentSchema.safeParse(parseJsonDocument(text, document));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(document)';
    throw new ImportInputError(`${document}, field "${field}": ${issue.message}`, {
      source: document,
      field,
    });
  }
  return parsed.data;
}

export function membersFacts(doc: MembersDocument, resolver: EntityResolver, document: string) {
  const builder = new FactBuilder(resolver);
  const warnings: string[] = [];
  const dpga = resolver.get(DPGA_ID);
  const board = resolver.get(BOARD_GROUP_ID);
  if (!dpga || !board)
    throw new Error('members importer: the reference tables lack the DPGA or its board group');
  builder.entity(dpga, `${document}: the alliance whose members these are`);
  builder.entity(board, `${document}: board`);

  const boardIds = new Set<string>();
  doc.board.forEach((name, i) => {
    const evidence = `${document}: board[${i}] "${name}"`;
    const id = builder.organisation(name, evidence, `${document} board[${i}]`);
    if (!id) return;
    boardIds.add(id);
    builder.link('MEMBER_OF', id, BOARD_GROUP_ID, evidence);
  });

  const seen = new Map<string, string>();
  doc.members.forEach((name, i) => {
    const evidence = `${document}: members[${i}] "${name}"`;
    const id = builder.organisation(name, evidence, `${document} members[${i}]`);
    if (!id) return;
    const earlier = seen.get(id);
    if (earlier !== undefined)
      warnings.push(`members[${i}] "${name}" is the same organisation as "${earlier}" (${id})`);
    seen.set(id, name);
    builder.link('MEMBER_OF', id, DPGA_ID, evidence, { board: boardIds.has(id) });
  });
  for (const id of boardIds) {
    if (!seen.has(id)) warnings.push(`board member ${id} is not in the members list`);
  }
  return { builder, warnings, members: seen.size, boardMembers: boardIds.size };
}

export async function importDpgaMembers(
  db: GraphDatabase,
  input: SourceText,
  options: { dryRun?: boolean; sourceName?: string } = {},
): Promise<ImportReport> {
  const document = options.sourceName ?? input.uri.split(/[\\/]/).pop() ?? input.uri;
  const doc = parseMembersDocument(input.text, document);
  const { builder, warnings, members, boardMembers } = membersFacts(
    doc,
    await loadResolver(db),
    document,
  );
  const source = {
    id: 'source:dpga-members',
    kind: 'dpga-members',
    uri: input.uri,
    title: doc.source ?? 'DPGA members and board',
    checksum: input.checksum,
    resolutions: builder.resolutions,
  };
  const written = await writeFacts(db, source, builder.facts, options);
  return buildReport('members', source, written, builder, {
    dryRun: options.dryRun,
    warnings,
    details: { members, boardMembers },
  });
}
