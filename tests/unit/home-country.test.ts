import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  activitiesFacts,
  parseActivitiesCsv,
} from '../../server/importers/activities-csv/activities-csv-importer.ts';
import {
  membersFacts,
  parseMembersDocument,
} from '../../server/importers/dpga-members/members-importer.ts';
import { registryFacts } from '../../server/importers/dpg-registry/registry-facts.ts';
import { validateRecord } from '../../server/importers/dpg-registry/registry-record.ts';
import type { FactBuilder } from '../../server/importers/graph/fact-builder.ts';
import { memberPageFacts } from '../../server/importers/member-page/member-page-facts.ts';
import { parseMemberPage } from '../../server/importers/member-page/member-page-parser.ts';
import { EntityResolver } from '../../server/importers/resolution/entity-resolver.ts';
import {
  REFERENCE_DIR,
  referenceEntries,
  referenceOrganisations,
} from '../../server/importers/resolution/gazetteer.ts';
import {
  homeCountryFromName,
  loadHomeCountryWords,
} from '../../server/importers/resolution/home-country.ts';
import type { OrganisationKind } from '../../server/model/graph-model.ts';
import { hasSharedData, SEED_PAGE, SHARED_DATA } from '../support/shared-data.ts';
import { HOMES_FROM_REAL_NAMES } from '../support/real-homes.ts';

const home = (name: string, kind: OrganisationKind | null = 'government') =>
  homeCountryFromName(name, kind)?.code ?? null;

describe('homeCountryFromName', () => {
  it.each([
    ['Government of Sierra Leone', 'SL'],
    ["Rwanda's Ministry of ICT and Innovation", 'RW'],
    ["Republic of Estonia's Ministry of Foreign Affairs", 'EE'],
    ['Government Technology Agency, Singapore', 'SG'],
    ['Statistics Norway', 'NO'],
    ['Norwegian Digitalisation Agency', 'NO'],
    ['Swiss Agency for Development and Cooperation', 'CH'],
    ['Scottish Environmental Protection Agency', 'GB'],
    ['National Statistical Committee (NSC) of the Kyrgyz Republic', 'KG'],
    ['South African Medical Research Council', 'ZA'],
    // The longest phrase wins: a country inside another's name is not named.
    ['Papua New Guinea Ministry of Health', 'PG'],
    ['Government of Guinea', 'GN'],
    ['Government of the Republic of the Congo', 'CG'],
    ['Government of the Democratic Republic of the Congo', 'CD'],
    ['Government of Niger', 'NE'],
    ['Government of Nigeria', 'NG'],
    ['Government of the Dominican Republic', 'DO'],
    ['Dominica Ministry of Health', 'DM'],
    ['UK Health Security Agency', 'GB'],
  ])('%s is based in %s', (name, code) => {
    expect(home(name)).toBe(code);
  });

  it.each([
    // Regions and continents are no country.
    'Statistics Africa (the statistical division of the African Union (AU))',
    'European Commission',
    'Secretariat of the Convention on Biological Diversity (CBD)',
    'Amref Health Africa',
    'Notesmaster Caribbean',
    'Inter-American Digital Agency',
    'Johnson & Johnson Global Public Health',
    // Two countries, or one name of two.
    'Ghana-India Kofi Annan Centre of Excellence in ICT (AITI-KACE)',
    'Congo Basin Institute',
    // A country the organisation works for or on.
    'Friends of Kenya',
    'Aid for Ukraine',
    'Norwegian Partnership with Malawi',
    // Phrases that hold a country's name without naming one.
    'Niger Delta Development Commission',
    'Georgia Institute of Technology',
    'New Jersey Office of Innovation',
    // A short acronym only in capitals.
    'Join us',
  ])('%s gives no home', (name) => {
    expect(home(name)).toBeNull();
  });

  it('reads no home in the name of a UN agency or a multilateral bank', () => {
    expect(home('Asian Development Bank', 'multilateral-bank')).toBeNull();
    expect(home('African Development Bank of Nigeria', 'multilateral-bank')).toBeNull();
    expect(home('UNDP Kenya', 'un-agency')).toBeNull();
    expect(home('UNDP Kenya', 'ngo')).toBe('KE');
  });

  it('reads other kinds, an unknown one too', () => {
    expect(home('Vaccine Hunters Canada', 'unknown')).toBe('CA');
    expect(home('Ideasis / Turkey', null)).toBe('TR');
    expect(home('LCubed AB, Sweden (iGrant.io)', 'company')).toBe('SE');
  });

  it('says which words of the name gave the home', () => {
    expect(homeCountryFromName('Swedish Meteorological and Hydrological Institute', null)).toEqual({
      code: 'SE',
      phrase: 'Swedish',
    });
  });
});

