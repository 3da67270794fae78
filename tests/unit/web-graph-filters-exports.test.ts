// Unit tests of the filters in the element derivation (web/src/lib/graph/elements.ts,
// filter-facets.ts) and of the export writers (graph-files.ts, svg-export.ts).
import { describe, expect, it } from 'vitest';
import { convert } from 'xmlbuilder2';
import type { GraphChunk, PathsResponse } from '../../web/src/lib/api/types.ts';
import {
  connectionFilter,
  connectionOptions,
  csvField,
  exportFileName,
  FILE_SLUG_MAX,
  graphToSvg,
  shortenSlug,
  SLUG_CUT_MARK,
  LABEL_METRICS,
  toCytoscapeElements,
  toEdgesCsv,
  withRelationshipDetails,
  toGexf,
  toGraphMl,
  toJsonFile,
  toNodesCsv,
  type GraphElement,
  useWebgl,
  WEBGL_MIN_ELEMENTS,
} from '../../web/src/lib/graph/index.ts';
import { routeSegments } from '../../web/src/lib/graph/tree-routes.ts';
import { pathElementIds, pathSummary } from '../../web/src/state/paths/utils.ts';

const node = (id: string, type: string, kind?: string) => ({
  data: {
    id,
    label: id.split(':')[1] ?? id,
    type,
    degree: 2,
    sources: [],
    ...(kind ? { kind } : {}),
  },
});
const edge = (source: string, type: string, target: string) => ({
  data: {
    id: `${source}|${type}|${target}`,
    source,
    target,
    type,
    label: type.toLowerCase(),
    sources: [],
  },
});

const chunk: GraphChunk = {
  nodes: [
    node('dpg:dhis2', 'DPG'),
    node('dpg:mosip', 'DPG'),
    node('org:norad', 'Organisation', 'government'),
    node('org:google', 'Organisation', 'company'),
    node('sdg:3', 'SDG'),
    node('country:SL', 'Country'),
  ],
  edges: [
    edge('dpg:dhis2', 'ADVANCES', 'sdg:3'),
    edge('org:norad', 'FUNDS', 'dpg:dhis2'),
    edge('org:google', 'FUNDS', 'dpg:mosip'),
    edge('dpg:dhis2', 'DEPLOYED_IN', 'country:SL'),
  ],
};

const ids = (elements: GraphElement[], group: 'nodes' | 'edges') =>
  elements.filter((e) => e.group === group).map((e) => e.data.id);

