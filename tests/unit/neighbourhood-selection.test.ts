import { describe, expect, it } from 'vitest';
import {
  rankCandidates,
  selectNeighbourhood,
  type Candidate,
} from '../../server/services/neighbourhood-selection.ts';

const CENTRE = 'dpg:dhis2';

function candidate(
  id: string,
  type: string,
  degree: number,
  distance = 1,
  parents = [CENTRE],
): Candidate {
  return { id, type, label: id, degree, distance, parents };
}

const countries = Array.from({ length: 40 }, (_, i) =>
  candidate(`country:${String(i).padStart(2, '0')}`, 'Country', 100 - i),
);
const organisations = [
  candidate('org:norad', 'Organisation', 5),
  candidate('org:hisp', 'Organisation', 3),
];

describe('selectNeighbourhood', () => {
  it('keeps everything when it fits, and says nothing was left out', () => {
    const { kept, omitted } = selectNeighbourhood(CENTRE, [...countries, ...organisations], 100);
    expect(kept).toHaveLength(42);
    expect(omitted).toEqual({ total: 0, byType: {} });
  });

  it('lets types take turns, so many countries cannot crowd out the organisations', () => {
    const { kept, omitted } = selectNeighbourhood(CENTRE, [...countries, ...organisations], 10);
    expect(kept).toHaveLength(10);
    expect(kept.map((c) => c.id)).toEqual(expect.arrayContaining(['org:norad', 'org:hisp']));
    expect(omitted).toEqual({ total: 32, byType: { Country: 32 } });
  });

  it('keeps the best-connected of a type first', () => {
    const { kept } = selectNeighbourhood(CENTRE, countries, 3);
    expect(kept.map((c) => c.id)).toEqual(['country:00', 'country:01', 'country:02']);
  });

  it('keeps preferred types first ("show more organisations")', () => {
    const many = Array.from({ length: 30 }, (_, i) => candidate(`org:o${i}`, 'Organisation', 1));
    const { kept, omitted } = selectNeighbourhood(CENTRE, [...countries, ...many], 30, [
      'Organisation',
    ]);
    expect(kept.every((c) => c.type === 'Organisation')).toBe(true);
    expect(omitted.byType).toEqual({ Country: 40 });
  });

  it('keeps nearer entities before farther ones', () => {
    const far = candidate('org:far', 'Organisation', 1000, 2, ['country:00']);
    const { kept } = selectNeighbourhood(CENTRE, [far, ...countries.slice(0, 3)], 3);
    expect(kept.map((c) => c.id)).not.toContain('org:far');
  });

  it('never keeps an entity without a kept chain back to the centre', () => {
    const bridge = candidate('activity:bridge', 'Activity', 1, 1);
    const far = candidate('org:far', 'Organisation', 50, 2, ['activity:bridge']);
    // Preferring organisations pulls in the activity that links org:far to the centre.
    const { kept } = selectNeighbourhood(CENTRE, [bridge, far, ...countries.slice(0, 5)], 2, [
      'Organisation',
    ]);
    expect(kept.map((c) => c.id).sort()).toEqual(['activity:bridge', 'org:far']);
    // With room for one only, the far organisation cannot come without its bridge.
    const tight = selectNeighbourhood(CENTRE, [bridge, far], 1, ['Organisation']);
    expect(tight.kept.map((c) => c.id)).toEqual(['activity:bridge']);
    expect(tight.omitted.byType).toEqual({ Organisation: 1 });
  });

  it('rejects a limit that is not a non-negative integer', () => {
    expect(() => selectNeighbourhood(CENTRE, countries, -1)).toThrow(Error);
    expect(() => selectNeighbourhood(CENTRE, countries, 1.5)).toThrow(Error);
  });
});

describe('rankCandidates', () => {
  it('is stable for equal candidates (by name, then id)', () => {
    const a = candidate('x:a', 'Country', 1);
    const b = candidate('x:b', 'Country', 1);
    expect(rankCandidates([b, a]).map((c) => c.id)).toEqual(['x:a', 'x:b']);
  });
});
