// Unit tests of the pure update functions beside each state module (web/src/state/*/utils.ts).
import { describe, expect, it } from 'vitest';
import type { HealthResponse, SearchResult } from '../../web/src/lib/api/types.ts';
import { failure, idle, success } from '../../web/src/lib/api/async-status.ts';
import { ApiError } from '../../web/src/lib/api/api-error.ts';
import {
  NONE_HIDDEN,
  listedRows,
  soloType,
  toggleType,
} from '../../web/src/state/filters/utils.ts';
import { asSentence, summariseHealth } from '../../web/src/state/health/utils.ts';
import {
  displayOrder,
  groupResults,
  moveActive,
  splitMatch,
  withSectors,
} from '../../web/src/state/search/utils.ts';
import { renamedInExploration } from '../../web/src/state/graph/utils.ts';
import {
  hashToSelection,
  parseRelationshipKey,
  relationshipKey,
  relationshipOwnProperties,
  relationshipProvenance,
  sameRelationship,
  selectionToHash,
} from '../../web/src/state/selection/utils.ts';
import { PANEL_SPACE, canvasInsets } from '../../web/src/state/view/utils.ts';

const result = (id: string, type: string, score = 1): SearchResult => ({
  kind: null,
  snippet: null,
  id,
  label: id,
  type,
  score,
});

describe('search utils', () => {
  const results = [
    result('activity:unicef/dhis-rollout', 'Activity', 3),
    result('dpg:dhis2', 'DPG', 2.5),
    result('org:hisp', 'Organisation', 2),
    result('activity:other', 'Activity', 1),
    result('thing:x', 'Dataset', 0.5),
  ];

  it("groups results by type, the best match's group first, keeping rank order inside a group", () => {
    const groups = groupResults(results);
    expect(groups.map((g) => g.type)).toEqual(['Activity', 'DPG', 'Organisation', 'Dataset']);
    expect(groupResults([results[1]!, results[0]!]).map((g) => g.type)).toEqual([
      'DPG',
      'Activity',
    ]);
    expect(groups[0]?.items.map((i) => i.result.id)).toEqual([
      'activity:unicef/dhis-rollout',
      'activity:other',
    ]);
  });

  it('numbers results in display order, which is the keyboard order', () => {
    const groups = groupResults(results);
    const indexes = groups.flatMap((g) => g.items.map((i) => i.index));
    expect(indexes).toEqual([0, 1, 2, 3, 4]);
    expect(displayOrder(groups).map((r) => r.id)).toEqual([
      'activity:unicef/dhis-rollout',
      'activity:other',
      'dpg:dhis2',
      'org:hisp',
      'thing:x',
    ]);
    expect(groupResults([])).toEqual([]);
  });

  it('moves the cursor with wrap-around, entering from either end', () => {
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(-1, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(1, 3, 1)).toBe(2);
    expect(moveActive(5, 0, 1)).toBe(-1);
  });

  it('splits a label around the first case-insensitive match', () => {
    expect(splitMatch('DHIS2', 'dhis')).toEqual({ before: '', match: 'DHIS', after: '2' });
    expect(splitMatch('Google', 'x')).toEqual({ before: 'Google', match: '', after: '' });
    expect(splitMatch('Google', '  ')).toEqual({ before: 'Google', match: '', after: '' });
  });
});

describe('sector maps among the search results', () => {
  const health = { result: { ...result('sector:Health', 'Sector'), label: 'Health' }, exact: true };
  const water = {
    result: { ...result('sector:Water and Sanitation', 'Sector'), label: 'Water and Sanitation' },
    exact: false,
  };
  const healthInKenya = {
    result: { ...result('sector:Health in country:KE', 'Sector'), label: 'Health in Kenya' },
    exact: true,
  };

  it('come after the entities found, but first when one is named exactly what was typed', () => {
    const found = [result('dpg:dhis2', 'DPG'), result('dpg:gnu-health', 'DPG')];
    expect(withSectors(found, [health], ' HEALTH ').map((r) => r.id)).toEqual([
      'sector:Health',
      'dpg:dhis2',
      'dpg:gnu-health',
    ]);
    expect(withSectors(found, [water], 'water').map((r) => r.id)).toEqual([
      'dpg:dhis2',
      'dpg:gnu-health',
      'sector:Water and Sanitation',
    ]);
    // A sector and a country named exactly ("health kenya") come first too; a country's name
    // being typed ("health ken") comes after.
    expect(withSectors(found, [healthInKenya], 'health kenya').map((r) => r.id)).toEqual([
      'sector:Health in country:KE',
      'dpg:dhis2',
      'dpg:gnu-health',
    ]);
    expect(
      withSectors(found, [{ ...healthInKenya, exact: false }], 'health ken').map((r) => r.id),
    ).toEqual(['dpg:dhis2', 'dpg:gnu-health', 'sector:Health in country:KE']);
    // What the query names only in part stays after the entities, beside one it names exactly:
    // "health kenya" reads as SDG 3 in Kenya too ("Good Health and Well-being").
    const sdg3InKenya = {
      result: { ...result('sdg:3 in country:KE', 'SDG'), label: 'SDG 3: … in Kenya' },
      exact: false,
    };
    expect(
      withSectors(found, [healthInKenya, sdg3InKenya], 'health kenya').map((r) => r.id),
    ).toEqual([
      'sector:Health in country:KE',
      'dpg:dhis2',
      'dpg:gnu-health',
      'sdg:3 in country:KE',
    ]);
    // An entity of that very name keeps its place.
    const named = [{ ...result('group:health', 'Group'), label: 'Health' }];
    expect(withSectors(named, [health], 'health').map((r) => r.id)).toEqual([
      'group:health',
      'sector:Health',
    ]);
    expect(withSectors([], [health], 'health')).toEqual([health.result]);
    expect(withSectors(found, [], 'health')).toEqual(found);
  });

  it('come first, all of them, when the entities found match only some of the words', () => {
    // "sdg 3 kenya": no entity matches every word, so every SDG and Kenya are found; the map of
    // SDG 3 in Kenya starts with every word, as a map named in part does ("sdg 3 ken").
    const found = [result('country:KE', 'Country'), result('sdg:1', 'SDG')];
    const sdg3InKenya = {
      result: { ...result('sdg:3 in country:KE', 'SDG'), label: 'SDG 3: … in Kenya' },
      exact: false,
    };
    expect(
      withSectors(found, [sdg3InKenya, healthInKenya], 'sdg 3 kenya', true).map((r) => r.id),
    ).toEqual(['sector:Health in country:KE', 'sdg:3 in country:KE', 'country:KE', 'sdg:1']);
    expect(withSectors(found, [], 'sdg 3 kenya', true)).toEqual(found);
  });
});

