// Debris around source names (server/importers/resolution/name-debris.ts): what the parsers of the
// real sources now leave out, on their own lines, and that a cleaned name keeps its id.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactBuilder } from '../../server/importers/graph/fact-builder.ts';
import { EntityResolver } from '../../server/importers/resolution/entity-resolver.ts';
import type { GazetteerEntry } from '../../server/importers/resolution/gazetteer.ts';
import { parseActivitiesCsv } from '../../server/importers/activities-csv/activities-csv-importer.ts';
import { parseMembersDocument } from '../../server/importers/dpga-members/members-importer.ts';
import { validateRecord } from '../../server/importers/dpg-registry/registry-record.ts';
import { withoutNameDebris } from '../../server/importers/resolution/name-debris.ts';
import { slugify } from '../../server/importers/resolution/text-normalise.ts';
import { hasSharedData, SHARED_DATA } from '../support/shared-data.ts';

// Lines 1, 76 and 77 of the DPGA roadmap sheet (dpga/roadmap-2023.csv), as written.
const ROADMAP_LINES = [
  'Organization,Activity,Link',
  'Government of Sri Lanka,Adoption of MOSIP as the foundational identity platform for Sri Lanka Unique Digital Identity (SLUDI) Project:,',
  'Government of Sri Lanka,"Building DPG knowledge and capacity at the Ministry of Technology and ICTA, also to the benefit of other DPGA member countries:",',
].join('\n');
// An organisation of the DPG Registry's OpenELIS Global record (dpg-registry/api-2023).
const ITECH = 'Digital Initiatives Group at ITECH,  University of Washington';

describe('withoutNameDebris', () => {
  it('drops a colon, semicolon or comma closing a name, and a mark standing apart at an end', () => {
    expect(withoutNameDebris('Sri Lanka Unique Digital Identity (SLUDI) Project:')).toBe(
      'Sri Lanka Unique Digital Identity (SLUDI) Project',
    );
    expect(withoutNameDebris('Roadmap ; ')).toBe('Roadmap');
    expect(withoutNameDebris('Roadmap, –')).toBe('Roadmap');
    expect(withoutNameDebris('• Pilot')).toBe('Pilot');
    expect(withoutNameDebris('- Pilot')).toBe('Pilot');
    expect(withoutNameDebris(': Pilot')).toBe('Pilot');
  });

  it('makes runs of spaces single, non-breaking ones too', () => {
    expect(withoutNameDebris(ITECH)).toBe(
      'Digital Initiatives Group at ITECH, University of Washington',
    );
    expect(withoutNameDebris('Open\u00a0 Future\tFoundation ')).toBe('Open Future Foundation');
  });

  it('keeps what the source spells inside a name and its closing full stops and brackets', () => {
    for (const name of [
      '#SmartDevelopmentFund: Support 9 digital initiatives',
      'Direct Development of DPGs (Global Digital Library, MET Norway,...)',
      'Medic Mobile, Inc.',
      'Data-Pop Alliance',
      '50-in-5 campaign',
      'Ideasis / Turkey',
      'Data Empowerement and Protection Architecture (DEPA)',
    ]) {
      expect(withoutNameDebris(name)).toBe(name);
    }
  });

  it('leaves nothing of a name of debris alone', () => {
    expect(withoutNameDebris(' :; ')).toBe('');
  });

  it('never changes the id a name slugs to', () => {
    for (const raw of [
      'Adoption of MOSIP as the foundational identity platform for Sri Lanka Unique Digital Identity (SLUDI) Project:',
      ITECH,
      '• Pilot, ',
    ]) {
      expect(slugify(withoutNameDebris(raw))).toBe(slugify(raw));
    }
    // It only removes spaces and marks, which the slug drops anyway: so for any name.
    const debris = fc.constantFrom(
      ' ',
      '\u00a0',
      '\t',
      ':',
      ';',
      ',',
      '-',
      '–',
      '•',
      '*',
      '|',
      '/',
    );
    const name = fc
      .array(fc.oneof(debris, fc.string({ maxLength: 6 }), fc.constantFrom('The', 'Inc.', '&')), {
        maxLength: 12,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(name, (raw) => slugify(withoutNameDebris(raw)) === slugify(raw)),
      { numRuns: 2000 },
    );
  });
});

describe('the parsers leave the debris out', () => {
  it('of the roadmap sheet’s activity titles', () => {
    expect(parseActivitiesCsv(ROADMAP_LINES, 'roadmap-2023.csv').map((r) => r.activity)).toEqual([
      'Adoption of MOSIP as the foundational identity platform for Sri Lanka Unique Digital Identity (SLUDI) Project',
      'Building DPG knowledge and capacity at the Ministry of Technology and ICTA, also to the benefit of other DPGA member countries',
    ]);
  });

  it('of the registry’s organisation and DPG names, and of the members list', () => {
    const result = validateRecord(
      {
        id: 'openelis-global',
        name: 'OpenELIS Global ',
        organizations: [{ name: ITECH, org_type: 'maintainer' }],
      },
      'dpg/openelis-global.json',
      0,
    );
    expect(
      'record' in result && [result.record.name, result.record.organizations[0]!.name],
    ).toEqual(['OpenELIS Global', 'Digital Initiatives Group at ITECH, University of Washington']);
    expect(parseMembersDocument('{"members": ["UNICEF:", " GIZ"]}', 'm.json').members).toEqual([
      'UNICEF',
      'GIZ',
    ]);
    // A name of debris alone is still refused, as an empty one is.
    expect(() => parseMembersDocument('{"members": [";"]}', 'm.json')).toThrow(/members\.0/);
  });
});

describe('an entity the graph holds with debris in its name', () => {
  it('is stated with its name cleaned, under the same id, when a source names it again', () => {
    const stored: GazetteerEntry = {
      id: 'org:digital-initiatives-group-at-itech-university-of-washington',
      type: 'Organisation',
      name: ITECH,
      aliases: [],
      props: { name: ITECH, kind: 'academic' },
      origin: 'graph',
    };
    const builder = new FactBuilder(new EntityResolver([stored]));
    const id = builder.organisation(withoutNameDebris(ITECH), 'test', 'test');
    expect(id).toBe(stored.id);
    expect(builder.facts.nodes.find((n) => n.id === id)?.props).toEqual({
      name: 'Digital Initiatives Group at ITECH, University of Washington',
    });
    // A clean name is the graph's own: the source does not restate it.
    const clean = new FactBuilder(new EntityResolver([{ ...stored, name: 'UNICEF' }]));
    clean.organisation('UNICEF', 'test', 'test');
    expect(clean.facts.nodes[0]?.props).toEqual({});
  });
});

describe.runIf(hasSharedData())('the real roadmap sheet', () => {
  it('has no activity or organisation name ending in a separator once parsed', () => {
    const file = path.join(SHARED_DATA, 'dpga', 'roadmap-2023.csv');
    const rows = parseActivitiesCsv(readFileSync(file, 'utf8'), 'roadmap-2023.csv');
    const names = rows.flatMap((r) => [r.organisation, r.activity]);
    expect(names.filter((n) => /[:;,]$|\s{2}/.test(n))).toEqual([]);
    expect(rows.find((r) => r.line === 76)?.activity).toMatch(/\(SLUDI\) Project$/);
  });
});
