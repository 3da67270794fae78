// Unit tests of a sector as the subject of a stakeholder map (web/src/lib/insights/sector-subject.ts).
import { describe, expect, it } from 'vitest';
import {
  isSectorId,
  topicInCountry,
  sectorMapTitle,
  sectorOf,
  namesSector,
  sectorsInCountriesNamed,
  sdgsInCountriesNamed,
  sectorsNamed,
  sectorSubjectId,
  subjectTypeOf,
} from '../../web/src/lib/insights/sector-subject.ts';
import {
  decodeShareState,
  encodeShareState,
  unreadLinkSettings,
} from '../../web/src/state/url/utils.ts';

const COUNTRIES = [
  { id: 'country:KE', label: 'Kenya', entities: 120 },
  { id: 'country:SL', label: 'Sierra Leone', entities: 40 },
  { id: 'country:ZA', label: 'South Africa', entities: 90 },
  { id: 'country:SS', label: 'South Sudan', entities: 10 },
  { id: 'country:HN', label: 'Honduras', entities: 5 },
];

const SECTORS = [
  { sector: 'Health', dpgs: 43 },
  { sector: 'Water and Sanitation', dpgs: 5 },
  { sector: 'Digital/Data/Tech', dpgs: 11 },
  { sector: 'Gender and Minority Groups', dpgs: 6 },
  { sector: 'Humanitarian', dpgs: 1 },
];

