import { describe, expect, it } from 'vitest';
import { EntityResolver } from '../../server/importers/resolution/entity-resolver.ts';
import type { GazetteerEntry } from '../../server/importers/resolution/gazetteer.ts';
import { referenceEntries } from '../../server/importers/resolution/gazetteer.ts';
import { normaliseName, slugify } from '../../server/importers/resolution/text-normalise.ts';

const entry = (
  id: string,
  type: GazetteerEntry['type'],
  name: string,
  aliases: string[] = [],
): GazetteerEntry => ({
  id,
  type,
  name,
  aliases,
  props: { name },
  origin: 'reference',
});

describe('normaliseName and slugify', () => {
  it('ignores case, diacritics, apostrophes and punctuation', () => {
    expect(normaliseName("Côte d'Ivoire")).toBe(normaliseName('COTE D’IVOIRE'));
    expect(normaliseName('Bill & Melinda Gates Foundation')).toBe(
      'bill and melinda gates foundation',
    );
    expect(normaliseName('The World Bank')).toBe('world bank');
  });

  it('makes stable, bounded slugs', () => {
    expect(slugify('Co-leading the Community of Practice on AI')).toBe(
      'co-leading-the-community-of-practice-on-ai',
    );
    expect(slugify('a '.repeat(100)).length).toBeLessThanOrEqual(80);
  });
});

