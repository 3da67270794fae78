import { describe, expect, it } from 'vitest';
import {
  buildEgoNetwork,
  selectPartners,
  type PartnerRow,
  type TieRow,
} from '../../server/insights/ego-network.ts';

const EGO = { id: 'org:ego', label: 'Ego', type: 'Organisation', kind: 'ngo' };
const item = (id: string) => ({
  id,
  label: id.toUpperCase(),
  type: id.startsWith('dpg:') ? 'DPG' : 'Activity',
});
const partner = (n: number, activities: string[], dpgs: string[] = []): PartnerRow => ({
  partner: { id: `org:p${n}`, label: `P${n}`, type: 'Organisation', kind: 'company' },
  activities: activities.map(item),
  dpgs: dpgs.map((id) => ({ ...item(id), via: [], sentence: id.toUpperCase() })),
});
const tie = (a: number, b: number, activity: string): TieRow => ({
  source: `org:p${a}`,
  target: `org:p${b}`,
  activities: [item(activity)],
  dpgs: [],
});

// p1 shares an activity and a DPG with the ego; the partners form a chain p1–p2–p3–p4, and p5
// is tied to the ego alone.
const PARTNERS = [
  partner(5, ['activity:a3']),
  partner(3, ['activity:a2']),
  partner(1, ['activity:a1'], ['dpg:d1']),
  partner(4, ['activity:a2']),
  partner(2, ['activity:a1']),
];
const AMONG = [tie(1, 2, 'activity:a1'), tie(2, 3, 'activity:a4'), tie(3, 4, 'activity:a2')];

describe('selectPartners', () => {
  it('keeps the strongest ties first, then by id, above the minimum strength', () => {
    const ids = (rows: PartnerRow[]) => rows.map((r) => r.partner.id);
    expect(ids(selectPartners(PARTNERS, { limit: 3, minStrength: 1 }).shown)).toEqual([
      'org:p1',
      'org:p2',
      'org:p3',
    ]);
    expect(selectPartners(PARTNERS, { limit: 3, minStrength: 1 }).qualifying).toBe(5);
    expect(selectPartners(PARTNERS, { limit: 10, minStrength: 2 })).toEqual({
      shown: [expect.objectContaining({ partner: expect.objectContaining({ id: 'org:p1' }) })],
      qualifying: 1,
    });
  });
});

describe('buildEgoNetwork', () => {
  const shown = selectPartners(PARTNERS, { limit: 10, minStrength: 1 });
  const network = buildEgoNetwork(EGO, shown, PARTNERS.length, AMONG, new Map());
  const data = (id: string) => network.nodes.find((n) => n.data.id === id)!.data;

  it('weighs each tie by the activities and DPGs shared', () => {
    expect(network.nodes[0]!.data).toMatchObject({ id: 'org:ego', ego: true, cluster: null });
    expect(data('org:p1').strength).toBe(2);
    expect(data('org:p5').strength).toBe(1);
    expect(network.edges).toHaveLength(5 + 3);
    expect(network.edges[0]!.data).toMatchObject({
      id: 'org:ego|PARTNERS_WITH|org:p1',
      strength: 2,
    });
    expect(network.truncated).toBe(false);
  });

  it('finds the brokers among the partners, computed by hand', () => {
    // Among 5 partners ((5-1)(5-2)/2 = 6 pairs), p2 lies between p1 and p3, p4; p3 between
    // p4 and p1, p2.
    expect(network.brokers).toEqual([
      { id: 'org:p2', label: 'P2', brokerage: 0.333333 },
      { id: 'org:p3', label: 'P3', brokerage: 0.333333 },
    ]);
  });

  it('clusters the chain into two pairs and the loner, naming what each shares most', () => {
    expect(network.clusters.map((c) => [c.members, c.sharedMost?.id])).toEqual([
      [['org:p1', 'org:p2'], 'activity:a1'],
      [['org:p3', 'org:p4'], 'activity:a2'],
      [['org:p5'], 'activity:a3'],
    ]);
  });

  it('is the same for the same input, and rejects a tie outside the partners', () => {
    expect(buildEgoNetwork(EGO, shown, PARTNERS.length, [...AMONG].reverse(), new Map())).toEqual(
      network,
    );
    expect(() =>
      buildEgoNetwork(
        EGO,
        { shown: shown.shown.slice(0, 1), qualifying: 5 },
        5,
        [tie(1, 2, 'activity:a1')],
        new Map(),
      ),
    ).toThrow(/ego-network/);
  });

  it('is truncated when the limit cut partners, not when the minimum strength did', () => {
    const strong = selectPartners(PARTNERS, { limit: 10, minStrength: 2 });
    expect(buildEgoNetwork(EGO, strong, PARTNERS.length, [], new Map())).toMatchObject({
      totalPartners: 5,
      truncated: false,
    });
    const cut = selectPartners(PARTNERS, { limit: 2, minStrength: 1 });
    expect(
      buildEgoNetwork(EGO, cut, PARTNERS.length, [tie(1, 2, 'activity:a1')], new Map()),
    ).toMatchObject({ totalPartners: 5, truncated: true });
  });
});