describe('a sector as the subject of a stakeholder map', () => {
  it('goes by an id of its own, which no entity type claims', () => {
    expect(sectorSubjectId('Digital/Data/Tech')).toBe('sector:Digital/Data/Tech');
    expect(isSectorId('sector:Health')).toBe(true);
    expect(isSectorId('sector:')).toBe(false);
    expect(isSectorId('dpg:sector')).toBe(false);
    expect(sectorOf('sector:Water and Sanitation')).toBe('Water and Sanitation');
    expect(subjectTypeOf('sector:Health')).toBe('Sector');
    expect(subjectTypeOf('dpg:dhis2')).toBe('DPG');
    expect(subjectTypeOf('nonsense')).toBeUndefined();
  });

  it('names its map with the country it is narrowed to', () => {
    expect(topicInCountry('Health', 'Kenya')).toBe('Health in Kenya');
    expect(topicInCountry('Health', null)).toBe('Health');
    expect(sectorMapTitle('Health', 'Kenya')).toBe('Health sector stakeholders in Kenya');
    expect(sectorMapTitle('Health', null)).toBe('Health sector stakeholders');
  });

  it('is offered by a search whose every word starts a word of its name, from three letters', () => {
    const named = (query: string) => sectorsNamed(SECTORS, query).map((s) => s.sector);
    expect(named('health')).toEqual(['Health']);
    expect(named('HEAL')).toEqual(['Health']);
    expect(named('water san')).toEqual(['Water and Sanitation']);
    expect(named('data')).toEqual(['Digital/Data/Tech']);
    // Most DPGs first, two at most.
    expect(named('hum')).toEqual(['Humanitarian']);
    expect(sectorsNamed([...SECTORS, { sector: 'Health Systems', dpgs: 50 }], 'health')).toEqual([
      { sector: 'Health Systems', dpgs: 50 },
      { sector: 'Health', dpgs: 43 },
    ]);
    // A name being typed, or a query about more than the sector, offers none.
    expect(named('he')).toEqual([]);
    expect(named('health kenya')).toEqual([]);
    expect(named('ealth')).toEqual([]);
    expect(named('   ')).toEqual([]);
  });

  it('is the query exactly only when every word of its name is typed, no more', () => {
    expect(namesSector('Health', ' HEALTH ')).toBe(true);
    expect(namesSector('Water and Sanitation', 'water and sanitation')).toBe(true);
    expect(namesSector('Water and Sanitation', 'water')).toBe(false);
    expect(namesSector('Health', 'health kenya')).toBe(false);
  });

  it('is offered in a country when the words after (or before) its own name one', () => {
    const offered = (query: string) =>
      sectorsInCountriesNamed(SECTORS, COUNTRIES, query).map(
        (s) => `${s.sector} in ${s.country.label}${s.exact ? ' (exact)' : ''}`,
      );
    expect(offered('health kenya')).toEqual(['Health in Kenya (exact)']);
    expect(offered('Kenya Health')).toEqual(['Health in Kenya (exact)']);
    expect(offered('health in kenya')).toEqual(['Health in Kenya (exact)']);
    // Names being typed offer it too, not as the exact query.
    expect(offered('heal keny')).toEqual(['Health in Kenya']);
    expect(offered('water san sierra')).toEqual(['Water and Sanitation in Sierra Leone']);
    // Most entities first among the countries a word starts, two at most.
    expect(offered('health south')).toEqual(['Health in South Africa', 'Health in South Sudan']);
    expect(sectorsInCountriesNamed(SECTORS, COUNTRIES, 'health kenya')[0]?.country).toEqual({
      id: 'country:KE',
      label: 'Kenya',
    });
    // A word that names no country, a sector alone, fewer than three letters of either: none.
    expect(offered('health data')).toEqual([]);
    expect(offered('health')).toEqual([]);
    expect(offered('health ke')).toEqual([]);
    expect(offered('he kenya')).toEqual([]);
    expect(offered('kenya')).toEqual([]);
    expect(offered('health kenya malaria')).toEqual([]);
  });

  it('offers an SDG’s map in a country, named by its number or its title', () => {
    const SDGS = [
      { id: 'sdg:1', label: 'SDG 1: No Poverty', dpgs: 20 },
      { id: 'sdg:3', label: 'SDG 3: Good Health and Well-being', dpgs: 60 },
      { id: 'sdg:13', label: 'SDG 13: Climate Action', dpgs: 30 },
      { id: 'sdg:10', label: 'SDG 10: Reduced Inequalities', dpgs: 25 },
    ];
    const offered = (query: string) =>
      sdgsInCountriesNamed(SDGS, COUNTRIES, query).map(
        (s) => `${s.sdg.id} in ${s.country.id}${s.exact ? ' (exact)' : ''}`,
      );
    expect(offered('sdg 3 kenya')).toEqual(['sdg:3 in country:KE (exact)']);
    expect(offered('Kenya SDG 3')).toEqual(['sdg:3 in country:KE (exact)']);
    expect(offered('good health in kenya')).toEqual(['sdg:3 in country:KE']);
    expect(offered('kenya well-being')).toEqual(['sdg:3 in country:KE']);
    expect(offered('climate sierra')).toEqual(['sdg:13 in country:SL']);
    // A sector's words may start an SDG's too: offered, but not as what was typed (the search
    // ranks it after the entities, the Health sector in Kenya first).
    expect(offered('health kenya')).toEqual(['sdg:3 in country:KE']);
    // A number is a whole word: SDG 1 is not SDG 10 or 13.
    expect(offered('sdg 1 kenya')).toEqual(['sdg:1 in country:KE (exact)']);
    expect(sdgsInCountriesNamed(SDGS, COUNTRIES, 'sdg 3 kenya')[0]).toEqual({
      sdg: SDGS[1],
      country: { id: 'country:KE', label: 'Kenya' },
      exact: true,
    });
    // No country, a country alone, a number alone (under three letters): none.
    expect(offered('sdg 3')).toEqual([]);
    expect(offered('kenya')).toEqual([]);
    expect(offered('3 kenya')).toEqual([]);
    expect(offered('sdg 3 kenya malaria')).toEqual([]);
  });

  it('keeps its case in a link, where entity ids are read in lower case', () => {
    const state = decodeShareState(
      '#/explore?panel=insight&insight=stakeholders&of=sector:Water%20and%20Sanitation&show=1',
    );
    expect(state.insight).toMatchObject({
      kind: 'stakeholders',
      id: 'sector:Water and Sanitation',
      shown: true,
    });
    expect(decodeShareState(encodeShareState(state))).toEqual(state);
    // Nor does a link naming one say it was not understood.
    expect(
      unreadLinkSettings(
        '#/explore?panel=insight&insight=stakeholders&of=sector:Water%20and%20Sanitation',
      ),
    ).toEqual([]);
    expect(decodeShareState('#/explore?insight=stakeholders&of=ORG:UNICEF').insight?.id).toBe(
      'org:unicef',
    );
  });
});
