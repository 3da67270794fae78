/**
 * GraphML (http://graphml.graphdrawing.org/) for Gephi, Cytoscape desktop and yEd: one directed
 * graph, node attributes label/type/kind/degree/description/sources and edge attributes
 * type/label/sources and what the relationship states (role, startDate, endDate, board, notes,
 * sourceUrl, evidence) declared as <key>s. Built with xmlbuilder2, every value escaped (xml-text.ts);
 * characters XML cannot hold (control characters) are dropped.
 */
import { create } from 'xmlbuilder2';
import { edgeId, relationshipLabel } from '../graph-elements.ts';
import type { ExportGraph } from './export-graph.ts';
import { DETAIL_NAMES, detailValues } from './relationship-detail-values.ts';
import { xmlSafeGraph } from './xml-text.ts';

/** Separator of list values (sources) inside one attribute. */
export const LIST_SEPARATOR = '; ';

const NODE_KEYS = [
  ['label', 'string'],
  ['type', 'string'],
  ['kind', 'string'],
  ['degree', 'int'],
  ['description', 'string'],
  ['sources', 'string'],
] as const;
const EDGE_KEYS = [
  ['type', 'string'],
  ['label', 'string'],
  ['sources', 'string'],
  ...DETAIL_NAMES.map((name) => [name, name === 'board' ? 'boolean' : 'string'] as const),
] as const;

export function toGraphml(input: ExportGraph): string {
  const graph = xmlSafeGraph(input);
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' }).ele(
    'http://graphml.graphdrawing.org/xmlns',
    'graphml',
  );
  for (const [name, type] of NODE_KEYS) {
    root.ele('key', { id: `n_${name}`, for: 'node', 'attr.name': name, 'attr.type': type });
  }
  for (const [name, type] of EDGE_KEYS) {
    root.ele('key', { id: `e_${name}`, for: 'edge', 'attr.name': name, 'attr.type': type });
  }
  const g = root.ele('graph', { id: graph.slug, edgedefault: 'directed' });
  g.ele('desc').txt(graph.title);
  for (const n of graph.nodes) {
    const node = g.ele('node', { id: n.id });
    const values: Record<string, string | null> = {
      label: n.label,
      type: n.type,
      kind: n.kind,
      degree: String(n.degree),
      description: n.description,
      sources: n.sources.join(LIST_SEPARATOR),
    };
    for (const [name] of NODE_KEYS) {
      const value = values[name];
      if (value !== null && value !== undefined) node.ele('data', { key: `n_${name}` }).txt(value);
    }
  }
  for (const e of graph.edges) {
    const edge = g.ele('edge', {
      id: edgeId(e.source, e.type, e.target),
      source: e.source,
      target: e.target,
    });
    edge.ele('data', { key: 'e_type' }).txt(e.type);
    edge.ele('data', { key: 'e_label' }).txt(relationshipLabel(e.type));
    edge.ele('data', { key: 'e_sources' }).txt(e.sources.join(LIST_SEPARATOR));
    const details = detailValues(e);
    for (const name of DETAIL_NAMES) {
      const value = details[name];
      if (value !== null) edge.ele('data', { key: `e_${name}` }).txt(value);
    }
  }
  return root.end({ prettyPrint: true });
}
