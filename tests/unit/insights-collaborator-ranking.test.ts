import { describe, expect, it } from 'vitest';
import {
  META_PATH_WEIGHTS,
  rankCollaborators,
  type CandidateRef,
  type Hub,
  type MetaPath,
  type PathRow,
} from '../../server/insights/collaborator-ranking.ts';

const X = { id: 'dpg:x', label: 'X', type: 'DPG' };
const SDG3 = { id: 'sdg:3', label: 'SDG 3', type: 'SDG' };
const SL = { id: 'country:SL', label: 'Sierra Leone', type: 'Country' };

const org = (slug: string, extra: Partial<CandidateRef> = {}): CandidateRef => ({
  id: `org:${slug}`,
  label: slug.toUpperCase(),
  type: 'Organisation',
  kind: 'ngo',
  member: false,
  ...extra,
});
const dpg = (slug: string) => ({ id: `dpg:${slug}`, label: slug.toUpperCase(), type: 'DPG' });
const hubOf = (node: { id: string; label: string }, type: Hub['type'], degree: number): Hub => ({
  id: node.id,
  label: node.label,
  type,
  degree,
});
const node = (c: CandidateRef) => ({ id: c.id, label: c.label, type: c.type });

/** o -[role]-> y -[ADVANCES]-> sdg <-[ADVANCES]- X */
function sdgPath(o: CandidateRef, y: string, degree: number, role = 'FUNDS'): PathRow {
  return {
    candidate: o,
    metaPath: 'dpg-sdg',
    hub: hubOf(SDG3, 'SDG', degree),
    sectors: [],
    nodes: [node(o), dpg(y), SDG3, X],
    rels: [
      { type: role, from: o.id, to: `dpg:${y}` },
      { type: 'ADVANCES', from: `dpg:${y}`, to: SDG3.id },
      { type: 'ADVANCES', from: X.id, to: SDG3.id },
    ],
  };
}

/** o -[role]-> y -[DEPLOYED_IN]-> country <-[DEPLOYED_IN]- X */
function countryPath(
  o: CandidateRef,
  y: string,
  country: { id: string; label: string; type: string },
  degree: number,
  sectors: string[] = [],
): PathRow {
  return {
    candidate: o,
    metaPath: sectors.length > 0 ? 'dpg-sector-country' : 'dpg-country',
    hub: hubOf(country, 'Country', degree),
    sectors,
    nodes: [node(o), dpg(y), country, X],
    rels: [
      { type: 'OWNS', from: o.id, to: `dpg:${y}` },
      { type: 'DEPLOYED_IN', from: `dpg:${y}`, to: country.id },
      { type: 'DEPLOYED_IN', from: X.id, to: country.id },
    ],
  };
}

/** o -[role]-> y, y shares `sector` with X */
function sectorPath(o: CandidateRef, y: string, sector: string, degree: number): PathRow {
  return {
    candidate: o,
    metaPath: 'dpg-sector',
    hub: { id: null, label: sector, type: 'Sector', degree },
    sectors: [sector],
    nodes: [node(o), dpg(y)],
    rels: [{ type: 'OWNS', from: o.id, to: `dpg:${y}` }],
  };
}

/** o -[PARTICIPATES_IN]-> activity <-[LEADS]- owner -[OWNS]-> X */
function ownerPath(o: CandidateRef, owner: CandidateRef, degree: number): PathRow {
  const activity = { id: 'activity:a/one', label: 'Working together', type: 'Activity' };
  return {
    candidate: o,
    metaPath: 'activity-owner',
    hub: hubOf(activity, 'Activity', degree),
    sectors: [],
    nodes: [node(o), activity, node(owner), X],
    rels: [
      { type: 'PARTICIPATES_IN', from: o.id, to: activity.id },
      { type: 'LEADS', from: owner.id, to: activity.id },
      { type: 'OWNS', from: owner.id, to: X.id },
    ],
  };
}

const options = { limit: 10, pathsPerCandidate: 3 };

