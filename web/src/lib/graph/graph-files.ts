/**
 * Writes what the canvas shows as files people can open elsewhere: JSON (Cytoscape elements), GraphML
 * (yEd, Cytoscape desktop), GEXF (Gephi and Gephi Lite, with the canvas's layout and colours) and
 * CSV (a nodes table and an edges table). Pure: elements in, text out; the component hands the text
 * to the browser as a download.
 */
import {
  EVIDENCE_ATTRIBUTE_SEPARATOR,
  EVIDENCE_SEPARATOR,
  GEXF_EDGE_ATTRIBUTES,
  RELATIONSHIP_DETAIL_PROPERTIES as DETAIL_KEYS,
  statedDetails,
} from '../../../../server/services/export/relationship-detail-fields.ts';
import { neutraliseFormula } from '../../../../server/services/export/spreadsheet-formulas.ts';
import type { RelationshipDetails, RelationshipDetailsResponse } from '../api';
import { entityTypeName, organisationKindName } from '../vocabulary';
import type { GraphEdgeData, GraphNodeData } from './elements';
import { entityStyle } from './palette';
import { escapeXml } from './svg-export';

/** The shown graph: node and edge data as on the canvas. */
export interface ShownGraph {
  nodes: readonly (Pick<GraphNodeData, 'id' | 'label' | 'type' | 'kind' | 'degree' | 'sources'> & {
    /** Where the canvas draws it (model coordinates), for tools that keep the layout. */
    position?: { x: number; y: number };
  })[];
  edges: readonly ShownEdge[];
  /**
   * Each cited source's title by id, once read for an export (withRelationshipDetails): the CSV
   * tables, read by people, name sources by them ("Edits by ada", not an editor's UUID).
   */
  sourceTitles?: ReadonlyMap<string, string>;
}

/**
 * An edge as the canvas holds it, and what its relationship states once read for an export
 * (withRelationshipDetails): the canvas itself never holds the evidence, most of its bytes.
 */
export type ShownEdge = Pick<
  GraphEdgeData,
  'id' | 'source' | 'target' | 'type' | 'label' | 'sources'
> &
  Partial<Pick<RelationshipDetails, (typeof DETAIL_KEYS)[number] | 'evidence'>>;

/**
 * The shown graph, each edge with what its relationship states (matched by edge id), and the
 * titles of the sources cited.
 */
export function withRelationshipDetails(
  graph: ShownGraph,
  details: RelationshipDetailsResponse,
): ShownGraph {
  const byId = new Map(details.relationships.map((d) => [d.id, d]));
  const sourceTitles = new Map(
    details.sources.flatMap((source) => (source.title ? [[source.id, source.title] as const] : [])),
  );
  return {
    nodes: graph.nodes,
    sourceTitles,
    edges: graph.edges.map((edge) => {
      const stated = byId.get(edge.id);
      if (!stated) return edge;
      // Its sources as read with the evidence: each quote stands at its source's place.
      return {
        ...edge,
        sources: stated.sources,
        evidence: stated.evidence,
        ...statedDetails(stated),
      };
    }),
  };
}

/** How a list goes into one cell or attribute: as the API's own exports write it. */
const LIST_SEPARATOR = '; ';
const evidenceText = (evidence: readonly string[] | undefined) =>
  evidence && evidence.length > 0 ? evidence.join(EVIDENCE_SEPARATOR) : undefined;
const sourceList = (sources: readonly string[] | undefined) =>
  sources && sources.length > 0 ? sources.join(LIST_SEPARATOR) : undefined;
/** The sources as a table's reader knows them: by title where read, else by id. */
const sourceTitleList = (graph: ShownGraph) => (sources: readonly string[] | undefined) =>
  sourceList(sources?.map((id) => graph.sourceTitles?.get(id) ?? id));

/** The export formats of the shown graph, with their file extension and media type. */
export const GRAPH_FILE_FORMATS = {
  json: { extension: 'json', mime: 'application/json' },
  graphml: { extension: 'graphml', mime: 'application/graphml+xml' },
  gexf: { extension: 'gexf', mime: 'application/gexf+xml' },
  nodesCsv: { extension: 'nodes.csv', mime: 'text/csv' },
  edgesCsv: { extension: 'edges.csv', mime: 'text/csv' },
} as const;

/** One of the export formats. */
export type GraphFileFormat = keyof typeof GRAPH_FILE_FORMATS;

/**
 * JSON as Cytoscape reads it (`cy.json()`, and Cytoscape desktop's `.cyjs` import): elements under
 * `elements`, each node with its data and where the canvas drew it. Without the wrapper and the
 * positions, Cytoscape desktop did not open the file, and the layout was lost.
 */
export function toJsonFile(graph: ShownGraph): string {
  return `${JSON.stringify(
    {
      format_version: '1.0',
      generated_by: 'DPG Explorer',
      elements: {
        nodes: graph.nodes.map(({ position, ...data }) =>
          position ? { data, position } : { data },
        ),
        edges: graph.edges.map((data) => ({ data })),
      },
    },
    null,
    2,
  )}\n`;
}

