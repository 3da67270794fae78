/**
 * The Cytoscape.js JSON format (`elements: { nodes, edges }`), which Cytoscape desktop imports
 * as a network (File → Import → Network from File, `.cyjs`/`.json`). Each edge carries what its
 * relationship states: the evidence (one quote per source) and the properties it has.
 */
import { edgeId, relationshipLabel } from '../graph-elements.ts';
import { statedDetails } from './relationship-detail-fields.ts';
import type { ExportGraph } from './export-graph.ts';

export function toCytoscapeJson(graph: ExportGraph): string {
  return JSON.stringify(
    {
      format_version: '1.0',
      generated_by: 'DPG Explorer',
      target_cytoscapejs_version: '~3',
      data: { name: graph.title, exportedAt: graph.exportedAt },
      elements: {
        nodes: graph.nodes.map((n) => ({
          data: {
            id: n.id,
            name: n.label,
            label: n.label,
            type: n.type,
            kind: n.kind,
            degree: n.degree,
            description: n.description,
            sources: n.sources,
          },
        })),
        edges: graph.edges.map((e) => ({
          data: {
            id: edgeId(e.source, e.type, e.target),
            source: e.source,
            target: e.target,
            interaction: e.type,
            type: e.type,
            label: relationshipLabel(e.type),
            sources: e.sources,
            evidence: e.evidence,
            ...statedDetails(e),
          },
        })),
      },
    },
    null,
    2,
  );
}
