// Unit tests of the details panel's presentation helpers (web/src/lib/entity/) and the vocabularies
// they read (web/src/lib/vocabulary/).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  annotationValueName,
  dpgTypeName,
  organisationKindName,
} from '../../web/src/lib/vocabulary/value-names.ts';
import type { EntityDetails, Neighbour } from '../../web/src/lib/api/types.ts';
import {
  groupNeighbours,
  homeCountries,
  totalDegree,
} from '../../web/src/lib/entity/neighbour-groups.ts';
import {
  descriptionOf,
  formatDate,
  humaniseKey,
  propertyRows,
  shortUrl,
  toDisplayValue,
  formatDateTime,
} from '../../web/src/lib/entity/property-format.ts';
import {
  ENTITY_TYPES,
  RELATIONSHIP_PHRASES,
  RELATIONSHIP_TYPES,
  entityTypeName,
  relationshipPhrase,
} from '../../web/src/lib/vocabulary/index.ts';

const unicef = JSON.parse(
  readFileSync(new URL('./fixtures/web/entity-unicef.json', import.meta.url), 'utf8'),
) as EntityDetails;

describe('groupNeighbours', () => {
  it('groups by relationship and direction in vocabulary order, with readable headings', () => {
    const groups = groupNeighbours(unicef.neighbours);
    expect(groups[0]).toMatchObject({ key: 'LEADS:out', heading: 'Leads' });
    expect(groups[0]?.neighbours).toHaveLength(10);
    const keys = groups.map((g) => g.key);
    expect(keys.indexOf('RUNS:out')).toBeLessThan(keys.indexOf('MEMBER_OF:out'));
    expect(groups.reduce((n, g) => n + g.neighbours.length, 0)).toBe(unicef.neighbours.length);
  });

  it('puts outgoing before incoming for one type and drops duplicates within a group', () => {
    const n = (id: string, direction: 'out' | 'in'): Neighbour => ({
      kind: null,
      provenance: [],
      id,
      label: id,
      type: 'Organisation',
      relationship: 'FUNDS',
      direction,
    });
    const groups = groupNeighbours([n('org:b', 'in'), n('org:a', 'out'), n('org:a', 'out')]);
    expect(groups.map((g) => g.heading)).toEqual(['Funds', 'Funded by']);
    expect(groups[0]?.neighbours).toHaveLength(1);
  });

  it('sorts neighbours by type, then name', () => {
    const group = groupNeighbours(unicef.neighbours).find((g) => g.key === 'LEADS:out');
    const labels = group?.neighbours.map((x) => x.label) ?? [];
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
  });

  it('orders numbered names by number, SDG 3 before SDG 10', () => {
    const sdg = (n: number): Neighbour => ({
      kind: null,
      provenance: [],
      id: `sdg:${n}`,
      label: `SDG ${n}: x`,
      type: 'SDG',
      relationship: 'ADVANCES',
      direction: 'out',
    });
    const [group] = groupNeighbours([sdg(16), sdg(3), sdg(10)]);
    expect(group?.neighbours.map((x) => x.id)).toEqual(['sdg:3', 'sdg:10', 'sdg:16']);
  });

  it('counts each group in full from the summary where the answer listed fewer', () => {
    const country = (id: string): Neighbour => ({
      kind: null,
      provenance: [],
      id,
      label: id,
      type: 'Country',
      relationship: 'DEPLOYED_IN',
      direction: 'out',
    });
    const groups = groupNeighbours(
      [country('country:KE'), country('country:SL')],
      [
        { relationship: 'DEPLOYED_IN', direction: 'out', count: 241 },
        { relationship: 'OWNS', direction: 'in', count: 1 },
      ],
    );
    expect(groups.map((g) => [g.key, g.neighbours.length, g.total])).toEqual([
      ['DEPLOYED_IN:out', 2, 241],
    ]);
    // Without a summary a group counts what it lists.
    expect(groupNeighbours([country('country:KE')])[0]?.total).toBe(1);
  });

  it('finds an organisation’s home country among its neighbours, and lists it after memberships', () => {
    const link = (id: string, relationship: string, direction: 'out' | 'in'): Neighbour => ({
      kind: null,
      provenance: [],
      id,
      label: id === 'country:NO' ? 'Norway' : id,
      type: id.startsWith('country:') ? 'Country' : 'DPG',
      relationship,
      direction,
    });
    const neighbours = [
      link('dpg:dhis2', 'FUNDS', 'out'),
      link('country:NO', 'BASED_IN', 'out'),
      link('country:KE', 'DEPLOYED_IN', 'out'),
    ];
    expect(homeCountries(neighbours).map((n) => n.label)).toEqual(['Norway']);
    expect(groupNeighbours(neighbours).map((g) => g.heading)).toEqual([
      'Funds',
      'Based in',
      'Deployed in',
    ]);
    expect(relationshipPhrase('BASED_IN', 'in')).toBe('Organisations based here');
  });

  it('adds up per-type degrees', () => {
    expect(totalDegree(unicef.degree)).toBe(unicef.neighbours.length);
    expect(totalDegree({})).toBe(0);
  });
});

