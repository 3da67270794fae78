// Unit tests of label level of detail and label placement (web/src/lib/graph/level-of-detail.ts,
// label-placement.ts).
import { describe, expect, it } from 'vitest';
import {
  LABEL_METRICS,
  TIER_ZOOM_THRESHOLDS,
  assignLabelTiers,
  SMALL_GRAPH_NODES,
  labelPriority,
  LABEL_SIDES,
  frameShift,
  labelRect,
  type LabelSide,
  measureLabel,
  placeLabels,
  placeLabelsInFrame,
  visibleLabelTier,
  type LabelCandidate,
  type Rect,
  type TextWidth,
  wrapLabel,
} from '../../web/src/lib/graph/index.ts';

describe('labelPriority and assignLabelTiers', () => {
  it('ranks an organisation above a busier activity', () => {
    expect(labelPriority('Organisation', 2)).toBeGreaterThan(labelPriority('Activity', 6));
    expect(labelPriority('Unknown', 3)).toBeCloseTo(Math.log(4));
  });

  it('names a DPG’s owner before the countries it is deployed in, however many their ties', () => {
    // DHIS2's owner has 3 relationships; Kenya has 80 across the whole graph (QA).
    expect(labelPriority('Organisation', 3)).toBeGreaterThan(labelPriority('Country', 80));
    expect(labelPriority('Organisation', 3)).toBeGreaterThan(labelPriority('SDG', 120));
    // Within a type, the busier still comes first.
    expect(labelPriority('Country', 80)).toBeGreaterThan(labelPriority('Country', 12));
  });

  const activities = (length: number) =>
    Array.from({ length }, (_, i) => ({ id: `n${i}`, type: 'Activity', degree: length - i }));
  const count = (tiers: Map<string, { tier: number }>, tier: number) =>
    [...tiers.values()].filter((t) => t.tier === tier).length;

  it('assigns tiers by rank: key nodes, then notable, then minor', () => {
    const tiers = assignLabelTiers(activities(100));
    expect(count(tiers, 1)).toBe(15);
    expect(count(tiers, 2)).toBe(35);
    expect(count(tiers, 3)).toBe(50);
    expect(tiers.get('n0')).toEqual({ rank: 0, tier: 1 });
    expect(tiers.get('n99')).toEqual({ rank: 99, tier: 3 });
  });

  it('keeps no label of a small graph for zooming in, and at least three key nodes', () => {
    const tiers = assignLabelTiers(activities(SMALL_GRAPH_NODES));
    expect(count(tiers, 1)).toBe(Math.round(SMALL_GRAPH_NODES * 0.15));
    expect(count(tiers, 3)).toBe(0);
    expect(count(assignLabelTiers(activities(10)), 1)).toBe(3);
    expect(count(assignLabelTiers(activities(SMALL_GRAPH_NODES + 1)), 3)).toBeGreaterThan(0);
  });

  it('names every entity of a topic’s map in a country drawn on the canvas at the fitted view', () => {
    // "SDG 3 in Kenya": the SDG explored, Kenya and 22 stakeholders named, and 23 DPGs between
    // them, well tied in the whole graph: 47 nodes, none left for zooming in.
    const nodes = [
      { id: 'sdg:3', type: 'SDG', degree: 80 },
      { id: 'country:KE', type: 'Country', degree: 120 },
      ...Array.from({ length: 22 }, (_, i) => ({
        id: `org:${i}`,
        type: 'Organisation',
        degree: 2,
      })),
      ...Array.from({ length: 23 }, (_, i) => ({ id: `dpg:${i}`, type: 'DPG', degree: 40 })),
    ];
    const named = new Set(['country:KE', ...nodes.slice(2, 24).map((n) => n.id)]);
    const tiers = assignLabelTiers(nodes, 'sdg:3', named);
    expect(count(tiers, 3)).toBe(0);
    // Kenya, named first, right after the SDG.
    expect(tiers.get('country:KE')).toEqual({ rank: 1, tier: 1 });
  });

  it('ranks the entity explored first, however few its connections', () => {
    const nodes = [...activities(60), { id: 'country:KZ', type: 'Country', degree: 1 }];
    expect(assignLabelTiers(nodes).get('country:KZ')?.tier).toBe(3);
    expect(assignLabelTiers(nodes, 'country:KZ').get('country:KZ')).toEqual({ rank: 0, tier: 1 });
  });

  it('names an insight’s listed entities at the fitted view, right after the focus', () => {
    // Sierra Leone's map on the canvas: DPGs with many ties explain a list of little-tied
    // organisations, which their degree alone left for zooming in.
    const dpgs = Array.from({ length: 40 }, (_, i) => ({
      id: `dpg:${i}`,
      type: 'DPG',
      degree: 200,
    }));
    const orgs = Array.from({ length: 30 }, (_, i) => ({
      id: `org:${i}`,
      type: 'Organisation',
      degree: 1,
    }));
    const nodes = [{ id: 'country:SL', type: 'Country', degree: 90 }, ...dpgs, ...orgs];
    const named = new Set(orgs.map((org) => org.id));
    expect(assignLabelTiers(nodes, 'country:SL').get('org:0')?.tier).toBe(3);
    const tiers = assignLabelTiers(nodes, 'country:SL', named);
    expect(tiers.get('country:SL')?.rank).toBe(0);
    expect(orgs.map((org) => tiers.get(org.id)?.rank)).toEqual(orgs.map((_, i) => i + 1));
    expect(orgs.every((org) => (tiers.get(org.id)?.tier ?? 3) <= 2)).toBe(true);
    expect(tiers.get('dpg:0')?.rank).toBe(31);
    // In the list's order, not by degree: the map's first stakeholder is named first.
    const reversed = assignLabelTiers(
      [...nodes, { id: 'org:busy', type: 'Organisation', degree: 500 }],
      'country:SL',
      new Set(['org:29', 'org:busy', 'org:0']),
    );
    expect(['org:29', 'org:busy', 'org:0'].map((id) => reversed.get(id)?.rank)).toEqual([1, 2, 3]);
  });

  it('breaks ties by input order, so the same answer always gives the same tiers', () => {
    const nodes = [
      { id: 'b', type: 'Country', degree: 1 },
      { id: 'a', type: 'Country', degree: 1 },
    ];
    expect(assignLabelTiers(nodes).get('b')?.rank).toBe(0);
    expect(assignLabelTiers(nodes).get('a')?.rank).toBe(1);
  });

  it('makes every node of a tiny graph a key node', () => {
    const tiers = assignLabelTiers([{ id: 'x', type: 'DPG', degree: 0 }]);
    expect(tiers.get('x')?.tier).toBe(1);
  });
});

