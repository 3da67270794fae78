// Unit tests of how far and how narrowly an insight view lists (web/src/lib/insights/
// insight-options.ts), the paths it asks (insight-request.ts), its CSV (insight-csv.ts) and how it
// says the list is ranked (insight-ranking.ts).
import { describe, expect, it } from 'vitest';
import { INSIGHTS_LIMITS } from '../../server/api/limits.ts';
import {
  collaboratorsQuerySchema,
  stakeholdersQuerySchema,
} from '../../server/api/insights-schemas.ts';
import {
  DEFAULT_INSIGHT_OPTIONS,
  insightParams,
  isDefaultOptions,
  listedTop,
  moreLabel,
  nextTop,
  sameOptions,
  isFilterRole,
  roleName,
  filterRolesFor,
  filtersOf,
  countryName,
} from '../../web/src/lib/insights/insight-options.ts';
import {
  insightCsv,
  insightFileName,
  insightCsvColumns,
} from '../../web/src/lib/insights/insight-csv.ts';
import {
  type InsightItem,
  insightCountrySdgs,
  insightCountrySectors,
  insightPath,
} from '../../web/src/lib/insights/insight-request.ts';
import { rankingNote } from '../../web/src/lib/insights/insight-ranking.ts';

const narrowed = {
  top: 40,
  kind: 'ngo',
  country: 'country:KE',
  members: true,
  role: null,
} as const;