describe('filters in the element derivation', () => {
  it('hides organisations of a kind and the edges that touch them', () => {
    const elements = toCytoscapeElements(chunk, {
      hiddenTypes: new Set(),
      hiddenKinds: new Set(['company']),
    });
    expect(ids(elements, 'nodes')).not.toContain('org:google');
    expect(ids(elements, 'edges')).not.toContain('org:google|FUNDS|dpg:mosip');
    expect(ids(elements, 'nodes')).toContain('org:norad');
  });

  it('hides a relationship type, and what only it connected but organisations', () => {
    const elements = toCytoscapeElements(chunk, {
      hiddenTypes: new Set(),
      hiddenRels: new Set(['FUNDS']),
    });
    expect(ids(elements, 'edges')).toEqual([
      'dpg:dhis2|ADVANCES|sdg:3',
      'dpg:dhis2|DEPLOYED_IN|country:SL',
    ]);
    // MOSIP was connected by Google's funding alone; Norad and Google stay, as kinds do.
    expect(ids(elements, 'nodes')).toEqual([
      'dpg:dhis2',
      'org:norad',
      'org:google',
      'sdg:3',
      'country:SL',
    ]);
  });

  it('keeps only nodes connected to a chosen SDG, and fades instead of hiding on request', () => {
    const connectedTo = connectionFilter(chunk, ['sdg:3']);
    const hidden = toCytoscapeElements(chunk, { hiddenTypes: new Set(), connectedTo });
    expect(ids(hidden, 'nodes').sort()).toEqual(['dpg:dhis2', 'sdg:3']);
    const faded = toCytoscapeElements(chunk, { hiddenTypes: new Set(), connectedTo, mode: 'fade' });
    expect(ids(faded, 'nodes')).toHaveLength(6);
    const muted = faded
      .filter((e) => e.group === 'nodes' && e.data.muted === 1)
      .map((e) => e.data.id);
    expect(muted.sort()).toEqual(['country:SL', 'dpg:mosip', 'org:google', 'org:norad']);
  });

  it('combines facets with AND and values of one facet with OR', () => {
    const both = connectionFilter(chunk, ['sdg:3', 'country:SL']);
    const elements = toCytoscapeElements(chunk, { hiddenTypes: new Set(), connectedTo: both });
    // The chosen anchors stay too: they say what the rest is filtered by.
    expect(ids(elements, 'nodes')).toEqual(['dpg:dhis2', 'sdg:3', 'country:SL']);
    // Even when the relationship that tied an anchor in is hidden.
    const untied = toCytoscapeElements(chunk, {
      hiddenTypes: new Set(),
      hiddenRels: new Set(['ADVANCES']),
      connectedTo: connectionFilter(chunk, ['sdg:3']),
    });
    expect(ids(untied, 'nodes')).toEqual(['dpg:dhis2', 'sdg:3']);
  });

  it('lists connection options with counts, most connected first', () => {
    const options = connectionOptions(chunk);
    expect(options.get('sdg')).toEqual([{ id: 'sdg:3', label: '3', count: 1 }]);
    expect(options.get('country')).toEqual([{ id: 'country:SL', label: 'SL', count: 1 }]);
  });

  it('marks path elements and pinned nodes, and sizes by connections shown', () => {
    const path = new Set(['org:norad', 'dpg:dhis2', 'org:norad|FUNDS|dpg:dhis2']);
    const elements = toCytoscapeElements(chunk, {
      hiddenTypes: new Set(),
      path,
      pinned: new Set(['sdg:3']),
      sizeBy: 'shown',
    });
    const onPath = elements.filter((e) => e.data.onPath === 1).map((e) => e.data.id);
    expect(onPath.sort()).toEqual([...path].sort());
    const sdg = elements.find((e) => e.data.id === 'sdg:3');
    expect(sdg?.group === 'nodes' && sdg.data.pinned).toBe(1);
    const sizes = new Map(
      elements.flatMap((e) => (e.group === 'nodes' ? [[e.data.id, e.data.size] as const] : [])),
    );
    expect(sizes.get('dpg:dhis2')).toBeGreaterThan(sizes.get('sdg:3')!);
  });

  it('derives path ids from a paths answer', () => {
    const answer: PathsResponse = {
      from: 'org:norad',
      to: 'sdg:3',
      isolated: [],
      nodes: [],
      edges: [],
      paths: [
        {
          length: 2,
          nodes: ['org:norad', 'dpg:dhis2', 'sdg:3'],
          steps: [
            {
              source: 'org:norad',
              target: 'dpg:dhis2',
              type: 'FUNDS',
              label: 'funds',
              forward: true,
            },
            {
              source: 'dpg:dhis2',
              target: 'sdg:3',
              type: 'ADVANCES',
              label: 'advances',
              forward: true,
            },
          ],
          relationshipTypes: ['FUNDS', 'ADVANCES'],
          sentence: 'Norad funds DHIS2, which advances SDG 3',
        },
      ],
    };
    expect([...pathElementIds(answer, null)]).toContain('dpg:dhis2|ADVANCES|sdg:3');
    expect(pathElementIds(answer, 1).size).toBe(0);
  });
});

