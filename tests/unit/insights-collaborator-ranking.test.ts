import { describe, expect, it } from 'vitest';
import {
  META_PATH_WEIGHTS,
  countPaths,
  explainCandidates,
  rankCandidates,
  type CandidateRef,
  type Hub,
  type HubPath,
  type MetaPath,
  type PartCount,
  type PathRow,
  type ScoredCandidate,
  type ScoredRow,
} from '../../server/insights/collaborator-ranking.ts';

const X = { id: 'dpg:x', label: 'X', type: 'DPG' };
const SDG3 = { id: 'sdg:3', label: 'SDG 3', type: 'SDG' };
const SL = { id: 'country:SL', label: 'Sierra Leone', type: 'Country' };
const ln = Math.log;

const org = (slug: string, extra: Partial<CandidateRef> = {}): CandidateRef => ({
  id: `org:${slug}`,
  label: slug.toUpperCase(),
  type: 'Organisation',
  kind: 'ngo',
  member: false,
  homeCountry: null,
  runBy: null,
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
    candidate: o.id,
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
    candidate: o.id,
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
    candidate: o.id,
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
    candidate: o.id,
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

/** A candidate's counted evidence: per meta-path, the degrees of its paths' hubs. */
function scored(o: CandidateRef, hubDegrees: Partial<Record<MetaPath, number[]>>): ScoredRow {
  const parts = Object.entries(hubDegrees).map(([metaPath, degrees]): PartCount => ({
    metaPath: metaPath as MetaPath,
    paths: degrees.length,
    damped: degrees.reduce((sum, d) => sum + 1 / Math.log(1 + d), 0),
  }));
  return { candidate: o, parts };
}

/** A ranked candidate to explain, whatever its score. */
const ranked = (o: CandidateRef): ScoredCandidate => ({ ...o, score: 1, parts: [], pathCount: 1 });

describe('rankCandidates', () => {
  it('weighs each path w / ln(1 + hub degree) and ranks by score, as computed by hand', () => {
    const rows = [
      // Norad: SDG 3 advanced by 4 DPGs (degree 4), and a Health DPG in Sierra Leone (degree 2)
      scored(org('norad'), { 'dpg-sdg': [4], 'dpg-sector-country': [2] }),
      // Gates: a Health DPG; the sector has 9 DPGs
      scored(org('gates'), { 'dpg-sector': [9] }),
      // Partner: shares an activity of degree 3 with X's owner
      scored(org('partner'), { 'activity-owner': [3] }),
    ];
    const candidates = rankCandidates(rows, 10);
    // Norad: 0.5/ln 5 + 0.25/ln 3 = 0.310667 + 0.227560 = 0.538227
    // Gates: 1/ln 10 = 0.434294
    // Partner: 2/ln 4 = 1.442695
    expect(candidates.map((c) => [c.id, c.score])).toEqual([
      ['org:partner', 1.442695],
      ['org:norad', 0.538227],
      ['org:gates', 0.434294],
    ]);
    expect(candidates[1]!.parts).toEqual([
      { metaPath: 'dpg-sdg', weight: 0.5, paths: 1, score: 0.310667 },
      { metaPath: 'dpg-sector-country', weight: 0.25, paths: 1, score: 0.22756 },
    ]);
    expect(candidates[1]!.pathCount).toBe(2);
  });

  it('damps a widely shared hub: one rare country outweighs one common SDG', () => {
    const rows = [
      scored(org('a'), { 'dpg-sdg': [60] }),
      scored(org('b'), { 'dpg-sector-country': [1] }),
    ];
    const [first, second] = rankCandidates(rows, 10);
    expect(first!.id).toBe('org:b');
    expect(first!.score).toBeCloseTo(META_PATH_WEIGHTS['dpg-sector-country'] / Math.log(2), 6);
    expect(second!.score).toBeCloseTo(0.5 / Math.log(61), 6);
  });

  it('adds up many paths of a kind: the parts make the score and count the paths', () => {
    const [candidate] = rankCandidates(
      [scored(org('o'), { 'dpg-country': [2, 5, 9], 'activity-country': [4, 4] })],
      10,
    );
    expect(candidate!.pathCount).toBe(5);
    expect(candidate!.parts.map((p) => [p.metaPath, p.paths])).toEqual([
      ['activity-country', 2],
      ['dpg-country', 3],
    ]);
    const sum = candidate!.parts.reduce((total, p) => total + p.score, 0);
    expect(candidate!.score).toBeCloseTo(sum, 5);
    expect(candidate!.score).toBeCloseTo(
      2 / Math.log(5) + 0.02 * (1 / ln(3) + 1 / ln(6) + 1 / ln(10)),
      6,
    );
  });

  it('breaks equal scores by id and gives the same ranking whatever the row order', () => {
    const rows = ['zeta', 'alpha', 'mid'].map((slug) => scored(org(slug), { 'dpg-sector': [5] }));
    const ids = rankCandidates(rows, 10).map((c) => c.id);
    expect(ids).toEqual(['org:alpha', 'org:mid', 'org:zeta']);
    expect(rankCandidates([...rows].reverse(), 10)).toEqual(rankCandidates(rows, 10));
  });

  it('compares scores at 6 decimals, so float noise cannot reorder equal evidence', () => {
    const noisy = (slug: string, damped: number): ScoredRow => ({
      candidate: org(slug),
      parts: [{ metaPath: 'dpg-sector', paths: 1, damped }],
    });
    const ids = rankCandidates([noisy('b', 0.5 + 1e-12), noisy('a', 0.5)], 10).map((c) => c.id);
    expect(ids).toEqual(['org:a', 'org:b']);
  });

  it('keeps the best `limit` candidates', () => {
    const rows = [3, 9, 5].map((degree, i) => scored(org(`c${i}`), { 'dpg-sector': [degree] }));
    expect(rankCandidates(rows, 2).map((c) => c.id)).toEqual(['org:c0', 'org:c2']);
  });

  it.each([
    ['an unknown meta-path', { metaPath: 'friend-of-friend' as MetaPath, paths: 1, damped: 1 }],
    ['no paths', { metaPath: 'dpg-sdg' as const, paths: 0, damped: 0 }],
    ['a fractional path count', { metaPath: 'dpg-sdg' as const, paths: 1.5, damped: 1 }],
    ['a damped sum that is not a number', { metaPath: 'dpg-sdg' as const, paths: 1, damped: NaN }],
    ['a damped sum beyond 1 / ln 2 a path', { metaPath: 'dpg-sdg' as const, paths: 1, damped: 2 }],
  ])('rejects %s', (_label, part) => {
    expect(() => rankCandidates([{ candidate: org('o'), parts: [part] }], 10)).toThrow(
      /collaborator-ranking/,
    );
  });
});

describe('countPaths', () => {
  /** Paths from one intermediate (`via`) through hubs of the given degrees, one per hub. */
  const through = (metaPath: MetaPath, via: string, degrees: number[]): HubPath[] =>
    degrees.map((hubDegree, i) => ({
      metaPath,
      intermediate: via,
      path: `${via}/${i}`,
      hubDegree,
    }));
  // Degrees like the real data's: the countries DHIS2 shares have 3 to 60 relationships.
  const fiftyCountries = Array.from({ length: 50 }, (_, i) => 10 + i);

  it('counts a DPG deployed in many shared countries once, through its least connected one', () => {
    const [part] = countPaths(through('dpg-sector-country', 'dpg:wide', fiftyCountries));
    expect(part).toEqual({ metaPath: 'dpg-sector-country', paths: 1, damped: 1 / ln(11) });
  });

  it('ranks one DPG in 50 shared countries below an activity with the owner, as the weights say', () => {
    const rows: ScoredRow[] = [
      {
        candidate: org('wide'),
        parts: countPaths(through('dpg-sector-country', 'dpg:w', fiftyCountries)),
      },
      {
        candidate: org('partner'),
        parts: countPaths(through('activity-owner', 'activity:a', [8])),
      },
    ];
    expect(rankCandidates(rows, 10).map((c) => c.id)).toEqual(['org:partner', 'org:wide']);
    // Counted once per shared country, as before, the widely deployed DPG came first: 1.47 > 0.91.
    const perCountry = fiftyCountries.reduce((sum, d) => sum + 0.25 / ln(1 + d), 0);
    expect(perCountry).toBeGreaterThan(2 / ln(9));
  });

  it('counts an activity in several shared countries once, and each activity apart', () => {
    const parts = countPaths([
      ...through('activity-country', 'activity:one', [40, 5, 12]),
      ...through('activity-country', 'activity:two', [40]),
    ]);
    expect(parts).toEqual([
      { metaPath: 'activity-country', paths: 2, damped: 1 / ln(6) + 1 / ln(41) },
    ]);
  });

  it('counts two DPGs in the same shared hub as two, and sector hubs path by path', () => {
    const parts = countPaths([
      ...through('dpg-country', 'dpg:a', [9]),
      ...through('dpg-country', 'dpg:b', [9]),
      ...through('dpg-sdg', 'dpg:a', [30, 60]),
      ...through('dpg-sector', 'dpg:a', [20, 12]),
    ]);
    expect(parts.map((p) => [p.metaPath, p.paths])).toEqual([
      ['dpg-sector', 2],
      ['dpg-sdg', 1],
      ['dpg-country', 2],
    ]);
    expect(parts[0]!.damped).toBeCloseTo(1 / ln(21) + 1 / ln(13), 12);
    expect(parts[1]!.damped).toBeCloseTo(1 / ln(31), 12);
  });

  it('gives the same parts whatever the order of the paths', () => {
    const paths = [
      ...through('dpg-sector-country', 'dpg:a', [7, 3, 30]),
      ...through('activity-owner', 'activity:a', [4]),
    ];
    expect(countPaths([...paths].reverse())).toEqual(countPaths(paths));
  });

  it('rejects an unknown meta-path', () => {
    expect(() => countPaths(through('friend' as MetaPath, 'dpg:a', [3]))).toThrow(
      /collaborator-ranking/,
    );
  });
});

describe('explainCandidates', () => {
  it('shows the strongest path of each kind of evidence first, then the next strongest', () => {
    const o = org('o');
    const rows = [
      countryPath(o, 'y', SL, 2, ['Health']),
      countryPath(o, 'y', { id: 'country:GH', label: 'Ghana', type: 'Country' }, 1, ['Health']),
      sdgPath(o, 'y', 40),
      sectorPath(o, 'y', 'Health', 3),
    ];
    const [candidate] = explainCandidates([ranked(o)], rows, 3);
    expect(candidate!.paths.map((p) => [p.metaPath, p.hub.label, p.contribution])).toEqual([
      ['dpg-sector', 'Health', 0.721348], // 1/ln 4
      ['dpg-sector-country', 'Ghana', 0.360674], // 0.25/ln 2
      ['dpg-sdg', 'SDG 3', 0.134641], // 0.5/ln 41, before the second country (0.23) as its kind's best
    ]);
  });

  it('puts paths through the country the list was narrowed to first', () => {
    const o = org('o');
    const ghana = { id: 'country:GH', label: 'Ghana', type: 'Country' };
    const rows = [
      countryPath(o, 'y', SL, 40, ['Health']),
      countryPath(o, 'y', ghana, 1, ['Health']),
      sectorPath(o, 'y', 'Health', 3),
    ];
    const hubs = (country: string | null) =>
      explainCandidates([ranked(o)], rows, 2, country)[0]!.paths.map((p) => p.hub.label);
    expect(hubs(null)).toEqual(['Health', 'Ghana']);
    // Sierra Leone's path is weaker (a hub of 40), but the list is about Sierra Leone.
    expect(hubs(SL.id)).toEqual(['Sierra Leone', 'Health']);
  });

  it('gives each candidate its own paths, in the ranking order, and none to one without rows', () => {
    const a = org('a');
    const b = org('b');
    const c = org('c');
    const explained = explainCandidates(
      [ranked(b), ranked(a), ranked(c)],
      [sectorPath(a, 'p', 'Health', 5), sdgPath(b, 'q', 3), sdgPath(b, 'r', 3)],
      10,
    );
    expect(explained.map((e) => [e.id, e.paths.length])).toEqual([
      ['org:b', 2],
      ['org:a', 1],
      ['org:c', 0],
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
    const explained = explainCandidates(
      [ranked(google), ranked(norad)],
      [funding, ownerPath(google, unicef, 3)],
      3,
    );
    expect(explained.flatMap((c) => c.paths.map((p) => p.sentence))).toEqual([
      'Google participates in “Working together”, which UNICEF leads; UNICEF owns X',
      'Norad funds OpenCRVS, which is also deployed in Sierra Leone',
    ]);
  });

  it('says the role and dates an editor stated after each relationship, and answers them', () => {
    const google = org('google', { label: 'Google' });
    const unicef = org('unicef', { label: 'UNICEF' });
    const row = ownerPath(google, unicef, 3);
    row.rels[0] = { ...row.rels[0]!, role: 'data partner', startDate: '2022', endDate: '2024' };
    row.rels[2] = { ...row.rels[2]!, role: null, startDate: null, endDate: '2030' };
    const [explained] = explainCandidates([ranked(google)], [row], 3);
    expect(explained!.paths[0]!.sentence).toBe(
      'Google participates in “Working together” (data partner, 2022 – 2024), which UNICEF leads; UNICEF owns X (until 2030)',
    );
    expect(explained!.paths[0]!.relationships[0]).toMatchObject({
      role: 'data partner',
      startDate: '2022',
      endDate: '2024',
    });
    expect(explained!.paths[0]!.relationships[2]).toEqual({
      type: row.rels[2]!.type,
      from: row.rels[2]!.from,
      to: row.rels[2]!.to,
      endDate: '2030',
    });
  });

  it.each([
    ['an unknown meta-path', (r: PathRow) => ({ ...r, metaPath: 'friend-of-friend' as MetaPath })],
    ['a hub without degree', (r: PathRow) => ({ ...r, hub: { ...r.hub, degree: 0 } })],
    ['a broken chain', (r: PathRow) => ({ ...r, rels: [r.rels[0]!, r.rels[0]!, r.rels[2]!] })],
    ['a path not starting at the candidate', (r: PathRow) => ({ ...r, candidate: 'org:other' })],
  ])('rejects %s', (_label, breakIt) => {
    const row = breakIt(sdgPath(org('o'), 'y', 3));
    expect(() => explainCandidates([ranked(org('o'))], [row], 3)).toThrow(/collaborator-ranking/);
  });
});