describe('insight options', () => {
  it('lists a first page by default, then a page more at a time up to the API maximum', () => {
    expect(listedTop('collaborators', DEFAULT_INSIGHT_OPTIONS)).toBe(20);
    expect(nextTop('collaborators', DEFAULT_INSIGHT_OPTIONS, 20, 34)).toBe(40);
    expect(nextTop('collaborators', { ...DEFAULT_INSIGHT_OPTIONS, top: 190 }, 190, 500)).toBe(
      INSIGHTS_LIMITS.collaborators.max,
    );
    expect(nextTop('stakeholders', DEFAULT_INSIGHT_OPTIONS, 100, 260)).toBe(200);
    expect(nextTop('network', DEFAULT_INSIGHT_OPTIONS, 50, null)).toBe(100);
  });

  it('offers no more when all are listed, fewer came than asked, or at the maximum', () => {
    expect(nextTop('collaborators', DEFAULT_INSIGHT_OPTIONS, 20, 20)).toBeNull();
    expect(nextTop('collaborators', DEFAULT_INSIGHT_OPTIONS, 12, null)).toBeNull();
    expect(nextTop('collaborators', { ...DEFAULT_INSIGHT_OPTIONS, top: 200 }, 200, 900)).toBe(null);
  });

  it("names what is left on the 'Show more' button, not a second total", () => {
    expect(moreLabel(20, 20, 135)).toBe('Show 20 more of the 115 left');
    expect(moreLabel(20, 20, 26)).toBe('Show the other 6');
    expect(moreLabel(20, 20, null)).toBe('Show 20 more');
  });

  it('asks the API for the filters only where the view takes them', () => {
    expect(insightParams('collaborators', 'DPG', DEFAULT_INSIGHT_OPTIONS)).toEqual([]);
    expect(insightParams('collaborators', 'DPG', narrowed)).toEqual([
      ['limit', '40'],
      ['kind', 'ngo'],
      ['country', 'country:KE'],
      ['membersOnly', 'true'],
    ]);
    // A stakeholder map takes the kind and the members, not the country (its subject may be one).
    expect(insightParams('stakeholders', 'Country', narrowed)).toEqual([
      ['limit', '40'],
      ['kind', 'ngo'],
      ['membersOnly', 'true'],
    ]);
    // A role narrows a stakeholder map alone; the other views are not asked for one.
    const funders = { ...DEFAULT_INSIGHT_OPTIONS, role: 'funds' } as const;
    expect(insightParams('stakeholders', 'Country', funders)).toEqual([['role', 'funds']]);
    expect(insightParams('collaborators', 'DPG', funders)).toEqual([]);
    expect(isDefaultOptions(funders)).toBe(false);
    expect(insightFileName('stakeholders', 'Kenya', funders)).toBe(
      'dpg-explorer-stakeholder-map-kenya-funds.csv',
    );
    expect(isFilterRole('funds')).toBe(true);
    expect(isFilterRole('pays')).toBe(false);
    expect(roleName('participates')).toBe('Takes part');
    expect(roleName('co-leads')).toBe('Co-leads');
    expect(roleName('based')).toBe('Based here');
    // Only a country's map has organisations based there.
    expect(filterRolesFor('Country')[0]).toBe('based');
    expect(filterRolesFor('DPG')).not.toContain('based');
    expect(filterRolesFor('DPG')).toContain('funds');
    expect(insightParams('network', 'Organisation', narrowed)).toEqual([['limit', '40']]);
    // What it sends, the API's own schema reads as meant.
    expect(
      collaboratorsQuerySchema.parse(
        Object.fromEntries(insightParams('collaborators', 'DPG', narrowed)),
      ),
    ).toMatchObject({ limit: 40, kind: 'ngo', country: 'country:KE', membersOnly: true });
    expect(
      stakeholdersQuerySchema.parse({
        country: 'country:KE',
        ...Object.fromEntries(insightParams('stakeholders', 'Country', narrowed)),
      }),
    ).toMatchObject({ id: 'country:KE', limit: 40, kind: 'ngo', membersOnly: true });
  });

  it('narrows a sector’s or an SDG’s map to a country, and no other stakeholder map', () => {
    expect(filtersOf('stakeholders', 'Sector')).toContain('country');
    expect(filtersOf('stakeholders', 'SDG')).toEqual(filtersOf('stakeholders', 'Sector'));
    for (const type of ['Country', 'Activity', 'DPG', 'Initiative', null])
      expect(filtersOf('stakeholders', type), String(type)).not.toContain('country');
    // Its other filters are every stakeholder map's.
    expect(filtersOf('stakeholders', 'Sector')).toEqual(['kind', 'role', 'members', 'country']);
    // Collaborators are active in a country whatever their DPG; a network takes none.
    expect(filtersOf('collaborators', 'DPG')).toContain('country');
    expect(filtersOf('network', 'Sector')).toEqual([]);
    expect(filtersOf('network', 'Organisation')).toEqual([]);
    expect(insightParams('stakeholders', 'Sector', narrowed)).toEqual([
      ['limit', '40'],
      ['kind', 'ngo'],
      ['country', 'country:KE'],
      ['membersOnly', 'true'],
    ]);
    // The API reads them as the sector's map in that country, not as a second subject.
    expect(
      stakeholdersQuerySchema.parse({
        sector: 'sector:Health',
        ...Object.fromEntries(insightParams('stakeholders', 'Sector', narrowed)),
      }),
    ).toMatchObject({ subject: 'sector', country: 'country:KE', kind: 'ngo', membersOnly: true });
    expect(
      stakeholdersQuerySchema.parse({
        sdg: 'sdg:3',
        ...Object.fromEntries(insightParams('stakeholders', 'SDG', narrowed)),
      }),
    ).toMatchObject({ subject: 'sdg', country: 'country:KE', kind: 'ngo', membersOnly: true });
  });

  it('names a country by the first that knows it, else by its code', () => {
    const kenya = { id: 'country:KE', label: 'Kenya' };
    expect(countryName('country:KE', [null, kenya])).toBe('Kenya');
    expect(countryName('country:KE', [{ id: 'country:SL', label: 'Sierra Leone' }])).toBe('KE');
    expect(countryName('country:KE', [])).toBe('KE');
  });

  it('puts them in the path of each view', () => {
    expect(insightPath('collaborators', 'dpg:dhis2', 'DPG', narrowed)).toBe(
      '/api/dpgs/dpg%3Adhis2/collaborators?limit=40&kind=ngo&country=country%3AKE&membersOnly=true',
    );
    expect(insightPath('stakeholders', 'country:KE', 'Country', narrowed)).toBe(
      '/api/stakeholders?country=country%3AKE&limit=40&kind=ngo&membersOnly=true',
    );
    // A sector's map in a country: the sector as its subject, the country as its filter.
    const inKenya = { ...DEFAULT_INSIGHT_OPTIONS, country: 'country:KE' };
    expect(insightPath('stakeholders', 'sector:Health', 'Sector', inKenya)).toBe(
      '/api/stakeholders?sector=sector%3AHealth&country=country%3AKE',
    );
    expect(insightPath('stakeholders', 'sector:Health', 'Sector')).toBe(
      '/api/stakeholders?sector=sector%3AHealth',
    );
    // An SDG's map narrows to the country, as a sector's does.
    expect(insightPath('stakeholders', 'sdg:3', 'SDG', inKenya)).toMatch(
      /^\/api\/stakeholders\?sdg=sdg%3A3&.*country=country%3AKE/,
    );
    // A DPG's map is mapped everywhere: no country asked for.
    expect(insightPath('stakeholders', 'dpg:dhis2', 'DPG', inKenya)).toBe(
      '/api/stakeholders?dpg=dpg%3Adhis2',
    );
    expect(insightPath('network', 'org:unicef', 'Organisation', { ...narrowed, top: 100 })).toBe(
      '/api/organisations/org%3Aunicef/network?limit=100',
    );
  });

  it('reads the sectors at work in a country from its map’s answer, skipping what is not one', () => {
    expect(
      insightCountrySectors({
        sectors: [{ sector: 'Health', dpgs: 17 }, { sector: 'Climate' }, 'Education'],
      }),
    ).toEqual([{ sector: 'Health', dpgs: 17 }]);
    expect(insightCountrySectors({ stakeholders: [] })).toEqual([]);
  });

  it('reads the SDGs at work in a country from its map’s answer, skipping what is not one', () => {
    expect(
      insightCountrySdgs({
        sdgs: [{ id: 'sdg:3', label: 'SDG 3: Good Health', dpgs: 12 }, { id: 'sdg:4' }, 'sdg:5'],
      }),
    ).toEqual([{ id: 'sdg:3', label: 'SDG 3: Good Health', dpgs: 12 }]);
    expect(insightCountrySdgs({ sectors: [] })).toEqual([]);
  });

  it('compares options by value', () => {
    expect(isDefaultOptions(DEFAULT_INSIGHT_OPTIONS)).toBe(true);
    expect(isDefaultOptions({ ...DEFAULT_INSIGHT_OPTIONS, members: true })).toBe(false);
    expect(sameOptions({ ...narrowed }, narrowed)).toBe(true);
    expect(sameOptions({ ...narrowed, top: null }, narrowed)).toBe(false);
  });
});

