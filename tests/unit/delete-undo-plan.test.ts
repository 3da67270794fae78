/**
 * The plain-data half of undoing a delete (server/curation/delete-undo-plan.ts): reading a delete's
 * audit record, refusing one that cannot come back as it was, and what the restore writes.
 */
import { describe, expect, it } from 'vitest';
import {
  DELETE_UNDO_FORMAT,
  entityRestoreRefusal,
  planEntityRestore,
  planRelationshipRestore,
  readRecordedDelete,
  relationshipRestoreRefusal,
  type EntityDeleteUndoRecord,
  type EntityNow,
  type RecordedEntityDelete,
  type RecordedRelationshipDelete,
  type RelationshipDeleteUndoRecord,
} from '../../server/curation/delete-undo-plan.ts';

const state = {
  id: 'org:acme',
  type: 'Organisation',
  version: 3,
  properties: { name: 'Acme', aliases: ['ACME'], memberCount: 12, degree: 4 },
  editedProperties: ['website'],
  provenance: [{ source: 'source:a', evidence: 'a says' }],
};
const relationships = [
  {
    from: 'org:acme',
    type: 'FUNDS',
    to: 'dpg:dhis2',
    fromLabel: 'Acme',
    toLabel: 'DHIS2',
    properties: { sources: ['source:a'], evidence: ['a'], version: 4 },
  },
  {
    from: 'activity:x/clinics',
    type: 'INVOLVES',
    to: 'org:acme',
    fromLabel: 'Clinics',
    toLabel: 'Acme',
    properties: { sources: ['source:b'], evidence: ['b'] },
  },
  // A loop, read both ways by the delete's record.
  {
    from: 'org:acme',
    type: 'MEMBER_OF',
    to: 'org:acme',
    fromLabel: 'Acme',
    toLabel: 'Acme',
    properties: { sources: ['source:b'], evidence: ['loop'] },
  },
  {
    from: 'org:acme',
    type: 'MEMBER_OF',
    to: 'org:acme',
    fromLabel: 'Acme',
    toLabel: 'Acme',
    properties: { sources: ['source:b'], evidence: ['loop'] },
  },
];
const undo: EntityDeleteUndoRecord = {
  format: DELETE_UNDO_FORMAT,
  labels: ['Entity', 'Organisation'],
  bookkeeping: {
    sources: ['source:a'],
    evidence: ['a says'],
    editedProperties: ['website'],
    sectorBacking: [1, 0],
  },
  propertyTypes: {
    version: 'INTEGER NOT NULL',
    memberCount: 'FLOAT NOT NULL',
    degree: 'INTEGER NOT NULL',
    sectorBacking: 'LIST<INTEGER NOT NULL> NOT NULL',
  },
  relationshipPropertyTypes: { 'org:acme|FUNDS|dpg:dhis2': { version: 'INTEGER NOT NULL' } },
  ends: { 'dpg:dhis2': 'DPG', 'activity:x/clinics': 'Activity' },
};
const entityEvent = { action: 'entity.delete', before: { ...state, relationships, undo } };

const relationshipUndo: RelationshipDeleteUndoRecord = {
  format: DELETE_UNDO_FORMAT,
  properties: { sources: ['source:a'], evidence: ['a'], version: 4, editedProperties: ['role'] },
  propertyTypes: { version: 'INTEGER NOT NULL' },
  fromType: 'Organisation',
  toType: 'DPG',
};
const relationshipEvent = {
  action: 'relationship.delete',
  before: {
    from: 'org:acme',
    type: 'FUNDS',
    to: 'dpg:dhis2',
    fromLabel: 'Acme',
    toLabel: 'DHIS2',
    version: 4,
    properties: { sources: ['source:a'], evidence: ['a'] },
    editedProperties: ['role'],
    undo: relationshipUndo,
  },
};

const readEntity = (event: { action: string; before: unknown }): RecordedEntityDelete => {
  const read = readRecordedDelete(event);
  if (!('recorded' in read) || read.recorded.kind !== 'entity') throw new Error('not read');
  return read.recorded;
};
const readRelationship = (): RecordedRelationshipDelete => {
  const read = readRecordedDelete(relationshipEvent);
  if (!('recorded' in read) || read.recorded.kind !== 'relationship') throw new Error('not read');
  return read.recorded;
};

const there = (type: string): EntityNow => ({ type, mergedInto: null });
const gone: EntityNow = { type: null, mergedInto: null };

