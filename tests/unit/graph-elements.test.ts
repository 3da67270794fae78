import { describe, expect, it } from 'vitest';
import {
  edgeRecord,
  nodeRecord,
  relationshipLabel,
  toEdgeElement,
  toNodeElement,
} from '../../server/services/graph-elements.ts';
import { checkEntityTypes, checkRelationshipTypes } from '../../server/services/graph-filters.ts';
import { ValidationError } from '../../server/errors.ts';

describe('graph elements', () => {
  it('turns a node row into a Cytoscape node with provenance', () => {
    const node = nodeRecord({
      id: 'org:unicef',
      label: 'UNICEF',
      type: 'Organisation',
      kind: 'un-agency',
      degree: 12,
      sources: ['source:member-page:unicef'],
    });
    expect(toNodeElement(node, { distance: 0 })).toEqual({
      data: {
        id: 'org:unicef',
        label: 'UNICEF',
        type: 'Organisation',
        kind: 'un-agency',
        degree: 12,
        sources: ['source:member-page:unicef'],
        distance: 0,
      },
    });
  });

  it('leaves out a missing kind and defaults missing sources to none', () => {
    const element = toNodeElement(
      nodeRecord({
        id: 'country:SL',
        label: 'Sierra Leone',
        type: 'Country',
        kind: null,
        degree: 3,
      }),
    );
    expect(element.data).not.toHaveProperty('kind');
    expect(element.data.sources).toEqual([]);
  });

  it('reads an organisation without a kind as unclassified, as the kind filters and facets do', () => {
    const element = toNodeElement(
      nodeRecord({ id: 'org:new', label: 'New', type: 'Organisation', kind: null, degree: 0 }),
    );
    expect(element.data.kind).toBe('unknown');
  });

  it('carries DPG facets, DPGA membership and network measures when the row has them', () => {
    const dpg = toNodeElement(
      nodeRecord({
        id: 'dpg:dhis2',
        label: 'DHIS2',
        type: 'DPG',
        degree: 40,
        sources: ['source:dpg-registry'],
        sectors: ['Health'],
        types: ['software'],
        licenses: ['BSD-3-Clause'],
        stage: 'DPG',
        member: null,
        board: null,
        pagerank: 0.012,
        betweenness: 0,
        community: 3,
      }),
    );
    expect(dpg.data).toMatchObject({
      sectors: ['Health'],
      types: ['software'],
      licenses: ['BSD-3-Clause'],
      stage: 'DPG',
      pagerank: 0.012,
      betweenness: 0,
      community: 3,
    });
    expect(dpg.data).not.toHaveProperty('member');
    expect(dpg.data).not.toHaveProperty('board');

    const org = toNodeElement(
      nodeRecord({
        id: 'org:giz',
        label: 'GIZ',
        type: 'Organisation',
        degree: 5,
        member: true,
        board: false,
        sectors: [],
        pagerank: null,
      }),
    );
    expect(org.data).toMatchObject({ member: true, board: false });
    expect(org.data).not.toHaveProperty('sectors');
    expect(org.data).not.toHaveProperty('pagerank');
  });

  it('refuses a row without an id', () => {
    expect(() => nodeRecord({ label: 'x' })).toThrow(Error);
  });

  it('turns an edge row into a Cytoscape edge with an id, a phrase and provenance', () => {
    expect(
      toEdgeElement(
        edgeRecord({ source: 'org:norad', target: 'dpg:dhis2', type: 'FUNDS', sources: ['s'] }),
      ),
    ).toEqual({
      data: {
        id: 'org:norad|FUNDS|dpg:dhis2',
        source: 'org:norad',
        target: 'dpg:dhis2',
        type: 'FUNDS',
        label: 'funds',
        sources: ['s'],
      },
    });
    expect(relationshipLabel('SOMETHING_ELSE')).toBe('something else');
  });
});

describe('identifier whitelists', () => {
  it('pass the model types through, de-duplicated', () => {
    expect(checkEntityTypes(['DPG', 'Country', 'DPG'])).toEqual(['DPG', 'Country']);
    expect(checkRelationshipTypes(['FUNDS'])).toEqual(['FUNDS']);
  });

  it('refuse anything else with a ValidationError', () => {
    expect(() => checkEntityTypes(['DPG', 'Entity`) DETACH DELETE n //'])).toThrow(ValidationError);
    expect(() => checkRelationshipTypes(['funds'])).toThrow(ValidationError);
  });
});