describe('EntityResolver', () => {
  const resolver = new EntityResolver(referenceEntries());

  it('resolves canonical names and aliases whatever their spelling', () => {
    expect(resolver.resolve('norwegian agency for development co-operation')).toMatchObject({
      status: 'unmatched',
    });
    expect(resolver.resolve('NORWEGIAN AGENCY FOR DEVELOPMENT COOPERATION')).toMatchObject({
      status: 'matched',
      rule: 'alias',
      entry: { id: 'org:norad' },
    });
    expect(
      resolver.resolve('Deutsche Gesellschaft fur Internationale Zusammenarbeit'),
    ).toMatchObject({
      entry: { id: 'org:giz' },
    });
    expect(resolver.resolve('BMGF')).toMatchObject({ entry: { id: 'org:gates-foundation' } });
    expect(resolver.resolve('UNICEF')).toMatchObject({
      rule: 'canonical-name',
      entry: { id: 'org:unicef' },
    });
  });

  it('maps country name variants to ISO codes', () => {
    expect(resolver.resolve("Côte d'Ivoire", ['Country'])).toMatchObject({
      entry: { id: 'country:CI' },
    });
    expect(resolver.resolve('Congo (Congo-Brazzaville)', ['Country'])).toMatchObject({
      entry: { id: 'country:CG' },
    });
    expect(resolver.resolve('Palestine State', ['Country'])).toMatchObject({
      entry: { id: 'country:PS' },
    });
    expect(resolver.resolve('Laos', ['Country'])).toMatchObject({ entry: { id: 'country:LA' } });
    expect(resolver.resolve('Timor-Leste', ['Country'])).toMatchObject({
      entry: { id: 'country:TL' },
    });
  });

  it('reports a name that fits two entities as ambiguous instead of choosing', () => {
    const r = new EntityResolver([
      entry('org:hisp-uio', 'Organisation', 'HISP Centre', ['HISP']),
      entry('org:hisp-sa', 'Organisation', 'HISP South Africa', ['HISP']),
    ]);
    const result = r.resolve('hisp');
    expect(result.status).toBe('ambiguous');
    expect(result.status === 'ambiguous' && result.candidates.map((c) => c.id).sort()).toEqual([
      'org:hisp-sa',
      'org:hisp-uio',
    ]);
    expect(r.findMentions('HISP works with ministries')).toEqual([]);
  });

  it('finds the longest mentions in prose and trusts short acronyms only as written', () => {
    const mentions = resolver.findMentions(
      'Country Offices in Ghana, Kazakhstan, Jordan, Lebanon, Sierra Leone and Brazil engage the gdc process.',
    );
    expect(mentions.map((m) => m.entry.id)).toEqual([
      'country:GH',
      'country:KZ',
      'country:JO',
      'country:LB',
      'country:SL',
      'country:BR',
    ]);
    expect(
      resolver.findMentions('the Global Digital Compact (GDC)').map((m) => m.entry.id),
    ).toEqual(['initiative:global-digital-compact', 'initiative:global-digital-compact']);
  });

  it('reads a country that goes on a name begun before it as part of that name, not a place', () => {
    const r = new EntityResolver([
      entry('country:NO', 'Country', 'Norway'),
      entry('country:GH', 'Country', 'Ghana'),
      entry('dpg:met-norway-weather-api', 'DPG', 'MET Norway Weather API'),
      entry('org:ghana-health-service', 'Organisation', 'Ghana Health Service'),
    ]);
    const ids = (text: string) => r.findMentions(text).map((m) => m.entry.id);
    expect(ids('Direct Development of DPGs (Global Digital Library, MET Norway,...)')).toEqual([]);
    expect(ids('Support MET Norway Weather API in Norway')).toEqual([
      'dpg:met-norway-weather-api',
      'country:NO',
    ]);
    // A name that opens with the country leaves the country a country.
    expect(ids('Ghana Health sector reform')).toEqual(['country:GH']);
    // An activity's title names its own place: a later import reading the same title finds it.
    r.add(entry('activity:x/pilot-in-norway-schools', 'Activity', 'Pilot in Norway schools'));
    expect(ids('Pilot in Norway schools')).toEqual(['activity:x/pilot-in-norway-schools']);
    expect(
      r.findMentions('Pilot in Norway schools', ['DPG', 'Country']).map((m) => m.entry.id),
    ).toEqual(['country:NO']);
    // Only names of the types asked for stand in the way.
    expect(
      r.findMentions('Support MET Norway', ['Organisation', 'Country']).map((m) => m.entry.id),
    ).toEqual(['country:NO']);
  });

  it('finds a name written with a possessive, and names that hold an apostrophe as written', () => {
    const r = new EntityResolver([
      entry('country:BD', 'Country', 'Bangladesh'),
      entry('org:unicef', 'Organisation', "United Nations Children's Fund"),
    ]);
    const ids = (text: string) => r.findMentions(text).map((m) => m.entry.id);
    expect(ids("Introduce DPGs into Bangladesh's DPI")).toEqual(['country:BD']);
    expect(ids('Bangladesh’s DPI')).toEqual(['country:BD']);
    expect(ids("the United Nations Children's Fund")).toEqual(['org:unicef']);
  });

  it('joins a name with "International" to the organisation known by the rest, either way round', () => {
    const short = new EntityResolver([entry('org:intrahealth', 'Organisation', 'IntraHealth')]);
    expect(short.resolve('IntraHealth International')).toMatchObject({
      status: 'matched',
      entry: { id: 'org:intrahealth' },
    });
    const long = new EntityResolver([
      entry('org:intrahealth-international', 'Organisation', 'IntraHealth International'),
    ]);
    expect(long.resolve('IntraHealth')).toMatchObject({
      entry: { id: 'org:intrahealth-international' },
      rule: 'without-international',
    });
    // A variant: never read into running text.
    expect(long.findMentions('IntraHealth worked with UNICEF in Liberia')).toEqual([]);
    // The exact name still wins over the variant.
    long.add(entry('org:intrahealth', 'Organisation', 'IntraHealth'));
    expect(long.resolve('IntraHealth')).toMatchObject({ entry: { id: 'org:intrahealth' } });
  });

  it('folds a later entry with the same id into the first, keeping both names', () => {
    const r = new EntityResolver([entry('org:x', 'Organisation', 'Example Org')]);
    r.add(entry('org:x', 'Organisation', 'Example Organisation', ['ExOrg']));
    expect(r.resolve('ExOrg')).toMatchObject({ entry: { id: 'org:x' } });
    expect(r.resolve('Example Org')).toMatchObject({ rule: 'canonical-name' });
  });
});
