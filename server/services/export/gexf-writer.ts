/**
 * GEXF 1.3 (https://gexf.net/) for Gephi: a static directed graph with node attributes
 * type/kind/degree/description/sources and edge attributes type/sources and what the relationship
 * states (role, startDate, endDate, board, notes, sourceUrl, evidence); the edge label is the
 * relationship phrase and its kind the relationship type. Built with xmlbuilder2, every value escaped (xml-text.ts); characters XML cannot
 * hold are dropped.
 */
import { create } from 'xmlbuilder2';
import { edgeId, relationshipLabel } from '../graph-elements.ts';
import type { ExportGraph } from './export-graph.ts';
import { xmlSafeGraph } from './xml-text.ts';
import { LIST_SEPARATOR } from './graphml-writer.ts';
import {
  EVIDENCE_ATTRIBUTE_SEPARATOR,
  GEXF_EDGE_ATTRIBUTES as EDGE_ATTRIBUTES,
} from './relationship-detail-fields.ts';
import { DETAIL_NAMES, detailValues } from './relationship-detail-values.ts';

const NODE_ATTRIBUTES = [
  ['type', 'string'],
  ['kind', 'string'],
  ['degree', 'integer'],
  ['description', 'string'],
  ['sources', 'string'],
] as const;

export function toGexf(input: ExportGraph): string {
  const graph = xmlSafeGraph(input);
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' }).ele(
    'http://gexf.net/1.3',
    'gexf',
    { version: '1.3' },
  );
  const meta = root.ele('meta', { lastmodifieddate: graph.exportedAt.slice(0, 10) });
  meta.ele('creator').txt('DPG Explorer');
  meta.ele('description').txt(graph.title);
  const g = root.ele('graph', { defaultedgetype: 'directed', mode: 'static' });
  const nodeAttributes = g.ele('attributes', { class: 'node', mode: 'static' });
  NODE_ATTRIBUTES.forEach(([title, type], i) =>
    nodeAttributes.ele('attribute', { id: String(i), title, type }),
  );
  const edgeAttributes = g.ele('attributes', { class: 'edge', mode: 'static' });
  EDGE_ATTRIBUTES.forEach(([title, type], i) =>
    edgeAttributes.ele('attribute', { id: String(i), title, type }),
  );

  const nodes = g.ele('nodes', { count: String(graph.nodes.length) });
  for (const n of graph.nodes) {
    const values = [
      n.type,
      n.kind,
      String(n.degree),
      n.description,
      n.sources.join(LIST_SEPARATOR),
    ];
    const attvalues = nodes.ele('node', { id: n.id, label: n.label }).ele('attvalues');
    values.forEach((value, i) => {
      if (value !== null) attvalues.ele('attvalue', { for: String(i), value });
    });
  }
  const edges = g.ele('edges', { count: String(graph.edges.length) });
  for (const e of graph.edges) {
    const details = detailValues(e, EVIDENCE_ATTRIBUTE_SEPARATOR);
    const values = [e.type, e.sources.join(LIST_SEPARATOR), ...DETAIL_NAMES.map((n) => details[n])];
    const attvalues = edges
      .ele('edge', {
        id: edgeId(e.source, e.type, e.target),
        source: e.source,
        target: e.target,
        // Gephi merges parallel edges of one kind: an organisation that funds and owns a DPG
        // must arrive with both.
        kind: e.type,
        label: relationshipLabel(e.type),
      })
      .ele('attvalues');
    values.forEach((value, i) => {
      if (value !== null) attvalues.ele('attvalue', { for: String(i), value });
    });
  }
  return root.end({ prettyPrint: true });
}