describe('export writers', () => {
  const shown = {
    nodes: [
      {
        id: 'org:a',
        label: 'A, "the" org',
        type: 'Organisation',
        kind: 'ngo',
        degree: 3,
        sources: ['source:dpga-members', 'source:dpg-registry'],
      },
      { id: 'dpg:x', label: 'X <&>', type: 'DPG', degree: 1, sources: [] },
    ],
    edges: [
      {
        id: 'org:a|FUNDS|dpg:x',
        source: 'org:a',
        target: 'dpg:x',
        type: 'FUNDS',
        label: 'funds',
        sources: ['source:dpg-registry'],
      },
    ],
  };

  it('writes CSV with RFC 4180 quoting, in the names the explorer shows', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    // A name a spreadsheet would run as a formula is kept as text; numbers stay numbers.
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField(-1)).toBe('-1');
    expect(toNodesCsv(shown).split('\r\n')).toEqual([
      'id,name,type,kind,connections,sources',
      'org:a,"A, ""the"" org",Organisation,NGO,3,source:dpga-members; source:dpg-registry',
      'dpg:x,X <&>,Digital public good,,1,',
      '',
    ]);
    expect(toEdgesCsv(shown).split('\r\n')).toEqual([
      'source,source name,relationship,target,target name,type,role,start date,end date,board seat,notes,cited page,sources,evidence',
      'org:a,"A, ""the"" org",funds,dpg:x,X <&>,FUNDS,,,,,,,source:dpg-registry,',
      '',
    ]);
  });

  it('adds what each relationship states to the edges it matches, for every data file', () => {
    const source = (id: string, title: string | null) => ({
      id,
      title,
      kind: 'test',
      uri: 'test:x',
      checksum: 'c',
      importedAt: '2026-01-01T00:00:00Z',
    });
    const stated = withRelationshipDetails(shown, {
      relationships: [
        {
          id: 'org:a|FUNDS|dpg:x',
          source: 'org:a',
          target: 'dpg:x',
          type: 'FUNDS',
          label: 'funds',
          sources: ['source:editor:1', 'source:dpg-registry'],
          evidence: ['=stated by editor', 'dpg/x.json: "A" (funder); as listed'],
          role: 'co-funder',
          board: false,
        },
        // Not shown (filtered out): no edge gains it.
        {
          id: 'org:a|OWNS|dpg:x',
          source: 'org:a',
          target: 'dpg:x',
          type: 'OWNS',
          label: 'owns',
          sources: [],
          evidence: ['owned'],
        },
      ],
      sources: [
        source('source:editor:1', 'Edits by ada'),
        source('source:dpga-members', 'DPGA members'),
        source('source:dpg-registry', null),
      ],
    });
    expect(stated.edges).toHaveLength(1);
    expect(stated.nodes).toBe(shown.nodes);
    // A quote a line each (a quote may hold "; "), quoted as a field; formulas kept as text.
    expect(toEdgesCsv(stated).split('\r\n')[1]).toBe(
      `org:a,"A, ""the"" org",funds,dpg:x,X <&>,FUNDS,co-funder,,,no,,,Edits by ada; source:dpg-registry,"'=stated by editor\ndpg/x.json: ""A"" (funder); as listed"`,
    );
    const xml = toGraphMl(stated);
    expect(xml).toContain('<key id="e_board" for="edge" attr.name="board" attr.type="boolean"/>');
    expect(xml).toContain(
      '<data key="e_role">co-funder</data><data key="e_board">false</data><data key="e_evidence">=stated by editor\ndpg/x.json: &quot;A&quot; (funder); as listed</data>',
    );
    // The tables name sources by title where one was read; the files for tools keep the ids.
    expect(toNodesCsv(stated).split('\r\n')[1]).toBe(
      'org:a,"A, ""the"" org",Organisation,NGO,3,DPGA members; source:dpg-registry',
    );
    expect(xml).toContain('<data key="e_sources">source:editor:1; source:dpg-registry</data>');
    // A form feed quoted from a page would have made the file unreadable: XML cannot hold one.
    const fed = withRelationshipDetails(shown, {
      relationships: [
        {
          ...shown.edges[0]!,
          sources: ['source:dpg-registry'],
          evidence: ['page 1\fpage 2'],
        },
      ],
      sources: [],
    });
    expect(toGraphMl(fed)).toContain('<data key="e_evidence">page 1page 2</data>');
    const json = JSON.parse(toJsonFile(stated)) as { elements: { edges: { data: object }[] } };
    expect(json.elements.edges[0]!.data).toMatchObject({ role: 'co-funder', board: false });
    expect(json.elements.edges[0]!.data).not.toHaveProperty('notes');
  });

  it('writes JSON as Cytoscape reads it: elements, with positions where known', () => {
    const placed = {
      ...shown,
      nodes: [{ ...shown.nodes[0]!, position: { x: 1.5, y: -2 } }, shown.nodes[1]!],
    };
    const parsed = JSON.parse(toJsonFile(placed)) as {
      elements: { nodes: unknown[]; edges: unknown[] };
    };
    expect(parsed.elements.nodes).toEqual([
      { data: shown.nodes[0], position: { x: 1.5, y: -2 } },
      { data: shown.nodes[1] },
    ]);
    expect(parsed.elements.edges).toEqual([{ data: shown.edges[0] }]);
  });

  it('writes well-formed GraphML with escaped text', () => {
    const xml = toGraphMl(shown);
    expect(xml).toContain('<node id="dpg:x"><data key="label">X &lt;&amp;&gt;</data>');
    expect(xml).toContain('<edge id="org:a|FUNDS|dpg:x" source="org:a" target="dpg:x">');
    expect(xml).toContain('<data key="e_sources">source:dpg-registry</data></edge>');
    expect(xml).toContain('<data key="sources">source:dpga-members; source:dpg-registry</data>');
    expect(xml.match(/<node /g)).toHaveLength(2);
  });

  it('writes GEXF for Gephi: escaped attributes, each type in its colour, where the canvas drew it', () => {
    const placed = {
      ...shown,
      nodes: [{ ...shown.nodes[0]!, position: { x: 12.25, y: 40 } }, shown.nodes[1]!],
      edges: [
        {
          ...shown.edges[0]!,
          role: 'co-funder',
          board: false,
          evidence: ['"A" funds X', 'dpg/x.json: A (funder)'],
        },
        { ...shown.edges[0]!, id: 'org:a|OWNS|dpg:x', type: 'OWNS', label: 'owns' },
      ],
    };
    const xml = toGexf(placed);
    // Well-formed: an XML parser reads it back (xmlbuilder2 leaves attributes' entities as they
    // are), with the values as written.
    const doc = convert(xml, { format: 'object' }) as {
      gexf: { graph: { nodes: { node: { '@label': string }[] } } };
    };
    const unescaped = (text: string) =>
      text
        .replaceAll('&quot;', '"')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&');
    expect(doc.gexf.graph.nodes.node.map((n) => unescaped(n['@label']))).toEqual([
      'A, "the" org',
      'X <&>',
    ]);
    expect(xml).toContain('<attribute id="2" title="degree" type="integer"/>');
    expect(xml).toContain(
      '<node id="org:a" label="A, &quot;the&quot; org"><attvalues><attvalue for="0" value="Organisation"/><attvalue for="1" value="ngo"/><attvalue for="2" value="3"/><attvalue for="3" value="source:dpga-members; source:dpg-registry"/></attvalues><viz:color r="0" g="114" b="178"/><viz:position x="12.3" y="-40.0" z="0.0"/></node>',
    );
    // Not drawn (no position): Gephi lays it out.
    expect(xml).toMatch(/<node id="dpg:x"[^]*<viz:color r="0" g="158" b="115"\/><\/node>/);
    // Parallel edges of two kinds, which Gephi keeps apart.
    expect(xml).toContain(
      '<edge id="org:a|FUNDS|dpg:x" source="org:a" target="dpg:x" kind="FUNDS" label="funds">',
    );
    expect(xml).toContain('kind="OWNS" label="owns">');
    expect(xml).toContain('title="board" type="boolean"');
    expect(xml).toContain('value="co-funder"');
    expect(xml).toContain('value="false"');
    // Each quote kept apart: a line break in an attribute would read back as a space.
    expect(xml).toContain('value="&quot;A&quot; funds X | dpg/x.json: A (funder)"');
  });

  it('draws an SVG with one shape per node and one line per edge', () => {
    const svg = graphToSvg(
      [
        { id: 'org:a', label: 'A & B', type: 'Organisation', x: 0, y: 0, size: 30 },
        { id: 'sdg:3', label: '', type: 'SDG', x: 100, y: 50, size: 30 },
      ],
      [
        { source: 'org:a', target: 'sdg:3', type: 'ADVANCES' },
        { source: 'org:a', target: 'missing' },
      ],
    );
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg.match(/<line /g)).toHaveLength(1);
    expect(svg.match(/<rect x=/g)).toHaveLength(1); // the background
    expect(svg.match(/<path d="[^"]* Z"/g)).toHaveLength(2); // the organisation's square, the SDG's star
    expect(svg).toContain('>A &amp; B</tspan>');
    // Arrowheads, and the dashes of an SDG link, as on the canvas.
    expect(svg).toContain('marker-end="url(#arrow)"');
    expect(svg).toContain('stroke-dasharray="5 4"');
    // Without a label nothing is written for the node.
    expect(svg.match(/<text /g)).toHaveLength(1);
  });

  it('names the relationships of a found path along them, and draws the rest faint behind it', () => {
    const svg = graphToSvg(
      [
        { id: 'org:a', label: 'A', type: 'Organisation', x: 0, y: 0, size: 20 },
        { id: 'org:b', label: 'B', type: 'Organisation', x: 100, y: 100, size: 20 },
        { id: 'dpg:c', label: '', type: 'DPG', x: 100, y: -100, size: 20, backdrop: true },
      ],
      [
        { source: 'org:a', target: 'org:b', type: 'FUNDS', onPath: true, label: 'funds' },
        { source: 'dpg:c', target: 'org:a', type: 'OWNS', label: 'owns', backdrop: true },
      ],
    );
    // One relationship name, turned along its edge (45° down to the right).
    expect(svg.match(/>funds<\/text>/g)).toHaveLength(1);
    expect(svg).toContain('transform="rotate(45.0 50.0 50.0)"');
    expect(svg).not.toContain('>owns<');
    expect(svg).toMatch(/<path [^>]*opacity="0.3"/);
    expect(svg).toMatch(/<line [^>]*opacity="0.18"/);
  });

  it('keys the entity types it draws beneath the graph, when asked', () => {
    const nodes = [
      { id: 'sdg:3', label: 'SDG 3', type: 'SDG', x: 0, y: 0, size: 20 },
      { id: 'dpg:x', label: 'X', type: 'DPG', x: 100, y: 0, size: 20 },
      { id: 'country:KE', label: 'Kenya', type: 'Country', x: 50, y: 50, size: 20, muted: true },
    ];
    const plain = graphToSvg(nodes, []);
    expect(plain).not.toContain('class="key"');
    const keyed = graphToSvg(nodes, [], { key: true });
    const key = keyed.slice(keyed.indexOf('<g class="key"'));
    // DPGs before SDGs, as the legend lists them; a filtered-out type is not in the picture.
    expect([...key.matchAll(/dy="0.35em" font-size="12">([^<]+)</g)].map((m) => m[1])).toEqual([
      'Digital public goods',
      'SDGs',
    ]);
    const height = (svg: string) => Number(/ height="(\d+)"/.exec(svg)![1]);
    expect(height(keyed)).toBeGreaterThan(height(plain));
    // Nothing drawn in full, nothing to key.
    const faded = nodes.map((n) => ({ ...n, muted: true }));
    expect(graphToSvg(faded, [], { key: true })).toBe(graphToSvg(faded, []));
  });

  it('frames every label whole, wrapped and on its side', () => {
    const long = 'for DPGs (DHIS2, MOSIP, OpenCRVS) and the Digital Public Goods Alliance';
    const svg = graphToSvg(
      [
        { id: 'org:left', label: long, type: 'Organisation', x: 0, y: 0, size: 20 },
        {
          id: 'org:up',
          label: 'Above',
          type: 'Organisation',
          x: 300,
          y: 0,
          size: 20,
          labelSide: 'above',
        },
      ],
      [],
    );
    const [vx, vy, vw, vh] = svg
      .match(/viewBox="([^"]+)"/)![1]!
      .split(' ')
      .map(Number) as [number, number, number, number];
    // The long label is wrapped onto lines no wider than the canvas's 150 px.
    const spans = [...svg.matchAll(/<tspan x="([-\d.]+)" y="([-\d.]+)">([^<]*)<\/tspan>/g)];
    expect(spans.length).toBeGreaterThan(2);
    for (const [, , , text] of spans) expect(text!.length * 12 * 0.6).toBeLessThanOrEqual(150);
    // Every line lies inside the picture: the half-width of a line either side of its centre.
    for (const [, x, y, text] of spans) {
      const half = (text!.length * 12 * 0.6) / 2;
      expect(Number(x) - half).toBeGreaterThanOrEqual(vx);
      expect(Number(x) + half).toBeLessThanOrEqual(vx + vw);
      expect(Number(y)).toBeGreaterThanOrEqual(vy);
      expect(Number(y)).toBeLessThanOrEqual(vy + vh);
    }
    // The label placed above its node is written above it.
    const above = spans.find(([, , , text]) => text === 'Above')!;
    expect(Number(above[2])).toBeLessThan(0);
  });

  it('writes a label beside its node aligned away from it, centred on it, inside the frame', () => {
    const svg = graphToSvg(
      [
        {
          id: 'org:west',
          label: 'University of Oslo HISP Centre',
          type: 'Organisation',
          x: 0,
          y: 0,
          size: 20,
          labelSide: 'left',
        },
        { id: 'dpg:east', label: 'DHIS2', type: 'DPG', x: 300, y: 0, size: 20, labelSide: 'right' },
      ],
      [],
    );
    const texts = [
      ...svg.matchAll(/<text font-size="12"[^>]* text-anchor="(\w+)">(.*?)<\/text>/g),
    ].map(([, anchor, body]) => ({
      anchor,
      spans: [...body!.matchAll(/<tspan x="([-\d.]+)" y="([-\d.]+)">([^<]*)<\/tspan>/g)].map(
        ([, x, y, text]) => ({ x: Number(x), y: Number(y), text: text! }),
      ),
    }));
    const gap = 10 + LABEL_METRICS.margin;
    const west = texts.find((t) => t.spans[0]?.text.startsWith('University'))!;
    // Left of its node: each line ends at the gap before the node, and the lines sit about its
    // middle (two lines: one baseline above the centre, one below).
    expect(west.anchor).toBe('end');
    expect(west.spans.length).toBe(2);
    for (const span of west.spans) expect(span.x).toBeCloseTo(-gap);
    expect(west.spans[0]!.y).toBeLessThan(0);
    expect(west.spans[1]!.y).toBeGreaterThan(0);
    const east = texts.find((t) => t.spans[0]?.text === 'DHIS2')!;
    expect(east.anchor).toBe('start');
    expect(east.spans[0]!.x).toBeCloseTo(300 + gap);
    // The frame takes in the whole of both: the left label's width before its node, the right's after.
    const [vx, , vw] = svg
      .match(/viewBox="([^"]+)"/)![1]!
      .split(' ')
      .map(Number) as [number, number, number];
    const widest = Math.max(...west.spans.map((s) => s.text.length * 12 * 0.6));
    expect(vx).toBeLessThanOrEqual(-gap - widest);
    expect(vx + vw).toBeGreaterThanOrEqual(300 + gap + 'DHIS2'.length * 12 * 0.6);
  });
});

