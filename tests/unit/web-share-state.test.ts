// Unit tests of the shareable URL state (web/src/state/url/utils.ts) and the exploration merge
// (web/src/state/graph/utils.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalEntityId } from '../../server/model/entity-ids.ts';
import {
  DEFAULT_SHARE_STATE,
  type ShareState,
  decodeShareState,
  encodeShareState,
  insightLink,
  unreadLinkSettings,
} from '../../web/src/state/url/utils.ts';
import {
  addId,
  limitsFor,
  mergeChunks,
  removeIds,
  sameExploration,
  withoutNodes,
} from '../../web/src/state/graph/utils.ts';
import type { GraphChunk } from '../../web/src/lib/api/types.ts';
import { typeFromId } from '../../web/src/lib/vocabulary/index.ts';
import { EXPANSION_MAX } from '../../web/src/state/graph/limits.ts';
import { subjectTypeOf } from '../../web/src/lib/insights/sector-subject.ts';
import {
  DEFAULT_INSIGHT_OPTIONS,
  FILTER_KINDS,
  FILTER_ROLES,
  type InsightFilter,
  filtersOf,
} from '../../web/src/lib/insights/insight-options.ts';

const full: ShareState = {
  exploration: {
    focus: 'org:unicef',
    expanded: ['dpg:dhis2', 'activity:unicef/co-leading-the-community-of-practice-on-ai'],
    hidden: ['country:SL'],
    pinned: ['dpg:dhis2'],
    limits: { 'org:unicef': 120, 'dpg:dhis2': 360 },
  },
  selected: 'dpg:dhis2',
  relationship: null,
  hiddenTypes: ['SDG'],
  hiddenKinds: ['company', 'ngo'],
  hiddenRels: ['MEMBER_OF'],
  connectedTo: ['sdg:3'],
  filterMode: 'fade',
  layout: 'concentric',
  sizeBy: 'shown',
  list: true,
  panel: 'paths',
  path: { from: 'org:google', to: 'dpg:dhis2' },
  insight: {
    kind: 'collaborators',
    id: 'dpg:dhis2',
    shown: true,
    shownItem: null,
    options: { top: 40, kind: 'company', country: 'country:KE', members: true, role: null },
  },
};