describe('filters utils', () => {
  it('toggles a type without changing the input set', () => {
    const hidden = toggleType(NONE_HIDDEN, 'Country');
    expect([...hidden]).toEqual(['Country']);
    expect(NONE_HIDDEN.size).toBe(0);
    expect(toggleType(hidden, 'Country').size).toBe(0);
  });

  it('shows one type alone, and everything again when repeated', () => {
    const all = ['Organisation', 'DPG', 'Country'];
    const solo = soloType(NONE_HIDDEN, all, 'DPG');
    expect([...solo].sort()).toEqual(['Country', 'Organisation']);
    expect(soloType(solo, all, 'DPG').size).toBe(0);
  });
});

describe('selection utils', () => {
  it('round-trips ids through the URL fragment, encoded', () => {
    const id = 'activity:unicef/co-leading-the-community-of-practice-on-ai';
    const hash = selectionToHash(id);
    expect(hash).toBe('#/entity/activity%3Aunicef%2Fco-leading-the-community-of-practice-on-ai');
    expect(hashToSelection(hash)).toBe(id);
    expect(selectionToHash(null)).toBe('');
  });

  it('reads no selection from other or malformed fragments', () => {
    expect(hashToSelection('')).toBeNull();
    expect(hashToSelection('#/other/x')).toBeNull();
    expect(hashToSelection('#/entity/')).toBeNull();
    expect(hashToSelection('#/entity/%E0%A4%A')).toBeNull();
  });

  it("names a relationship as the canvas's edge id, and reads the key back", () => {
    const ref = { from: 'org:unicef', type: 'FUNDS', to: 'dpg:rapidpro' };
    expect(relationshipKey(ref)).toBe('org:unicef|FUNDS|dpg:rapidpro');
    expect(parseRelationshipKey(relationshipKey(ref))).toEqual(ref);
    expect(parseRelationshipKey(' Org:UNICEF | deployed_in | country:ke ')).toEqual({
      from: 'org:unicef',
      type: 'DEPLOYED_IN',
      to: 'country:KE',
    });
  });

  it('reads no relationship from an entity id or a malformed key', () => {
    for (const text of [
      'org:unicef',
      'org:unicef|FUNDS',
      '|FUNDS|dpg:rapidpro',
      'org:unicef|KNOWS|dpg:rapidpro',
      'org:unicef|FUNDS|dpg:rapidpro|extra',
      'unicef|FUNDS|dpg:rapidpro',
    ])
      expect(parseRelationshipKey(text)).toBeNull();
  });

  it('compares relationships by ends and type', () => {
    const ref = { from: 'org:unicef', type: 'FUNDS', to: 'dpg:rapidpro' };
    expect(sameRelationship(ref, { ...ref })).toBe(true);
    expect(sameRelationship(ref, { ...ref, type: 'OWNS' })).toBe(false);
    expect(sameRelationship(ref, { ...ref, from: 'dpg:rapidpro', to: 'org:unicef' })).toBe(false);
    expect(sameRelationship(null, null)).toBe(false);
  });

  it("pairs a relationship's sources with their evidence and keeps them out of its properties", () => {
    const properties = {
      sources: ['source:dpg-registry', 'source:editor:ada'],
      evidence: ['dpg/rapidpro.json: organizations[0] (funder)'],
      role: 'Funder',
      board: true,
    };
    expect(relationshipProvenance(properties)).toEqual([
      { source: 'source:dpg-registry', evidence: 'dpg/rapidpro.json: organizations[0] (funder)' },
      { source: 'source:editor:ada', evidence: null },
    ]);
    expect(relationshipOwnProperties(properties)).toEqual({ role: 'Funder', board: true });
    // In reading order, whatever order the database gives them in.
    expect(
      Object.keys(
        relationshipOwnProperties({
          sourceUrl: 'https://example.org',
          notes: 'n',
          sources: [],
          role: 'r',
          endDate: '2026',
          since: 'x',
          startDate: '2025',
        }),
      ),
    ).toEqual(['role', 'startDate', 'endDate', 'since', 'notes', 'sourceUrl']);
    expect(relationshipProvenance({})).toEqual([]);
  });
});