describe('a Tree picture’s routed lines', () => {
  const parent = { id: 'org:p', label: '', type: 'Organisation', x: 0, y: 0, size: 40 };
  const child = { id: 'dpg:c', label: '', type: 'DPG', x: 150, y: 300, size: 20 };
  /** The points of the one polyline an SVG draws, as numbers. */
  const polyline = (svg: string) => {
    const lines = [...svg.matchAll(/<polyline points="([^"]+)"([^>]*)\/>/g)];
    expect(lines).toHaveLength(1);
    const points = lines[0]![1]!.split(' ').map((pair) => pair.split(',').map(Number));
    return { points, attributes: lines[0]![2]! };
  };

  it('draws a routed edge through the points the canvas routes it through, from rim to rim', () => {
    const svg = graphToSvg([parent, child], [{ source: 'org:p', target: 'dpg:c', turn: 0.5 }]);
    expect(svg).not.toContain('<line ');
    const { points, attributes } = polyline(svg);
    // The canvas's segments (tree-routes.ts), each end moved out to its node's rim.
    const route = routeSegments({ x: 0, y: 0, height: 40 }, { x: 150, y: 300, height: 20 }, 0.5);
    const through = [[route[0]!.ax, route[0]!.ay], ...route.map((line) => [line.bx, line.by])];
    expect(points.slice(1, -1)).toEqual(through.slice(1, -1));
    expect(points[0]).toEqual([0, 20]);
    // The arrowhead points down into the child's top, as the canvas draws it: the hexagon's flat
    // side, on its box's top (node-outline.ts).
    expect(points.at(-1)).toEqual([150, 290]);
    expect(attributes).toContain('marker-end="url(#arrow)"');
    expect(attributes).toContain('fill="none"');
  });

  it('draws an L where the turn would fall on a body, its arrowhead into the target’s side', () => {
    const svg = graphToSvg([parent, child], [{ source: 'org:p', target: 'dpg:c', turn: 0 }]);
    expect(polyline(svg).points).toEqual([
      [0, 20],
      [0, 300],
      [140.2, 300],
    ]);
  });

  it('draws an edge straight without a turn, as every other layout does', () => {
    const svg = graphToSvg([parent, child], [{ source: 'org:p', target: 'dpg:c' }]);
    expect(svg).not.toContain('<polyline');
    expect(svg.match(/<line /g)).toHaveLength(1);
  });

  it('writes a found path’s relationship along the run across, as Cytoscape places a taxi edge’s label', () => {
    const path = { onPath: true, label: 'funds', turn: 0.5 };
    const down = graphToSvg([parent, child], [{ source: 'org:p', target: 'dpg:c', ...path }]);
    // The middle of the run across at 155 (the turn), upright.
    expect(down).toContain(
      '<text x="75.0" y="155.0" dy="-0.45em" transform="rotate(0.0 75.0 155.0)"',
    );
    // Drawn from the child up, the run goes right to left: still upright, never upside down.
    const up = graphToSvg([parent, child], [{ source: 'dpg:c', target: 'org:p', ...path }]);
    expect(up).toMatch(/<text x="75.0" y="155.0" [^>]*rotate\((-?0.0) 75.0 155.0\)/);
    // An L's name sits at its corner, along the run coming down to it.
    const corner = graphToSvg(
      [parent, child],
      [{ source: 'org:p', target: 'dpg:c', ...path, turn: 0 }],
    );
    expect(corner).toContain(
      '<text x="0.0" y="300.0" dy="-0.45em" transform="rotate(90.0 0.0 300.0)"',
    );
  });
});

