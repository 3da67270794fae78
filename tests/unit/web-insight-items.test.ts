// Unit tests of the insight views' request paths and tolerant answer reader
// (web/src/lib/insights/insight-request.ts).
import { describe, expect, it } from 'vitest';
import { insightCsv } from '../../web/src/lib/insights/insight-csv.ts';
import {
  insightItems,
  insightMisfit,
  insightSubjectLabel,
  insightTotal,
  insightPath,
} from '../../web/src/lib/insights/insight-request.ts';

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
    // A sector is no entity: the API reads its id as its name.
    expect(insightPath('stakeholders', 'sector:Digital/Data/Tech', 'Sector')).toBe(
      '/api/stakeholders?sector=sector%3ADigital%2FData%2FTech',
    );
    expect(insightPath('network', 'sector:Health', 'Sector')).toBeUndefined();
    expect(insightPath('collaborators', 'org:unicef', 'Organisation')).toBeUndefined();
  });

  it('says what a view is for when it does not apply to an entity', () => {
    expect(insightMisfit('collaborators', 'Organisation')).toBe(
      'Potential collaborators: for digital public goods only, not organisations.',
    );
    expect(insightMisfit('stakeholders', 'Organisation')).toBe(
      'Stakeholder map: for activities, digital public goods, countries, SDGs, initiatives and sectors only, not organisations.',
    );
    expect(insightMisfit('network', 'SDG')).toBe(
      'Partnership network: for organisations only, not SDGs.',
    );
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
        homeCountry: null,
        runBy: null,
        score: 0.8,
        reasons: ['Norad funds DHIS2'],
        pathIds: ['org:norad', 'dpg:dhis2'],
        relationshipKeys: [],
        tags: [],
        summary: null,
        influenceRank: null,
        ring: null,
      },
    ]);
  });

  it('says first how a collaborator is active in the country a list was narrowed to', () => {
    const [fao] = insightItems({
      candidates: [
        {
          id: 'org:fao',
          label: 'FAO',
          type: 'Organisation',
          activeIn: {
            sentence: 'FAO owns WaPOR, which is deployed in Kenya',
            nodes: [{ id: 'org:fao' }, { id: 'dpg:wapor' }, { id: 'country:KE' }],
          },
          paths: [
            {
              sentence: 'FAO owns Hand-in-Hand, which is also deployed in Bangladesh',
              nodes: [{ id: 'org:fao' }, { id: 'dpg:hih' }, { id: 'country:BD' }],
            },
          ],
        },
      ],
    });
    expect(fao!.reasons).toEqual([
      'FAO owns WaPOR, which is deployed in Kenya',
      'FAO owns Hand-in-Hand, which is also deployed in Bangladesh',
    ]);
    // Shown on the canvas, the list takes Kenya and the DPG deployed there along.
    expect(fao!.pathIds).toEqual(['org:fao', 'dpg:wapor', 'country:KE', 'dpg:hih', 'country:BD']);
    // Not narrowed: null, nothing added.
    const [plain] = insightItems({
      candidates: [{ id: 'org:fao', label: 'FAO', type: 'Organisation', activeIn: null }],
    });
    expect(plain!.reasons).toEqual([]);
  });

  it('gives one reason, not two, where an evidence path runs through the country and on', () => {
    const [unicef] = insightItems({
      candidates: [
        {
          id: 'org:unicef',
          label: 'UNICEF',
          type: 'Organisation',
          activeIn: {
            sentence: 'UNICEF leads “Pathfinder”, which takes place in Sierra Leone',
            nodes: [{ id: 'org:unicef' }, { id: 'activity:p' }, { id: 'country:SL' }],
          },
          paths: [
            {
              sentence: 'UNICEF funds Primero, which is also deployed in Sierra Leone',
              nodes: [
                { id: 'org:unicef' },
                { id: 'dpg:primero' },
                { id: 'country:SL' },
                { id: 'dpg:dhis2' },
              ],
            },
            {
              sentence:
                'UNICEF leads “Pathfinder”, which takes place in Sierra Leone, where DHIS2 is deployed',
              nodes: [
                { id: 'org:unicef' },
                { id: 'activity:p' },
                { id: 'country:SL' },
                { id: 'dpg:dhis2' },
              ],
            },
          ],
        },
      ],
    });
    // The path that says the same and more comes first, where the presence was.
    expect(unicef!.reasons).toEqual([
      'UNICEF leads “Pathfinder”, which takes place in Sierra Leone, where DHIS2 is deployed',
      'UNICEF funds Primero, which is also deployed in Sierra Leone',
    ]);
    expect(unicef!.pathIds).toEqual([
      'org:unicef',
      'activity:p',
      'country:SL',
      'dpg:dhis2',
      'dpg:primero',
    ]);
  });

  it('reads where each collaborator is based, as the answer gives it', () => {
    const items = insightItems({
      candidates: [
        { id: 'org:norad', label: 'Norad', type: 'Organisation', homeCountry: 'Norway' },
        { id: 'org:unicef', label: 'UNICEF', type: 'Organisation', homeCountry: null },
      ],
    });
    expect(items.map((i) => [i.id, i.homeCountry])).toEqual([
      ['org:norad', 'Norway'],
      ['org:unicef', null],
    ]);
  });

  it('says what a collaborator’s score is made of, the largest part first', () => {
    const [item] = insightItems({
      candidates: [
        {
          id: 'org:kobo-inc',
          label: 'KoBo, Inc',
          type: 'Organisation',
          score: 0.49,
          parts: [
            { metaPath: 'dpg-sector', paths: 1, score: 0.26 },
            { metaPath: 'dpg-sector-country', paths: 2, score: 0.12 },
            { metaPath: 'dpg-sdg', paths: 0, score: 0 },
            { metaPath: 'new-kind-of-link', paths: 2, score: 0.1 },
          ],
        },
      ],
    });
    expect(item?.summary).toBe(
      '1 link through a DPG of the same sector · 2 same-sector DPGs in shared countries · 2 × new kind of link',
    );
  });

  it('reads Cytoscape-shaped node lists and answers without a list', () => {
    expect(
      insightItems({ nodes: [{ data: { id: 'org:a', label: 'A', type: 'Organisation' } }] }),
    ).toHaveLength(1);
    expect(insightItems({ total: 0 })).toEqual([]);
    expect(insightItems(null)).toEqual([]);
  });
});