describe('the reference tables of home countries', () => {
  const withTable = (file: string, text: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'home-country-'));
    writeFileSync(path.join(dir, file), text);
    return dir;
  };
  const organisations = (country: string) =>
    JSON.stringify({
      entries: [
        { id: 'org:ok', name: 'Ok', aliases: [], kind: 'ngo', country: 'NO' },
        { id: 'org:bad', name: 'Bad', aliases: [], kind: 'government', country },
      ],
    });

  it('gives each shipped organisation with a country a real ISO code', () => {
    const homes = referenceOrganisations().filter((e) => e.homeCountry);
    expect(homes.map((e) => e.id)).toEqual(expect.arrayContaining(['org:giz', 'org:norad']));
    expect(referenceOrganisations().find((e) => e.id === 'org:usaid')?.homeCountry).toBe('US');
    expect(referenceOrganisations().find((e) => e.id === 'org:unicef')?.homeCountry).toBeNull();
  });

  it('refuses an unknown country code, naming the entry', () => {
    const dir = withTable('organisations.json', organisations('XX'));
    expect(() => referenceOrganisations(dir)).toThrow(/entries\.1\.country: org:bad has "XX"/);
  });

  it('refuses a code that is not two capitals, naming where', () => {
    const dir = withTable('organisations.json', organisations('de'));
    expect(() => referenceOrganisations(dir)).toThrow(/invalid at entries\.1\.country/);
  });

  it('refuses a demonym whose code is no country, naming the word', () => {
    const dir = withTable(
      'home-country-words.json',
      JSON.stringify({ demonyms: { Norwegian: 'NO', Atlantean: 'QQ' }, notHomes: [] }),
    );
    expect(() => loadHomeCountryWords(path.join(dir, 'home-country-words.json'))).toThrow(
      /demonyms\."Atlantean" is "QQ"/,
    );
  });

  it('ships a words table that loads', () => {
    const words = loadHomeCountryWords();
    expect(words.demonyms.Norwegian).toBe('NO');
    expect(
      JSON.parse(readFileSync(path.join(REFERENCE_DIR, 'home-country-words.json'), 'utf8')),
    ).toHaveProperty('notHomes');
  });
});

/**
 * Every organisation the real sources name, through the importers' own fact builders (in the
 * README's import order, one resolver, as into an empty graph): which get a home from their name,
 * and that nothing else does.
 */
describe.runIf(hasSharedData())('home countries of the real sources', async () => {
  const resolver = new EntityResolver(referenceEntries());
  const builders: FactBuilder[] = [];
  builders.push(
    memberPageFacts(parseMemberPage(readFileSync(SEED_PAGE, 'utf8')), resolver).builder,
  );
  const registryDir = path.join(SHARED_DATA, 'dpg-registry', 'api-2023', 'dpg');
  const inputs = [];
  for (const file of (await readdir(registryDir)).sort()) {
    const raw: unknown = JSON.parse(readFileSync(path.join(registryDir, file), 'utf8'));
    const result = validateRecord(raw, `dpg/${file}`, inputs.length);
    if ('record' in result) inputs.push({ record: result.record, document: `dpg/${file}` });
  }
  builders.push(registryFacts(inputs, resolver));
  const membersFile = path.join(SHARED_DATA, 'dpga', 'members-2025.json');
  builders.push(
    membersFacts(
      parseMembersDocument(readFileSync(membersFile, 'utf8'), 'members-2025.json'),
      resolver,
      'members-2025.json',
    ).builder,
  );
  const csv = path.join(SHARED_DATA, 'dpga', 'roadmap-2023.csv');
  builders.push(
    activitiesFacts(
      parseActivitiesCsv(readFileSync(csv, 'utf8'), 'roadmap-2023.csv'),
      resolver,
      'roadmap-2023.csv',
    ).builder,
  );
  const based = builders.flatMap((b) => b.facts.relationships.filter((r) => r.type === 'BASED_IN'));
  const organisations = new Set(
    builders
      .flatMap((b) => b.facts.nodes.filter((n) => n.label === 'Organisation'))
      .map((n) => n.id),
  );
  const homes = (from: string) =>
    Object.fromEntries(
      based.filter((r) => r.props.homeFrom === from).map((r) => [r.from, r.to.slice(8)]),
    );

  it('reads these homes from names, and no other', () => {
    expect(homes('name')).toEqual(HOMES_FROM_REAL_NAMES);
  });

  it('takes the reference table’s homes for the organisations it knows', () => {
    const table = new Map(referenceOrganisations().map((e) => [e.id, e.homeCountry]));
    const fromTable = homes('reference-table');
    for (const [id, code] of Object.entries(fromTable)) expect(table.get(id)).toBe(code);
    expect(fromTable).toMatchObject({ 'org:giz': 'DE', 'org:bmz': 'DE', 'org:kfw': 'DE' });
    expect(fromTable).toMatchObject({ 'org:norad': 'NO', 'org:usaid': 'US' });
    expect(fromTable).toMatchObject({ 'org:government-of-sierra-leone': 'SL' });
  });

  it('gives none to regional, international and multilateral bodies', () => {
    const homeless = [...organisations].filter((id) => !based.some((r) => r.from === id));
    expect(homeless).toEqual(
      expect.arrayContaining([
        'org:european-commission',
        'org:statistics-africa-the-statistical-division-of-the-african-union-au',
        'org:secretariat-of-the-convention-on-biological-diversity-cbd',
        'org:unicef',
        'org:world-bank',
        'org:asian-development-bank',
        'org:idb',
        'org:amref-health-africa',
        'org:notesmaster-caribbean',
        'org:johnson-and-johnson-global-public-health',
        'org:ghana-india-kofi-annan-centre-of-excellence-in-ict-aiti-kace',
      ]),
    );
    // Each organisation has one home at most.
    const from = based.map((r) => r.from);
    expect(new Set(from).size).toBe(new Set(based.map((r) => `${r.from}|${r.to}`)).size);
  });
});