describe('exportFileName', () => {
  it('names a download after what the canvas shows', () => {
    expect(exportFileName('UNICEF', 'svg')).toBe('dpg-explorer-unicef.svg');
    expect(exportFileName('Overview', 'csv')).toBe('dpg-explorer-overview.csv');
    expect(exportFileName('Ministère de la Santé / Côte d’Ivoire', 'png')).toBe(
      'dpg-explorer-ministere-de-la-sante-cote-d-ivoire.png',
    );
    expect(exportFileName('日本', 'json')).toBe('dpg-explorer.json');
    expect(exportFileName('x'.repeat(120), 'json')).toBe(
      `dpg-explorer-${'x'.repeat(FILE_SLUG_MAX - SLUG_CUT_MARK.length)}${SLUG_CUT_MARK}.json`,
    );
  });

  it('keeps a long title whole where it fits, the country it ends with included', () => {
    expect(
      exportFileName('Gender and Minority Groups sector stakeholders in Sierra Leone', 'png'),
    ).toBe('dpg-explorer-gender-and-minority-groups-sector-stakeholders-in-sierra-leone.png');
  });

  it('cuts a longer one between words, keeping its first words and the last, which say where', () => {
    const title =
      'Potential collaborators of the Digital Public Goods Alliance on Digital Public Infrastructure ' +
      'for the Gender and Minority Groups sector in the Democratic Republic of the Congo';
    const name = exportFileName(title, 'svg');
    const slug = name.slice('dpg-explorer-'.length, -'.svg'.length);
    expect(slug.length).toBeLessThanOrEqual(FILE_SLUG_MAX);
    // The words dropped from the middle are marked where they were.
    expect(slug).toBe(
      'potential-collaborators-of-the-digital--in-the-democratic-republic-of-the-congo',
    );
    const [head, tail, ...more] = slug.split(SLUG_CUT_MARK);
    expect(more).toEqual([]);
    // Whole words only: each is one of the title's.
    const words = new Set(title.toLowerCase().split(' '));
    expect([...head!.split('-'), ...tail!.split('-')].every((word) => words.has(word))).toBe(true);
    // A file name within what file systems take (255 bytes), with any extension.
    expect(new TextEncoder().encode(exportFileName(title, 'graphml')).length).toBeLessThan(255);
  });
});

