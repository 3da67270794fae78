import { describe, expect, it } from 'vitest';
import { ImportInputError } from '../../server/errors.ts';
import {
  linkUrl,
  parseActivitiesCsv,
  parseColumnMapping,
} from '../../server/importers/activities-csv/activities-csv-importer.ts';
import { classifyActivity } from '../../server/importers/activity-classifier.ts';
import { parseMembersDocument } from '../../server/importers/dpga-members/members-importer.ts';
import { validateRecord } from '../../server/importers/dpg-registry/registry-record.ts';
import { parseJsonDocument } from '../../server/importers/json-document.ts';
import { nameVariants } from '../../server/importers/resolution/name-variants.ts';
import { classifyOrganisation } from '../../server/importers/resolution/organisation-classifier.ts';

describe('nameVariants', () => {
  it('strips legal suffixes and reads parenthetical acronyms', () => {
    expect(nameVariants('Bluesquare SA')).toEqual([{ name: 'Bluesquare', rule: 'legal-suffix' }]);
    expect(nameVariants('Everwell Health Solutions Pvt. Ltd.')).toContainEqual({
      name: 'Everwell Health Solutions',
      rule: 'legal-suffix',
    });
    expect(nameVariants('Food and Agriculture Organization (FAO) of the United Nations')).toEqual([
      {
        name: 'Food and Agriculture Organization of the United Nations',
        rule: 'without-parenthetical',
      },
      { name: 'FAO', rule: 'parenthetical-acronym' },
    ]);
  });

  it('reads a name without its closing "International", in linear time', () => {
    expect(nameVariants('IntraHealth International')).toEqual([
      { name: 'IntraHealth', rule: 'without-international' },
    ]);
    expect(nameVariants('Population Services International, Inc.')).toContainEqual({
      name: 'Population Services',
      rule: 'without-international',
    });
    // Not a word of its own, nothing before it, or only a letter.
    // Nor an acronym, which "Inner City Fund (ICF)" derives too.
    for (const name of [
      'Xinternational',
      'International Rescue Committee',
      'X International',
      'ICF International',
    ])
      expect(nameVariants(name)).toEqual([]);
    // A run of blanks before the word is walked once (a pattern retried it from each blank).
    const started = performance.now();
    expect(nameVariants(`a${' '.repeat(50_000)}b`)).toEqual([]);
    expect(nameVariants(`a${' \t'.repeat(50_000)}international`)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('reads a web domain in parentheses as the trade name it is', () => {
    expect(nameVariants('LCubed AB, Sweden (iGrant.io)')).toContainEqual({
      name: 'iGrant.io',
      rule: 'parenthetical-domain',
    });
    expect(nameVariants('Acme (see example.org/about)').map((v) => v.rule)).toEqual([
      'without-parenthetical',
    ]);
  });

  it('does not read a place or a phrase in parentheses as an acronym', () => {
    expect(nameVariants('Office of Innovation (Stockholm)').map((v) => v.rule)).toEqual([
      'without-parenthetical',
    ]);
    expect(
      nameVariants('Statistics Africa (the statistical division of the African Union (AU))').map(
        (v) => v.rule,
      ),
    ).not.toContain('parenthetical-acronym');
  });
});

describe('classifyOrganisation', () => {
  it.each([
    ['Government of Malawi', 'government'],
    ["Rwanda's Ministry of ICT and Innovation", 'government'],
    ['University of Bamenda', 'academia'],
    ['The Apache Software Foundation', 'foundation'],
    ['Zenysis Technologies Inc.', 'company'],
    ['Asian Development Bank', 'multilateral-bank'],
    ['United Nations Environment Programme (UNEP)', 'un-agency'],
    ['Global Book Alliance', 'network'],
    ['Translators Without Borders', 'ngo'],
    ['Akros', 'company'],
    ['Management Sciences for Health', 'ngo'],
    ['Stanford Center for Health Education', 'academia'],
    // A non-profit association, whatever "Solutions" says; a treaty secretariat the UN runs.
    ['Nordic Institute for Interoperability Solutions (NIIS)', 'ngo'],
    ['Secretariat of the Convention on Biological Diversity (CBD)', 'un-agency'],
    // Known names match whole: a longer name is the general rules' to read, or no one's.
    ['Ona Health Partners', 'unknown'],
    ['Bahmni', 'unknown'],
  ])('%s is %s', (name, kind) => {
    expect(classifyOrganisation(name)).toBe(kind);
  });
});

describe('classifyActivity', () => {
  it('derives types from a title', () => {
    expect(classifyActivity('Direct funding for DPGs (DHIS2, MOSIP, OpenCRVS)')).toEqual([
      'funding',
    ]);
    expect(
      classifyActivity('Advocating for prominent DPG inclusion in the Global Digital Compact'),
    ).toContain('advocacy');
    expect(classifyActivity('Zzz')).toEqual([]);
  });

  it('does not read the SDGs\' "sustainable development" as product development', () => {
    expect(
      classifyActivity('Innovation and Career Guidance Seminar: DPGs for Sustainable Development'),
    ).not.toContain('product development');
    expect(classifyActivity('Developing a DPG for sustainable farming')).toContain(
      'product development',
    );
  });
});

describe('registry records', () => {
  const base = {
    id: 'dhis2',
    name: 'DHIS2',
    organizations: [
      {
        name: 'HISP',
        org_type: 'owner',
        contact_name: 'Jane Doe',
        contact_email: 'jane@example.org',
      },
    ],
  };

  it('drops contact names and e-mail addresses', () => {
    const result = validateRecord(base, 'dpg/dhis2.json', 0);
    expect('record' in result && result.record.organizations[0]).toEqual({
      name: 'HISP',
      website: '',
      org_type: 'owner',
    });
    expect(JSON.stringify(result)).not.toMatch(/jane/i);
  });

  it('fills missing and empty fields leniently', () => {
    const result = validateRecord(
      { id: 'x', name: 'X', aliases: [''], SDGs: null },
      'dpg/x.json',
      0,
    );
    expect('record' in result && result.record).toMatchObject({
      aliases: [],
      SDGs: [],
      stage: 'DPG',
      locations: { deploymentCountries: [] },
    });
  });

  it('names the document, the record and the field of a problem', () => {
    const result = validateRecord(
      { ...base, organizations: [{ name: '', org_type: 'owner' }] },
      'dpg/dhis2.json',
      3,
    );
    expect(result).toEqual({
      problems: [
        {
          document: 'dpg/dhis2.json',
          record: 'record "dhis2"',
          field: 'organizations.0.name',
          message: 'organisation name is empty',
        },
      ],
    });
    const anonymous = validateRecord({ name: 'Nameless' }, 'dpgs.json', 3);
    expect('problems' in anonymous && anonymous.problems[0]).toMatchObject({
      record: 'record #4',
      field: 'id',
    });
  });
});

describe('parseJsonDocument', () => {
  it('says where malformed JSON breaks', () => {
    expect(() => parseJsonDocument('{\n  "a": 1,\n  "b": ]\n}', 'x.json')).toThrow(
      /x\.json is not valid JSON at line 3/,
    );
    expect(() => parseJsonDocument('{"a": [1, 2', 'y.json')).toThrow(ImportInputError);
  });
});

describe('members documents', () => {
  it('require a non-empty list of names', () => {
    expect(parseMembersDocument('{"members": ["UNICEF"], "board": []}', 'm.json').members).toEqual([
      'UNICEF',
    ]);
    expect(() => parseMembersDocument('{"members": []}', 'm.json')).toThrow(
      /m\.json, field "members"/,
    );
    expect(() => parseMembersDocument('{"members": ["UNICEF", ""]}', 'm.json')).toThrow(
      /field "members\.1"/,
    );
  });
});

describe('activities sheets', () => {
  it('parse quoted cells and keep line numbers', () => {
    const rows = parseActivitiesCsv(
      'Organization,Activity,Link\nBMGF,"Direct funding for DPGs: MOSIP, Mojaloop",\n\nUNICEF,Pilot,https://example.org\n',
      's.csv',
    );
    expect(rows).toEqual([
      {
        line: 2,
        organisation: 'BMGF',
        activity: 'Direct funding for DPGs: MOSIP, Mojaloop',
        link: '',
      },
      { line: 4, organisation: 'UNICEF', activity: 'Pilot', link: 'https://example.org' },
    ]);
  });

  it('report a broken row with its line', () => {
    expect(() => parseActivitiesCsv('Organization,Activity,Link\nA,"unclosed,\n', 's.csv')).toThrow(
      /s\.csv line/,
    );
    expect(() => parseActivitiesCsv('Organization,Activity,Link\nA,B,C,D\n', 's.csv')).toThrow(
      ImportInputError,
    );
  });

  it('map columns by name', () => {
    expect(parseColumnMapping('organisation=Org,activity=Title')).toEqual({
      organisation: 'Org',
      activity: 'Title',
      link: 'Link',
    });
    expect(() => parseColumnMapping('owner=Org')).toThrow(ImportInputError);
  });

  it('find the web address in a link cell, or none', () => {
    expect(linkUrl('https://dial.global/charter/')).toBe('https://dial.global/charter/');
    expect(linkUrl('OpenG2P Docs / https://docs.google.com/document/d/x')).toBe(
      'https://docs.google.com/document/d/x',
    );
    expect(linkUrl('www.bahmni.org')).toBe('https://www.bahmni.org');
    expect(linkUrl('Home Page | openIMIS')).toBeNull();
  });
});
