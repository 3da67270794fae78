/**
 * Imports an activities spreadsheet (CSV) such as the DPGA roadmap sheet: one row per activity,
 * led by its organisation; the DPGs, countries and organisations its title names are linked to
 * it. Columns are mapped by name, so other teams' sheets import too. A row with a missing value
 * or a sheet without a required column fails the import before anything is written, naming the
 * line and the column.
 */
import { parse } from 'csv-parse/sync';
import path from 'node:path';
import type { GraphDatabase } from '../../db/neo4j-client.ts';
import { ImportInputError } from '../../errors.ts';
import { classifyActivity } from '../activity-classifier.ts';
import { leadRole } from '../lead-role.ts';
import { FactBuilder } from '../graph/fact-builder.ts';
import type { Props } from '../graph/graph-facts.ts';
import { writeFacts } from '../graph/graph-writer.ts';
import { buildReport, type ImportReport } from '../import-report.ts';
import type { EntityResolver } from '../resolution/entity-resolver.ts';
import { loadResolver } from '../resolution/resolver-factory.ts';
import { withoutNameDebris } from '../resolution/name-debris.ts';
import { nameProblem, slugify } from '../resolution/text-normalise.ts';
import type { SourceText } from '../source-reader.ts';

/** Which sheet column holds each field; `link` is optional. */
export interface ColumnMapping {
  organisation: string;
  activity: string;
  link?: string;
}

export const DEFAULT_COLUMNS: ColumnMapping = {
  organisation: 'Organization',
  activity: 'Activity',
  link: 'Link',
};

/** Parses "organisation=Org,activity=Title,link=URL" as given on the command line. */
export function parseColumnMapping(spec: string): ColumnMapping {
  const mapping: Record<string, string> = { ...DEFAULT_COLUMNS };
  for (const part of spec.split(',')) {
    const [key, column] = part.split('=').map((s) => s?.trim());
    if (!key || !column || !['organisation', 'activity', 'link'].includes(key)) {
      throw new ImportInputError(
        `column mapping "${part}" is not field=Column with field one of organisation, activity, link`,
        { field: 'columns' },
      );
    }
    mapping[key] = column;
  }
  return mapping as unknown as ColumnMapping;
}

export interface ActivityRow {
  line: number;
  organisation: string;
  activity: string;
  /** The link cell as written: a URL, or (in real sheets) often the linked page's title. */
  link: string;
}

/**
 * The web address in a link cell: the cell itself, a URL inside it ("Docs / https://…"), or a bare
 * host ("www.bahmni.org"). Null when the cell only holds a page title.
 */
export function linkUrl(cell: string): string | null {
  const url = /https?:\/\/[^\s]+/i.exec(cell)?.[0];
  if (url) return url;
  if (/^www\.[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(cell)) return `https://${cell}`;
  return null;
}

export function parseActivitiesCsv(
  text: string,
  document: string,
  columns: ColumnMapping = DEFAULT_COLUMNS,
): ActivityRow[] {
  if (text.includes('\u0000'))
    throw new ImportInputError(`${document} is binary, not a CSV sheet`, { source: document });
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportInputError(
      `${document}${line ? ` line ${line}` : ''}: ${(error as Error).message}`,
      {
        source: document,
        ...(line ? { line } : {}),
      },
    );
  }
  if (records.length === 0)
    throw new ImportInputError(`${document} has no rows`, { source: document });
  const header = Object.keys(records[0]!.record);
  for (const [field, column] of Object.entries(columns)) {
    if (column && field !== 'link' && !header.includes(column)) {
      throw new ImportInputError(
        `${document} has no "${column}" column (for ${field}); its columns are ${header.map((h) => `"${h}"`).join(', ')}`,
        { source: document, line: 1, field: column },
      );
    }
  }
  return records.map(({ record, info }) => {
    // Names lose the debris at their ends ("… (SLUDI) Project:"); their ids are the same.
    const row = {
      line: info.lines,
      organisation: withoutNameDebris(record[columns.organisation] ?? ''),
      activity: withoutNameDebris(record[columns.activity] ?? ''),
      link: columns.link ? (record[columns.link] ?? '') : '',
    };
    for (const field of ['organisation', 'activity'] as const) {
      // Both name an entity: not empty, not a paragraph, with letters or digits for its id.
      const problem = nameProblem(row[field]);
      if (problem) {
        throw new ImportInputError(
          `${document} line ${row.line}: the "${columns[field]}" value ${problem}`,
          {
            source: document,
            line: row.line,
            field: columns[field],
          },
        );
      }
    }
    return row;
  });
}

export function activitiesFacts(rows: ActivityRow[], resolver: EntityResolver, document: string) {
  const builder = new FactBuilder(resolver);
  const warnings: string[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const context = `${document} line ${row.line}`;
    const evidence = `${document} line ${row.line}: ${row.organisation} — "${row.activity}"`;
    const orgId = builder.organisation(row.organisation, evidence, context);
    if (!orgId) continue;
    const activityId = `activity:${orgId.replace(/^org:/, '')}/${slugify(row.activity)}`;
    const earlier = firstLine.get(activityId);
    if (earlier !== undefined) {
      warnings.push(`line ${row.line} repeats line ${earlier} ("${row.activity}"): imported once`);
      continue;
    }
    firstLine.set(activityId, row.line);
    const props: Props = { name: row.activity, activityTypes: classifyActivity(row.activity) };
    const url = row.link ? linkUrl(row.link) : null;
    if (url) props.link = url;
    else if (row.link) {
      props.linkText = row.link;
      warnings.push(
        `line ${row.line}: "${row.link}" in the link column is not a web address; kept as text`,
      );
    }
    builder.facts.addNode({ id: activityId, label: 'Activity', props, evidence });
    builder.link(leadRole(row.activity), orgId, activityId, evidence);
    for (const mention of resolver.findMentions(row.activity, [
      'DPG',
      'Initiative',
      'Organisation',
      'Country',
    ])) {
      if (mention.entry.id === orgId) continue;
      builder.resolutions.push({
        name: mention.text,
        id: mention.entry.id,
        rule: 'mention',
        context,
      });
      const id = builder.entity(mention.entry, evidence);
      builder.link(
        mention.entry.type === 'Country' ? 'TAKES_PLACE_IN' : 'INVOLVES',
        activityId,
        id,
        evidence,
      );
    }
  }
  return { builder, warnings, activities: firstLine.size };
}

export async function importActivitiesCsv(
  db: GraphDatabase,
  input: SourceText,
  options: { dryRun?: boolean; columns?: ColumnMapping; sourceId?: string } = {},
): Promise<ImportReport> {
  const document = path.basename(input.uri);
  const rows = parseActivitiesCsv(input.text, document, options.columns);
  const { builder, warnings, activities } = activitiesFacts(rows, await loadResolver(db), document);
  const source = {
    // One source per sheet; a newer version of the same sheet passes the same --source-id.
    id: `source:activities-csv:${options.sourceId ?? slugify(document.replace(/\.csv$/i, ''))}`,
    kind: 'activities-csv',
    uri: input.uri,
    title: `Activities sheet ${document}`,
    checksum: input.checksum,
    resolutions: builder.resolutions,
  };
  const written = await writeFacts(db, source, builder.facts, options);
  const organisations = new Set(rows.map((r) => r.organisation)).size;
  return buildReport('activities-csv', source, written, builder, {
    dryRun: options.dryRun,
    warnings,
    details: { rows: rows.length, activities, organisations },
  });
}
