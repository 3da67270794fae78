/**
 * Picks the writer for an export format and says how the file is served: its content type and
 * file name (`dpg-explorer-graph.graphml`, `dpg-explorer-neighbourhood-org-unicef-edges.csv`).
 */
import type { ExportFormat, ExportPart } from '../../api/schemas.ts';
import { edgesCsv, nodesCsv } from './csv-writer.ts';
import { toCytoscapeJson } from './cytoscape-json-writer.ts';
import type { ExportGraph } from './export-graph.ts';
import { toGexf } from './gexf-writer.ts';
import { toGraphml } from './graphml-writer.ts';

export interface ExportFile {
  contentType: string;
  fileName: string;
  body: string;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

export function exportFile(graph: ExportGraph, format: ExportFormat, part: ExportPart): ExportFile {
  const base = `dpg-explorer-${graph.slug}`;
  switch (format) {
    case 'json':
      return {
        contentType: EXPORT_CONTENT_TYPES.json,
        fileName: `${base}.json`,
        body: toCytoscapeJson(graph),
      };
    case 'graphml':
      return {
        contentType: EXPORT_CONTENT_TYPES.graphml,
        fileName: `${base}.graphml`,
        body: toGraphml(graph),
      };
    case 'gexf':
      return {
        contentType: EXPORT_CONTENT_TYPES.gexf,
        fileName: `${base}.gexf`,
        body: toGexf(graph),
      };
    case 'csv':
      return {
        contentType: EXPORT_CONTENT_TYPES.csv,
        fileName: `${base}-${part}.csv`,
        body: part === 'edges' ? edgesCsv(graph) : nodesCsv(graph),
      };
  }
}