/**
 * One CSV field, quoted when it needs to be (RFC 4180). Text a spreadsheet would run as a formula
 * gets a leading apostrophe, as the API's CSV export does (names come from public sources).
 */
export function csvField(value: string | number | undefined): string {
  const raw = value === undefined ? '' : String(value);
  const text = typeof value === 'string' ? neutraliseFormula(raw) : raw;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV table with a header row, lines ended as spreadsheets on every system read them. */
export function csv(
  header: readonly string[],
  rows: readonly (string | number | undefined)[][],
): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// The CSV tables are for spreadsheets, read by people: types and kinds by the names the explorer
// shows ("UN agency", not `un-agency`), and each relationship with the names of both ends, so a row
// reads as a sentence without a lookup in the nodes table. JSON, GraphML and GEXF keep the codes.

/** The nodes table: id, name, type, kind, connections, sources (the titles of those that state it). */
export function toNodesCsv(graph: ShownGraph): string {
  const named = sourceTitleList(graph);
  return csv(
    ['id', 'name', 'type', 'kind', 'connections', 'sources'],
    graph.nodes.map((node) => [
      node.id,
      node.label,
      entityTypeName(node.type),
      node.kind === undefined ? undefined : organisationKindName(node.kind),
      node.degree,
      named(node.sources),
    ]),
  );
}

/**
 * The edges table: source, source name, relationship, target, target name, type (its code), what
 * the relationship states (role, dates, board seat, notes, cited page), the sources that state it
 * and what each quotes: every fact keeps its provenance in a spreadsheet too.
 */
export function toEdgesCsv(graph: ShownGraph): string {
  const names = new Map(graph.nodes.map((node) => [node.id, node.label]));
  const named = sourceTitleList(graph);
  return csv(
    [
      'source',
      'source name',
      'relationship',
      'target',
      'target name',
      'type',
      'role',
      'start date',
      'end date',
      'board seat',
      'notes',
      'cited page',
      'sources',
      'evidence',
    ],
    graph.edges.map((edge) => [
      edge.source,
      names.get(edge.source),
      edge.label,
      edge.target,
      names.get(edge.target),
      edge.type,
      edge.role,
      edge.startDate,
      edge.endDate,
      edge.board === undefined ? undefined : edge.board ? 'yes' : 'no',
      edge.notes,
      edge.sourceUrl,
      named(edge.sources),
      evidenceText(edge.evidence),
    ]),
  );
}

/**
 * GraphML with label, type, kind, degree and sources on nodes, and type, label, sources and what
 * the relationship states (role, dates, board, notes, sourceUrl, evidence) on edges.
 */
export function toGraphMl(graph: ShownGraph): string {
  const key = (id: string, target: 'node' | 'edge', type: string) =>
    `  <key id="${id}" for="${target}" attr.name="${id.replace(/^e_/, '')}" attr.type="${type}"/>`;
  const value = (id: string, text: string | number | undefined) =>
    text === undefined ? '' : `<data key="${id}">${escapeXml(String(text))}</data>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    key('label', 'node', 'string'),
    key('type', 'node', 'string'),
    key('kind', 'node', 'string'),
    key('degree', 'node', 'int'),
    key('sources', 'node', 'string'),
    key('e_type', 'edge', 'string'),
    key('e_label', 'edge', 'string'),
    key('e_sources', 'edge', 'string'),
    ...DETAIL_KEYS.map((name) => key(`e_${name}`, 'edge', name === 'board' ? 'boolean' : 'string')),
    key('e_evidence', 'edge', 'string'),
    '  <graph id="dpg-explorer" edgedefault="directed">',
    ...graph.nodes.map(
      (node) =>
        `    <node id="${escapeXml(node.id)}">${value('label', node.label)}${value('type', node.type)}${value('kind', node.kind)}${value('degree', node.degree)}${value('sources', sourceList(node.sources))}</node>`,
    ),
    ...graph.edges.map(
      (edge) =>
        `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${value('e_type', edge.type)}${value('e_label', edge.label)}${value('e_sources', sourceList(edge.sources))}${DETAIL_KEYS.map((name) => value(`e_${name}`, edge[name] === undefined ? undefined : String(edge[name]))).join('')}${value('e_evidence', evidenceText(edge.evidence))}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** `#0072B2` as GEXF's viz:color attributes. */
function gexfColor(hex: string): string {
  const channel = (at: number) => Number.parseInt(hex.slice(at, at + 2), 16);
  return `<viz:color r="${channel(1)}" g="${channel(3)}" b="${channel(5)}"/>`;
}

/**
 * GEXF 1.3 for Gephi and Gephi Lite: the same attributes as the GraphML file, each node in its
 * type's colour and, where the canvas drew it, at its place (y flipped: Gephi's y axis points up,
 * the canvas's down), so the picture opens as it was shown rather than as a heap to lay out again.
 * Each edge's `kind` is its type: Gephi merges parallel edges of one kind, and an organisation
 * that funds and owns a DPG must arrive with both. Quotes are joined by " | ": a line break in an
 * attribute reads back as a space. The API's `/api/export?format=gexf` writes the same attributes.
 */
export function toGexf(graph: ShownGraph): string {
  const attributes = (target: 'node' | 'edge', list: readonly (readonly [string, string])[]) => [
    `    <attributes class="${target}" mode="static">`,
    ...list.map(
      ([title, type], i) => `      <attribute id="${i}" title="${title}" type="${type}"/>`,
    ),
    '    </attributes>',
  ];
  const nodeAttributes = [
    ['type', 'string'],
    ['kind', 'string'],
    ['degree', 'integer'],
    ['sources', 'string'],
  ] as const;
  const attvalues = (values: readonly (string | number | boolean | undefined)[]) =>
    `<attvalues>${values
      .map((value, i) =>
        value === undefined ? '' : `<attvalue for="${i}" value="${escapeXml(String(value))}"/>`,
      )
      .join('')}</attvalues>`;
  const position = (point: { x: number; y: number } | undefined) =>
    point ? `<viz:position x="${point.x.toFixed(1)}" y="${(-point.y).toFixed(1)}" z="0.0"/>` : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '  <meta><creator>DPG Explorer</creator></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...attributes('node', nodeAttributes),
    ...attributes('edge', GEXF_EDGE_ATTRIBUTES),
    `    <nodes count="${graph.nodes.length}">`,
    ...graph.nodes.map(
      (node) =>
        `      <node id="${escapeXml(node.id)}" label="${escapeXml(node.label)}">${attvalues([node.type, node.kind, node.degree, sourceList(node.sources)])}${gexfColor(entityStyle(node.type).color)}${position(node.position)}</node>`,
    ),
    '    </nodes>',
    `    <edges count="${graph.edges.length}">`,
    ...graph.edges.map(
      (edge) =>
        `      <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}" kind="${escapeXml(edge.type)}" label="${escapeXml(edge.label)}">${attvalues([edge.type, sourceList(edge.sources), ...DETAIL_KEYS.map((name) => edge[name]), edge.evidence?.join(EVIDENCE_ATTRIBUTE_SEPARATOR)])}</edge>`,
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}

/** The file text for `format`. */
export function graphFile(graph: ShownGraph, format: GraphFileFormat): string {
  switch (format) {
    case 'json':
      return toJsonFile(graph);
    case 'graphml':
      return toGraphMl(graph);
    case 'gexf':
      return toGexf(graph);
    case 'nodesCsv':
      return toNodesCsv(graph);
    case 'edgesCsv':
      return toEdgesCsv(graph);
  }
}

/**
 * The longest slug a download's name takes (characters, all ASCII): with `dpg-explorer-` and the
 * extension, about 100 bytes, well inside the 255 that file systems take and short enough for a
 * whole path to stay under Windows' 260. At 48, "Gender and Minority Groups sector stakeholders in
 * Sierra Leone" came out as "…-stakeholders-in-sier", the country cut off.
 */
export const FILE_SLUG_MAX = 80;

/**
 * What stands where a shortened slug's middle was dropped: two hyphens, which a slug never holds
 * otherwise (every run of other characters becomes one), so the cut is unmistakable to a reader
 * and to a script. ASCII and safe in a file name on every system, where `…` is not (FAT and some
 * archive tools mangle it) and a word such as `etc` could be one of the title's own.
 */
export const SLUG_CUT_MARK = '--';

/**
 * A slug of at most `max` characters, the cut marked with {@link SLUG_CUT_MARK}: its first words
 * and its last, which say where and of what ("…--in-sierra-leone"), between words. A first word
 * with no room for it whole is cut inside itself, and marked the same way.
 */
export function shortenSlug(slug: string, max = FILE_SLUG_MAX): string {
  if (slug.length <= max) return slug;
  const words = slug.split('-');
  const joined = (parts: readonly string[]) => parts.join('-').length;
  // The end first, up to half the room (never the first word); then as many words from the
  // start as fit before it and the mark.
  let tail: string[] = [];
  for (let i = words.length - 1; i > 0; i -= 1) {
    const longer = [words[i]!, ...tail];
    if (joined(longer) > max / 2) break;
    tail = longer;
  }
  const room = max - joined(tail) - SLUG_CUT_MARK.length;
  const head: string[] = [];
  for (const word of words.slice(0, words.length - tail.length)) {
    if (joined([...head, word]) > room) break;
    head.push(word);
  }
  const start = head.length > 0 ? head.join('-') : words[0]!.slice(0, room);
  return `${start}${SLUG_CUT_MARK}${tail.join('-')}`;
}

/**
 * A download's file name after what the canvas shows: `dpg-explorer-unicef.svg`,
 * `dpg-explorer-overview.csv`; a name of no letters or digits falls back to `dpg-explorer.svg`.
 * A long one keeps its first words and its last, the cut marked (shortenSlug).
 */
export function exportFileName(shown: string, extension: string): string {
  const slug = shortenSlug(
    shown
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, ''),
  );
  return `dpg-explorer${slug ? `-${slug}` : ''}.${extension}`;
}
