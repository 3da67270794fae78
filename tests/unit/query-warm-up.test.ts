import { describe, expect, it } from 'vitest';
import {
  sizeBucket,
  warmUpReads,
  warmUpSubjects,
  warmUpSummary,
} from '../../server/services/query-warm-up.ts';

const facet = (value: string) => ({ value, label: value, count: 1 });

describe('sizeBucket', () => {
  it('is 0 and 1 exactly, then the next power of ten, as Neo4j buckets a parameter', () => {
    expect([0, 1, 2, 7, 10, 11, 16, 100, 101].map(sizeBucket)).toEqual([
      0, 1, 10, 10, 10, 100, 100, 100, 1000,
    ]);
  });
});

describe('warmUpSubjects', () => {
  it('takes the best-connected organisation and DPG of each id size bucket, smaller first', () => {
    const subjects = warmUpSubjects(
      [
        { id: 'dpg:fedora-linux', type: 'DPG', degree: 245 },
        { id: 'org:egov-foundation', type: 'Organisation', degree: 90 },
        { id: 'org:dpga', type: 'Organisation', degree: 120 },
        { id: 'dpg:odk', type: 'DPG', degree: 203 },
        { id: 'dpg:kobotoolbox', type: 'DPG', degree: 244 },
        { id: 'org:who', type: 'Organisation', degree: 80 },
        { id: 'activity:unicef/co-leading', type: 'Activity', degree: 6 },
      ],
      {
        sectors: [facet('Health'), facet('Agriculture'), facet('Education')],
        sdgs: [facet('sdg:3')],
        countries: [facet('country:KE')],
      },
    );
    expect(subjects).toEqual({
      organisations: ['org:dpga', 'org:egov-foundation'],
      dpgs: ['dpg:odk', 'dpg:fedora-linux'],
      sectors: ['Health', 'Agriculture'],
      activity: 'activity:unicef/co-leading',
      sdg: 'sdg:3',
      country: 'country:KE',
    });
  });

  it('names no subject the graph does not have', () => {
    expect(warmUpSubjects([], { sectors: [], sdgs: [], countries: [] })).toEqual({
      organisations: [],
      dpgs: [],
      sectors: [],
    });
  });
});

describe('warmUpReads', () => {
  it('pairs each organisation with the DPG of its bucket for paths, and narrows topics to the country', () => {
    const names = warmUpReads({
      organisations: ['org:dpga', 'org:egov-foundation'],
      dpgs: ['dpg:odk'],
      sectors: ['Health'],
      sdg: 'sdg:3',
      country: 'country:KE',
    }).map((read) => read.name);
    expect(names.filter((name) => name.startsWith('paths'))).toEqual([
      'paths from org:dpga to dpg:odk',
      'paths from org:egov-foundation to dpg:odk',
    ]);
    expect(names).toEqual(
      expect.arrayContaining([
        'stakeholders of sector Health in country:KE',
        'stakeholders of sdg:3 in country:KE',
        'collaborators of dpg:odk in country:KE',
      ]),
    );
    expect(names.some((name) => name.includes('activity'))).toBe(false);
  });
});

describe('warmUpSummary', () => {
  it('counts the reads planned and names each that failed', () => {
    expect(
      warmUpSummary({
        reads: [
          { name: 'overview', ms: 400 },
          { name: 'search', ms: 12, error: 'The graph database is unreachable' },
        ],
        ms: 1250,
      }),
    ).toBe(
      'Planned 1 of 2 reads ahead of the first visitors in 1.3 s; failed: search (The graph database is unreachable)',
    );
    expect(
      warmUpSummary({ reads: [{ name: 'overview', ms: 400 }], ms: 420, stopped: 'shutting down' }),
    ).toBe(
      'Planned 1 of 1 reads ahead of the first visitors in 0.4 s; stopped early: shutting down',
    );
  });
});
