import { describe, expect, it } from 'vitest';
import {
  buildStakeholderMap,
  linkKey,
  type MapSubject,
  type PathRow,
  rankStakeholders,
  relationshipsOfRole,
  type StakeholderContext,
  stakeholderLinkTable,
  type StakeholderRef,
  stakeholderRings,
  type StakeholderRole,
  type StakeholderSummary,
} from '../../server/insights/stakeholder-map.ts';

/** A connecting path of a stakeholder, as these tests give the paths of a map. */
type StakeholderPathRow = PathRow & { stakeholder: StakeholderRef };

/**
 * What cypher/insights/stakeholder-paths.cypher does with a map's paths (the integration tests
 * run it), so that these tests can give paths: it sums up every stakeholder's (its first run),
 * then returns the shown ones' paths (its second; it keeps the closest few of them, which
 * buildStakeholderMap sorts and cuts again).
 */
function mapOf(
  rows: readonly StakeholderPathRow[],
  contexts: ReadonlyMap<string, StakeholderContext>,
  options: {
    subject: MapSubject;
    limit: number;
    connectionsPerStakeholder: number;
    role?: StakeholderRole;
  },
) {
  const links = stakeholderLinkTable(options.subject);
  const roleTypes = options.role ? relationshipsOfRole(options.role) : [];
  const pathsOf = new Map<string, StakeholderPathRow[]>();
  for (const row of rows)
    pathsOf.set(row.stakeholder.id, [...(pathsOf.get(row.stakeholder.id) ?? []), row]);
  const summaries: StakeholderSummary[] = [];
  for (const [id, paths] of pathsOf) {
    const keyed = paths.map((path) => {
      const [first, ...through] = path.rels.map((r) => r.type);
      const key = linkKey(first!, through.join(','));
      return { path, key, link: links[key], first: first! };
    });
    const rings = keyed
      .filter((k) => k.link && (roleTypes.length === 0 || roleTypes.includes(k.first)))
      .map((k) => k.link!.ring);
    const strays = [...new Set(keyed.filter((k) => !k.link).map((k) => k.key))];
    if (rings.length === 0 && strays.length === 0) continue;
    summaries.push({
      id,
      ring: rings.length > 0 ? Math.min(...rings) : null,
      roles: [...new Set(keyed.flatMap((k) => (k.link ? [k.link.role] : [])))],
      pathCount: paths.length,
      firstTies: new Set(paths.map((p) => JSON.stringify(p.rels[0]))).size,
      direct: keyed.some((k) => k.link && k.path.rels.length - k.link.beyond === 1),
      strays,
      pagerank: contexts.get(id)?.pagerank ?? null,
      degree: contexts.get(id)?.degree ?? 0,
    });
  }
  const ranking = rankStakeholders(summaries, options.limit);
  const shown = ranking.shown.map(({ id }) => ({
    ...summaries.find((s) => s.id === id)!,
    stakeholder: pathsOf.get(id)![0]!.stakeholder,
    connections: pathsOf.get(id)!.map(({ nodes, rels }) => ({ nodes, rels })),
  }));
  return buildStakeholderMap(ranking, shown, contexts, options);
}

const A = { id: 'activity:unicef/ai-cop', label: 'AI CoP', type: 'Activity' };
const D = { id: 'dpg:d', label: 'DHIS2', type: 'DPG' };

const party = (
  id: string,
  label: string,
  type: string,
  kind: string | null,
  member = false,
): StakeholderRef => ({ id, label, type, kind, member });
const UNICEF = party('org:unicef', 'UNICEF', 'Organisation', 'un-agency', true);
const GIZ = party('org:giz', 'GIZ', 'Organisation', 'government');
const GOOGLE = party('org:google', 'Google', 'Organisation', 'company');
const MEMBERS = party('group:members', 'AI CoP members', 'Group', null);
const HISP = party('org:hisp', 'HISP', 'Organisation', 'academia');