describe('reading a delete’s audit record', () => {
  it('reads an entity delete and a relationship delete with what a restore needs', () => {
    expect(readEntity(entityEvent)).toMatchObject({ kind: 'entity', state: { id: 'org:acme' } });
    expect(readRelationship()).toMatchObject({ kind: 'relationship', type: 'FUNDS' });
  });

  it('refuses a delete recorded before deletes could be undone, naming what it deleted', () => {
    const { undo: _entityUndo, ...oldEntity } = entityEvent.before;
    const entity = readRecordedDelete({ action: 'entity.delete', before: oldEntity });
    expect(entity).toMatchObject({ refusal: { reason: 'not-recorded' } });
    expect('refusal' in entity && entity.refusal.message).toContain('Acme');
    const { undo: _relationshipUndo, ...oldRelationship } = relationshipEvent.before;
    expect(
      readRecordedDelete({ action: 'relationship.delete', before: oldRelationship }),
    ).toMatchObject({ refusal: { reason: 'not-recorded' } });
    expect(readRecordedDelete({ action: 'entity.delete', before: null })).toMatchObject({
      refusal: { reason: 'not-recorded' },
    });
    // A record of another format is as good as none.
    expect(
      readRecordedDelete({
        ...entityEvent,
        before: { ...entityEvent.before, undo: { ...undo, format: 2 } },
      }),
    ).toMatchObject({ refusal: { reason: 'not-recorded' } });
  });

  it('refuses labels, types and value types it may not or cannot write', () => {
    const withUndo = (change: Partial<EntityDeleteUndoRecord>) => ({
      ...entityEvent,
      before: { ...entityEvent.before, undo: { ...undo, ...change } },
    });
    const refusal = { refusal: { reason: 'unrestorable' } };
    expect(readRecordedDelete(withUndo({ labels: ['Entity', 'User'] }))).toMatchObject(refusal);
    expect(readRecordedDelete(withUndo({ labels: ['Entity', 'DPG'] }))).toMatchObject(refusal);
    expect(readRecordedDelete(withUndo({ propertyTypes: { p: 'POINT NOT NULL' } }))).toMatchObject(
      refusal,
    );
    expect(readRecordedDelete(withUndo({ ends: { 'dpg:dhis2': 'DPG' } }))).toMatchObject(refusal);
    expect(
      readRecordedDelete(withUndo({ ends: { ...undo.ends, 'dpg:dhis2': 'Session' } })),
    ).toMatchObject(refusal);
    expect(
      readRecordedDelete({
        ...entityEvent,
        before: {
          ...entityEvent.before,
          relationships: [{ ...relationships[0]!, type: 'HACKS' }],
        },
      }),
    ).toMatchObject(refusal);
    expect(
      readRecordedDelete({
        ...relationshipEvent,
        before: {
          ...relationshipEvent.before,
          undo: { ...relationshipUndo, propertyTypes: { at: 'LOCAL DATETIME NOT NULL' } },
        },
      }),
    ).toMatchObject(refusal);
  });
});

describe('whether it can come back', () => {
  const recorded = readEntity(entityEvent);

  it('lets an entity come back while its id is free and nothing happened to it since', () => {
    expect(entityRestoreRefusal(recorded, gone, [])).toBeNull();
  });

  it('refuses an id taken again, merged away, or created and deleted again since', () => {
    expect(entityRestoreRefusal(recorded, there('Organisation'), [])).toMatchObject({
      reason: 'in-use',
    });
    expect(
      entityRestoreRefusal(recorded, { type: null, mergedInto: 'org:other' }, []),
    ).toMatchObject({ reason: 'in-use', changes: ['org:acme redirects to org:other'] });
    const later = [
      { action: 'entity.create', at: '2025-01-02T00:00:00Z' },
      { action: 'entity.delete', at: '2025-01-03T00:00:00Z' },
    ];
    const refusal = entityRestoreRefusal(recorded, gone, later);
    expect(refusal).toMatchObject({ reason: 'changed' });
    // As a reader writes a time: the ISO form read as a developer's message (QA).
    expect(refusal!.message).toContain('(3 Jan 2025, 00:00 UTC)');
  });

  it('lets a relationship come back only between its ends as they were, once', () => {
    const rel = readRelationship();
    const ends = { from: there('Organisation'), to: there('DPG'), exists: false };
    expect(relationshipRestoreRefusal(rel, ends, [])).toBeNull();
    expect(relationshipRestoreRefusal(rel, { ...ends, exists: true }, [])).toMatchObject({
      reason: 'in-use',
    });
    const missing = relationshipRestoreRefusal(
      rel,
      { ...ends, from: { type: null, mergedInto: 'org:other' }, to: gone },
      [],
    );
    expect(missing).toMatchObject({
      reason: 'changed',
      changes: [
        'Acme (org:acme) was merged into org:other since',
        'DHIS2 (dpg:dhis2) was deleted since',
      ],
    });
    expect(relationshipRestoreRefusal(rel, { ...ends, to: there('Country') }, [])).toMatchObject({
      reason: 'changed',
      changes: ['DHIS2 (dpg:dhis2) is a Country now, not the DPG it was'],
    });
    const again = relationshipRestoreRefusal(rel, ends, [
      { action: 'relationship.delete', at: '2025-01-03T00:00:00Z' },
    ]);
    expect(again).toMatchObject({ reason: 'changed' });
    // The relationship in words, not its type's name ("Acme FUNDS DHIS2").
    expect(again!.message).toMatch(/^The relationship Acme \w[\w ]* DHIS2 was stated/);
    expect(again!.message).not.toMatch(/[A-Z]{2,}_?[A-Z]+ DHIS2/);
  });
});