describe('property formatting', () => {
  it('lists properties without the ones shown elsewhere and without empty values', () => {
    const rows = propertyRows(unicef.properties);
    const keys = rows.map((r) => r.key);
    expect(keys).not.toContain('name');
    expect(keys).not.toContain('description');
    expect(keys).not.toContain('lastReviewed');
    // A cluster number means nothing to a reader.
    expect(propertyRows({ community: 0, pagerank: 0.01 }).map((r) => r.key)).toEqual(['pagerank']);
    // The stored count, a measure refreshed later, beside the heading's live one (QA).
    expect(propertyRows({ degree: 0, pagerank: 0.01 }).map((r) => r.key)).toEqual(['pagerank']);
    expect(rows.find((r) => r.key === 'website')?.value).toEqual({
      kind: 'link',
      href: 'https://www.unicef.org',
      text: 'unicef.org',
    });
    expect(rows.find((r) => r.key === 'focusAreas')).toMatchObject({
      label: 'Focus areas',
      value: { kind: 'list' },
    });
  });

  it('lists the network measures after what the entity is, small ones not rounded to 0', () => {
    const rows = propertyRows({
      metricsComputedAt: '2026-12-03T17:41:06Z',
      betweenness: 0,
      iso2: 'KE',
      pagerank: 0.00179769,
      region: 'Africa',
    });
    expect(rows.map((row) => row.key)).toEqual([
      'iso2',
      'region',
      'pagerank',
      'betweenness',
      'metricsComputedAt',
    ]);
    expect(rows.find((row) => row.key === 'pagerank')?.value).toEqual({
      kind: 'text',
      text: '0.0018',
    });
    expect(toDisplayValue(0.5)).toEqual({ kind: 'text', text: '0.5' });
    expect(toDisplayValue(0.996)).toEqual({ kind: 'text', text: '0.996' });
    expect(toDisplayValue(1234.5678)).toEqual({ kind: 'text', text: '1,234.568' });
  });

  it('classifies values, and never links anything but http(s)', () => {
    expect(toDisplayValue('javascript:alert(1)')).toEqual({
      kind: 'text',
      text: 'javascript:alert(1)',
    });
    expect(toDisplayValue(true)).toEqual({ kind: 'boolean', value: true });
    expect(toDisplayValue(2021)).toEqual({ kind: 'text', text: '2021' });
    expect(toDisplayValue(['', ' '])).toBeUndefined();
    expect(toDisplayValue('  ')).toBeUndefined();
  });

  it('shows values the API types as unknown without failing on them', () => {
    // A list of numbers (an editor's or a future importer's) once reached item.trim() and threw.
    expect(toDisplayValue([2019, 2023])).toEqual({ kind: 'list', items: ['2019', '2023'] });
    expect(toDisplayValue(undefined)).toBeUndefined();
    expect(toDisplayValue({ x: 1 })).toEqual({ kind: 'text', text: '{"x":1}' });
    expect(propertyRows({ years: [2019, 2023] })).toEqual([
      { key: 'years', label: 'Years', value: { kind: 'list', items: ['2019', '2023'] } },
    ]);
  });

  it('makes keys and URLs readable', () => {
    expect(humaniseKey('memberSince')).toBe('Member since');
    expect(humaniseKey('iso2')).toBe('ISO code');
    expect(humaniseKey('pagerank')).toBe('PageRank');
    expect(
      propertyRows({ types: ['aimodel', 'software'], activityTypes: ['funding'] }).map((row) => [
        row.label,
        row.value,
      ]),
    ).toEqual([
      ['DPG types', { kind: 'list', items: ['AI model', 'Software'] }],
      ['Activity types', { kind: 'list', items: ['Funding'] }],
    ]);
    expect(humaniseKey('focus_areas')).toBe('Focus areas');
    expect(shortUrl('https://www.example.org/path/')).toBe('example.org/path');
    expect(shortUrl('not a url')).toBe('not a url');
  });

  it('finds the description and formats import dates', () => {
    expect(descriptionOf(unicef.properties)).toMatch(/^UNICEF is a member/);
    expect(descriptionOf({ name: 'x' })).toBeUndefined();
    expect(formatDate('2025-11-20T10:42:00Z')).toBe('20 Nov 2025');
    expect(formatDate('yesterday')).toBe('yesterday');
  });

  it('shows timestamps as a date and a time, not as Neo4j writes them', () => {
    expect(toDisplayValue('2026-12-03T17:41:06.025000000Z')).toEqual({
      kind: 'text',
      text: '3 Dec 2026, 17:41 UTC',
    });
    expect(toDisplayValue('2026-12-03T23:30:00+02:00')).toEqual({
      kind: 'text',
      text: '3 Dec 2026, 21:30 UTC',
    });
    // Dates without a time, and text that merely starts like one, stay as they are.
    expect(toDisplayValue('2023-05-01')).toEqual({ kind: 'text', text: '2023-05-01' });
    expect(toDisplayValue('2026-12-03T17:41 was the call')).toEqual({
      kind: 'text',
      text: '2026-12-03T17:41 was the call',
    });
    expect(formatDateTime('2026-13-45T99:00:00Z')).toBe('2026-13-45T99:00:00Z');
  });
});

