import { parse } from 'csv-parse/sync';
import { create } from 'xmlbuilder2';
import { describe, expect, it } from 'vitest';
import { edgesCsv, nodesCsv, safeCell } from '../../server/services/export/csv-writer.ts';
import { toCytoscapeJson } from '../../server/services/export/cytoscape-json-writer.ts';
import { fileSlug, type ExportGraph } from '../../server/services/export/export-graph.ts';
import { exportFile } from '../../server/services/export/export-formats.ts';
import { toGexf } from '../../server/services/export/gexf-writer.ts';
import { toGraphml } from '../../server/services/export/graphml-writer.ts';

const HOSTILE = `Tricky "quoted", <b>bold</b> & &amp; 'apos'; ]]> \u0001bell`;

const graph: ExportGraph = {
  title: 'Neighbourhood of org:unicef, depth 1',
  slug: 'neighbourhood-org-unicef',
  exportedAt: '2024-05-01T12:00:00.000Z',
  nodes: [
    {
      id: 'org:unicef',
      label: 'UNICEF',
      type: 'Organisation',
      kind: 'un-agency',
      description: HOSTILE,
      degree: 12,
      sources: ['source:member-page:unicef', 'source:dpg-registry'],
    },
    {
      id: 'activity:unicef/web3',
      label: '=HYPERLINK("http://evil")',
      type: 'Activity',
      kind: null,
      description: 'line one\nline two',
      degree: 1,
      sources: ['source:member-page:unicef'],
    },
  ],
  edges: [
    {
      source: 'org:unicef',
      target: 'activity:unicef/web3',
      type: 'LEADS',
      sources: ['source:member-page:unicef', 'source:editor'],
      // A quote may hold the list separator, and hostile text.
      evidence: ['UNICEF lists "Web3"; among its activities', HOSTILE],
      role: 'co-funder',
      startDate: '2021-03',
      board: false,
      notes: '=cmd|calc',
      sourceUrl: 'https://example.org/web3?a=1&b=2',
    },
    {
      source: 'org:unicef',
      target: 'org:unicef',
      type: 'MEMBER_OF',
      sources: ['source:members'],
      evidence: [],
    },
  ],
};

type XmlObject = Record<string, unknown>;
const parseXml = (xml: string) => create(xml).end({ format: 'object' }) as XmlObject;
/** The document element, parsed by xmlbuilder2's DOM (which unescapes text, unlike `format: 'object'`). */
const parseDom = (xml: string) => create(xml).root().node as unknown as XmlElement;

/** The part of the DOM these tests read (the project compiles without the DOM library). */
interface XmlElement {
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
  textContent: string | null;
}

describe('CSV export', () => {
  it('writes the documented node columns, quoting what needs it, one record per node', () => {
    const rows = parse(nodesCsv(graph), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'label',
      'type',
      'kind',
      'degree',
      'description',
      'sources',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      id: 'org:unicef',
      description: HOSTILE,
      sources: 'source:member-page:unicef; source:dpg-registry',
      degree: '12',
    });
    expect(rows[1]!.description).toBe('line one\nline two');
  });

  it('neutralises spreadsheet formulas', () => {
    const rows = parse(nodesCsv(graph), { columns: true }) as Record<string, string>[];
    expect(rows[1]!.label).toBe(`'=HYPERLINK("http://evil")`);
    expect(safeCell('+1 555')).toBe("'+1 555");
    expect(safeCell('@sum')).toBe("'@sum");
    expect(safeCell('UNICEF')).toBe('UNICEF');
    expect(safeCell(42)).toBe(42);
  });

  it('writes the edge table with what each relationship states, evidence a line per source', () => {
    expect(parse(edgesCsv(graph), { columns: true })).toEqual([
      {
        source: 'org:unicef',
        target: 'activity:unicef/web3',
        type: 'LEADS',
        label: 'leads',
        role: 'co-funder',
        startDate: '2021-03',
        endDate: '',
        board: 'false',
        notes: "'=cmd|calc",
        sourceUrl: 'https://example.org/web3?a=1&b=2',
        sources: 'source:member-page:unicef; source:editor',
        evidence: `UNICEF lists "Web3"; among its activities\n${HOSTILE}`,
      },
      {
        source: 'org:unicef',
        target: 'org:unicef',
        type: 'MEMBER_OF',
        label: 'is a member of',
        role: '',
        startDate: '',
        endDate: '',
        board: '',
        notes: '',
        sourceUrl: '',
        sources: 'source:members',
        evidence: '',
      },
    ]);
  });
});

