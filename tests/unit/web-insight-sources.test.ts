import { describe, expect, it } from 'vitest';
import type { RelationshipDetailsResponse } from '../../web/src/lib/api/types.ts';
import type { InsightItem } from '../../web/src/lib/insights/insight-request.ts';
import { insightCsv } from '../../web/src/lib/insights/insight-csv.ts';
import { provenanceIds, rowProvenance } from '../../web/src/lib/insights/insight-sources.ts';

const item = (id: string, extra: Partial<InsightItem> = {}): InsightItem => ({
  id,
  label: id,
  type: 'Organisation',
  kind: null,
  homeCountry: null,
  runBy: null,
  score: 1,
  reasons: [],
  pathIds: [],
  relationshipKeys: [],
  tags: [],
  summary: null,
  influenceRank: null,
  ring: null,
  ...extra,
});

const rel = (source: string, type: string, target: string, cites: [string, string][]) => ({
  id: `${source}|${type}|${target}`,
  source,
  target,
  type,
  label: type.toLowerCase(),
  sources: cites.map(([cited]) => cited),
  evidence: cites.map(([, quote]) => quote),
});

const source = (id: string, title: string | null, uri: string, kind = 'dpg-registry') => ({
  id,
  kind,
  uri,
  title,
  checksum: 'x',
  importedAt: '2026-12-07T17:53:45Z',
});

const details: RelationshipDetailsResponse = {
  relationships: [
    rel('org:fao', 'OWNS', 'dpg:wapor', [
      ['source:registry', 'dpg/wapor.json: organizations[0] "FAO" (owner)'],
    ]),
    rel('dpg:wapor', 'DEPLOYED_IN', 'country:KE', [
      ['source:registry', 'dpg/wapor.json: locations.deploymentCountries lists "Kenya"'],
    ]),
    // Not on FAO's path: never FAO's source.
    rel('dpg:wapor', 'DEVELOPED_IN', 'country:KE', [['source:sheet', 'row 4']]),
    rel('org:unicef', 'LEADS', 'activity:a', [['source:page', 'UNICEF leads A']]),
    rel('org:giz', 'PARTICIPATES_IN', 'activity:a', [
      ['source:page', 'GIZ takes part in A'],
      ['source:editor', ''],
    ]),
  ],
  sources: [
    source('source:registry', 'DPG Registry (digitalpublicgoods.net)', 'file:api-2023'),
    source('source:sheet', null, 'file:roadmap-2023.csv', 'activities-csv'),
    source(
      'source:page',
      'UNICEF on the DPGA site',
      'https://digitalpublicgoods.net/unicef',
      'member-page',
    ),
    source('source:editor', 'qa-editor', 'editor:qa-editor', 'editor'),
  ],
};

describe('insight sources', () => {
  it('asks about the subject, the rows and their paths, never a sector, within the limit', () => {
    const items = [
      item('org:fao', { pathIds: ['org:fao', 'dpg:wapor', 'country:KE'] }),
      item('org:giz', { pathIds: ['activity:a'] }),
    ];
    expect(provenanceIds('country:KE', items, 100)).toEqual([
      'country:KE',
      'org:fao',
      'dpg:wapor',
      'org:giz',
      'activity:a',
    ]);
    expect(provenanceIds('sector:Health', items, 3)).toEqual([
      'org:fao',
      'dpg:wapor',
      'country:KE',
    ]);
  });

  it("names the sources of a row's own path relationships, with their quotes", () => {
    const fao = item('org:fao', {
      pathIds: ['org:fao', 'dpg:wapor', 'country:KE'],
      relationshipKeys: ['org:fao|OWNS|dpg:wapor', 'dpg:wapor|DEPLOYED_IN|country:KE', 'x|GONE|y'],
    });
    expect(rowProvenance('country:KE', [fao], details).get('org:fao')).toEqual({
      sources: ['DPG Registry (digitalpublicgoods.net)'],
      evidence: [
        'dpg/wapor.json: organizations[0] "FAO" (owner)',
        'dpg/wapor.json: locations.deploymentCountries lists "Kenya"',
      ],
    });
  });

  it('without listed paths, takes the ties of the row and the subject with what it shares', () => {
    const giz = item('org:giz', { pathIds: ['activity:a'] });
    const provenance = rowProvenance('org:unicef', [giz], details);
    expect(provenance.get('org:giz')).toEqual({
      sources: ['UNICEF on the DPGA site', 'qa-editor'],
      evidence: ['UNICEF leads A', 'GIZ takes part in A'],
    });
    const [, row] = insightCsv('network', [giz], new Map(), provenance).split('\r\n');
    expect(row).toBe(
      '1,org:giz,org:giz,Organisation,,,,1,,,,UNICEF on the DPGA site; qa-editor,UNICEF leads A | GIZ takes part in A,',
    );
  });
});