describe('rankCollaborators', () => {
  it('adds weight / ln(1 + hub degree) per path and ranks by score, as computed by hand', () => {
    const norad = org('norad');
    const gates = org('gates');
    const partner = org('partner');
    const rows = [
      // Norad: SDG 3 advanced by 4 DPGs (degree 4), and a Health DPG in Sierra Leone (degree 2)
      sdgPath(norad, 'opencrvs', 4),
      countryPath(norad, 'opencrvs', SL, 2, ['Health']),
      // Gates: a Health DPG; the sector has 9 DPGs
      sectorPath(gates, 'mosip', 'Health', 9),
      // Partner: shares an activity of degree 3 with X's owner
      ownerPath(partner, org('owner'), 3),
    ];
    const { total, candidates } = rankCollaborators(rows, options);
    // Norad: 0.5/ln 5 + 0.25/ln 3 = 0.310667 + 0.227560 = 0.538227
    // Gates: 1/ln 10 = 0.434294
    // Partner: 2/ln 4 = 1.442695
    expect(total).toBe(3);
    expect(candidates.map((c) => [c.id, c.score])).toEqual([
      ['org:partner', 1.442695],
      ['org:norad', 0.538227],
      ['org:gates', 0.434294],
    ]);
    const noradParts = candidates[1]!.parts;
    expect(noradParts).toEqual([
      { metaPath: 'dpg-sdg', weight: 0.5, paths: 1, score: 0.310667 },
      { metaPath: 'dpg-sector-country', weight: 0.25, paths: 1, score: 0.22756 },
    ]);
  });

  it('damps a widely shared hub: one rare country outweighs one common SDG', () => {
    const a = org('a');
    const b = org('b');
    const rows = [sdgPath(a, 'p', 60), countryPath(b, 'q', SL, 1, ['Health'])];
    const [first, second] = rankCollaborators(rows, options).candidates;
    expect(first!.id).toBe('org:b');
    expect(first!.score).toBeCloseTo(META_PATH_WEIGHTS['dpg-sector-country'] / Math.log(2), 6);
    expect(second!.score).toBeCloseTo(0.5 / Math.log(61), 6);
  });

  it('breaks equal scores by id and gives the same ranking whatever the row order', () => {
    const rows = ['zeta', 'alpha', 'mid'].map((slug) => sectorPath(org(slug), slug, 'Health', 5));
    const ranked = rankCollaborators(rows, options).candidates.map((c) => c.id);
    expect(ranked).toEqual(['org:alpha', 'org:mid', 'org:zeta']);
    const reversed = rankCollaborators([...rows].reverse(), options);
    expect(reversed.candidates.map((c) => c.id)).toEqual(ranked);
    expect(reversed).toEqual(rankCollaborators(rows, options));
  });

  it('shows the strongest path of each kind of evidence first, then the next strongest', () => {
    const o = org('o');
    const rows = [
      countryPath(o, 'y', SL, 2, ['Health']),
      countryPath(o, 'y', { id: 'country:GH', label: 'Ghana', type: 'Country' }, 1, ['Health']),
      sdgPath(o, 'y', 40),
      sectorPath(o, 'y', 'Health', 3),
    ];
    const [candidate] = rankCollaborators(rows, { limit: 1, pathsPerCandidate: 3 }).candidates;
    expect(candidate!.pathCount).toBe(4);
    expect(candidate!.paths.map((p) => [p.metaPath, p.hub.label])).toEqual([
      ['dpg-sector', 'Health'], // 1/ln 4 = 0.72
      ['dpg-sector-country', 'Ghana'], // 0.25/ln 2 = 0.36
      ['dpg-sdg', 'SDG 3'], // 0.5/ln 41 = 0.13, before the second country (0.23) as its kind's best
    ]);
  });

  it('says each path in words', () => {
    const norad = org('norad', { label: 'Norad' });
    const funding: PathRow = {
      ...countryPath(norad, 'opencrvs', SL, 2),
      nodes: [node(norad), { id: 'dpg:opencrvs', label: 'OpenCRVS', type: 'DPG' }, SL, X],
    };
    funding.rels[0]!.type = 'FUNDS';
    const google = org('google', { label: 'Google' });
    const unicef = org('unicef', { label: 'UNICEF' });
    const { candidates } = rankCollaborators([funding, ownerPath(google, unicef, 3)], options);
    expect(candidates.flatMap((c) => c.paths.map((p) => p.sentence))).toEqual([
      'Google participates in “Working together”, which UNICEF leads; UNICEF owns X',
      'Norad funds OpenCRVS, which is also deployed in Sierra Leone',
    ]);
  });

  it('keeps `limit` candidates and counts them all', () => {
    const rows = ['a', 'b', 'c'].map((slug) => sectorPath(org(slug), slug, 'Health', 5));
    const result = rankCollaborators(rows, { limit: 2, pathsPerCandidate: 1 });
    expect(result.total).toBe(3);
    expect(result.candidates).toHaveLength(2);
  });

  it.each([
    ['an unknown meta-path', (r: PathRow) => ({ ...r, metaPath: 'friend-of-friend' as MetaPath })],
    ['a hub without degree', (r: PathRow) => ({ ...r, hub: { ...r.hub, degree: 0 } })],
    ['a broken chain', (r: PathRow) => ({ ...r, rels: [r.rels[0]!, r.rels[0]!, r.rels[2]!] })],
    ['a path not starting at the candidate', (r: PathRow) => ({ ...r, candidate: org('other') })],
  ])('rejects %s', (_label, breakIt) => {
    const row = breakIt(sdgPath(org('o'), 'y', 3));
    expect(() => rankCollaborators([row], options)).toThrow(/collaborator-ranking/);
  });
});
