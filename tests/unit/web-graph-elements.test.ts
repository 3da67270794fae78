// Unit tests of the element derivation (web/src/lib/graph/elements.ts, element-diff.ts, label.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OverviewResponse } from '../../web/src/lib/api/types.ts';
import {
  NODE_SIZE,
  TIER_FONT_SIZE,
  countByType,
  compactLabel,
  countShownByType,
  diffElements,
  droppedKeys,
  mostConnected,
  nodeSize,
  pathOnCanvas,
  shortenLabel,
  shownPart,
  toCytoscapeElements,
  type GraphNodeElement,
} from '../../web/src/lib/graph/index.ts';

const overview = JSON.parse(
  readFileSync(new URL('./fixtures/web/overview.json', import.meta.url), 'utf8'),
) as OverviewResponse;
const noFilters = { hiddenTypes: new Set<string>() };

const nodesOf = (elements: ReturnType<typeof toCytoscapeElements>) =>
  elements.filter((e): e is GraphNodeElement => e.group === 'nodes');

describe('toCytoscapeElements', () => {
  it('turns every overview node and edge into an element, nodes first', () => {
    const elements = toCytoscapeElements(overview, noFilters);
    expect(nodesOf(elements)).toHaveLength(overview.nodes.length);
    expect(elements.filter((e) => e.group === 'edges')).toHaveLength(overview.edges.length);
    const firstEdge = elements.findIndex((e) => e.group === 'edges');
    expect(elements.slice(firstEdge).every((e) => e.group === 'edges')).toBe(true);
  });

  it('keeps ids, labels, types and kinds, and adds size, tier, rank and font size', () => {
    const unicef = nodesOf(toCytoscapeElements(overview, noFilters)).find(
      (n) => n.data.id === 'org:unicef',
    );
    expect(unicef?.data).toMatchObject({
      label: 'UNICEF',
      type: 'Organisation',
      kind: 'UN agency',
      degree: 4,
    });
    expect(unicef?.data.size).toBeGreaterThan(NODE_SIZE.min);
    expect(unicef?.data.tier).toBe(1);
    expect(unicef?.data.labelRank).toBe(0);
    expect(unicef?.data.fontSize).toBe(TIER_FONT_SIZE[1]);
  });

  it('ranks labels among the entities the filters leave showing, not all those loaded', () => {
    // 70 DPGs around a hub: past 60 entities the least connected go unnamed until zoomed in.
    const node = (id: string, type: string, degree: number) => ({
      data: { id, label: id, type, degree, sources: [] },
    });
    const edge = (target: string) => ({
      data: {
        id: `org:hub|FUNDS|${target}`,
        source: 'org:hub',
        target,
        type: 'FUNDS',
        label: 'funds',
        sources: [],
      },
    });
    const dpgs = Array.from({ length: 70 }, (_, i) => `dpg:${String(i).padStart(2, '0')}`);
    const chunk = {
      nodes: [
        node('org:hub', 'Organisation', 70),
        ...dpgs.map((id, i) => node(id, 'DPG', i === 69 ? 1 : 2)),
      ],
      edges: dpgs.map(edge),
    } as unknown as OverviewResponse;
    const tierOf = (elements: ReturnType<typeof toCytoscapeElements>, id: string) =>
      nodesOf(elements).find((n) => n.data.id === id)?.data.tier;
    expect(tierOf(toCytoscapeElements(chunk, noFilters), 'dpg:69')).toBe(3);
    // DPGs hidden but for ten kept (as a path's are): 11 entities show, each named.
    const tenShown = toCytoscapeElements(chunk, {
      hiddenTypes: new Set(['DPG']),
      keep: new Set(dpgs.slice(60)),
    });
    expect(nodesOf(tenShown).map((n) => n.data.id)).toEqual(['org:hub', ...dpgs.slice(60)]);
    expect(tierOf(tenShown, 'dpg:69')).toBe(2);
  });

  it('drops hidden types and every edge touching them', () => {
    const elements = toCytoscapeElements(overview, { hiddenTypes: new Set(['Country']) });
    const ids = new Set(nodesOf(elements).map((n) => n.data.id));
    expect([...ids].some((id) => id.startsWith('country:'))).toBe(false);
    for (const edge of elements.filter((e) => e.group === 'edges')) {
      expect(ids.has(String(edge.data.source)) && ids.has(String(edge.data.target))).toBe(true);
    }
    expect(nodesOf(elements)).toHaveLength(overview.nodes.length - 2);
  });

  it('sizes nodes from the whole overview, so hiding a type does not resize the others', () => {
    const size = (filters: { hiddenTypes: Set<string> }) =>
      nodesOf(toCytoscapeElements(overview, filters)).find((n) => n.data.id === 'dpg:dhis2')?.data
        .size;
    expect(size({ hiddenTypes: new Set(['Organisation']) })).toBe(size({ hiddenTypes: new Set() }));
  });

  it('drops edges whose ends are missing and duplicate ids instead of handing them to Cytoscape', () => {
    const broken: OverviewResponse = {
      ...overview,
      nodes: [...overview.nodes, overview.nodes[0]!],
      edges: [
        ...overview.edges,
        overview.edges[0]!,
        {
          data: {
            id: 'dangling',
            source: 'org:unicef',
            target: 'org:nobody',
            type: 'FUNDS',
            label: 'funds',
            sources: [],
          },
        },
      ],
    };
    const elements = toCytoscapeElements(broken, noFilters);
    const ids = elements.map((e) => e.data.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('dangling');
  });

  it('hides with the organisation kinds hidden the entities left without any connection', () => {
    const node = (id: string, type: string, kind?: string) => ({
      data: { id, label: id, type, degree: 1, sources: [], ...(kind ? { kind } : {}) },
    });
    const edge = (source: string, target: string) => ({
      data: {
        id: `${source}|INVOLVES|${target}`,
        source,
        target,
        type: 'INVOLVES',
        label: 'x',
        sources: [],
      },
    });
    const chunk: OverviewResponse = {
      ...overview,
      nodes: [
        node('org:acme', 'Organisation', 'company'),
        node('org:ngo', 'Organisation', 'ngo'),
        node('org:lonely-company', 'Organisation', 'company'),
        node('activity:only-ngo', 'Activity'),
        node('activity:ngo-and-dpg', 'Activity'),
        node('dpg:d', 'DPG'),
        node('country:ZZ', 'Country'),
      ],
      edges: [
        edge('org:ngo', 'activity:only-ngo'),
        edge('org:ngo', 'activity:ngo-and-dpg'),
        edge('activity:ngo-and-dpg', 'dpg:d'),
        edge('org:ngo', 'org:lonely-company'),
        edge('org:acme', 'dpg:d'),
      ],
    };
    const shown = (mode: 'hide' | 'fade') =>
      nodesOf(
        toCytoscapeElements(chunk, {
          hiddenTypes: new Set(),
          hiddenKinds: new Set(['ngo']),
          mode,
        }),
      )
        .filter((n) => !n.data.muted)
        .map((n) => n.data.id);
    // The activity only the NGO ran goes with it; one with a DPG besides stays, as do the
    // companies asked for (even one whose only partner was the NGO) and an entity never connected.
    const expected = [
      'org:acme',
      'org:lonely-company',
      'activity:ngo-and-dpg',
      'dpg:d',
      'country:ZZ',
    ];
    expect(shown('hide')).toEqual(expected);
    expect(shown('fade')).toEqual(expected);
    expect(nodesOf(toCytoscapeElements(chunk, noFilters))).toHaveLength(7);
  });

  it('always draws the focus and the found paths, whatever the filters hide', () => {
    const node = (id: string, type: string, kind?: string) => ({
      data: { id, label: id, type, degree: 1, sources: [], ...(kind ? { kind } : {}) },
    });
    const edge = (source: string, type: string, target: string) => ({
      data: { id: `${source}|${type}|${target}`, source, target, type, label: type, sources: [] },
    });
    const chunk: OverviewResponse = {
      ...overview,
      nodes: [
        node('org:unicef', 'Organisation', 'un-agency'),
        node('activity:fund', 'Activity'),
        node('org:ngo', 'Organisation', 'ngo'),
        node('dpg:d', 'DPG'),
      ],
      edges: [
        edge('org:unicef', 'LEADS', 'activity:fund'),
        edge('org:unicef', 'PARTNERS_WITH', 'org:ngo'),
        edge('org:ngo', 'OWNS', 'dpg:d'),
      ],
    };
    const path = new Set(['org:unicef', 'org:unicef|PARTNERS_WITH|org:ngo', 'org:ngo']);
    const filters = {
      hiddenTypes: new Set<string>(),
      hiddenKinds: new Set(['un-agency', 'ngo']),
      hiddenRels: new Set(['PARTNERS_WITH']),
    };
    const shownIds = (
      extra: { focus?: string; keep?: ReadonlySet<string> } = {},
      mode: 'hide' | 'fade' = 'hide',
    ) =>
      toCytoscapeElements(chunk, { ...filters, ...extra, mode })
        .filter((element) => !element.data.muted)
        .map((element) => element.data.id);

    // Without: both organisations go, and the fund and the DPG with them, connected to nothing else.
    expect(shownIds()).toEqual([]);
    // The focus stays, with what it leads; the path stays whole, its hidden relationship type
    // included. The NGO, drawn for the path alone, brings none of its other relationships: the DPG
    // it owns stays hidden.
    const withPath = [
      'org:unicef',
      'activity:fund',
      'org:ngo',
      'org:unicef|LEADS|activity:fund',
      'org:unicef|PARTNERS_WITH|org:ngo',
    ];
    expect(shownIds({ focus: 'org:unicef', keep: path })).toEqual(withPath);
    expect(shownIds({ focus: 'org:unicef', keep: path }, 'fade')).toEqual(withPath);
    // The focus alone, no path: the other organisation of a hidden kind goes, and its DPG.
    expect(shownIds({ focus: 'org:unicef' })).toEqual([
      'org:unicef',
      'activity:fund',
      'org:unicef|LEADS|activity:fund',
    ]);
  });

  it('keeps of the found paths only what the canvas draws', () => {
    const found = new Set(['org:a', 'org:a|FUNDS|dpg:b', 'dpg:b']);
    const extra = {
      nodes: [{ data: { id: 'org:a', label: 'A', type: 'Organisation', degree: 1, sources: [] } }],
      edges: [],
    };
    expect([...pathOnCanvas(found, extra)]).toEqual(['org:a']);
    expect(pathOnCanvas(found, { nodes: [], edges: [] }).size).toBe(0);
  });

  it('shortens long labels for the canvas and keeps the full one', () => {
    const activity = nodesOf(toCytoscapeElements(overview, noFilters)).find((n) =>
      n.data.id.startsWith('activity:unicef/co-leading'),
    );
    expect(activity?.data.label).toBe('Co-leading the Community of Practice on AI');
    expect(activity?.data.shortLabel.endsWith('…')).toBe(true);
    expect(activity?.data.shortLabel.length).toBeLessThanOrEqual(30);
  });

  it('gives an empty overview no elements', () => {
    const empty: OverviewResponse = {
      mode: 'full',
      nodes: [],
      edges: [],
      total: { nodes: 0, edges: 0 },
      truncated: false,
    };
    expect(toCytoscapeElements(empty, noFilters)).toEqual([]);
  });
});

describe('nodeSize', () => {
  it('grows with degree on a square-root scale between the minimum and maximum', () => {
    expect(nodeSize(0, 20)).toBe(NODE_SIZE.min);
    expect(nodeSize(20, 20)).toBe(NODE_SIZE.max);
    expect(nodeSize(5, 20)).toBe(Math.round(NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * 0.5));
    expect(nodeSize(3, 0)).toBe(NODE_SIZE.min);
    expect(nodeSize(40, 20)).toBe(NODE_SIZE.max);
  });
});

describe('countByType and mostConnected', () => {
  it('counts nodes per type', () => {
    const counts = countByType(overview);
    expect(counts.get('Organisation')).toBe(3);
    expect(counts.get('Country')).toBe(2);
    expect(counts.get('Group')).toBe(1);
  });

  it('keeps of an answer only what the filters leave showing, hidden or faded', () => {
    const kinds = { ...noFilters, hiddenKinds: new Set(['UN agency']) };
    for (const mode of ['hide', 'fade'] as const) {
      const part = shownPart(overview, toCytoscapeElements(overview, { ...kinds, mode }));
      expect(part.nodes.some((n) => n.data.kind === 'UN agency')).toBe(false);
      expect(part.nodes.length).toBeGreaterThan(0);
      const ids = new Set(part.nodes.map((n) => n.data.id));
      expect(part.edges.every((e) => ids.has(e.data.source) && ids.has(e.data.target))).toBe(true);
    }
    expect(shownPart(overview, toCytoscapeElements(overview, noFilters))).toEqual({
      nodes: overview.nodes,
      edges: overview.edges,
    });
  });

  it('counts per type only the nodes the filters leave showing, hidden or faded', () => {
    const all = countShownByType(toCytoscapeElements(overview, noFilters));
    expect(all).toEqual(countByType(overview));
    const hidden = countShownByType(
      toCytoscapeElements(overview, { ...noFilters, hiddenKinds: new Set(['UN agency']) }),
    );
    const faded = countShownByType(
      toCytoscapeElements(overview, {
        ...noFilters,
        hiddenKinds: new Set(['UN agency']),
        mode: 'fade',
      }),
    );
    const unAgencies = overview.nodes.filter((n) => n.data.kind === 'UN agency').length;
    expect(unAgencies).toBeGreaterThan(0);
    expect(hidden.get('Organisation')).toBe(3 - unAgencies);
    expect(faded.get('Organisation')).toBe(3 - unAgencies);
    expect(hidden.get('Country')).toBe(2);
  });

  it('lists the best-connected nodes, most connected first, ties by name', () => {
    const top = mostConnected(overview, 3).map((n) => n.id);
    expect(top).toEqual([
      'activity:unicef/giga-school-connectivity',
      'org:unicef',
      'activity:unicef/co-leading-the-community-of-practice-on-ai',
    ]);
  });
});

describe('diffElements', () => {
  it('splits the next elements into additions, updates and removals by id', () => {
    const next = toCytoscapeElements(overview, noFilters).slice(0, 3);
    const current = [next[0]!.data.id, 'gone:1', next[1]!.data.id];
    const diff = diffElements(current, next);
    expect(diff.remove).toEqual(['gone:1']);
    expect(diff.update.map((e) => e.data.id)).toEqual([next[0]!.data.id, next[1]!.data.id]);
    expect(diff.add.map((e) => e.data.id)).toEqual([next[2]!.data.id]);
  });

  it('names the data an update drops, so the canvas removes it rather than keeping it', () => {
    expect(
      droppedKeys(
        { id: 'a', source: 's', target: 't', label: 'x', onPath: 1, muted: 1 },
        { id: 'a', label: 'x', muted: 1 },
      ),
    ).toEqual(['onPath']);
    expect(droppedKeys({ id: 'a', pinned: 1 }, { id: 'a', pinned: 1 })).toEqual([]);
  });

  it('finds nothing to do when nothing changed', () => {
    const next = toCytoscapeElements(overview, noFilters);
    const diff = diffElements([], []);
    expect(diff).toEqual({ remove: [], add: [], update: [] });
    expect(
      diffElements(
        next.map((e) => e.data.id),
        next,
      ).add,
    ).toEqual([]);
  });
});

describe('shortenLabel', () => {
  it('leaves short labels alone and collapses whitespace', () => {
    expect(shortenLabel('  DHIS2 ')).toBe('DHIS2');
    expect(shortenLabel('Global   Digital\nCompact')).toBe('Global Digital Compact');
  });

  it('cuts at a word boundary and ends with an ellipsis', () => {
    expect(shortenLabel('Strengthening health information systems', 24)).toBe(
      'Strengthening health…',
    );
    expect(shortenLabel('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
    expect(shortenLabel('Investing in open-source start-ups, worldwide', 36)).toBe(
      'Investing in open-source start-ups…',
    );
  });

  it('rejects a maximum that leaves no room for text', () => {
    expect(() => shortenLabel('x', 1)).toThrow(RangeError);
  });
});

describe('compactLabel', () => {
  it('is an SDG’s number, or the acronym a name ends with', () => {
    expect(compactLabel('SDG 16: Peace, Justice and Strong Institutions')).toBe('SDG 16');
    expect(compactLabel('SDG 3: Good Health and Well-being')).toBe('SDG 3');
    expect(compactLabel('Centre for International Law Research and Policy (CILRAP)')).toBe(
      'CILRAP',
    );
    expect(
      compactLabel(
        'United Nations Environment Programme World Conservation Monitoring Center (UNEP-WCMC)',
      ),
    ).toBe('UNEP-WCMC');
  });

  it('is none for a name without one, or one no shorter than the canvas’s label', () => {
    // Real names from the registry and the roadmap sheet.
    expect(compactLabel('Falkland Islands (Malvinas)')).toBe('');
    expect(compactLabel('LCubed AB, Sweden (iGrant.io)')).toBe('');
    expect(compactLabel('National Statistical Committee (NSC) of the Kyrgyz Republic')).toBe('');
    expect(
      compactLabel('Statistics Africa (the statistical division of the African Union (AU))'),
    ).toBe('');
    expect(compactLabel('DHIS2')).toBe('');
    expect(compactLabel('SDG 1')).toBe('');
  });
});