describe('what a restore writes', () => {
  it('writes the entity as stored: its properties, bookkeeping and types, its version one on', () => {
    const plan = planEntityRestore(
      readEntity(entityEvent),
      new Map([
        ['dpg:dhis2', there('DPG')],
        ['activity:x/clinics', there('Activity')],
      ]),
    );
    expect(plan).toMatchObject({ id: 'org:acme', labels: ['Entity', 'Organisation'], version: 4 });
    expect(plan.properties).toEqual({
      name: 'Acme',
      aliases: ['ACME'],
      memberCount: 12,
      degree: 4,
      sources: ['source:a'],
      evidence: ['a says'],
      editedProperties: ['website'],
      sectorBacking: [1, 0],
    });
    // The version is the restore's own; the others keep the types they had.
    expect(plan.propertyTypes).toEqual({
      memberCount: 'FLOAT NOT NULL',
      degree: 'INTEGER NOT NULL',
      sectorBacking: 'LIST<INTEGER NOT NULL> NOT NULL',
    });
    expect(plan.notRestored).toEqual([]);
    expect(plan.relationships.map((r) => `${r.from}|${r.type}|${r.to}`)).toEqual([
      'org:acme|FUNDS|dpg:dhis2',
      'activity:x/clinics|INVOLVES|org:acme',
      'org:acme|MEMBER_OF|org:acme',
    ]);
    expect(plan.relationships[0]!.propertyTypes).toEqual({ version: 'INTEGER NOT NULL' });
  });

  it('adds no bookkeeping the entity lacked (an imported one has no edited marks)', () => {
    const imported = {
      ...entityEvent,
      before: {
        ...entityEvent.before,
        undo: { ...undo, bookkeeping: { sources: ['source:a'], evidence: ['a says'] } },
      },
    };
    const plan = planEntityRestore(readEntity(imported), new Map());
    expect(plan.properties).not.toHaveProperty('editedProperties');
    expect(plan.properties).not.toHaveProperty('version');
  });

  it('leaves out the relationships whose other end is not there as it was, saying why', () => {
    const plan = planEntityRestore(
      readEntity(entityEvent),
      new Map([
        ['dpg:dhis2', gone],
        ['activity:x/clinics', { type: null, mergedInto: 'activity:y/clinics' }],
      ]),
    );
    expect(plan.relationships.map((r) => r.type)).toEqual(['MEMBER_OF']);
    expect(plan.notRestored).toEqual([
      {
        from: 'org:acme',
        type: 'FUNDS',
        to: 'dpg:dhis2',
        fromLabel: 'Acme',
        toLabel: 'DHIS2',
        reason: 'DHIS2 (dpg:dhis2) was deleted since',
      },
      {
        from: 'activity:x/clinics',
        type: 'INVOLVES',
        to: 'org:acme',
        fromLabel: 'Clinics',
        toLabel: 'Acme',
        reason: 'Clinics (activity:x/clinics) was merged into activity:y/clinics since',
      },
    ]);
  });

  it('writes a relationship back with every property as stored', () => {
    expect(planRelationshipRestore(readRelationship())).toEqual({
      from: 'org:acme',
      type: 'FUNDS',
      to: 'dpg:dhis2',
      properties: relationshipUndo.properties,
      propertyTypes: { version: 'INTEGER NOT NULL' },
    });
  });
});
