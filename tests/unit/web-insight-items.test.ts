// Unit tests of the insight views' request paths and tolerant answer reader
// (web/src/lib/insights/insight-request.ts).
import { describe, expect, it } from 'vitest';
import { insightItems, insightPath } from '../../web/src/lib/insights/insight-request.ts';

describe('insight requests', () => {
  it('builds the path for each job and refuses subjects it does not apply to', () => {
    expect(insightPath('collaborators', 'dpg:dhis2', 'DPG')).toBe(
      '/api/dpgs/dpg%3Adhis2/collaborators',
    );
    expect(insightPath('network', 'org:unicef', 'Organisation')).toBe(
      '/api/organisations/org%3Aunicef/network',
    );
    expect(insightPath('stakeholders', 'country:SL', 'Country')).toBe(
      '/api/stakeholders?country=country%3ASL',
    );
    expect(insightPath('stakeholders', 'sdg:3', 'SDG')).toBe('/api/stakeholders?sdg=sdg%3A3');
    expect(insightPath('collaborators', 'org:unicef', 'Organisation')).toBeUndefined();
  });

  it('reads ranked candidates with their explaining sentences', () => {
    const items = insightItems({
      dpg: { id: 'dpg:dhis2' },
      candidates: [
        {
          id: 'org:norad',
          label: 'Norad',
          type: 'Organisation',
          kind: 'government',
          score: 0.8,
          paths: [
            { sentence: 'Norad funds DHIS2', nodes: [{ id: 'org:norad' }, { id: 'dpg:dhis2' }] },
            { sentence: 'Norad funds DHIS2', nodes: ['org:norad'] },
          ],
        },
        { nope: true },
      ],
    });
    expect(items).toEqual([
      {
        id: 'org:norad',
        label: 'Norad',
        type: 'Organisation',
        kind: 'government',
        score: 0.8,
        reasons: ['Norad funds DHIS2'],
        pathIds: ['org:norad', 'dpg:dhis2'],
        tags: [],
      },
    ]);
  });

  it('reads Cytoscape-shaped node lists and answers without a list', () => {
    expect(
      insightItems({ nodes: [{ data: { id: 'org:a', label: 'A', type: 'Organisation' } }] }),
    ).toHaveLength(1);
    expect(insightItems({ total: 0 })).toEqual([]);
    expect(insightItems(null)).toEqual([]);
  });
});

describe('stakeholder answers', () => {
  it('reads roles as tags and connections as reasons', () => {
    const [item] = insightItems({
      stakeholders: [
        {
          id: 'org:giz',
          label: 'GIZ',
          type: 'Organisation',
          kind: 'government',
          roles: ['co-lead'],
          connections: [{ sentence: 'GIZ co-leads the AI CoP', nodes: [{ id: 'org:giz' }] }],
        },
      ],
    });
    expect(item?.tags).toEqual(['co lead']);
    expect(item?.reasons).toEqual(['GIZ co-leads the AI CoP']);
  });
});