describe('visibleLabelTier', () => {
  it('shows more tiers the further the reader zooms in from the fitted view', () => {
    expect(visibleLabelTier(0.5, 1)).toBe(1);
    expect(visibleLabelTier(1, 1)).toBe(2);
    expect(visibleLabelTier(TIER_ZOOM_THRESHOLDS[3] * 2, 2)).toBe(3);
    expect(visibleLabelTier(3, 1)).toBe(3);
  });

  it('rejects a zoom that is not positive', () => {
    expect(() => visibleLabelTier(0, 1)).toThrow(RangeError);
    expect(() => visibleLabelTier(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('measureLabel', () => {
  it('wraps at the maximum width and grows in height by lines', () => {
    const short = measureLabel('GIZ', 12);
    const long = measureLabel('Connecting every school to the internet and more', 12);
    expect(short.height).toBeCloseTo(12 * LABEL_METRICS.lineHeight);
    expect(long.width).toBeLessThanOrEqual(LABEL_METRICS.maxWidth);
    expect(long.height).toBeGreaterThan(short.height);
  });
});

const candidate = (
  id: string,
  x: number,
  y: number,
  rank: number,
  extra: Partial<LabelCandidate> = {},
): LabelCandidate => ({
  id,
  x,
  y,
  size: 30,
  fontSize: 13,
  text: `Label ${id}`,
  rank,
  ...extra,
});

const overlap = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('placeLabels', () => {
  it('puts labels below their node when there is room', () => {
    const placements = placeLabels([candidate('a', 0, 0, 0), candidate('b', 400, 0, 1)]);
    expect(placements.get('a')).toBe('below');
    expect(placements.get('b')).toBe('below');
  });

  it('moves a colliding label above its node, then hides it, lower rank first', () => {
    const placements = placeLabels([
      candidate('a', 0, 0, 0),
      candidate('b', 40, 0, 1),
      candidate('c', 20, 0, 2),
    ]);
    expect(placements.get('a')).toBe('below');
    expect(placements.get('b')).toBe('above');
    expect(placements.get('c')).toBe('hidden');
  });

  describe('with a shorter name', () => {
    const sdg = (extra: Partial<LabelCandidate> = {}) =>
      candidate('sdg:16', 0, 0, 0, {
        text: 'SDG 16: Peace, Justice and Strong Institutions',
        compactText: 'SDG 16',
        ...extra,
      });
    // Bodies in the way of the full name's three lines on every side, clear of "SDG 16" below.
    const hemmed = [
      candidate('below-right', 55, 45, 1, { text: '' }),
      candidate('above-right', 55, -45, 2, { text: '' }),
      candidate('left', -60, 0, 3, { text: '' }),
      candidate('right', 60, 0, 4, { text: '' }),
    ];

    it('names a hemmed-in node by its shorter name rather than leave it unnamed', () => {
      const placed = placeLabelsInFrame([sdg(), ...hemmed]);
      expect(placed.sides.get('sdg:16')).toBe('below');
      expect([...placed.compact]).toEqual(['sdg:16']);
      // Without one it goes unnamed.
      const bare = placeLabelsInFrame([sdg({ compactText: undefined }), ...hemmed]);
      expect(bare.sides.get('sdg:16')).toBe('hidden');
      expect(bare.compact.size).toBe(0);
    });

    it('keeps the full name where it has room, and the selection’s whatever the room', () => {
      const roomy = placeLabelsInFrame([sdg(), candidate('far', 400, 0, 1)]);
      expect(roomy.sides.get('sdg:16')).toBe('below');
      expect(roomy.compact.size).toBe(0);
      const selected = placeLabelsInFrame([sdg({ forced: true }), ...hemmed]);
      expect(selected.sides.get('sdg:16')).toBe('below');
      expect(selected.compact.size).toBe(0);
    });

    it('takes a clear side for the shorter name before a prominent full name lies over a node', () => {
      const prominent = placeLabelsInFrame([sdg({ prominent: true }), ...hemmed]);
      expect(prominent.sides.get('sdg:16')).toBe('below');
      expect([...prominent.compact]).toEqual(['sdg:16']);
      expect(prominent.overlapping.size).toBe(0);
    });
  });

  it('leaves the room of a node drawn without a label to the others', () => {
    // As the colliding trio above, with the first drawn bare (behind a found path).
    const placements = placeLabels([
      candidate('a', 0, 0, 0, { text: '' }),
      candidate('b', 40, 0, 1),
      candidate('c', 20, 0, 2),
    ]);
    expect(placements.get('a')).toBe('hidden');
    expect(placements.get('b')).toBe('below');
    expect(placements.get('c')).toBe('above');
  });

  it('keeps a label off other nodes', () => {
    const placements = placeLabels([candidate('a', 0, 0, 0), candidate('body-below', 0, 42, 1)]);
    expect(placements.get('a')).toBe('above');
  });

  /** Nodes on all four sides of (0, 0), 42 px away: no spot beside it is free of bodies. */
  const ring = (extra: Partial<LabelCandidate> = {}) => [
    candidate('body-below', 0, 42, 5, extra),
    candidate('body-above', 0, -42, 6, extra),
    candidate('body-left', -42, 0, 7, extra),
    candidate('body-right', 42, 0, 8, extra),
  ];

  it('lets a prominent label lie over other nodes, never over another label', () => {
    const hemmed = (prominent: boolean) =>
      placeLabels([candidate('big', 0, 0, 0, { prominent }), ...ring()]).get('big');
    expect(hemmed(false)).toBe('hidden');
    expect(hemmed(true)).toBe('below');
    // Where one side is clear of bodies, a prominent label takes it rather than lie over a node.
    const oneSideClear = placeLabels([
      candidate('big', 0, 0, 0, { prominent: true }),
      candidate('body-below', 0, 42, 5),
    ]);
    expect(oneSideClear.get('big')).toBe('above');
    // Another prominent node is drawn at the same height: its body stays in the way.
    const twoBig = placeLabels([
      candidate('big', 0, 0, 0, { prominent: true }),
      ...ring({ prominent: true }),
    ]);
    expect(twoBig.get('big')).toBe('hidden');
    // Its four spots taken by labels placed before it: hidden all the same.
    const crowded = placeLabels([
      candidate('a', 0, 0, 0),
      candidate('b', 0, 0, 1),
      candidate('c', 0, 0, 2),
      candidate('d', 0, 0, 3),
      candidate('big', 0, 0, 4, { prominent: true }),
    ]);
    expect(['a', 'b', 'c', 'd', 'big'].map((id) => crowded.get(id))).toEqual([
      'below',
      'above',
      'left',
      'right',
      'hidden',
    ]);
  });

  it('says which labels lie over other nodes, for a picture to make room for them', () => {
    const hemmed = placeLabelsInFrame([candidate('big', 0, 0, 0, { prominent: true }), ...ring()]);
    expect(hemmed.sides.get('big')).toBe('below');
    expect([...hemmed.overlapping]).toEqual(['big']);
    // A clear side taken: nothing overlaps.
    const clear = placeLabelsInFrame([
      candidate('big', 0, 0, 0, { prominent: true }),
      candidate('body-below', 0, 42, 5),
    ]);
    expect(clear.sides.get('big')).toBe('above');
    expect(clear.overlapping.size).toBe(0);
  });

  it('lets a key label zoomed far out lie over lesser nodes, not over other key nodes', () => {
    const hemmed = (over: Partial<LabelCandidate>, around: Partial<LabelCandidate>) =>
      placeLabels([candidate('key', 0, 0, 0, over), ...ring(around)]).get('key');
    expect(hemmed({ overBodies: true }, {})).toBe('below');
    // Key nodes are drawn at the same height: one would cover the other's label.
    expect(hemmed({ overBodies: true }, { overBodies: true })).toBe('hidden');
    // A prominent label is drawn above them all.
    expect(hemmed({ prominent: true }, { overBodies: true })).toBe('below');
    // A lesser label keeps off a key node's body as off any other.
    expect(hemmed({}, { overBodies: true })).toBe('hidden');
    // The selection and its neighbours are drawn above every other node: no label lies over them.
    expect(hemmed({ overBodies: true }, { preferred: true })).toBe('hidden');
    expect(hemmed({ prominent: true }, { forced: true })).toBe('hidden');
  });

  it('measures label text with the measure it is given', () => {
    // Two nodes side by side whose labels the average glyph advance says fit, a wider font not.
    const pair = [
      candidate('a', 0, 0, 0, { text: 'CommCare', fontWeight: 600 }),
      candidate('b', 70, 0, 1, { text: 'OpenMRS', fontWeight: 600 }),
    ];
    expect(placeLabels(pair).get('b')).toBe('below');
    const wide: TextWidth = (text, fontSize, weight) =>
      text.length * fontSize * (weight >= 600 ? 0.8 : 0.6);
    expect(placeLabels(pair, wide).get('b')).toBe('above');
    // The weight reaches the measure, and wrapping follows the measured widths.
    expect(wrapLabel('CommCare OpenMRS', 13).lines).toEqual(['CommCare OpenMRS']);
    expect(wrapLabel('CommCare OpenMRS', 13, { fontWeight: 500, textWidth: wide }).lines).toEqual([
      'CommCare OpenMRS',
    ]);
    expect(wrapLabel('CommCare OpenMRS', 13, { fontWeight: 600, textWidth: wide }).lines).toEqual([
      'CommCare',
      'OpenMRS',
    ]);
  });

  it('lets the selected node’s neighbours take turns by type', () => {
    // Three countries ranked before one organisation, all competing for one free spot each side.
    const crowd = [
      candidate('country:a', 0, 0, 0, { preferred: true, type: 'Country' }),
      candidate('country:b', 10, 0, 1, { preferred: true, type: 'Country' }),
      candidate('country:c', 20, 0, 2, { preferred: true, type: 'Country' }),
      candidate('org:owner', 5, 0, 3, { preferred: true, type: 'Organisation' }),
    ];
    const placements = placeLabels(crowd);
    // The owner's turn comes with the first country's, before the other countries.
    expect(placements.get('org:owner')).not.toBe('hidden');
    expect(placements.get('country:a')).not.toBe('hidden');
  });

  it('never leaves two shown labels overlapping, on a dense random graph', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const candidates = Array.from({ length: 150 }, (_, i) =>
      candidate(`n${i}`, random() * 900, random() * 700, i),
    );
    const placements = placeLabels(candidates);
    const shown = candidates
      .filter((c) => placements.get(c.id) !== 'hidden')
      .map((c) => ({ id: c.id, rect: labelRect(c, placements.get(c.id) as LabelSide) }));
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++)
        expect(overlap(shown[i]!.rect, shown[j]!.rect)).toBe(false);
    }
    // Nor over another node's body (none is prominent here).
    const r = (30 / 2) * LABEL_METRICS.bodyShare;
    for (const { id, rect } of shown) {
      for (const c of candidates) {
        if (c.id === id) continue;
        expect(overlap(rect, { x1: c.x - r, y1: c.y - r, x2: c.x + r, y2: c.y + r })).toBe(false);
      }
    }
    expect(shown.length).toBeGreaterThan(10);
    // Every side is used on a graph this dense.
    expect(new Set(placements.values())).toEqual(new Set([...LABEL_SIDES, 'hidden']));
  });

  it('never leaves two shown labels overlapping with shorter names among them', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // Every third a long SDG name with its number to fall back on.
    const candidates = Array.from({ length: 150 }, (_, i) =>
      candidate(
        `n${i}`,
        random() * 900,
        random() * 700,
        i,
        i % 3 === 0
          ? { text: `SDG ${i}: Peace, Justice and Strong Institutions`, compactText: `SDG ${i}` }
          : {},
      ),
    );
    const { sides, compact } = placeLabelsInFrame(candidates);
    const shown = candidates
      .filter((c) => sides.get(c.id) !== 'hidden')
      .map((c) => {
        const drawn = compact.has(c.id) ? { ...c, text: c.compactText! } : c;
        return labelRect(drawn, sides.get(c.id) as LabelSide);
      });
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++) expect(overlap(shown[i]!, shown[j]!)).toBe(false);
    expect(compact.size).toBeGreaterThan(3);
    for (const id of compact) expect(Number(id.slice(1)) % 3).toBe(0);
  });

  it('places forced labels first and never hides them', () => {
    const placements = placeLabels([
      candidate('hub', 0, 0, 0),
      candidate('focus', 1, 1, 5, { forced: true }),
      ...[2, 3, 4].map((i) => candidate(`focus-${i}`, i, i, 4 + i, { forced: true })),
    ]);
    expect(placements.get('focus')).toBe('below');
    for (const i of [2, 3, 4]) expect(placements.get(`focus-${i}`)).not.toBe('hidden');
    expect(placements.get('hub')).toBe('hidden');
  });
  it('places preferred labels (the neighbours) before higher-ranked ones, but hides them on a clash', () => {
    const placements = placeLabels([
      candidate('hub', 0, 0, 0),
      candidate('neighbour', 1, 1, 5, { preferred: true }),
      ...[2, 3, 4].map((i) => candidate(`neighbour-${i}`, i, i, 4 + i, { preferred: true })),
      candidate('far', 400, 400, 1, { preferred: true }),
    ]);
    expect(placements.get('neighbour')).toBe('below');
    expect(placements.get('hub')).toBe('hidden');
    expect(placements.get('far')).toBe('below');
    // Two preferred labels on the same spot: one gives way rather than overlapping.
    const clash = placeLabels(
      ['a', 'b', 'c', 'd', 'e'].map((id, i) => candidate(id, 0, 0, i + 1, { preferred: true })),
    );
    expect([...clash.values()].filter((p) => p === 'hidden').length).toBeGreaterThan(0);
  });
});

describe('placeLabels beside the node', () => {
  it('draws a side label centred on its node, beyond its rim and the margin', () => {
    const c = candidate('a', 100, 50, 0, { text: 'HISP' });
    const { width, height } = measureLabel('HISP', 13);
    const gap = 15 + LABEL_METRICS.margin;
    expect(labelRect(c, 'left')).toEqual({
      x1: 100 - gap - width,
      y1: 50 - height / 2,
      x2: 100 - gap,
      y2: 50 + height / 2,
    });
    expect(labelRect(c, 'right')).toEqual({
      x1: 100 + gap,
      y1: 50 - height / 2,
      x2: 100 + gap + width,
      y2: 50 + height / 2,
    });
  });

  it('tries below, above, left, then right: a crowded node whose right alone is free gets it', () => {
    // Nodes just below, above and left of the hub: their bodies block those three spots.
    const crowd = [
      candidate('owner', 0, 0, 0, { text: 'University of Oslo HISP Centre' }),
      candidate('below', 0, 40, 1, { text: '' }),
      candidate('above', 0, -40, 2, { text: '' }),
      candidate('left', -40, 0, 3, { text: '' }),
    ];
    expect(placeLabels(crowd).get('owner')).toBe('right');
    // With the right blocked by a placed label instead of a body, nothing is left: hidden.
    const full = placeLabels([candidate('first', 60, 0, -1, { text: 'Kenya' }), ...crowd]);
    expect(full.get('first')).toBe('below');
    expect(full.get('owner')).toBe('hidden');
    // Below free again: below comes first.
    expect(placeLabels(crowd.filter((c) => c.id !== 'below')).get('owner')).toBe('below');
    // Only the left free (the right node moved there): left.
    expect(
      placeLabels([...crowd.filter((c) => c.id !== 'left'), candidate('right', 40, 0, 3)]).get(
        'owner',
      ),
    ).toBe('left');
  });

  it('keeps a side label off its own relationships and the ends of others', () => {
    const hemmed = [
      candidate('hub', 0, 0, 0),
      candidate('below', 0, 40, 1, { text: '' }),
      candidate('above', 0, -40, 2, { text: '' }),
    ];
    expect(placeLabels(hemmed).get('hub')).toBe('left');
    // A relationship leaving the hub leftwards, to a node far away: the left is taken by it.
    const west = candidate('west', -400, 10, 3, { text: '' });
    const withWest = [...hemmed, west];
    expect(placeLabels(withWest).get('hub')).toBe('left');
    expect(
      placeLabels(withWest, undefined, { edges: [{ source: 'hub', target: 'west' }] }).get('hub'),
    ).toBe('right');
    // Relationships only below and above it leave both sides free.
    expect(
      placeLabels(hemmed, undefined, {
        edges: [
          { source: 'hub', target: 'below' },
          { source: 'above', target: 'hub' },
        ],
      }).get('hub'),
    ).toBe('left');
    // The end of a relationship between two other nodes, where it meets one of them just right of
    // the hub's label, keeps the right clear too (its arrowhead is there)…
    const meeting = (east: { x: number; y: number }, other: { x: number; y: number }) =>
      placeLabels(
        [
          ...withWest,
          candidate('east', east.x, east.y, 4, { text: '', size: 20 }),
          candidate('other', other.x, other.y, 5, { text: '' }),
        ],
        undefined,
        {
          edges: [
            { source: 'hub', target: 'west' },
            { source: 'other', target: 'east' },
          ],
        },
      ).get('hub');
    const right = labelRect(hemmed[0]!, 'right');
    // (clear of the east node's body itself)
    expect(right.x2).toBeLessThan(110 - 10 * LABEL_METRICS.bodyShare);
    expect(meeting({ x: 110, y: 0 }, { x: -290, y: -60 })).toBe('hidden');
    // …while a relationship whose middle crosses it, its ends far away, does not.
    expect(meeting({ x: 50, y: 300 }, { x: 50, y: -300 })).toBe('right');
  });

  it('keeps a side label inside the frame it is given, whatever room lies beyond', () => {
    const hemmed = [
      candidate('hub', 0, 0, 0),
      candidate('below', 0, 40, 1, { text: '' }),
      candidate('above', 0, -40, 2, { text: '' }),
    ];
    const left = labelRect(hemmed[0]!, 'left');
    const right = labelRect(hemmed[0]!, 'right');
    const frame = (x1: number, x2: number) => ({ x1, y1: -1000, x2, y2: 1000 });
    expect(placeLabels(hemmed, undefined, { frame: frame(left.x1, right.x2) }).get('hub')).toBe(
      'left',
    );
    // The frame's left edge cuts the left label: right.
    expect(placeLabels(hemmed, undefined, { frame: frame(left.x1 + 1, right.x2) }).get('hub')).toBe(
      'right',
    );
    // Both cut: hidden (below and above are blocked by bodies).
    expect(
      placeLabels(hemmed, undefined, { frame: frame(left.x1 + 1, right.x2 - 1) }).get('hub'),
    ).toBe('hidden');
    // A frame narrower than the label leaves it no spot.
    expect(
      placeLabels([candidate('alone', 0, 0, 0)], undefined, { frame: frame(-1, 1) }).get('alone'),
    ).toBe('hidden');
  });
});

describe('placeLabels keeps out from under the floating panels', () => {
  // A node near the legend's top-right corner, its below and above spots taken by its neighbours'
  // bodies: left of it the label was put under the legend, hidden.
  const hemmed = [
    candidate('owner', 0, 0, 0, { text: 'University of Oslo HISP Centre' }),
    candidate('below', 0, 40, 1, { text: '' }),
    candidate('above', 0, -40, 2, { text: '' }),
  ];
  const left = labelRect(hemmed[0]!, 'left');
  const legend = { x1: left.x1 - 200, y1: left.y1 + 2, x2: left.x1 + 10, y2: left.y2 + 300 };

  it('puts a label right of its node where the left would reach under the legend', () => {
    expect(placeLabels(hemmed).get('owner')).toBe('left');
    expect(placeLabels(hemmed, undefined, { occupied: [legend] }).get('owner')).toBe('right');
  });

  it('keeps a label below or above its node out from under it too, and hides one with no spot left', () => {
    const alone = [candidate('alone', 0, 0, 0, { text: 'Kenya' })];
    const below = labelRect(alone[0]!, 'below');
    const under = { x1: below.x1 - 5, y1: below.y1, x2: below.x2 + 5, y2: below.y2 };
    expect(placeLabels(alone, undefined, { occupied: [under] }).get('alone')).toBe('above');
    const everywhere = { x1: -500, y1: -500, x2: 500, y2: 500 };
    expect(placeLabels(alone, undefined, { occupied: [everywhere] }).get('alone')).toBe('hidden');
  });

  it('leaves the label where it was when the panel lies elsewhere', () => {
    const far = { x1: 1000, y1: 1000, x2: 1200, y2: 1300 };
    expect(placeLabels(hemmed, undefined, { occupied: [far] }).get('owner')).toBe('left');
  });
});

describe('placeLabels below and above the node, in a frame', () => {
  const frame = { x1: -200, y1: -200, x2: 200, y2: 200 };
  const shifted = (c: LabelCandidate, side: LabelSide) => {
    const rect = labelRect(c, side);
    const shift = frameShift(rect, frame, c.x) ?? Number.NaN;
    return { ...rect, x1: rect.x1 + shift, x2: rect.x2 + shift };
  };
  const inside = (r: Rect) =>
    r.x1 >= frame.x1 && r.x2 <= frame.x2 && r.y1 >= frame.y1 && r.y2 <= frame.y2;

  it('moves a label at the frame’s side edge inside it, still under its node', () => {
    // The overview on a phone: "Digital Impact Alliance" centred under a node at the right edge.
    const edge = candidate('edge', 190, 0, 0, { text: 'Digital Impact Alliance' });
    expect(labelRect(edge, 'below').x2).toBeGreaterThan(frame.x2);
    expect(placeLabels([edge], undefined, { frame }).get('edge')).toBe('below');
    const drawn = shifted(edge, 'below');
    expect(drawn.x2).toBeCloseTo(frame.x2);
    expect(drawn.x1).toBeLessThan(edge.x);
    // Mirrored at the left edge.
    const west = { ...edge, id: 'west', x: -190 };
    expect(shifted(west, 'below').x1).toBeCloseTo(frame.x1);
    // A label inside the frame stays centred.
    expect(frameShift(labelRect(candidate('mid', 0, 0, 0), 'below'), frame, 0)).toBe(0);
  });

  it('sends a label past the frame’s bottom above its node, and past its top beside it', () => {
    const low = candidate('low', 0, 190, 0);
    expect(placeLabels([low], undefined, { frame }).get('low')).toBe('above');
    // Below taken by a node's body, above past the frame's top: beside the node.
    const high = [candidate('high', 0, -190, 0), candidate('under', 0, -150, 1, { text: '' })];
    expect(placeLabels(high, undefined, { frame }).get('high')).toBe('left');
    expect(placeLabels(high).get('high')).toBe('above');
    // Without a frame (a picture, cropped to its labels), below as before.
    expect(placeLabels([low]).get('low')).toBe('below');
  });

  it('keeps a moved label off the labels already placed where it moved to', () => {
    // A label placed first just left of where the edge node's label would be centred: the centred
    // box misses it, the moved one (inside the frame) would cover it, so the name goes above.
    const edge = candidate('edge', 190, 0, 1, { text: 'Digital Impact Alliance' });
    const centred = labelRect(edge, 'below');
    const movedTo = shifted(edge, 'below');
    const neighbourText = 'Joubel';
    const width = measureLabel(neighbourText, 13).width;
    const first = candidate(
      'first',
      movedTo.x1 - 1 + width / 2 - 15 - 5 - 1,
      movedTo.y1 + 1 - 20,
      0,
      {
        text: neighbourText,
        size: 2,
      },
    );
    const firstBox = labelRect(first, 'below');
    expect(overlap(firstBox, centred)).toBe(false);
    expect(overlap(firstBox, movedTo)).toBe(true);
    const placements = placeLabels([first, edge], undefined, { frame });
    expect(placements.get('first')).toBe('below');
    expect(placements.get('edge')).toBe('above');
    expect(inside(shifted(edge, 'above'))).toBe(true);
  });

  it('leaves a label whose move would leave its node behind it, or that is wider than the frame', () => {
    const rect = { x1: 0, y1: 0, x2: 100, y2: 10 };
    // Its node outside the frame: moving the label in would leave the node's centre outside it.
    expect(frameShift(rect, { x1: -50, y1: -50, x2: 40, y2: 50 }, 45)).toBeUndefined();
    expect(frameShift(rect, { x1: 10, y1: -50, x2: 90, y2: 50 }, 50)).toBeUndefined();
    expect(frameShift(rect, { x1: -50, y1: -50, x2: 80, y2: 50 }, 50)).toBe(-20);
  });
});