describe('partnership network answers', () => {
  const network = {
    organisation: { id: 'org:unicef', label: 'UNICEF' },
    totalPartners: 3,
    nodes: [
      { data: { id: 'org:unicef', label: 'UNICEF', type: 'Organisation', ego: true } },
      { data: { id: 'org:giz', label: 'GIZ', type: 'Organisation', strength: 1 } },
      { data: { id: 'org:dpga', label: 'DPGA', type: 'Organisation', strength: 3 } },
      { data: { id: 'org:abc', label: 'ABC', type: 'Organisation', strength: 1 } },
    ],
    edges: [
      {
        data: {
          source: 'org:unicef',
          target: 'org:dpga',
          activities: [
            { id: 'activity:a', label: 'Advocacy' },
            { id: 'activity:b', label: 'DJENGA' },
          ],
          dpgs: [{ id: 'dpg:x', label: 'X' }],
        },
      },
      {
        data: {
          source: 'org:giz',
          target: 'org:unicef',
          activities: [{ id: 'activity:c', label: 'AI CoP' }],
          dpgs: [],
        },
      },
      // Between two partners: not what either shares with UNICEF.
      {
        data: {
          source: 'org:giz',
          target: 'org:dpga',
          activities: [{ id: 'activity:z', label: 'Z' }],
          dpgs: [],
        },
      },
    ],
    brokers: [{ id: 'org:dpga', label: 'DPGA', brokerage: 0.2 }],
  };

  it('ranks partners by what they share with the organisation, and names it', () => {
    const items = insightItems(network);
    expect(items.map((item) => [item.id, item.score, item.summary])).toEqual([
      ['org:dpga', 3, 'Shares 2 activities and 1 DPG'],
      ['org:abc', 1, 'Nothing shared directly'],
      ['org:giz', 1, 'Shares 1 activity'],
    ]);
    expect(items[0]).toMatchObject({
      reasons: ['Advocacy', 'DJENGA', 'X'],
      pathIds: ['activity:a', 'activity:b', 'dpg:x'],
      tags: ['broker'],
    });
    expect(items[2]?.pathIds).toEqual(['activity:c']);
    expect(insightTotal(network)).toBe(3);
  });

  it('says a DPG shared through a fund by its sentence, and puts the fund on its path', () => {
    const items = insightItems({
      organisation: { id: 'org:unicef', label: 'UNICEF' },
      nodes: [
        { data: { id: 'org:unicef', label: 'UNICEF', type: 'Organisation', ego: true } },
        { data: { id: 'org:avyantra', label: 'Avyantra', type: 'Organisation', strength: 1 } },
      ],
      edges: [
        {
          data: {
            source: 'org:unicef',
            target: 'org:avyantra',
            activities: [],
            dpgs: [
              {
                id: 'dpg:avyantra',
                label: 'Avyantra Health Technologies',
                type: 'DPG',
                via: [
                  {
                    id: 'initiative:unicef-venture-fund',
                    label: 'UNICEF Venture Fund',
                    type: 'Initiative',
                    runBy: { id: 'org:unicef', label: 'UNICEF' },
                  },
                ],
                sentence:
                  'Avyantra Health Technologies, which UNICEF funds through UNICEF Venture Fund',
              },
            ],
          },
        },
      ],
    });
    expect(items[0]).toMatchObject({
      summary: 'Shares 1 DPG',
      reasons: ['Avyantra Health Technologies, which UNICEF funds through UNICEF Venture Fund'],
      pathIds: ['dpg:avyantra', 'initiative:unicef-venture-fund'],
    });
    // The CSV's "why listed" says it in the same words.
    expect(insightCsv('network', items).split('\r\n')[1]).toBe(
      '1,org:avyantra,Avyantra,Organisation,,,,1,,Shares 1 DPG,' +
        '"Avyantra Health Technologies, which UNICEF funds through UNICEF Venture Fund",,,',
    );
    expect(insightTotal({ total: 136 })).toBe(136);
    expect(insightTotal({})).toBeNull();
  });

  it("reads the subject's name from each kind of answer", () => {
    const entity = (id: string, label: string) => ({ id, label, type: 'X', kind: null });
    expect(insightSubjectLabel({ subject: entity('country:KE', 'Kenya') })).toBe('Kenya');
    expect(insightSubjectLabel({ dpg: entity('dpg:dhis2', 'DHIS2') })).toBe('DHIS2');
    expect(insightSubjectLabel({ organisation: entity('org:unicef', 'UNICEF') })).toBe('UNICEF');
    expect(insightSubjectLabel({ subject: { id: 'country:KE' } })).toBeNull();
    expect(insightSubjectLabel('nonsense')).toBeNull();
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
          roles: ['co-leads', 'funds'],
          connections: [{ sentence: 'GIZ co-leads the AI CoP', nodes: [{ id: 'org:giz' }] }],
        },
      ],
    });
    // As the sentences spell them: "co-leads" beside "GIZ co-leads…", not "co leads".
    expect(item?.tags).toEqual(['co-leads', 'funds']);
    expect(item?.reasons).toEqual(['GIZ co-leads the AI CoP']);
    expect(item?.summary).toBeNull();
    expect(item?.ring).toBeNull();
    expect(item?.homeCountry).toBeNull();
  });

  it('reads a stakeholder’s home country', () => {
    const [item] = insightItems({
      stakeholders: [
        { id: 'org:norad', label: 'Norad', type: 'Organisation', homeCountry: 'Norway' },
      ],
    });
    expect(item?.homeCountry).toBe('Norway');
  });

  it('reads a partner’s home country from a partnership network’s nodes', () => {
    const items = insightItems({
      nodes: [
        { data: { id: 'org:unicef', label: 'UNICEF', type: 'Organisation', ego: true } },
        {
          data: {
            id: 'org:norad',
            label: 'Norad',
            type: 'Organisation',
            ego: false,
            strength: 2,
            homeCountry: 'Norway',
          },
        },
      ],
    });
    expect(items.map((i) => [i.id, i.homeCountry])).toEqual([['org:norad', 'Norway']]);
  });

  it('names each stakeholder’s ring from the map’s rings, indirect ones marked', () => {
    const items = insightItems({
      rings: [
        {
          role: 'participates',
          through: 'TAKES_PLACE_IN',
          indirect: false,
          label: 'takes part in an activity in Kenya',
        },
        {
          role: 'owns',
          through: 'DEPLOYED_IN',
          indirect: true,
          label: 'makes a DPG deployed in Kenya',
        },
      ],
      stakeholders: [
        { id: 'org:giz', label: 'GIZ', type: 'Organisation', ring: 0 },
        { id: 'org:ssb', label: 'Statistics Norway', type: 'Organisation', ring: 1 },
        { id: 'org:odd', label: 'Odd', type: 'Organisation', ring: 7 },
      ],
    });
    expect(items.map((item) => item.ring)).toEqual([
      { label: 'takes part in an activity in Kenya', indirect: false },
      { label: 'makes a DPG deployed in Kenya', indirect: true },
      null,
    ]);
  });

  it('offers a stakeholder map of an initiative', () => {
    expect(insightPath('stakeholders', 'initiative:unicef-venture-fund', 'Initiative')).toBe(
      '/api/stakeholders?initiative=initiative%3Aunicef-venture-fund',
    );
  });

  it('says where a stakeholder stands: its influence on the map and its ties', () => {
    const stakeholder = (id: string, rank: number, total: number, other: number) => ({
      id,
      label: id,
      type: 'Organisation',
      influence: { rank, pagerank: 0.01 },
      ties: { total, other },
    });
    const items = insightItems({
      total: 41,
      stakeholders: [
        stakeholder('org:unicef', 1, 33, 31),
        stakeholder('org:a', 2, 1, 0),
        stakeholder('org:b', 11, 4, 0),
        stakeholder('org:c', 23, 2, 1),
      ],
    });
    // Listed by role first, so ranks may skip: "of 41" says among how many.
    expect(items.map((item) => item.summary)).toEqual([
      '1st of 41 in influence · 33 ties, 2 on this map',
      '2nd of 41 in influence · 1 tie, on this map',
      '11th of 41 in influence · 4 ties, all on this map',
      '23rd of 41 in influence · 2 ties, 1 on this map',
    ]);
    // An answer that does not say how many: the rank alone.
    expect(insightItems({ stakeholders: [stakeholder('org:d', 3, 2, 1)] })[0]?.summary).toBe(
      '3rd in influence · 2 ties, 1 on this map',
    );
    expect(items.map((item) => item.influenceRank)).toEqual([1, 2, 11, 23]);
  });
});
