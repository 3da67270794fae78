// Unit tests of the attribute facets (a DPG's sector, type, licence and stage; DPGA membership and
// board) in web/src/lib/graph/filter-facets.ts, and of node size by PageRank and betweenness
// (sizeMeasure in elements.ts).
import { describe, expect, it } from 'vitest';
import type { GraphChunk, OverviewNode } from '../../web/src/lib/api/types.ts';
import {
  attributeKey,
  attributeOptions,
  attributeValues,
  choiceFacet,
  choiceLabel,
  connectionFilter,
  NODE_SIZE,
  nodePasses,
  parseAttributeKey,
  restatesType,
  SIZE_MEASURES,
  SIZE_TITLES,
  sizeMeasure,
  toCytoscapeElements,
  type GraphNodeElement,
} from '../../web/src/lib/graph/index.ts';

type Data = OverviewNode['data'];
const node = (id: string, type: string, extra: Partial<Data> = {}): OverviewNode => ({
  data: { id, label: id.split(':')[1] ?? id, type, degree: 2, sources: [], ...extra },
});

const chunk: GraphChunk = {
  nodes: [
    node('dpg:dhis2', 'DPG', {
      sectors: ['Health'],
      types: ['software'],
      licenses: ['BSD-3-Clause'],
      stage: 'DPG',
      pagerank: 0.02,
      betweenness: 0.1,
    }),
    node('dpg:openmrs', 'DPG', {
      sectors: ['Health', 'Climate, Environment'],
      types: ['software', 'software'],
      licenses: ['MPL-2.0'],
      stage: 'DPG',
      pagerank: 0.01,
    }),
    node('dpg:aimodel', 'DPG', { types: ['aimodel'], stage: 'nominee' }),
    node('org:unicef', 'Organisation', { member: true, board: true, pagerank: 0.08 }),
    node('org:giz', 'Organisation', { member: true, board: false }),
    node('org:google', 'Organisation'),
    node('country:SL', 'Country'),
    node('activity:fund', 'Activity', { activityTypes: ['funding', 'capacity building'] }),
    node('activity:cop', 'Activity', { activityTypes: ['funding'] }),
  ],
  edges: [
    {
      data: {
        id: 'dpg:dhis2|DEPLOYED_IN|country:SL',
        source: 'dpg:dhis2',
        target: 'country:SL',
        type: 'DEPLOYED_IN',
        label: 'deployed in',
        sources: [],
      },
    },
  ],
};

const options = attributeOptions(chunk);
const passing = (chosen: string[]) => {
  const filter = connectionFilter(chunk, chosen);
  return chunk.nodes.map((n) => n.data.id).filter((id) => nodePasses(id, filter));
};

describe('attribute facets', () => {
  it('counts nodes per value, most frequent first, each node once per value', () => {
    expect(options.get('sector')).toEqual([
      { id: 'sector=Health', label: 'Health', count: 2 },
      {
        id: attributeKey('sector', 'Climate, Environment'),
        label: 'Climate, Environment',
        count: 1,
      },
    ]);
    expect(options.get('dpgType')).toEqual([
      { id: 'dpgType=software', label: 'Software', count: 2 },
      { id: 'dpgType=aimodel', label: 'AI model', count: 1 },
    ]);
    expect(options.get('license')?.map((o) => [o.label, o.count])).toEqual([
      ['BSD-3-Clause', 1],
      ['MPL-2.0', 1],
    ]);
    expect(options.get('stage')?.map((o) => [o.label, o.count])).toEqual([
      ['DPG', 2],
      ['nominee', 1],
    ]);
    expect(options.get('activityType')).toEqual([
      { id: 'activityType=funding', label: 'Funding', count: 2 },
      {
        id: attributeKey('activityType', 'capacity building'),
        label: 'Capacity building',
        count: 1,
      },
    ]);
    expect(options.get('dpga')).toEqual([
      { id: 'dpga=member', label: 'DPGA member', count: 2 },
      { id: 'dpga=board', label: 'On the DPGA board', count: 1 },
    ]);
  });

  it('leaves out facets no node has', () => {
    const bare = attributeOptions({ nodes: [node('country:SL', 'Country')], edges: [] });
    expect(bare.size).toBe(0);
  });

  it('keys values so commas and "=" survive a comma-separated URL list, and never clash with ids', () => {
    const key = attributeKey('sector', 'Climate, Environment = Energy');
    expect(key).not.toMatch(/,/);
    expect(parseAttributeKey(key)).toEqual({
      facet: 'sector',
      value: 'Climate, Environment = Energy',
    });
    expect(parseAttributeKey('org:dpga')).toBeUndefined();
    expect(parseAttributeKey('colour=red')).toBeUndefined();
    expect(parseAttributeKey('sector=%E0%A4%A')).toBeUndefined();
  });

  it('reads membership and board from the node data', () => {
    expect(attributeValues(chunk.nodes[3]!.data, 'dpga')).toEqual(['member', 'board']);
    expect(attributeValues(chunk.nodes[4]!.data, 'dpga')).toEqual(['member']);
    expect(attributeValues(chunk.nodes[5]!.data, 'dpga')).toEqual([]);
  });

  it('keeps nodes with any chosen value of a facet, and with one of each facet chosen', () => {
    expect(passing(['sector=Health'])).toEqual(['dpg:dhis2', 'dpg:openmrs']);
    expect(passing([attributeKey('activityType', 'capacity building')])).toEqual(['activity:fund']);
    expect(passing(['license=MPL-2.0', 'license=BSD-3-Clause'])).toEqual([
      'dpg:dhis2',
      'dpg:openmrs',
    ]);
    expect(passing(['sector=Health', 'license=MPL-2.0'])).toEqual(['dpg:openmrs']);
    expect(passing(['dpga=board'])).toEqual(['org:unicef']);
    expect(passing(['dpga=member'])).toEqual(['org:unicef', 'org:giz']);
  });

  it('combines attribute choices with connection anchors (AND across facets)', () => {
    expect(passing(['stage=DPG', 'country:SL'])).toEqual(['dpg:dhis2', 'country:SL']);
  });

  it('ignores values no node on the canvas has, as it ignores absent anchors', () => {
    expect(connectionFilter(chunk, ['sector=Education', 'org:nowhere'])).toBeUndefined();
  });

  it('applies in the element derivation, hiding or fading the rest', () => {
    const filter = connectionFilter(chunk, ['dpgType=aimodel']);
    const hidden = toCytoscapeElements(chunk, { hiddenTypes: new Set(), connectedTo: filter });
    expect(hidden.map((e) => e.data.id)).toEqual(['dpg:aimodel']);
    const faded = toCytoscapeElements(chunk, {
      hiddenTypes: new Set(),
      connectedTo: filter,
      mode: 'fade',
    });
    expect(faded.filter((e) => e.data.muted !== 1).map((e) => e.data.id)).toEqual(['dpg:aimodel']);
  });
});