describe('insight CSV', () => {
  const item = (id: string, label: string, extra: Partial<InsightItem> = {}): InsightItem => ({
    id,
    label,
    type: 'Organisation',
    kind: 'ngo',
    homeCountry: null,
    runBy: null,
    score: 1.5,
    reasons: [],
    pathIds: [],
    relationshipKeys: [],
    tags: [],
    summary: null,
    influenceRank: null,
    ring: null,
    ...extra,
  });

  it('says a stakeholder’s ring first among its tags, indirect ones so marked', () => {
    const table = insightCsv('stakeholders', [
      item('org:ssb', 'Statistics Norway', {
        tags: ['owns'],
        ring: { label: 'makes a DPG deployed in Kenya', indirect: true },
      }),
    ]);
    expect(table).toContain('indirect: makes a DPG deployed in Kenya; owns');
  });

  it('names a sector’s map in a country by both, as the map names itself', () => {
    const inKenya = { ...DEFAULT_INSIGHT_OPTIONS, country: 'country:KE', role: 'funds' } as const;
    expect(insightFileName('stakeholders', 'Health', inKenya, 'Kenya')).toBe(
      'dpg-explorer-stakeholder-map-health-in-kenya-funds.csv',
    );
    // Until its name is known, by its code among the filters.
    expect(insightFileName('stakeholders', 'Health', inKenya)).toBe(
      'dpg-explorer-stakeholder-map-health-ke-funds.csv',
    );
  });

  it('names the file by the view, its subject and the filters, which shortening keeps', () => {
    expect(insightFileName('collaborators', 'DHIS2', DEFAULT_INSIGHT_OPTIONS)).toBe(
      'dpg-explorer-potential-collaborators-dhis2.csv',
    );
    expect(insightFileName('collaborators', 'DHIS2', narrowed)).toBe(
      'dpg-explorer-potential-collaborators-dhis2-ngo-ke-members.csv',
    );
    const long =
      'Co-leading the Community of Practice on AI for Children and Young People in Eastern and Southern Africa';
    expect(
      insightFileName('stakeholders', long, { ...DEFAULT_INSIGHT_OPTIONS, kind: 'government' }),
    ).toBe(
      // The words dropped from the middle are marked where they were (SLUG_CUT_MARK).
      'dpg-explorer-stakeholder-map-co-leading-the-community--people-in-eastern-and-southern-africa-government.csv',
    );
  });

  it('writes one row per item in rank order, with every reason and the editors’ notes', () => {
    const rows = insightCsv(
      'collaborators',
      [
        item('org:a', 'Alpha, Inc', {
          reasons: ['Alpha owns X', 'Alpha funds Y', 'Alpha runs Z'],
          tags: ['DPGA member', 'broker'],
          summary: '3 links through DPGs of the same sector',
        }),
        item('org:b', '=cmd|calc', { kind: 'unknown', score: null }),
      ],
      new Map([
        [
          'org:a',
          [{ stance: 'supportive', priority: 'high', notes: ' Met in May. ', tags: ['health'] }],
        ],
      ]),
    ).split('\r\n');
    expect(rows[0]).toBe(
      'rank,id,name,type,kind,home country,run by,score,tags,score made of,why listed,sources,evidence,editors’ notes',
    );
    expect(rows[1]).toBe(
      '1,org:a,"Alpha, Inc",Organisation,NGO,,,1.5,DPGA member; broker,' +
        '3 links through DPGs of the same sector,Alpha owns X; Alpha funds Y; Alpha runs Z,,,' +
        '"Supportive, high priority, health, Met in May."',
    );
    // A name a spreadsheet would run as a formula stays text; no kind and no score stay empty.
    expect(rows[2]).toBe("2,org:b,'=cmd|calc,Organisation,,,,,,,,,,");
    expect(rows).toHaveLength(4);
  });

  it('gives a stakeholder map its influence rank and standing, as it has no score', () => {
    const rows = insightCsv('stakeholders', [
      item('org:a', 'Alpha', {
        score: null,
        influenceRank: 3,
        summary: '3rd in influence · 5 ties',
      }),
    ]).split('\r\n');
    expect(rows[0]).toBe(
      'rank,id,name,type,kind,home country,run by,influence rank,tags,standing,why listed,sources,evidence,editors’ notes',
    );
    expect(rows[1]).toBe('1,org:a,Alpha,Organisation,NGO,,,3,,3rd in influence · 5 ties,,,,');
  });

  it('says where a stakeholder is at home', () => {
    const [, row] = insightCsv('stakeholders', [
      item('org:norad', 'Norad', { kind: 'government', homeCountry: 'Norway', influenceRank: 1 }),
    ]).split('\r\n');
    expect(row).toBe('1,org:norad,Norad,Organisation,Government,Norway,,1,,,,,,');
  });

  it('says where a potential collaborator is based, beside its kind', () => {
    const [, norad, fund] = insightCsv('collaborators', [
      item('org:norad', 'Norad', { kind: 'government', homeCountry: 'Norway', score: 0.92 }),
      // An initiative has no home: the cell stays empty, never "null"; it says who runs it.
      item('initiative:fund', 'A Fund', {
        type: 'Initiative',
        kind: null,
        runBy: 'UNICEF',
        score: 0.5,
      }),
    ]).split('\r\n');
    expect(norad).toBe('1,org:norad,Norad,Organisation,Government,Norway,,0.92,,,,,,');
    expect(fund).toBe('2,initiative:fund,A Fund,Initiative,,,UNICEF,0.5,,,,,,');
  });

  it('gives a partnership network what each partner shares', () => {
    expect(insightCsvColumns('network')).toEqual([
      'rank',
      'id',
      'name',
      'type',
      'kind',
      'home country',
      'run by',
      'shared',
      'tags',
      'shared what',
      'why listed',
      'sources',
      'evidence',
      'editors’ notes',
    ]);
    const [, row] = insightCsv('network', [
      item('org:a', 'Alpha', {
        score: 2,
        summary: 'Shares 1 activity and 1 DPG',
        homeCountry: 'Kenya',
      }),
    ]).split('\r\n');
    expect(row).toBe('1,org:a,Alpha,Organisation,NGO,Kenya,,2,,Shares 1 activity and 1 DPG,,,,');
  });
});