describe('vocabularies', () => {
  it('have a phrase for both directions of every relationship type', () => {
    for (const type of RELATIONSHIP_TYPES) {
      expect(RELATIONSHIP_PHRASES[type].out).not.toBe('');
      expect(RELATIONSHIP_PHRASES[type].in).not.toBe(RELATIONSHIP_PHRASES[type].out);
    }
    expect(relationshipPhrase('LEADS', 'in')).toBe('Led by');
    expect(relationshipPhrase('SPONSORS', 'out')).toBe('Sponsors');
  });

  it('name every entity type and fall back to the raw type', () => {
    for (const type of ENTITY_TYPES) expect(entityTypeName(type, 'plural')).not.toBe('');
    expect(entityTypeName('DPG', 'short')).toBe('DPG');
    expect(entityTypeName('Dataset')).toBe('Dataset');
  });
});

describe('stored codes as words', () => {
  it('names organisation kinds and DPG types, and reads unknown codes as words', () => {
    expect(['un-agency', 'ngo', 'unknown', 'think-tank'].map(organisationKindName)).toEqual([
      'UN agency',
      'NGO',
      'Unclassified',
      'Think tank',
    ]);
    expect(['supportive', 'high'].map(annotationValueName)).toEqual(['Supportive', 'High']);
    expect(['aimodel', 'data', 'open-api'].map(dpgTypeName)).toEqual([
      'AI model',
      'Data',
      'Open api',
    ]);
  });
});