const node = ({ id, label, type }: StakeholderRef) => ({ id, label, type });
const direct = (s: StakeholderRef, type: string): StakeholderPathRow => ({
  stakeholder: s,
  nodes: [node(s), A],
  rels: [{ type, from: s.id, to: A.id }],
});
const viaDpg = (s: StakeholderRef, type: string): StakeholderPathRow => ({
  stakeholder: s,
  nodes: [node(s), D, A],
  rels: [
    { type, from: s.id, to: D.id },
    { type: 'INVOLVES', from: A.id, to: D.id },
  ],
});
const context = (id: string, pagerank: number | null, degree: number): StakeholderContext => ({
  id,
  degree,
  pagerank,
  betweenness: pagerank === null ? null : pagerank / 2,
  community: pagerank === null ? null : 0,
  ties: [],
});

const ROWS = [
  viaDpg(UNICEF, 'FUNDS'),
  direct(GOOGLE, 'PARTICIPATES_IN'),
  direct(UNICEF, 'LEADS'),
  direct(MEMBERS, 'PARTICIPATES_IN'),
  viaDpg(HISP, 'OWNS'),
  direct(GIZ, 'CO_LEADS'),
];
const CONTEXTS = new Map(
  [
    context('org:unicef', 0.05, 10),
    context('org:giz', 0.01, 2),
    context('org:google', 0.02, 3),
    context('group:members', 0.03, 15),
    context('org:hisp', null, 2),
  ].map((c) => [c.id, c]),
);
const OF_A = { type: 'Activity', label: A.label } as const;
const build = (limit = 10) =>
  mapOf(ROWS, CONTEXTS, { subject: OF_A, limit, connectionsPerStakeholder: 3 });

