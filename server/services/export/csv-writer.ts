/**
 * CSV tables for spreadsheets (RFC 4180, quoted by csv-stringify, with a header row): one for the
 * nodes (id, label, type, kind, degree, description, sources) and one for the edges (source,
 * target, type, label, role, startDate, endDate, board, notes, sourceUrl, sources, evidence); list
 * values are joined with "; ", evidence a line per source. A cell that a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return) gets a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import { relationshipLabel } from '../graph-elements.ts';
import type { ExportGraph } from './export-graph.ts';
import { LIST_SEPARATOR } from './graphml-writer.ts';
import { RELATIONSHIP_DETAIL_PROPERTIES } from './relationship-detail-fields.ts';
import { detailValues } from './relationship-detail-values.ts';
import { neutraliseFormula } from './spreadsheet-formulas.ts';

export const NODE_COLUMNS = [
  'id',
  'label',
  'type',
  'kind',
  'degree',
  'description',
  'sources',
] as const;
export const EDGE_COLUMNS = [
  'source',
  'target',
  'type',
  'label',
  ...RELATIONSHIP_DETAIL_PROPERTIES,
  'sources',
  'evidence',
] as const;

/** Neutralises spreadsheet formulas (CSV injection); other text is unchanged. */
export function safeCell(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return neutraliseFormula(value);
}

function table(columns: readonly string[], rows: (string | number | null)[][]): string {
  return stringify(
    rows.map((row) => row.map(safeCell)),
    {
      header: true,
      columns: [...columns],
      record_delimiter: 'windows',
    },
  );
}

export function nodesCsv(graph: ExportGraph): string {
  return table(
    NODE_COLUMNS,
    graph.nodes.map((n) => [
      n.id,
      n.label,
      n.type,
      n.kind,
      n.degree,
      n.description,
      n.sources.join(LIST_SEPARATOR),
    ]),
  );
}

export function edgesCsv(graph: ExportGraph): string {
  return table(
    EDGE_COLUMNS,
    graph.edges.map((e) => {
      const details = detailValues(e);
      return [
        e.source,
        e.target,
        e.type,
        relationshipLabel(e.type),
        ...RELATIONSHIP_DETAIL_PROPERTIES.map((key) => details[key]),
        e.sources.join(LIST_SEPARATOR),
        details.evidence,
      ];
    }),
  );
}