describe('GraphML export', () => {
  const xml = toGraphml(graph);

  it('is well-formed XML that keeps every value, escaped', () => {
    const root = parseDom(xml);
    const unicef = root.getElementsByTagName('node')[0]!;
    expect(unicef.getAttribute('id')).toBe('org:unicef');
    const description = [...unicef.getElementsByTagName('data')].find(
      (d) => d.getAttribute('key') === 'n_description',
    );
    // The control character is dropped (XML 1.0 cannot hold it); everything else survives.
    expect(description?.textContent).toBe(HOSTILE.replace('\u0001', ''));
    const edge = root.getElementsByTagName('edge')[0]!;
    expect([edge.getAttribute('source'), edge.getAttribute('target')]).toEqual([
      'org:unicef',
      'activity:unicef/web3',
    ]);
  });

  it('carries what each relationship states, and no key for what it does not', () => {
    const values = (edge: XmlElement) =>
      Object.fromEntries(
        [...edge.getElementsByTagName('data')].map((d) => [d.getAttribute('key'), d.textContent]),
      );
    const [stated, bare] = parseDom(xml).getElementsByTagName('edge') as unknown as XmlElement[];
    expect(values(stated!)).toMatchObject({
      e_role: 'co-funder',
      e_startDate: '2021-03',
      e_board: 'false',
      e_sourceUrl: 'https://example.org/web3?a=1&b=2',
      e_evidence: `UNICEF lists "Web3"; among its activities\n${HOSTILE.replace('\u0001', '')}`,
    });
    expect(Object.keys(values(bare!))).toEqual(['e_type', 'e_label', 'e_sources']);
    expect(xml).toContain('<key id="e_board" for="edge" attr.name="board" attr.type="boolean"/>');
  });

  it('escapes an ampersand even where it starts something entity-like', () => {
    // xmlbuilder2 alone would leave "&#65;" as a character reference (read back as "A").
    const withReference = { ...graph, nodes: [{ ...graph.nodes[0]!, label: 'R&#65;D &lt;' }] };
    expect(toGraphml(withReference)).toContain('<data key="n_label">R&amp;#65;D &amp;lt;</data>');
    expect(toGexf(withReference)).toContain('label="R&amp;#65;D &amp;lt;"');
  });

  it('declares its attributes as keys, in the GraphML namespace', () => {
    expect(xml).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">');
    expect(xml).toContain('<key id="n_degree" for="node" attr.name="degree" attr.type="int"/>');
    expect(xml).toContain('edgedefault="directed"');
  });
});

describe('GEXF export', () => {
  const xml = toGexf(graph);

  it('is well-formed GEXF 1.3 with node and edge attributes', () => {
    const doc = parseXml(xml) as {
      gexf: {
        '@version': string;
        graph: { nodes: { node: XmlObject[] }; edges: { edge: XmlObject[] } };
      };
    };
    expect(doc.gexf['@version']).toBe('1.3');
    expect(doc.gexf.graph.nodes.node).toHaveLength(2);
    expect(doc.gexf.graph.nodes.node[0]).toMatchObject({ '@id': 'org:unicef', '@label': 'UNICEF' });
    expect(doc.gexf.graph.edges.edge[0]).toMatchObject({
      '@label': 'leads',
      '@source': 'org:unicef',
      // Its type as its kind, so that Gephi keeps parallel relationships apart.
      '@kind': 'LEADS',
    });
    expect(xml).toContain('xmlns="http://gexf.net/1.3"');
  });

  it('gives each relationship detail an attribute, declared once', () => {
    const root = parseDom(xml);
    const edgeAttributes = [...root.getElementsByTagName('attributes')].find(
      (a) => a.getAttribute('class') === 'edge',
    )!;
    const titles = new Map(
      [...edgeAttributes.getElementsByTagName('attribute')].map((a) => [
        a.getAttribute('id'),
        a.getAttribute('title'),
      ]),
    );
    const stated = root.getElementsByTagName('edge')[0]!;
    const values = Object.fromEntries(
      [...stated.getElementsByTagName('attvalue')].map((v) => [
        titles.get(v.getAttribute('for')),
        v.getAttribute('value'),
      ]),
    );
    expect(values).toMatchObject({
      type: 'LEADS',
      role: 'co-funder',
      notes: '=cmd|calc',
      // Not a line break: inside an attribute, a parser would read it as a space.
      evidence: `UNICEF lists "Web3"; among its activities | ${HOSTILE.replace('\u0001', '')}`,
    });
  });
});

describe('Cytoscape JSON export', () => {
  it('holds elements Cytoscape desktop imports', () => {
    const doc = JSON.parse(toCytoscapeJson(graph));
    expect(doc.elements.nodes[0].data).toMatchObject({ id: 'org:unicef', name: 'UNICEF' });
    expect(doc.elements.edges[0].data).toMatchObject({
      id: 'org:unicef|LEADS|activity:unicef/web3',
      interaction: 'LEADS',
      evidence: ['UNICEF lists "Web3"; among its activities', HOSTILE],
      role: 'co-funder',
      board: false,
    });
    expect(Object.keys(doc.elements.edges[1].data)).not.toContain('role');
  });
});

describe('exportFile', () => {
  it.each([
    [
      'json',
      'nodes',
      'application/json; charset=utf-8',
      'dpg-explorer-neighbourhood-org-unicef.json',
    ],
    [
      'graphml',
      'nodes',
      'application/graphml+xml; charset=utf-8',
      'dpg-explorer-neighbourhood-org-unicef.graphml',
    ],
    [
      'gexf',
      'nodes',
      'application/gexf+xml; charset=utf-8',
      'dpg-explorer-neighbourhood-org-unicef.gexf',
    ],
    [
      'csv',
      'edges',
      'text/csv; charset=utf-8; header=present',
      'dpg-explorer-neighbourhood-org-unicef-edges.csv',
    ],
  ] as const)('%s (%s) is served as %s named %s', (format, part, contentType, fileName) => {
    expect(exportFile(graph, format, part)).toMatchObject({ contentType, fileName });
  });
});

describe('fileSlug', () => {
  it('keeps letters, digits and dashes only', () => {
    expect(fileSlug('activity:unicef/co-leading the CoP')).toBe(
      'activity-unicef-co-leading-the-cop',
    );
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('日本')).toBe('graph');
  });
});