describe('buildStakeholderMap', () => {
  it('orders stakeholders by ring (taking part before backing a DPG it involves), then influence', () => {
    const map = build();
    expect(map.stakeholders.map((s) => [s.id, s.roles, s.ring])).toEqual([
      ['org:unicef', ['leads', 'funds'], 0],
      ['org:giz', ['co-leads'], 1],
      ['group:members', ['participates'], 2],
      ['org:google', ['participates'], 2],
      ['org:hisp', ['owns'], 3],
    ]);
    expect(map.rings[3]).toEqual({
      role: 'owns',
      through: 'INVOLVES',
      indirect: true,
      label: 'makes a DPG the activity involves',
    });
  });

  it('ranks influence by PageRank, unknown last, and splits it into thirds', () => {
    const influence = Object.fromEntries(
      build().stakeholders.map((s) => [s.id, [s.influence.rank, s.influence.ring]]),
    );
    expect(influence).toEqual({
      'org:unicef': [1, 0],
      'group:members': [2, 0],
      'org:google': [3, 1],
      'org:giz': [4, 1],
      'org:hisp': [5, 2],
    });
  });

  it('groups by role and by kind, ready for rings and sectors', () => {
    const map = build();
    expect(map.byRole).toEqual({
      based: [],
      leads: ['org:unicef'],
      'co-leads': ['org:giz'],
      owns: ['org:hisp'],
      maintains: [],
      funds: ['org:unicef'],
      deploys: [],
      participates: ['group:members', 'org:google'],
    });
    expect(map.groups).toEqual(['academia', 'company', 'government', 'group', 'un-agency']);
    expect(map.byGroup.group).toEqual(['group:members']);
  });

  it('says how each stakeholder is connected, direct ties first, and counts its other ties', () => {
    const unicef = build().stakeholders[0]!;
    expect(unicef.direct).toBe(true);
    expect(unicef.connections.map((c) => c.sentence)).toEqual([
      'UNICEF leads “AI CoP”',
      'UNICEF funds DHIS2, which “AI CoP” involves',
    ]);
    expect(unicef.ties).toEqual({ total: 10, other: 8, byType: [] });
    expect(build().stakeholders[4]!.direct).toBe(false);
  });

  it('keeps only the stakeholders with a role when asked, ranked among themselves, that role first', () => {
    const map = mapOf(ROWS, CONTEXTS, {
      subject: OF_A,
      limit: 10,
      connectionsPerStakeholder: 3,
      role: 'funds',
    });
    expect(map.total).toBe(1);
    const [unicef] = map.stakeholders;
    expect(unicef!.id).toBe('org:unicef');
    expect(unicef!.influence.rank).toBe(1);
    // Its other role is still said, but the path that makes it a funder comes first.
    expect(unicef!.roles).toEqual(['leads', 'funds']);
    expect(unicef!.connections[0]!.role).toBe('funds');
    // Its ring is the funder's, not the leader's.
    expect(map.rings[unicef!.ring]!.role).toBe('funds');
    const takingPart = mapOf(ROWS, CONTEXTS, {
      subject: OF_A,
      limit: 10,
      connectionsPerStakeholder: 3,
      role: 'participates',
    });
    expect(takingPart.stakeholders.map((s) => [s.id, s.influence.rank])).toEqual([
      ['group:members', 1],
      ['org:google', 2],
    ]);
  });

  it('keeps `limit` stakeholders and counts them all', () => {
    const map = build(2);
    expect(map.total).toBe(5);
    expect(map.stakeholders.map((s) => s.id)).toEqual(['org:unicef', 'org:giz']);
  });

  it('puts those active in a country before the makers of DPGs developed, then deployed, there', () => {
    const KE = { id: 'country:KE', label: 'Kenya', type: 'Country' };
    const ACT = { id: 'activity:x/census', label: 'Census', type: 'Activity' };
    const STATBUS = { id: 'dpg:statbus', label: 'Statbus', type: 'DPG' };
    const NORWAY = party('org:ssb', 'Statistics Norway', 'Organisation', 'government');
    const USHAHIDI = party('org:ushahidi', 'Ushahidi Inc.', 'Organisation', 'company');
    const viaCountry = (s: StakeholderRef, type: string, last: string, via = STATBUS) => ({
      stakeholder: s,
      nodes: [node(s), via, KE],
      rels: [
        { type, from: s.id, to: via.id },
        { type: last, from: via.id, to: KE.id },
      ],
    });
    const rows = [
      viaCountry(NORWAY, 'OWNS', 'DEPLOYED_IN'),
      viaCountry(USHAHIDI, 'OWNS', 'DEVELOPED_IN'),
      viaCountry(GIZ, 'PARTICIPATES_IN', 'TAKES_PLACE_IN', ACT),
      viaCountry(UNICEF, 'FUNDS', 'DEPLOYED_IN'),
    ];
    // Statistics Norway is the most influential: it still comes last but one.
    const contexts = new Map(
      [
        context('org:ssb', 0.9, 50),
        context('org:ushahidi', 0.1, 2),
        context('org:giz', 0.01, 2),
        context('org:unicef', 0.5, 10),
      ].map((c) => [c.id, c]),
    );
    const map = mapOf(rows, contexts, {
      subject: { type: 'Country', label: 'Kenya' },
      limit: 10,
      connectionsPerStakeholder: 3,
    });
    const listed = map.stakeholders.map((s) => [s.id, map.rings[s.ring]!.label]);
    expect(listed).toEqual([
      ['org:giz', 'takes part in an activity in Kenya'],
      ['org:ushahidi', 'makes a DPG developed in Kenya'],
      ['org:ssb', 'makes a DPG deployed in Kenya'],
      ['org:unicef', 'funds a DPG deployed in Kenya'],
    ]);
    expect(map.stakeholders.map((s) => map.rings[s.ring]!.indirect)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    // Narrowed to governments' role "owns", the indirect ring is still said.
    const owners = mapOf(rows, contexts, {
      subject: { type: 'Country', label: 'Kenya' },
      limit: 10,
      connectionsPerStakeholder: 3,
      role: 'owns',
    });
    expect(owners.stakeholders.map((s) => s.id)).toEqual(['org:ushahidi', 'org:ssb']);
  });

  it('puts the organisations based in a country first, in a ring of their own, with their home', () => {
    const KE = { id: 'country:KE', label: 'Kenya', type: 'Country' };
    const ACT = { id: 'activity:x/census', label: 'Census', type: 'Activity' };
    const STATBUS = { id: 'dpg:statbus', label: 'Statbus', type: 'DPG' };
    const KENYA = {
      ...party('org:government-of-kenya', 'Government of Kenya', 'Organisation', 'government'),
      homeCountry: 'Kenya',
    };
    const NORWAY = {
      ...party('org:ssb', 'Statistics Norway', 'Organisation', 'government'),
      homeCountry: 'Norway',
    };
    const rows = [
      {
        stakeholder: KENYA,
        nodes: [node(KENYA), KE],
        rels: [{ type: 'BASED_IN', from: KENYA.id, to: KE.id }],
      },
      {
        stakeholder: KENYA,
        nodes: [node(KENYA), ACT, KE],
        rels: [
          { type: 'LEADS', from: KENYA.id, to: ACT.id },
          { type: 'TAKES_PLACE_IN', from: ACT.id, to: KE.id },
        ],
      },
      {
        stakeholder: NORWAY,
        nodes: [node(NORWAY), STATBUS, KE],
        rels: [
          { type: 'OWNS', from: NORWAY.id, to: STATBUS.id },
          { type: 'DEPLOYED_IN', from: STATBUS.id, to: KE.id },
        ],
      },
      {
        stakeholder: GIZ,
        nodes: [node(GIZ), ACT, KE],
        rels: [
          { type: 'PARTICIPATES_IN', from: GIZ.id, to: ACT.id },
          { type: 'TAKES_PLACE_IN', from: ACT.id, to: KE.id },
        ],
      },
    ];
    // The government of Kenya is the least influential here: it still comes first.
    const contexts = new Map(
      [context('org:government-of-kenya', 0.01, 2), context('org:ssb', 0.9, 50)].map((c) => [
        c.id,
        c,
      ]),
    );
    const map = mapOf(rows, contexts, {
      subject: { type: 'Country', label: 'Kenya' },
      limit: 10,
      connectionsPerStakeholder: 3,
    });
    expect(map.rings[0]).toEqual({
      role: 'based',
      through: '',
      indirect: false,
      label: 'is based in Kenya',
    });
    expect(map.stakeholders.map((s) => [s.id, map.rings[s.ring]!.label, s.homeCountry])).toEqual([
      ['org:government-of-kenya', 'is based in Kenya', 'Kenya'],
      ['org:giz', 'takes part in an activity in Kenya', undefined],
      ['org:ssb', 'makes a DPG deployed in Kenya', 'Norway'],
    ]);
    expect(map.stakeholders[0]!.roles).toEqual(['based', 'leads']);
    expect(map.stakeholders[0]!.connections[0]!.sentence).toBe(
      'Government of Kenya is based in Kenya',
    );
    // No home known: no field at all, not a null.
    expect(map.stakeholders[1]).not.toHaveProperty('homeCountry');
    expect(map.byRole.based).toEqual(['org:government-of-kenya']);
  });

  it('has no ring of those based there but on a country’s map', () => {
    for (const type of ['Activity', 'DPG', 'SDG', 'Initiative'] as const) {
      expect(stakeholderRings({ type, label: 'x' }).map((r) => r.role)).not.toContain('based');
    }
  });

  it('puts the backers of a DPG before those in activities involving it, for DPGs and SDGs', () => {
    const dpgRings = stakeholderRings({ type: 'DPG', label: 'DHIS2' });
    expect(dpgRings.map((r) => r.label)).toEqual([
      'makes DHIS2',
      'maintains DHIS2',
      'funds DHIS2',
      'deploys DHIS2',
      'leads an activity involving DHIS2',
      'co-leads an activity involving DHIS2',
      'takes part in an activity involving DHIS2',
    ]);
    const sdgRings = stakeholderRings({ type: 'SDG', label: 'Good health' });
    expect(sdgRings.findIndex((r) => r.through === 'ADVANCES')).toBe(0);
    expect(sdgRings.filter((r) => r.indirect).map((r) => r.through)).toEqual([
      'INVOLVES,ADVANCES',
      'INVOLVES,ADVANCES',
      'INVOLVES,ADVANCES',
    ]);
  });

  it('maps a sector around its DPGs: their backers, then those in activities involving one', () => {
    const sector = { type: 'Sector' as const, label: 'Health' };
    const backs = (s: StakeholderRef, type: string): StakeholderPathRow => ({
      stakeholder: s,
      nodes: [node(s), D],
      rels: [{ type, from: s.id, to: D.id }],
    });
    const map = mapOf(
      [viaDpg(GOOGLE, 'PARTICIPATES_IN'), backs(UNICEF, 'FUNDS'), backs(HISP, 'OWNS')],
      new Map([
        ['org:google', context('org:google', 0.9, 50)],
        ['org:unicef', context('org:unicef', 0.5, 40)],
        ['org:hisp', context('org:hisp', 0.1, 5)],
      ]),
      { subject: sector, limit: 10, connectionsPerStakeholder: 3 },
    );
    // Backing one of its DPGs outranks any influence; an activity involving one is the weak tie.
    expect(map.stakeholders.map((s) => [s.id, map.rings[s.ring]!.label, s.direct])).toEqual([
      ['org:hisp', 'makes a DPG of the Health sector', true],
      ['org:unicef', 'funds a DPG of the Health sector', true],
      ['org:google', 'takes part in an activity involving a DPG of the Health sector', false],
    ]);
    expect(map.rings.filter((r) => r.indirect).map((r) => r.through)).toEqual([
      'INVOLVES',
      'INVOLVES',
      'INVOLVES',
    ]);
    expect(map.stakeholders[0]!.connections[0]!.sentence).toBe('HISP owns DHIS2');
  });

  // A topic's DPG as the rings name it: of a sector, or advancing an SDG (said: where it is).
  const SECTOR_DPG = (said: string) => `a DPG of the Health sector${said}`;
  const SDG_DPG = (said: string) => `a DPG${said} that advances SDG 3`;
  it.each([
    ['a sector', { type: 'Sector', label: 'Health', country: 'Kenya' } as const, SECTOR_DPG],
    ['an SDG', { type: 'SDG', label: 'SDG 3', country: 'Kenya' } as const, SDG_DPG],
  ])(
    'narrows %s to a country: its activities there, then its DPGs developed, then deployed, there',
    (_, subject, dpg) => {
      const KE = { id: 'country:KE', label: 'Kenya', type: 'Country' };
      const there = (s: StakeholderRef, type: string, where: string): StakeholderPathRow => ({
        stakeholder: s,
        nodes: [node(s), D, KE],
        rels: [
          { type, from: s.id, to: D.id },
          { type: where, from: D.id, to: KE.id },
        ],
      });
      const map = mapOf(
        [
          there(GOOGLE, 'FUNDS', 'DEPLOYED_IN'),
          there(HISP, 'OWNS', 'DEVELOPED_IN'),
          viaDpg(GIZ, 'PARTICIPATES_IN'),
          there(UNICEF, 'IMPLEMENTS', 'DEPLOYED_IN'),
        ],
        new Map([
          ['org:google', context('org:google', 0.9, 50)],
          ['org:unicef', context('org:unicef', 0.5, 40)],
          ['org:hisp', context('org:hisp', 0.1, 5)],
          ['org:giz', context('org:giz', 0.05, 3)],
        ]),
        { subject, limit: 10, connectionsPerStakeholder: 3 },
      );
      // As on Kenya's own map: work there first, whatever the influence, then the DPGs' makers.
      expect(map.stakeholders.map((s) => [s.id, map.rings[s.ring]!.label, s.direct])).toEqual([
        ['org:giz', `takes part in an activity in Kenya involving ${dpg('')}`, false],
        ['org:hisp', `makes ${dpg(' developed in Kenya')}`, true],
        ['org:google', `funds ${dpg(' deployed in Kenya')}`, true],
        ['org:unicef', `deploys ${dpg(' deployed in Kenya')}`, true],
      ]);
      // The hops count to the topic's DPG: the country lies past it.
      expect(map.stakeholders.map((s) => s.connections[0]!.hops)).toEqual([2, 1, 1, 1]);
      expect(map.rings.map((r) => [r.through, r.indirect])).toEqual([
        ...['leads', 'co-leads', 'takes part'].map(() => ['INVOLVES', false]),
        ...['owns', 'maintains', 'funds', 'deploys'].map(() => ['DEVELOPED_IN', true]),
        ...['owns', 'maintains', 'funds', 'deploys'].map(() => ['DEPLOYED_IN', true]),
      ]);
      expect(map.rings[0]).not.toHaveProperty('beyond');
      expect(map.stakeholders[2]!.connections[0]!.sentence).toBe(
        'Google funds DHIS2, which is deployed in Kenya',
      );
      // A path the narrowed map has no ring for (backing the DPG alone) is refused.
      expect(() =>
        mapOf(
          [
            {
              stakeholder: HISP,
              nodes: [node(HISP), D],
              rels: [{ type: 'OWNS', from: HISP.id, to: D.id }],
            },
          ],
          new Map(),
          { subject, limit: 10, connectionsPerStakeholder: 3 },
        ),
      ).toThrow(/org:hisp has paths of no ring: OWNS\|/);
    },
  );

  it('keeps an SDG’s own map, with no country, as it was', () => {
    expect(stakeholderRings({ type: 'SDG', label: 'SDG 3' }).map((r) => r.label)).toEqual([
      ...['makes', 'maintains', 'funds', 'deploys'].map((verb) => `${verb} a DPG advancing SDG 3`),
      ...['leads', 'co-leads', 'takes part in'].map(
        (verb) => `${verb} an activity involving a DPG that advances SDG 3`,
      ),
    ]);
    expect(Object.keys(stakeholderLinkTable({ type: 'SDG', label: 'SDG 3' }))).not.toContain(
      'OWNS|DEPLOYED_IN',
    );
  });

  it('maps an initiative: who runs it, then its activities, then the makers of what it funds', () => {
    const FUND = { id: 'initiative:fund', label: 'Venture Fund', type: 'Initiative' };
    const ACT = { id: 'activity:unicef/invest', label: 'Investing', type: 'Activity' };
    const DRONE = { id: 'dpg:drone', label: 'Open Drone Suite', type: 'DPG' };
    const MAKER = party('org:asr', 'ASR Ltd', 'Organisation', 'company');
    const rows = [
      {
        stakeholder: MAKER,
        nodes: [node(MAKER), DRONE, FUND],
        rels: [
          { type: 'OWNS', from: MAKER.id, to: DRONE.id },
          { type: 'FUNDS', from: FUND.id, to: DRONE.id },
        ],
      },
      {
        stakeholder: UNICEF,
        nodes: [node(UNICEF), ACT, FUND],
        rels: [
          { type: 'LEADS', from: UNICEF.id, to: ACT.id },
          { type: 'INVOLVES', from: ACT.id, to: FUND.id },
        ],
      },
      {
        stakeholder: UNICEF,
        nodes: [node(UNICEF), FUND],
        rels: [{ type: 'RUNS', from: UNICEF.id, to: FUND.id }],
      },
    ];
    const map = mapOf(rows, CONTEXTS, {
      subject: { type: 'Initiative', label: FUND.label },
      limit: 10,
      connectionsPerStakeholder: 3,
    });
    expect(map.stakeholders.map((s) => [s.id, map.rings[s.ring]!.label])).toEqual([
      ['org:unicef', 'runs Venture Fund'],
      ['org:asr', 'makes a DPG Venture Fund funds'],
    ]);
    expect(map.stakeholders[0]!.connections.map((c) => c.sentence)).toEqual([
      'UNICEF runs Venture Fund',
      'UNICEF leads “Investing”, which involves Venture Fund',
    ]);
    expect(map.rings.some((r) => r.indirect)).toBe(false);
  });

  it('rejects a path that is none of the subject type’s links', () => {
    const viaCountryOfActivity = { ...viaDpg(HISP, 'OWNS') };
    expect(() =>
      mapOf([viaCountryOfActivity], CONTEXTS, {
        subject: { type: 'Country', label: 'Kenya' },
        limit: 1,
        connectionsPerStakeholder: 1,
      }),
    ).toThrow(/stakeholder-map/);
  });

  it('rejects a path that does not start at its stakeholder or is not a chain', () => {
    const wrongStart = { ...direct(GIZ, 'LEADS'), stakeholder: GOOGLE };
    expect(() =>
      mapOf([wrongStart], CONTEXTS, {
        subject: OF_A,
        limit: 1,
        connectionsPerStakeholder: 1,
      }),
    ).toThrow(/stakeholder-map/);
    const broken = {
      ...viaDpg(HISP, 'OWNS'),
      rels: [{ type: 'OWNS', from: 'org:hisp', to: A.id }],
    };
    expect(() =>
      mapOf([broken], CONTEXTS, {
        subject: OF_A,
        limit: 1,
        connectionsPerStakeholder: 1,
      }),
    ).toThrow(/stakeholder-map/);
  });
});

describe('stakeholderLinkTable', () => {
  it('keys every way a path reaches the subject by its relationship types, with ring and role', () => {
    const table = stakeholderLinkTable({ type: 'Activity', label: 'AI CoP' });
    const rings = stakeholderRings({ type: 'Activity', label: 'AI CoP' });
    expect(Object.keys(table).sort()).toEqual([
      'CO_LEADS|',
      'FUNDS|INVOLVES',
      'IMPLEMENTS|INVOLVES',
      'INVOLVES|',
      'LEADS|',
      'MAINTAINS|INVOLVES',
      'OWNS|INVOLVES',
      'PARTICIPATES_IN|',
      // The statement matches no activity run so, but such a path would be leading it.
      'RUNS|',
    ]);
    // Involved in an activity is taking part, as participating is: one ring.
    expect(table['INVOLVES|']).toEqual(table['PARTICIPATES_IN|']);
    for (const [key, link] of Object.entries(table)) {
      expect(rings[link.ring]!.role).toBe(link.role);
      expect(rings[link.ring]!.through).toBe(key.split('|')[1]);
    }
  });

  it.each(['Sector', 'SDG'] as const)(
    'says how far a %s-in-a-country path runs past the subject',
    (type) => {
      const table = stakeholderLinkTable({ type, label: 'Health', country: 'Kenya' });
      expect(table['OWNS|DEPLOYED_IN']!.beyond).toBe(1);
      expect(table['LEADS|INVOLVES']!.beyond).toBe(0);
      expect(table['OWNS|']).toBeUndefined();
      expect(table['OWNS|ADVANCES']).toBeUndefined();
    },
  );
});

describe('rankStakeholders', () => {
  const summary = (
    id: string,
    ring: number,
    pagerank: number | null,
    degree: number,
  ): StakeholderSummary => ({
    id,
    ring,
    roles: [],
    pathCount: 1,
    firstTies: 1,
    direct: true,
    strays: [],
    pagerank,
    degree,
  });

  it('ranks every stakeholder before keeping `limit`: closest ring, then influence, then id', () => {
    // Sorted by id, the first two would be a and b; the map's first two are c and d.
    const ranking = rankStakeholders(
      [
        summary('org:a', 1, 0.9, 5),
        summary('org:b', 1, null, 50),
        summary('org:c', 0, 0.1, 1),
        summary('org:d', 0, 0.1, 3),
        summary('org:e', 0, null, 1),
        summary('org:f', 2, 0.5, 1),
      ],
      3,
    );
    expect(ranking.total).toBe(6);
    expect(ranking.shown).toEqual([
      { id: 'org:d', rank: 3, third: 1 },
      { id: 'org:c', rank: 4, third: 1 },
      { id: 'org:e', rank: 6, third: 2 },
    ]);
  });

  it('refuses paths of no ring', () => {
    expect(() =>
      rankStakeholders([{ ...summary('org:a', 0, null, 1), strays: ['OWNS|ADVANCES'] }], 1),
    ).toThrow('org:a has paths of no ring: OWNS|ADVANCES');
  });
});