describe('shortenSlug', () => {
  it('marks the cut within the length, at every length a title may run to', () => {
    const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu'.split(' ');
    for (let count = 1; count <= 40; count += 1) {
      const slug = Array.from({ length: count }, (_, i) => words[i % words.length]).join('-');
      const short = shortenSlug(slug);
      expect(short.length, slug).toBeLessThanOrEqual(FILE_SLUG_MAX);
      // Cut exactly when it had to be, and then marked once.
      expect(short === slug, slug).toBe(slug.length <= FILE_SLUG_MAX);
      expect(short.split(SLUG_CUT_MARK).length - 1, slug).toBe(short === slug ? 0 : 1);
    }
  });

  it('leaves a slug of exactly the limit alone, and marks one a character over', () => {
    const exact = `${'a'.repeat(39)}-${'b'.repeat(40)}`;
    expect(shortenSlug(exact)).toBe(exact);
    const over = `${'a'.repeat(40)}-${'b'.repeat(40)}`;
    expect(shortenSlug(over)).toBe(`${'a'.repeat(38)}--${'b'.repeat(40)}`);
  });

  it('keeps the last word with a first word too long for the room, each cut marked', () => {
    expect(shortenSlug(`${'a'.repeat(100)}-sierra-leone`, 40)).toBe(
      `${'a'.repeat(26)}--sierra-leone`,
    );
    // The last word alone longer than half the room: the start is kept, the end marked cut.
    expect(shortenSlug(`in-${'z'.repeat(60)}`, 40)).toBe(`in--`);
  });
});