describe('health utils', () => {
  const up: HealthResponse = {
    status: 'ok',
    version: '0.1.0',
    database: { status: 'up', version: '5.26.0', edition: 'community', schemaVersion: 2 },
  };

  it('summarises an up database with its version', () => {
    const summary = summariseHealth(success(up));
    expect(summary.kind).toBe('up');
    expect(summary.kind === 'up' && summary.detail).toBe(
      'Neo4j 5.26.0 community · schema v2 · API v0.1.0',
    );
  });

  it('tells a down database from an unreachable server', () => {
    const down = summariseHealth(
      success({ ...up, status: 'degraded', database: { status: 'down', message: 'refused' } }),
    );
    expect(down).toMatchObject({ kind: 'database-down', detail: 'refused.' });
    expect(summariseHealth(failure(new ApiError('X', 'm', 503))).kind).toBe('database-down');
    expect(summariseHealth(failure(new ApiError('NETWORK_ERROR', 'Cannot reach', 0)))).toEqual({
      kind: 'server-unreachable',
      message: 'Cannot reach.',
    });
    expect(summariseHealth(idle()).kind).toBe('checking');
  });
});

describe('asSentence', () => {
  it('adds a full stop only where a sentence is unfinished', () => {
    expect(asSentence('Connection refused ')).toBe('Connection refused.');
    expect(asSentence('Down!')).toBe('Down!');
    expect(asSentence('')).toBe('');
  });
});

describe('view utils', () => {
  it('keeps the legend clear on the left only while it is open', () => {
    expect(canvasInsets(true).left).toBe(PANEL_SPACE.legend);
    expect(canvasInsets(false).left).toBe(PANEL_SPACE.edge);
    expect(canvasInsets(false).bottom).toBe(PANEL_SPACE.collapsedLegend);
    // On a phone the toolbar is a row along the bottom: the right edge is free, the bottom is not.
    expect(canvasInsets(false, true)).toMatchObject({
      right: PANEL_SPACE.edge,
      bottom: PANEL_SPACE.phoneToolbar,
    });
  });
});

describe('listedRows', () => {
  const rows = ['Kenya', 'Kazakhstan', 'Ghana', 'India', 'Malawi', 'Mali'].map((label) => ({
    label,
    checked: label === 'Mali',
  }));
  const labels = (listed: readonly { label: string }[]) => listed.map((row) => row.label);
  const folded = { query: '', expanded: false, initial: 2, resting: false };

  it('lists the first rows folded, and every row the reader changed beyond them', () => {
    const { listed, found } = listedRows(rows, folded);
    expect(labels(listed)).toEqual(['Kenya', 'Kazakhstan', 'Mali']);
    expect(found).toBe(false);
    expect(labels(listedRows(rows, { ...folded, expanded: true }).listed)).toHaveLength(6);
  });

  it('lists every row a typed name is in, folded or not, ignoring case and spaces round it', () => {
    const { listed, found } = listedRows(rows, { ...folded, query: '  MAL ' });
    expect(labels(listed)).toEqual(['Malawi', 'Mali']);
    expect(found).toBe(true);
    expect(listedRows(rows, { ...folded, query: 'zz' })).toEqual({ listed: [], found: true });
  });
});

describe('an exploration following a merge', () => {
  const exploration = {
    focus: 'org:old',
    expanded: ['org:a', 'org:b'],
    hidden: ['org:c'],
    pinned: ['org:old', 'org:a'],
    limits: { 'org:old': 60 },
  };

  it('names the entity kept wherever the merged id was, with its raised cap', () => {
    expect(renamedInExploration(exploration, 'org:old', 'org:new')).toEqual({
      focus: 'org:new',
      expanded: ['org:a', 'org:b'],
      hidden: ['org:c'],
      pinned: ['org:new', 'org:a'],
      limits: { 'org:new': 60 },
    });
  });

  it('drops the merged id where the kept one is already, and never expands the focus', () => {
    const renamed = renamedInExploration(
      {
        ...exploration,
        focus: 'org:a',
        expanded: ['org:old', 'org:b'],
        limits: { 'org:old': 60, 'org:a': 30 },
      },
      'org:old',
      'org:a',
    );
    expect(renamed.focus).toBe('org:a');
    expect(renamed.expanded).toEqual(['org:b']);
    expect(renamed.pinned).toEqual(['org:a']);
    expect(renamed.limits).toEqual({ 'org:a': 30 });
  });
});