describe('share state in the URL', () => {
  it('encodes the default state as an empty fragment', () => {
    expect(encodeShareState(DEFAULT_SHARE_STATE)).toBe('');
    expect(decodeShareState('')).toEqual(DEFAULT_SHARE_STATE);
  });

  it('round-trips every field', () => {
    const hash = encodeShareState(full);
    expect(hash.startsWith('#/explore?')).toBe(true);
    expect(hash).toContain('focus=org:unicef');
    expect(decodeShareState(hash)).toEqual(full);
  });

  it('round-trips arbitrary ids and lists', () => {
    const id = fc
      .tuple(
        fc.constantFrom('org', 'dpg', 'country', 'activity'),
        fc.stringMatching(/^[a-z0-9._/-]{1,20}$/),
      )
      .map(([prefix, rest]) => canonicalEntityId(`${prefix}:${rest}`));
    fc.assert(
      fc.property(id, fc.uniqueArray(id, { maxLength: 5 }), id, (focus, expanded, selected) => {
        const state: ShareState = {
          ...DEFAULT_SHARE_STATE,
          exploration: {
            focus,
            expanded: expanded.filter((item) => item !== focus),
            hidden: [],
            pinned: [],
            limits: { [focus]: 120 },
          },
          selected,
        };
        expect(decodeShareState(encodeShareState(state))).toEqual(state);
      }),
    );
  });

  it('reads hand-typed lower-case country ids as the graph writes them', () => {
    const state = decodeShareState(
      '#/explore?focus=country:ke&x=country:sl,org:ke&sel=country:ke&panel=insight&insight=stakeholders&of=country:ke&from=country:gh&to=dpg:dhis2',
    );
    expect(state.exploration).toMatchObject({
      focus: 'country:KE',
      expanded: ['country:SL', 'org:ke'],
    });
    expect(state.selected).toBe('country:KE');
    expect(state.insight).toEqual({
      kind: 'stakeholders',
      id: 'country:KE',
      shown: false,
      shownItem: null,
      options: DEFAULT_INSIGHT_OPTIONS,
    });
    expect(state.path).toEqual({ from: 'country:GH', to: 'dpg:dhis2' });
    expect(decodeShareState('#/entity/country%3Ake').selected).toBe('country:KE');
    expect(decodeShareState('#/entity/ORG%3AUNICEF').selected).toBe('org:unicef');
    // A raised cap keeps its country: `country:ke*300` is KE's.
    expect(
      decodeShareState('#/explore?focus=country:ke&more=country:ke*300').exploration.limits,
    ).toEqual({ 'country:KE': 300 });
  });

  it('writes a selected relationship as sel=from|TYPE|to and reads it back, never as an entity', () => {
    const relationship = { from: 'org:unicef', type: 'FUNDS', to: 'dpg:rapidpro' };
    const hash = encodeShareState({ ...full, selected: null, relationship });
    expect(new URLSearchParams(hash.slice('#/explore?'.length)).get('sel')).toBe(
      'org:unicef|FUNDS|dpg:rapidpro',
    );
    expect(decodeShareState(hash)).toEqual({ ...full, selected: null, relationship });
    expect(unreadLinkSettings(hash)).toEqual([]);
    // Typed by hand, in another case, with the separator unencoded.
    expect(decodeShareState('#/explore?sel=ORG:UNICEF|funds|country:ke')).toMatchObject({
      selected: null,
      relationship: { from: 'org:unicef', type: 'FUNDS', to: 'country:KE' },
    });
  });

  it('reads a malformed relationship in sel as no selection, and says so', () => {
    for (const sel of [
      'org:unicef|FUNDS',
      'org:unicef|LIKES|dpg:rapidpro',
      'org:unicef|FUNDS|not an id',
      'org:unicef|FUNDS|dpg:rapidpro|x',
    ]) {
      const hash = `#/explore?focus=org:unicef&sel=${encodeURIComponent(sel)}`;
      expect(decodeShareState(hash)).toMatchObject({ selected: null, relationship: null });
      expect(unreadLinkSettings(hash)).toEqual([
        expect.objectContaining({ key: 'sel', value: sel }),
      ]);
    }
  });

  it('reads an SDG no goal has as no insight subject, and says why (QA: sdg:99)', () => {
    const hash = '#/explore?panel=insight&insight=stakeholders&of=sdg:99';
    expect(decodeShareState(hash).insight).toBeNull();
    expect(unreadLinkSettings(hash)).toEqual([
      { key: 'of', value: 'sdg:99', reason: 'not an SDG (the goals are sdg:1 to sdg:17)' },
    ]);
    // As the API reads one: no leading zero, no decimal.
    for (const odd of ['sdg:01', 'sdg:1.0', 'sdg:0'])
      expect(decodeShareState(hash.replace('sdg:99', odd)).insight).toBeNull();
    const goal = '#/explore?panel=insight&insight=stakeholders&of=sdg:17';
    expect(decodeShareState(goal).insight).toMatchObject({ id: 'sdg:17' });
    expect(unreadLinkSettings(goal)).toEqual([]);
  });

  it("reads the first slice's #/entity/<id> links as a selection", () => {
    expect(decodeShareState('#/entity/org%3Aunicef')).toEqual({
      ...DEFAULT_SHARE_STATE,
      selected: 'org:unicef',
    });
  });

  it('falls back to defaults for unknown values instead of failing', () => {
    const state = decodeShareState('#/explore?layout=spiral&size=huge&panel=nope&insight=x&of=y');
    expect(state.layout).toBe('fcose');
    expect(state.sizeBy).toBe('degree');
    expect(state.panel).toBeNull();
    expect(state.insight).toBeNull();
    expect(state.path).toBeNull();
    expect(decodeShareState('#/entity/%E0%A4%A')).toEqual(DEFAULT_SHARE_STATE);
  });

  it('names what it drops from a link, and why', () => {
    const unread = unreadLinkSettings(
      '#/explore?focus=org:a&layout=spiral&colour=red&types=DPG,Foo&rels=FUNDS,LIKES&fade=yes&more=org:a*x,dpg:c*5&insight=network',
    );
    expect(unread.map(({ key, value }) => `${key}=${value}`)).toEqual([
      'colour=red',
      'layout=spiral',
      'fade=yes',
      'types=Foo',
      'rels=LIKES',
      'more=org:a*x',
      'more=dpg:c*5',
      'insight=network',
    ]);
    // Choices the toolbar names are given by its names, not the link's words.
    expect(unread[1]!.reason).toBe('not a layout: Force-directed, Concentric, Tree or Grid');
    expect(unread[4]!.reason).toMatch(/^not a relationship type \(.*FUNDS/);
    expect(unread.at(-1)!.reason).toBe('needs “of”');
    // Whatever a link holds, what the explorer writes back from it has nothing left to report.
    for (const link of [
      '#/explore?focus=org:a&layout=spiral&colour=red&types=DPG,Foo&rels=FUNDS,LIKES&fade=yes&more=org:a*x,dpg:c*5&insight=network',
      '#/explore?x=dpg:a&show=1&kinds=nope&via=nope',
    ])
      expect(unreadLinkSettings(encodeShareState(decodeShareState(link)))).toEqual([]);
    // Kinds the importers never assign and connection choices that are no SDG, country, group or
    // facet were counted as filters with nothing to show for them. The link read drops exactly
    // what the note names, so the address it is written back to holds none of it.
    const odd =
      '#/explore?kinds=bogus,ngo&via=country:KE,org:acme,sector=Health,org:dpga,colour=red';
    expect(unreadLinkSettings(odd).map(({ key, value }) => `${key}=${value}`)).toEqual([
      'kinds=bogus',
      'via=org:acme',
      'via=colour=red',
    ]);
    const read = decodeShareState(odd);
    expect(read.hiddenKinds).toEqual(['ngo']);
    expect(read.connectedTo).toEqual(['country:KE', 'sector=Health', 'org:dpga']);
    expect(unreadLinkSettings('#/explore?x=dpg:a').map((u) => u.reason)).toEqual([
      'only read with a focus',
    ]);
    expect(unreadLinkSettings('#/settings')).toEqual([
      { key: '', value: '#/settings', reason: 'not an address the explorer knows' },
    ]);
    expect(unreadLinkSettings('#/entity/%E0%A4%A')).toHaveLength(1);
    for (const plain of ['', '#/', '#/entity/org%3Aunicef'])
      expect(unreadLinkSettings(plain)).toEqual([]);
  });

  it('keeps one listed item shown with its subject as show=<its id>, apart from the whole list', () => {
    const base = '#/explore?panel=insight&insight=collaborators&of=dpg:dhis2';
    const item = decodeShareState(`${base}&show=org%3Anorad`).insight!;
    expect([item.shown, item.shownItem]).toEqual([false, 'org:norad']);
    const all = decodeShareState(`${base}&show=1`).insight!;
    expect([all.shown, all.shownItem]).toEqual([true, null]);
    expect(encodeShareState({ ...DEFAULT_SHARE_STATE, insight: item })).toContain('show=org:norad');
    expect(unreadLinkSettings(`${base}&show=org%3Anorad`)).toEqual([]);
    expect(unreadLinkSettings(`${base}&show=norad`)).toEqual([
      expect.objectContaining({ key: 'show', value: 'norad' }),
    ]);
  });

  it("reads how far and how narrowly an insight view lists, and names what it can't", () => {
    const base = '#/explore?panel=insight&insight=collaborators&of=dpg:dhis2';
    expect(decodeShareState(`${base}&top=60&only=ngo&in=country:ke&members=1`).insight).toEqual({
      kind: 'collaborators',
      id: 'dpg:dhis2',
      shown: false,
      shownItem: null,
      options: { top: 60, kind: 'ngo', country: 'country:KE', members: true, role: null },
    });
    // A country by its ISO code, as the API reads it.
    expect(decodeShareState(`${base}&in=ke`).insight?.options.country).toBe('country:KE');
    // Not a name, which the API would refuse.
    expect(unreadLinkSettings(`${base}&in=country:kenya`).map((u) => u.key)).toEqual(['in']);
    // One kind at a time, and not "unknown": no one looks for the unclassified.
    for (const only of ['ngo,company', 'unknown'])
      expect(unreadLinkSettings(`${base}&only=${only}`).map((u) => u.key)).toEqual(['only']);
    const odd = `${base}&top=999&only=pirates&in=org:unicef&members=yes`;
    expect(decodeShareState(odd).insight?.options).toEqual(DEFAULT_INSIGHT_OPTIONS);
    expect(unreadLinkSettings(odd).map((u) => `${u.key}=${u.value}: ${u.reason}`)).toEqual([
      'members=yes: not a switch (0, 1)',
      'top=999: not a number from 1 to 200',
      'only=pirates: not an organisation kind (' +
        'un-agency, government, multilateral-bank, foundation, company, ngo, academia, network)',
      'in=org:unicef: not a country (country:KE or KE)',
    ]);
    // A stakeholder map lists further (500), and takes the kind and members but not the country.
    const map = '#/explore?insight=stakeholders&of=country:KE&top=300&only=ngo&in=SL&members=1';
    expect(decodeShareState(map).insight?.options).toEqual({
      ...DEFAULT_INSIGHT_OPTIONS,
      top: 300,
      kind: 'ngo',
      members: true,
    });
    expect(unreadLinkSettings(encodeShareState(decodeShareState(map)))).toEqual([]);
    expect(unreadLinkSettings(map).map((u) => `${u.key}: ${u.reason}`)).toEqual([
      'in: only read with potential collaborators and stakeholder maps of sectors and SDGs',
    ]);
    // A sector's map takes the country too, as its id or its code in any case.
    const sector = '#/explore?insight=stakeholders&of=sector:Health&in=ke&role=funds';
    expect(decodeShareState(sector).insight?.options).toEqual({
      ...DEFAULT_INSIGHT_OPTIONS,
      country: 'country:KE',
      role: 'funds',
    });
    expect(unreadLinkSettings(sector)).toEqual([]);
    expect(encodeShareState(decodeShareState(sector))).toBe(
      '#/explore?insight=stakeholders&of=sector:Health&in=country:KE&role=funds',
    );
    expect(
      unreadLinkSettings(sector.replace('in=ke', 'in=Kenya')).map((u) => `${u.key}: ${u.reason}`),
    ).toEqual(['in: not a country (country:KE or KE)']);
    // A stakeholder map alone is narrowed to a role, one the API knows.
    const funders = '#/explore?insight=stakeholders&of=country:KE&role=funds';
    expect(decodeShareState(funders).insight?.options.role).toBe('funds');
    expect(encodeShareState(decodeShareState(funders))).toBe(funders);
    expect(
      unreadLinkSettings(`${funders.replace('funds', 'pays')}`).map((u) => `${u.key}: ${u.reason}`),
    ).toEqual([
      'role: not a stakeholder role (based, leads, co-leads, owns, maintains, funds, deploys, participates)',
    ]);
    expect(unreadLinkSettings(`${base}&role=funds`).map((u) => `${u.key}: ${u.reason}`)).toEqual([
      'role: only read with stakeholder maps',
    ]);
    // A partnership network takes none of them.
    const network = '#/explore?insight=network&of=org:unicef&only=ngo&members=1';
    expect(decodeShareState(network).insight?.options).toEqual(DEFAULT_INSIGHT_OPTIONS);
    expect(unreadLinkSettings(network).map((u) => `${u.key}: ${u.reason}`)).toEqual([
      'only: only read with potential collaborators and stakeholder maps',
      'members: only read with potential collaborators and stakeholder maps',
    ]);
    for (const bare of ['#/explore', '#/explore/']) expect(unreadLinkSettings(bare)).toEqual([]);
    expect(unreadLinkSettings('#/explore?top=40').map((u) => u.reason)).toEqual([
      'only read with an insight',
    ]);
  });

  it('names what is no entity id, and reads the link without it', () => {
    const link = '#/explore?focus=not an id!&sel=org:ok&from=%3Cb%3E&to=dpg:x&x=dpg:y,nonsense';
    expect(unreadLinkSettings(link).map(({ key, value }) => `${key}=${value}`)).toEqual([
      'focus=not an id!',
      'from=<b>',
      'x=nonsense',
      'x=dpg:y,nonsense',
    ]);
    expect(unreadLinkSettings(link)[0]!.reason).toBe('not an entity id (ids look like org:unicef)');
    const read = decodeShareState(link);
    // No focus to explore from: the overview, with what could be read.
    expect(read.exploration.focus).toBeNull();
    expect(read.selected).toBe('org:ok');
    expect(read.path).toEqual({ from: null, to: 'dpg:x' });
    expect(
      decodeShareState('#/explore?focus=org:a&x=dpg:y,nonsense&pin=%20,?&hide=org:z').exploration,
    ).toMatchObject({ focus: 'org:a', expanded: ['dpg:y'], pinned: [], hidden: ['org:z'] });
  });

  it('drops nothing from a link it wrote itself', () => {
    expect(unreadLinkSettings(encodeShareState(full))).toEqual([]);
    const layouts = fc.constantFrom('fcose', 'concentric', 'breadthfirst', 'grid' as const);
    fc.assert(
      fc.property(layouts, fc.boolean(), fc.boolean(), (layout, list, fade) => {
        const hash = encodeShareState({
          ...full,
          layout,
          list,
          filterMode: fade ? 'fade' : 'hide',
        });
        expect(unreadLinkSettings(hash)).toEqual([]);
      }),
    );
  });

  it('round-trips every insight view with any list options it can hold', () => {
    const views = fc.constantFrom(
      { kind: 'collaborators', id: 'dpg:dhis2' } as const,
      { kind: 'stakeholders', id: 'country:KE' } as const,
      { kind: 'stakeholders', id: 'sector:Health' } as const,
      { kind: 'network', id: 'org:unicef' } as const,
    );
    fc.assert(
      fc.property(
        views,
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
        fc.option(fc.constantFrom(...FILTER_KINDS), { nil: null }),
        fc.option(fc.constantFrom('country:KE', 'country:SL', 'country:BR'), { nil: null }),
        fc.boolean(),
        fc.oneof(
          fc.constant<boolean | string>(true),
          fc.constant<boolean | string>(false),
          fc.constantFrom('org:norad', 'org:unicef'),
        ),
        fc.option(fc.constantFrom(...FILTER_ROLES), { nil: null }),
        (view, top, kind, country, members, showing, role) => {
          // Each view holds the filters it takes; the others are dropped.
          const takes = (filter: InsightFilter) =>
            filtersOf(view.kind, subjectTypeOf(view.id) ?? null).includes(filter);
          const state: ShareState = {
            ...DEFAULT_SHARE_STATE,
            panel: 'insight',
            insight: {
              ...view,
              // The whole list shown, none, or one listed item.
              shown: showing === true,
              shownItem: typeof showing === 'string' ? showing : null,
              options: {
                top,
                kind: takes('kind') ? kind : null,
                country: takes('country') ? country : null,
                members: takes('members') && members,
                role: takes('role') ? role : null,
              },
            },
          };
          const hash = encodeShareState(state);
          expect(decodeShareState(hash)).toEqual(state);
          expect(unreadLinkSettings(hash)).toEqual([]);
        },
      ),
    );
  });

  it('links to one insight view on its own, with its panel open, and reads it back', () => {
    const kenya = {
      kind: 'stakeholders' as const,
      id: 'country:KE',
      shown: false,
      shownItem: null,
      options: DEFAULT_INSIGHT_OPTIONS,
    };
    expect(insightLink(kenya)).toBe('#/explore?panel=insight&insight=stakeholders&of=country:KE');
    const health = { ...kenya, id: 'sector:Water and Sanitation', shown: true };
    expect(insightLink(health)).toBe(
      '#/explore?panel=insight&insight=stakeholders&of=sector:Water+and+Sanitation&show=1',
    );
    for (const view of [kenya, health])
      expect(decodeShareState(insightLink(view))).toEqual({
        ...DEFAULT_SHARE_STATE,
        panel: 'insight',
        insight: view,
      });
  });

  it('keeps whether paths leave memberships out, and writes nothing when they do not', () => {
    const state = decodeShareState(
      '#/explore?panel=paths&from=org:google&to=org:unicef&skip=memberships',
    );
    expect(state.path).toEqual({ from: 'org:google', to: 'org:unicef', skipMemberships: true });
    expect(encodeShareState(state)).toBe(
      '#/explore?panel=paths&from=org:google&to=org:unicef&skip=memberships',
    );
    expect(decodeShareState('#/explore?from=org:google&skip=other').path).toEqual({
      from: 'org:google',
      to: null,
    });
  });

  it('keeps the box ticked before either end is chosen, so that Back finds it ticked', () => {
    const hash = '#/explore?panel=paths&skip=memberships';
    expect(decodeShareState(hash).path).toEqual({ from: null, to: null, skipMemberships: true });
    expect(encodeShareState(decodeShareState(hash))).toBe(hash);
    expect(unreadLinkSettings(hash)).toEqual([]);
    expect(decodeShareState('#/explore?panel=paths&skip=other').path).toBeNull();
  });

  it('keeps how many paths were asked for past the first answer, and names a count it cannot take', () => {
    const link = '#/explore?panel=paths&from=org:google&to=org:unicef&paths=6';
    expect(decodeShareState(link).path).toEqual({
      from: 'org:google',
      to: 'org:unicef',
      count: 6,
    });
    expect(encodeShareState(decodeShareState(link))).toBe(link);
    for (const odd of ['3', '11', 'many']) {
      const state = decodeShareState(link.replace('paths=6', `paths=${odd}`));
      expect(state.path, odd).toEqual({ from: 'org:google', to: 'org:unicef' });
      expect(
        unreadLinkSettings(link.replace('paths=6', `paths=${odd}`)).map((u) => u.key),
        odd,
      ).toEqual(['paths']);
    }
  });

  it('keeps a path finder with one end chosen, as "Paths from here" leaves it', () => {
    const state = decodeShareState('#/explore?panel=paths&from=org:google');
    expect(state.path).toEqual({ from: 'org:google', to: null });
    expect(encodeShareState(state)).toBe('#/explore?panel=paths&from=org:google');
  });

  it('drops expansions without a focus, and the focus from its own expansions', () => {
    expect(decodeShareState('#/explore?x=dpg:a').exploration.expanded).toEqual([]);
    expect(decodeShareState('#/explore?focus=dpg:a&x=dpg:a,dpg:b').exploration.expanded).toEqual([
      'dpg:b',
    ]);
  });

  it('keeps "show more" caps for loaded entities only, within the API cap', () => {
    const { limits } = decodeShareState(
      '#/explore?focus=org:a&x=dpg:b&more=org:a*120,dpg:b*99999,dpg:c*120,org:a*x,*3,dpg:b',
    ).exploration;
    expect(limits).toEqual({ 'org:a': 120, 'dpg:b': EXPANSION_MAX });
    expect(
      encodeShareState({
        ...DEFAULT_SHARE_STATE,
        exploration: {
          focus: 'org:a',
          expanded: [],
          hidden: [],
          pinned: [],
          limits: { 'org:a': 120 },
        },
      }),
    ).toContain('more=org:a*120');
  });

  it("knows an id's type from its prefix", () => {
    expect(typeFromId('dpg:dhis2')).toBe('DPG');
    expect(typeFromId('org:unicef')).toBe('Organisation');
    expect(typeFromId('nothing')).toBeUndefined();
  });
});

const node = (id: string, type = 'Organisation') => ({
  data: { id, label: id, type, degree: 1, sources: [] },
});
const edge = (source: string, target: string, type = 'FUNDS') => ({
  data: { id: `${source}|${type}|${target}`, source, target, type, label: 'funds', sources: [] },
});

describe('exploration merge', () => {
  const a: GraphChunk = {
    nodes: [node('org:a'), node('dpg:x', 'DPG')],
    edges: [edge('org:a', 'dpg:x')],
  };
  const b: GraphChunk = {
    nodes: [node('dpg:x', 'DPG'), node('org:b')],
    edges: [edge('org:b', 'dpg:x'), edge('org:a', 'dpg:x')],
  };

  it('keeps each node and edge once', () => {
    const merged = mergeChunks([a, b]);
    expect(merged.nodes.map((n) => n.data.id)).toEqual(['org:a', 'dpg:x', 'org:b']);
    expect(merged.edges).toHaveLength(2);
  });

  it('drops edges whose ends are missing', () => {
    const merged = mergeChunks([{ nodes: [node('org:a')], edges: [edge('org:a', 'dpg:x')] }]);
    expect(merged.edges).toEqual([]);
  });

  it('hides nodes and their edges', () => {
    const shown = withoutNodes(mergeChunks([a, b]), new Set(['dpg:x']));
    expect(shown.nodes.map((n) => n.data.id)).toEqual(['org:a', 'org:b']);
    expect(shown.edges).toEqual([]);
  });

  it('adds and removes ids without duplicates', () => {
    expect(addId(['a'], 'a')).toEqual(['a']);
    expect(addId(['a'], 'b')).toEqual(['a', 'b']);
    expect(removeIds(['a', 'b', 'c'], ['b'])).toEqual(['a', 'c']);
    expect(
      sameExploration(
        { focus: 'a', expanded: ['b'], hidden: [], pinned: [], limits: {} },
        { focus: 'a', expanded: ['b'], hidden: [], pinned: [], limits: {} },
      ),
    ).toBe(true);
    expect(
      sameExploration(
        { focus: 'a', expanded: ['b'], hidden: [], pinned: [], limits: {} },
        { focus: 'a', expanded: [], hidden: [], pinned: [], limits: {} },
      ),
    ).toBe(false);
    expect(
      sameExploration(
        { focus: 'a', expanded: [], hidden: [], pinned: [], limits: { a: 120 } },
        { focus: 'a', expanded: [], hidden: [], pinned: [], limits: {} },
      ),
    ).toBe(false);
    expect(limitsFor({ a: 120, b: 360 }, ['b'])).toEqual({ b: 360 });
  });
});
