import type { DetailedEdgeRecord } from '../graph-elements.ts';
import type { ExportGraph } from './export-graph.ts';
import { RELATIONSHIP_DETAIL_PROPERTIES } from './relationship-detail-fields.ts';

/**
 * Makes text safe to hand to xmlbuilder2. The builder escapes `<`, `>` and quotes, but leaves an
 * `&` that starts something entity-like (`&amp;`, `&#65;`) as it is, so the literal text "&amp;"
 * would read back as "&". Escaping every `&` first makes every value read back exactly.
 */
export function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;');
}

/** The graph with every text value passed through xmlText, for the XML writers. */
export function xmlSafeGraph(graph: ExportGraph): ExportGraph {
  const text = (v: string | null) => (v === null ? null : xmlText(v));
  return {
    title: xmlText(graph.title),
    slug: graph.slug,
    exportedAt: graph.exportedAt,
    nodes: graph.nodes.map((n) => ({
      id: xmlText(n.id),
      label: xmlText(n.label),
      type: xmlText(n.type),
      kind: text(n.kind),
      description: text(n.description),
      degree: n.degree,
      sources: n.sources.map(xmlText),
    })),
    edges: graph.edges.map((e) => {
      const edge: DetailedEdgeRecord = {
        source: xmlText(e.source),
        target: xmlText(e.target),
        type: xmlText(e.type),
        sources: e.sources.map(xmlText),
        evidence: e.evidence.map(xmlText),
      };
      for (const key of RELATIONSHIP_DETAIL_PROPERTIES) {
        const value = e[key];
        if (value !== undefined)
          Object.assign(edge, { [key]: typeof value === 'string' ? xmlText(value) : value });
      }
      return edge;
    }),
  };
}