describe('node size by network measure', () => {
  const sizes = (sizeBy: (typeof SIZE_MEASURES)[number]) =>
    new Map(
      toCytoscapeElements(chunk, { hiddenTypes: new Set(), sizeBy })
        .filter((e): e is GraphNodeElement => e.group === 'nodes')
        .map((e) => [e.data.id, e.data.size]),
    );

  it('offers PageRank and betweenness beside the existing measures, each with a title', () => {
    expect(SIZE_MEASURES).toEqual(
      expect.arrayContaining(['degree', 'shown', 'uniform', 'pagerank', 'betweenness']),
    );
    for (const measure of SIZE_MEASURES) expect(SIZE_TITLES[measure]).toBeTruthy();
  });

  it('sizes by PageRank: the highest largest, nodes without it smallest', () => {
    const bySize = sizes('pagerank');
    expect(bySize.get('org:unicef')).toBe(NODE_SIZE.max);
    expect(bySize.get('dpg:dhis2')).toBe(
      Math.round(NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * Math.sqrt(0.02 / 0.08)),
    );
    expect(bySize.get('org:google')).toBe(NODE_SIZE.min);
  });

  it('sizes by betweenness', () => {
    const bySize = sizes('betweenness');
    expect(bySize.get('dpg:dhis2')).toBe(NODE_SIZE.max);
    expect(bySize.get('org:unicef')).toBe(NODE_SIZE.min);
  });

  it('falls back to degree when no node carries the measure (not computed yet)', () => {
    const measure = sizeMeasure('betweenness', [{ id: 'a', degree: 7 }], new Map());
    expect(measure({ id: 'a', degree: 7 })).toBe(7);
    const some = sizeMeasure('pagerank', [{ id: 'a', degree: 7, pagerank: 0.5 }], new Map());
    expect(some({ id: 'b', degree: 9 })).toBe(0);
    expect(sizeMeasure('shown', [], new Map([['a', 3]]))({ id: 'a', degree: 9 })).toBe(3);
    expect(sizeMeasure('uniform', [], new Map())({ id: 'a', degree: 9 })).toBe(0);
  });
});

describe('a filter choice read without the graph', () => {
  it('names its facet and a label, for choices the canvas holds nothing of', () => {
    expect(choiceFacet('country:XX')).toBe('country');
    expect(choiceFacet('sdg:3')).toBe('sdg');
    expect(choiceFacet('org:dpga')).toBe('membership');
    expect(choiceFacet('sector=Health')).toBe('sector');
    expect(choiceFacet('org:acme')).toBeUndefined();
    expect(choiceFacet('nothing')).toBeUndefined();
    expect(choiceLabel('sector=Public%20health')).toBe('Public health');
    expect(choiceLabel('country:XX')).toBe('country:XX');
  });
});

describe('a facet whose one value restates its type', () => {
  const dpgs = (stages: (string | undefined)[]): GraphChunk => ({
    nodes: stages.map((stage, i) => node(`dpg:d${i}`, 'DPG', stage ? { stage } : {})),
    edges: [],
  });
  const stageOf = (graph: GraphChunk) => attributeOptions(graph).get('stage') ?? [];

  it('is left out only when every entity of the type holds it (QA: Stage: DPG 165)', () => {
    const all = dpgs(['DPG', 'DPG', 'DPG']);
    expect(restatesType('stage', stageOf(all), all)).toBe(true);
    // Held by some: choosing it narrows to those, so it stays.
    const some = dpgs(['DPG', undefined, 'DPG']);
    expect(restatesType('stage', stageOf(some), some)).toBe(false);
    // Two values: a choice.
    expect(restatesType('stage', options.get('stage')!, chunk)).toBe(false);
  });
});
