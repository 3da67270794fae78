import { describe, expect, it } from 'vitest';
import {
  buildStakeholderMap,
  type StakeholderContext,
  type StakeholderPathRow,
  type StakeholderRef,
} from '../../server/insights/stakeholder-map.ts';

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
const build = (limit = 10) =>
  buildStakeholderMap(ROWS, CONTEXTS, { limit, connectionsPerStakeholder: 3 });

describe('buildStakeholderMap', () => {
  it('orders stakeholders by ring (role), then influence', () => {
    const map = build();
    expect(map.stakeholders.map((s) => [s.id, s.roles, s.ring])).toEqual([
      ['org:unicef', ['leads', 'funds'], 0],
      ['org:giz', ['co-leads'], 1],
      ['org:hisp', ['owns'], 2],
      ['group:members', ['participates'], 6],
      ['org:google', ['participates'], 6],
    ]);
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
    expect(build().stakeholders[2]!.direct).toBe(false);
  });

  it('keeps only the stakeholders with a role when asked, ranked among themselves, that role first', () => {
    const map = buildStakeholderMap(ROWS, CONTEXTS, {
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
    const takingPart = buildStakeholderMap(ROWS, CONTEXTS, {
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

  it('rejects a path that does not start at its stakeholder or is not a chain', () => {
    const wrongStart = { ...direct(GIZ, 'LEADS'), stakeholder: GOOGLE };
    expect(() =>
      buildStakeholderMap([wrongStart], CONTEXTS, { limit: 1, connectionsPerStakeholder: 1 }),
    ).toThrow(/stakeholder-map/);
    const broken = {
      ...viaDpg(HISP, 'OWNS'),
      rels: [{ type: 'OWNS', from: 'org:hisp', to: A.id }],
    };
    expect(() =>
      buildStakeholderMap([broken], CONTEXTS, { limit: 1, connectionsPerStakeholder: 1 }),
    ).toThrow(/stakeholder-map/);
  });
});