describe('how an insight list is ranked', () => {
  it('lists the collaborator weights the answer gives, heaviest first', () => {
    const note = rankingNote(
      'collaborators',
      {
        method: {
          weights: {
            'dpg-sdg': { weight: 0.5, description: 'owns a DPG advancing one of the same SDGs' },
            'activity-owner': { weight: 2, description: 'takes part with an owner of the DPG' },
            broken: { weight: 'heavy' },
          },
        },
      },
      'DHIS2',
    );
    expect(note.lead).toContain('between an organisation and DHIS2');
    expect(note.parts).toEqual([
      '2 × takes part with an owner of the DPG',
      '0.5 × owns a DPG advancing one of the same SDGs',
    ]);
    expect(note.measuredOn).toBeNull();
  });

  it('cautions, above the list, when every collaborator listed shares goals or countries alone', () => {
    const weak = {
      candidates: [{ parts: [{ metaPath: 'dpg-sdg' }, { metaPath: 'dpg-country' }] }],
    };
    expect(rankingNote('collaborators', weak, 'OpenCRVS').caution).toMatch(
      /^None of these takes part in an activity with OpenCRVS's makers/,
    );
    const strong = {
      candidates: [
        { parts: [{ metaPath: 'dpg-sdg' }] },
        { parts: [{ metaPath: 'dpg-sector' }, { metaPath: 'dpg-sdg' }] },
      ],
    };
    expect(rankingNote('collaborators', weak, 'OpenCRVS').caution).toContain(
      'weak signals. The registry may list no sector for OpenCRVS, or no other DPG of its sector. Read',
    );
    // Narrowed: the filters left the weak ones, not the DPG's missing sector (QA: DHIS2 in Antarctica).
    const filtered = {
      ...weak,
      filters: {
        kind: 'multilateral-bank',
        country: { id: 'country:AQ', label: 'Antarctica' },
        membersOnly: true,
      },
    };
    const caution = rankingNote('collaborators', filtered, 'DHIS2').caution;
    expect(caution).toContain(
      'weak signals. The filters (multilateral banks only, active in Antarctica, DPGA members only) leave no stronger one. Read',
    );
    expect(caution).not.toContain('sector for DHIS2');
    expect(rankingNote('collaborators', strong, 'DHIS2').caution).toBeNull();
    expect(rankingNote('collaborators', { candidates: [] }, 'DHIS2').caution).toBeNull();
    expect(rankingNote('stakeholders', weak, 'Kenya').caution).toBeNull();
  });

  it('says a sector’s map is of those around its DPGs, and cautions when none backs one', () => {
    const ring = (indirect: boolean) => ({ label: 'x', indirect, role: 'owns', through: '' });
    const map = (indirect: boolean) => ({
      subject: { id: 'sector:Health', label: 'Health', type: 'Sector' },
      rings: [ring(false), ring(true)],
      stakeholders: [{ id: 'org:x', label: 'X', type: 'Organisation', ring: indirect ? 1 : 0 }],
    });
    const backed = rankingNote('stakeholders', map(false), 'Health');
    expect(backed.lead).toMatch(/^Those who back a DPG of the Health sector first/);
    expect(backed.caution).toBeNull();
    expect(rankingNote('stakeholders', map(true), 'Health').caution).toMatch(
      /^None of these backs a DPG of the Health sector/,
    );
    // An entity's map reads as before.
    expect(rankingNote('stakeholders', { stakeholders: [] }, 'Kenya').lead).toMatch(
      /^Direct involvement with Kenya first/,
    );
  });

  it.each([
    ['a sector', 'sector:Health', 'Sector', 'Health', 'a DPG of the Health sector'],
    ['an SDG', 'sdg:3', 'SDG', 'SDG 3', 'a DPG advancing SDG 3'],
  ])(
    'says %s’s map in a country puts work there first, and cautions when none does',
    (_, id, type, label, dpg) => {
      const map = (ring: number) => ({
        subject: { id, label, type },
        filters: { country: { id: 'country:KE', label: 'Kenya' } },
        rings: [
          { label: `Takes part in an activity in Kenya involving ${dpg}` },
          { label: 'Makes such a DPG developed in Kenya', indirect: true },
        ],
        stakeholders: [{ id: 'org:x', label: 'X', type: 'Organisation', ring }],
      });
      const working = rankingNote('stakeholders', map(0), label);
      expect(working.lead).toMatch(
        new RegExp(`^Those who take part in an activity in Kenya involving ${dpg} first`),
      );
      expect(working.caution).toBeNull();
      expect(rankingNote('stakeholders', map(1), label).caution).toMatch(
        /^None of these takes part in an activity in Kenya/,
      );
    },
  );

  it('keeps a sector’s and an SDG’s own order without a country', () => {
    const plain = (type: string, label: string) =>
      rankingNote('stakeholders', { subject: { type }, filters: { country: null } }, label).lead;
    expect(plain('Sector', 'Health')).toMatch(/^Those who back a DPG of the Health sector first/);
    expect(plain('SDG', 'SDG 3')).toMatch(/^Direct involvement with SDG 3 first/);
  });

  it('says when the network measures behind a stakeholder or network order were computed', () => {
    const note = rankingNote(
      'stakeholders',
      { metricsComputedAt: '2026-12-05T00:02:03.468Z' },
      'Kenya',
    );
    expect(note.lead).toMatch(/^Direct involvement with Kenya first/);
    expect(note.lead).toContain('indirect');
    expect(note.caution).toBeNull();
    const indirectOnly = rankingNote(
      'stakeholders',
      {
        rings: [
          { label: 'Takes part in an activity in Kenya', indirect: false },
          { label: 'Makes a DPG deployed in Kenya', indirect: true },
        ],
        stakeholders: [
          { id: 'org:a', label: 'A', type: 'Organisation', ring: 1 },
          { id: 'org:b', label: 'B', type: 'Organisation', ring: 1 },
        ],
      },
      'Kenya',
    );
    expect(indirectOnly.caution).toMatch(/^None of these is directly involved with Kenya/);
    const oneDirect = rankingNote(
      'stakeholders',
      {
        rings: [
          { label: 'Takes part in an activity in Kenya', indirect: false },
          { label: 'Makes a DPG deployed in Kenya', indirect: true },
        ],
        stakeholders: [
          { id: 'org:a', label: 'A', type: 'Organisation', ring: 0 },
          { id: 'org:b', label: 'B', type: 'Organisation', ring: 1 },
        ],
      },
      'Kenya',
    );
    expect(oneDirect.caution).toBeNull();
    expect(note.measuredOn).toBe('5 Dec 2026');
    expect(rankingNote('network', null, 'UNICEF')).toMatchObject({ parts: [], measuredOn: null });
  });
});