describe('renderer choice', () => {
  it('uses WebGL only for big graphs on a hardware GPU', () => {
    const gpu = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)';
    expect(useWebgl(WEBGL_MIN_ELEMENTS + 1, gpu)).toBe(true);
    expect(useWebgl(WEBGL_MIN_ELEMENTS, gpu)).toBe(false);
    expect(useWebgl(50_000, 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))')).toBe(
      false,
    );
    expect(useWebgl(50_000, 'llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(false);
    expect(useWebgl(50_000, undefined)).toBe(false);
    // The GPU is named (a WebGL context made) only for a graph big enough to ask.
    let asked = 0;
    const name = () => (asked++, gpu);
    expect(useWebgl(WEBGL_MIN_ELEMENTS, name)).toBe(false);
    expect(asked).toBe(0);
    expect(useWebgl(WEBGL_MIN_ELEMENTS + 1, name)).toBe(true);
    expect(asked).toBe(1);
  });
});

describe('pathSummary', () => {
  it('says a list of mixed lengths is ordered, and gives its range', () => {
    expect(pathSummary([2, 3, 4])).toBe('3 paths, shortest first: 2 to 4 hops');
    expect(pathSummary([2, 2])).toBe('2 shortest paths, 2 hops each');
    expect(pathSummary([1])).toBe('Shortest path: 1 hop');
    expect(pathSummary([3])).toBe('Shortest path: 3 hops');
    expect(pathSummary([1, 2])).toBe('2 paths, shortest first: 1 to 2 hops');
    expect(pathSummary([])).toBe('No path');
  });
});
