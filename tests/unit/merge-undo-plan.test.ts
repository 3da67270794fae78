/**
 * The plain-data half of undoing a merge (server/curation/merge-undo-plan.ts): reading a merge's
 * audit record, what the merge left on the kept entity, what the undo writes back and with which
 * Neo4j types.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { EntityState } from '../../server/curation/entity-edits.ts';
import {
  keepChanges,
  mergedRelationship,
  MERGE_UNDO_FORMAT,
  planUndo,
  readRecordedMerge,
  samePlainValue,
  type MergeUndoRecord,
} from '../../server/curation/merge-undo-plan.ts';
import { driverProperties } from '../../server/curation/recorded-values.ts';
import { unitedProvenance, valuesKeptOver } from '../../server/curation/merge-rules.ts';

function entity(id: string, properties: Record<string, unknown>, version = 1): EntityState {
  return {
    id,
    type: 'Organisation',
    version,
    properties,
    editedProperties: [],
    provenance: [{ source: `source:${id}`, evidence: `${id} says so` }],
  };
}

const keep = entity('org:acme', { name: 'Acme', aliases: [] }, 2);
const remove = {
  ...entity('org:acme-inc', { name: 'Acme Inc', aliases: [], website: 'https://acme.example' }),
  relationships: [
    {
      from: 'org:acme-inc',
      type: 'FUNDS',
      to: 'dpg:dhis2',
      properties: { sources: ['source:b', 'source:a'], evidence: ['b', 'a'], startDate: '2021' },
    },
    {
      from: 'activity:x/y',
      type: 'INVOLVES',
      to: 'org:acme-inc',
      properties: { sources: ['source:b'], evidence: ['b'], version: 4 },
    },
    {
      from: 'org:acme-inc',
      type: 'MEMBER_OF',
      to: 'org:acme',
      properties: { sources: ['source:b'], evidence: ['loop'] },
    },
  ],
};
const after: EntityState = {
  ...keep,
  version: 3,
  properties: {
    name: 'Acme',
    aliases: ['Acme Inc'],
    website: 'https://acme.example',
  },
  editedProperties: ['aliases', 'website'],
  provenance: [...keep.provenance, ...remove.provenance],
};
const undo: MergeUndoRecord = {
  format: MERGE_UNDO_FORMAT,
  labels: ['Entity', 'Organisation'],
  propertyTypes: {},
  relationshipPropertyTypes: {
    'activity:x/y|INVOLVES|org:acme-inc': { version: 'INTEGER NOT NULL' },
  },
  shared: [
    {
      from: 'org:acme',
      type: 'FUNDS',
      to: 'dpg:dhis2',
      properties: { sources: ['source:a'], evidence: ['a: Acme'], role: 'donor' },
      propertyTypes: {},
    },
  ],
  redirects: ['org:acme-old'],
  annotations: { topic: [], subject: ['note-1'] },
};
const event = { before: { keep, remove, undo }, after };

describe('reading a merge’s audit record', () => {
  it('reads a record with what an undo needs', () => {
    const read = readRecordedMerge(event);
    expect('merge' in read && read.merge.undo.shared).toHaveLength(1);
  });

  it('refuses a record made before merges could be undone', () => {
    const old = { before: { keep, remove }, after };
    expect(readRecordedMerge(old)).toMatchObject({ refusal: { reason: 'not-recorded' } });
  });

  it('refuses labels, relationship types and value types it may not or cannot write', () => {
    const withUndo = (change: Partial<MergeUndoRecord>) => ({
      ...event,
      before: { ...event.before, undo: { ...undo, ...change } },
    });
    expect(readRecordedMerge(withUndo({ labels: ['Entity', 'User'] }))).toMatchObject({
      refusal: { reason: 'unrestorable' },
    });
    expect(
      readRecordedMerge(withUndo({ shared: [{ ...undo.shared[0]!, type: 'HACKS' }] })),
    ).toMatchObject({ refusal: { reason: 'unrestorable' } });
    expect(readRecordedMerge(withUndo({ propertyTypes: { p: 'POINT NOT NULL' } }))).toMatchObject({
      refusal: { reason: 'unrestorable' },
    });
  });
});

describe('what the merge left on the kept entity', () => {
  it('moves a relationship the kept one lacked as it was', () => {
    const props = { sources: ['s:1'], evidence: ['e1'], role: 'x' };
    expect(mergedRelationship(props, undefined)).toEqual(props);
  });

  it('unites provenance where both had it, the kept one’s properties winning', () => {
    expect(
      mergedRelationship(
        { sources: ['s:b', 's:a'], evidence: ['b', 'a2'], role: 'removed', startDate: '2021' },
        { sources: ['s:a'], evidence: ['a'], role: 'kept' },
      ),
    ).toEqual({
      sources: ['s:a', 's:b'],
      // Both statements' evidence for the source both cite: the removed one's was dropped.
      evidence: ['a; a2', 'b'],
      role: 'kept',
      startDate: '2021',
    });
  });
});

describe('unitedProvenance', () => {
  it('keeps each source once, the kept one’s first, with both evidence where both cite it', () => {
    // iGrant.io merged into LCubed AB: the registry states both (QA).
    expect(
      unitedProvenance(
        { sources: ['source:dpg-registry'], evidence: ['dpg/x.json: "LCubed AB" (owner)'] },
        {
          sources: ['source:editor:1', 'source:dpg-registry'],
          evidence: ['stated by editor', 'dpg/automated-data-agreement.json: "iGrant.io" (owner)'],
        },
      ),
    ).toEqual({
      sources: ['source:dpg-registry', 'source:editor:1'],
      evidence: [
        'dpg/x.json: "LCubed AB" (owner); dpg/automated-data-agreement.json: "iGrant.io" (owner)',
        'stated by editor',
      ],
    });
  });

  it('adds no evidence twice, and none that is empty', () => {
    expect(
      unitedProvenance(
        { sources: ['s:a', 's:b'], evidence: ['same', ''] },
        { sources: ['s:a', 's:b', 's:c'], evidence: ['same', 'new', ''] },
      ),
    ).toEqual({ sources: ['s:a', 's:b', 's:c'], evidence: ['same', 'new', ''] });
    expect(
      unitedProvenance({ sources: ['s:a'], evidence: ['a'] }, { sources: [], evidence: [] }),
    ).toEqual({ sources: ['s:a'], evidence: ['a'] });
  });
});

describe('valuesKeptOver', () => {
  const rel = (from: string, to: string, properties: Record<string, unknown>) => ({
    from,
    type: 'FUNDS',
    to,
    fromLabel: from,
    toLabel: to,
    properties,
  });

  it('lists each property both stated differently on the same relationship, the kept value first', () => {
    const removed = [
      rel('org:inc', 'dpg:x', {
        role: 'co-funder',
        startDate: '2021',
        notes: 'same',
        sources: ['b'],
        evidence: ['b says'],
        version: 4,
      }),
      // Only the removed entity's: it moves whole, nothing is dropped.
      rel('org:inc', 'dpg:y', { role: 'owner' }),
      // Between the two: dropped as a relationship, not value by value.
      rel('org:inc', 'org:acme', { role: 'partner' }),
    ];
    const kept = [
      rel('org:acme', 'dpg:x', {
        role: 'core donor',
        notes: 'same',
        endDate: null,
        sources: ['a'],
        version: 1,
      }),
    ];
    expect(valuesKeptOver(removed, kept, 'org:acme', 'org:inc')).toEqual([
      {
        from: 'org:acme',
        type: 'FUNDS',
        to: 'dpg:x',
        fromLabel: 'org:acme',
        toLabel: 'dpg:x',
        property: 'role',
        kept: 'core donor',
        dropped: 'co-funder',
      },
    ]);
  });

  it('reads incoming relationships too, and lists compare in order', () => {
    const removed = [{ ...rel('activity:a', 'org:inc', { tags: ['x', 'y'] }), type: 'INVOLVES' }];
    const kept = [{ ...rel('activity:a', 'org:acme', { tags: ['y', 'x'] }), type: 'INVOLVES' }];
    expect(valuesKeptOver(removed, kept, 'org:acme', 'org:inc')).toMatchObject([
      {
        from: 'activity:a',
        to: 'org:acme',
        property: 'tags',
        kept: ['y', 'x'],
        dropped: ['x', 'y'],
      },
    ]);
  });
});

describe('planning the undo', () => {
  const read = readRecordedMerge(event);
  if (!('merge' in read)) throw new Error('fixture record not readable');
  const plan = planUndo(read.merge);

  it('expects every moved relationship on the kept entity as the merge left it', () => {
    expect(plan.expected).toEqual([
      {
        from: 'org:acme',
        type: 'FUNDS',
        to: 'dpg:dhis2',
        shared: true,
        properties: {
          sources: ['source:a', 'source:b'],
          evidence: ['a: Acme', 'b'],
          role: 'donor',
          startDate: '2021',
        },
      },
      {
        from: 'activity:x/y',
        type: 'INVOLVES',
        to: 'org:acme',
        shared: false,
        properties: { sources: ['source:b'], evidence: ['b'], version: 4 },
      },
    ]);
  });

  it('deletes only what the kept entity did not have, and gives it its own version back', () => {
    expect(plan.deleteMoved).toEqual([{ from: 'activity:x/y', type: 'INVOLVES', to: 'org:acme' }]);
    expect(plan.restoreShared.map((r) => r.properties)).toEqual([undo.shared[0]!.properties]);
  });

  it('creates every relationship of the removed entity again, the one to the kept one too', () => {
    expect(plan.restoreRemoved.map((r) => `${r.from}|${r.type}|${r.to}`)).toEqual([
      'org:acme-inc|FUNDS|dpg:dhis2',
      'activity:x/y|INVOLVES|org:acme-inc',
      'org:acme-inc|MEMBER_OF|org:acme',
    ]);
    expect(plan.restoreRemoved[1]!.propertyTypes).toEqual({ version: 'INTEGER NOT NULL' });
  });

  it('removes what the kept entity took and gives back its aliases, sources and marks', () => {
    expect(plan.keepProperties).toEqual({
      website: null,
      aliases: [],
      sources: ['source:org:acme'],
      evidence: ['org:acme says so'],
      editedProperties: [],
    });
  });

  it('an old record without the kept entity’s own version would expect the wrong thing', () => {
    // Planned without `shared` (what a record from before undo holds), the united FUNDS is
    // expected as the removed entity's alone: the undo would see a change that is not one.
    const blind = planUndo({ ...read.merge, undo: { ...undo, shared: [] } });
    expect(blind.expected[0]!.properties).not.toEqual(plan.expected[0]!.properties);
    expect(blind.deleteMoved).toHaveLength(2);
  });
});

describe('what changed since the merge', () => {
  it('names the version, properties, sources and marks, never the network measures', () => {
    expect(
      keepChanges(after, { ...after, properties: { ...after.properties, degree: 9 } }),
    ).toEqual([]);
    expect(
      keepChanges(after, {
        ...after,
        version: 4,
        properties: { ...after.properties, description: 'new' },
        provenance: [],
      }),
    ).toEqual(['version', 'description', 'sources']);
  });

  it('compares objects whatever their key order, lists in order', () => {
    expect(samePlainValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(samePlainValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(samePlainValue({ a: 1 }, { a: 1, b: null })).toBe(false);
  });
});

describe('writing recorded values back with their types', () => {
  it('writes integers, floats, dates and datetimes as they were', () => {
    const out = driverProperties(
      {
        version: 3,
        memberCount: 12,
        at: '2025-03-04T05:06:07.123000000Z',
        zoned: '2024-01-02T03:04:05+01:00[Europe/Paris]',
        day: '2024-01-02',
        counts: [1, 2],
        name: 'Acme',
      },
      {
        version: 'INTEGER NOT NULL',
        memberCount: 'FLOAT NOT NULL',
        at: 'ZONED DATETIME NOT NULL',
        zoned: 'ZONED DATETIME NOT NULL',
        day: 'DATE NOT NULL',
        counts: 'LIST<INTEGER NOT NULL> NOT NULL',
      },
    );
    expect(neo4j.isInt(out.version)).toBe(true);
    expect(out.memberCount).toBe(12);
    expect(neo4j.isDateTime(out.at)).toBe(true);
    expect(String(out.at)).toBe('2025-03-04T05:06:07.123000000Z');
    expect(String(out.zoned)).toBe('2024-01-02T03:04:05[Europe/Paris]');
    expect(neo4j.isDate(out.day)).toBe(true);
    expect((out.counts as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
    expect(out.name).toBe('Acme');
  });

  it('refuses a value that is not of its recorded type, naming it', () => {
    expect(() => driverProperties({ version: 'three' }, { version: 'INTEGER NOT NULL' })).toThrow(
      /version/,
    );
  });
});
