// Unit tests of the front end's curation layer: the rules the forms share with the server (its
// own modules) or mirror from it (kept equal to the server's lists here, so they cannot drift), drafts and changes, 400 details by field,
// audit events as the History tab reads them, roles, and the API client's CSRF header.
import { describe, expect, it, vi } from 'vitest';
import {
  createAnnotationBodySchema,
  EDITABLE_TYPES as SERVER_EDITABLE_TYPES,
  PRIORITIES as SERVER_PRIORITIES,
  STANCES as SERVER_STANCES,
  endsBeforeStart as serverEndsBeforeStart,
  relationshipBodySchema,
} from '../../server/api/curation-schemas.ts';
import { parseInput } from '../../server/api/validate.ts';
import { entityIdSchema } from '../../server/api/schemas.ts';
import { RELATIONSHIP_ENDS as SERVER_ENDS } from '../../server/curation/relationship-rules.ts';
import { ORGANISATION_KINDS as SERVER_KINDS } from '../../server/model/graph-model.ts';
import { createApiClient, readCookie } from '../../web/src/lib/api/client.ts';
import {
  describeEvent,
  propertyChanges,
  undoableDelete,
  undoableDeleteOf,
  undoableMerge,
  feedSubject,
} from '../../web/src/state/curation/audit-format.ts';
import {
  deletedTitle,
  deleteQuestionTail,
  notRestoredLines,
  restoredTitle,
} from '../../web/src/state/curation/delete-notice-text.ts';
import { keptOverLines } from '../../web/src/state/curation/merge-notice-text.ts';
import {
  EDITABLE_TYPES,
  EMPTY_RELATIONSHIP_DRAFT,
  ORGANISATION_KINDS,
  PRIORITIES,
  RELATIONSHIP_ENDS,
  STANCES,
  changedProperties,
  createProperties,
  endsBeforeStart,
  isPartialDate,
  relationshipChanges,
  relationshipDraftFrom,
  relationshipDraftProblems,
  draftFromProperties,
  draftProblems,
  emptyDraft,
  fieldProblems,
  linkOptions,
  inKnownCase,
  mergeProblem,
  nextFreeId,
  parseTags,
  tagsProblem,
} from '../../web/src/state/curation/rules.ts';
import type { Annotation, AuditEvent } from '../../web/src/state/curation/types.ts';
import { bySubject } from '../../web/src/state/curation/annotation-lists.ts';
import {
  positionsToSave,
  presetFor,
  savedPositions,
  viewState,
  savedViewHash,
} from '../../web/src/state/curation/view-positions.ts';
import { EMPTY_EXPLORATION } from '../../web/src/state/graph/utils.ts';
import { viewStateSchema } from '../../server/api/curation-schemas.ts';
import { canEdit, canManageView } from '../../web/src/state/session/utils.ts';

describe('shared and mirrored rules', () => {
  it('use the server’s own organisation kinds and relationship ends', () => {
    expect(ORGANISATION_KINDS).toBe(SERVER_KINDS);
    expect(RELATIONSHIP_ENDS).toBe(SERVER_ENDS);
  });

  it('mirror the lists of the server’s schemas', () => {
    expect([...EDITABLE_TYPES].sort()).toEqual([...SERVER_EDITABLE_TYPES].sort());
    expect(STANCES).toEqual(SERVER_STANCES);
    expect(PRIORITIES).toEqual(SERVER_PRIORITIES);
  });

  it('offers the relationships the model allows between a new entity and a target', () => {
    expect(linkOptions('Organisation', 'Activity')).toEqual([
      { type: 'LEADS', direction: 'out' },
      { type: 'CO_LEADS', direction: 'out' },
      { type: 'PARTICIPATES_IN', direction: 'out' },
      { type: 'INVOLVES', direction: 'in' },
    ]);
    expect(linkOptions('Organisation', 'DPG').map((o) => o.type)).toEqual([
      'OWNS',
      'MAINTAINS',
      'FUNDS',
      'IMPLEMENTS',
    ]);
    // An organisation's home country.
    expect(linkOptions('Organisation', 'Country')).toEqual([
      { type: 'BASED_IN', direction: 'out' },
    ]);
    expect(linkOptions('Country', 'Organisation')).toEqual([{ type: 'BASED_IN', direction: 'in' }]);
    expect(linkOptions('Activity', 'Country')).toEqual([
      { type: 'TAKES_PLACE_IN', direction: 'out' },
    ]);
  });
});

describe('entity drafts', () => {
  const valid = {
    ...emptyDraft('Organisation'),
    name: ' Example Research Network ',
    kind: 'network',
    website: 'https://research.example.org',
  };

  it('accepts a valid draft and sends only what is set, trimmed', () => {
    expect(draftProblems(valid)).toEqual({});
    expect(createProperties(valid)).toEqual({
      name: 'Example Research Network',
      kind: 'network',
      website: 'https://research.example.org',
    });
  });

  it('names the fields with problems', () => {
    const problems = draftProblems({
      ...valid,
      name: '  ',
      website: 'ftp://example.org',
      kind: 'club',
    });
    expect(Object.keys(problems).sort()).toEqual(['kind', 'name', 'website']);
    expect(Object.keys(draftProblems({ ...valid, name: 'x'.repeat(201) }))).toEqual(['name']);
  });

  it('ignores fields the type does not have', () => {
    expect(draftProblems({ ...emptyDraft('Group'), name: 'G', website: 'nonsense' })).toEqual({});
    expect(createProperties({ ...emptyDraft('Group'), name: 'G', website: 'x' })).toEqual({
      name: 'G',
    });
  });

  it('turns an edit into changed properties, a cleared one into null', () => {
    const before = draftFromProperties('Organisation', {
      name: 'UNICEF',
      description: 'Old',
      kind: 'un-agency',
      sources: ['x'],
    });
    expect(changedProperties(before, before)).toEqual({});
    expect(changedProperties(before, { ...before, description: '', name: 'UNICEF ' })).toEqual({
      description: null,
    });
    expect(changedProperties(before, { ...before, website: 'https://unicef.org' })).toEqual({
      website: 'https://unicef.org',
    });
  });

  it('edits other names and a DPG’s sectors one per line, sent as lists', () => {
    const dpg = draftFromProperties('DPG', {
      name: 'MOSIP',
      aliases: ['Modular Open Source Identity Platform'],
    });
    expect(dpg.aliases).toBe('Modular Open Source Identity Platform');
    expect(dpg.sectors).toBe('');
    const edited = { ...dpg, sectors: ' identity \n\ngovernance\nidentity' };
    expect(draftProblems(edited)).toEqual({});
    expect(changedProperties(dpg, edited)).toEqual({ sectors: ['identity', 'governance'] });
    expect(changedProperties(dpg, { ...dpg, aliases: '' })).toEqual({ aliases: null });
    expect(createProperties({ ...emptyDraft('Organisation'), name: 'A', aliases: 'B\nC' })).toEqual(
      {
        name: 'A',
        aliases: ['B', 'C'],
      },
    );
    // Sectors are a DPG's alone; each line has the server's limit.
    expect(
      createProperties({ ...emptyDraft('Organisation'), name: 'A', sectors: 'health' }),
    ).toEqual({ name: 'A' });
    expect(draftProblems({ ...edited, sectors: 's'.repeat(101) })).toEqual({
      sectors: `“${'s'.repeat(24)}…” is 101 characters long: at most 100.`,
    });
    expect(
      Object.keys(
        draftProblems({
          ...edited,
          aliases: Array(51)
            .fill('x')
            .map((x, i) => x + i)
            .join('\n'),
        }),
      ),
    ).toEqual(['aliases']);
  });

  it('edits an activity’s types one per line, as the filters read them', () => {
    const activity = draftFromProperties('Activity', {
      name: 'Venture Fund',
      activityTypes: ['funding'],
    });
    expect(activity.activityTypes).toBe('funding');
    const edited = { ...activity, activityTypes: 'funding\ncapacity building' };
    expect(changedProperties(activity, edited)).toEqual({
      activityTypes: ['funding', 'capacity building'],
    });
    expect(draftProblems({ ...edited, activityTypes: 't'.repeat(51) })).toEqual({
      activityTypes: `“${'t'.repeat(24)}…” is 51 characters long: at most 50.`,
    });
    // An activity's types alone.
    expect(createProperties({ ...emptyDraft('DPG'), name: 'A', activityTypes: 'funding' })).toEqual(
      { name: 'A' },
    );
  });

  it('edits a DPG’s types, licences and repositories as lists, repositories as addresses', () => {
    const dpg = draftFromProperties('DPG', {
      name: 'DHIS2',
      types: ['software'],
      licenses: ['BSD-3-Clause'],
      repositories: ['https://github.com/dhis2/dhis2-core'],
    });
    expect([dpg.types, dpg.licenses, dpg.repositories]).toEqual([
      'software',
      'BSD-3-Clause',
      'https://github.com/dhis2/dhis2-core',
    ]);
    const edited = { ...dpg, repositories: `${dpg.repositories}\ngithub.com/dhis2/other` };
    expect(draftProblems(edited)).toEqual({
      repositories:
        '“github.com/dhis2/other” is not an http(s) address, e.g. https://github.com/….',
    });
    expect(changedProperties(dpg, { ...dpg, licenses: 'BSD-3-Clause\nMIT' })).toEqual({
      licenses: ['BSD-3-Clause', 'MIT'],
    });
  });

  it('writes a sector as the registry does when only its case differs (ranking matches exactly)', () => {
    expect(inKnownCase('health\n Climate \nidentity', ['Health', 'Climate'])).toBe(
      'Health\nClimate\nidentity',
    );
  });

  it('reads a 400 answer by field', () => {
    expect(
      fieldProblems([
        { path: 'body.properties.website', message: 'Invalid URL' },
        { path: 'body.type', message: 'Invalid option' },
        { path: 'body', message: 'LEADS joins Organisation to Activity' },
      ]),
    ).toEqual({
      website: 'Invalid URL',
      type: 'Invalid option',
      form: 'LEADS joins Organisation to Activity',
    });
    expect(fieldProblems(undefined)).toEqual({});
  });

  it('parses tags', () => {
    expect(parseTags(' research, ai,, research ,')).toEqual(['research', 'ai']);
  });
});

describe('audit events', () => {
  const event = (action: string, before: unknown, after: unknown): AuditEvent => ({
    id: 'e1',
    at: '2026-11-28T18:00:00.000Z',
    actor: 'u1',
    actorName: 'alice',
    action,
    entityId: 'org:a',
    entityIds: ['org:a'],
    before,
    after,
  });

  it('tells each change of the site-wide feed from its subject, and opens only what stands', () => {
    const rel = { from: 'org:a', type: 'FUNDS', to: 'dpg:b', fromLabel: 'Acme', toLabel: 'Bee' };
    const linked = feedSubject(event('relationship.create', null, rel));
    expect(linked).toEqual({
      kind: 'entity',
      id: 'org:a',
      label: 'Acme',
      openable: true,
      relationship: { from: 'org:a', type: 'FUNDS', to: 'dpg:b' },
    });
    expect(describeEvent(event('relationship.create', null, rel), linked.id).title).toBe(
      'Linked: funds Bee',
    );
    // An unlinked relationship is gone: its start is opened, the relationship not selected…
    expect(feedSubject(event('relationship.delete', rel, null)).relationship).toBeNull();
    // …unless the unlink was undone.
    expect(
      feedSubject({ ...event('relationship.delete', rel, null), undoneBy: 'e2' }).relationship,
    ).toEqual({ from: 'org:a', type: 'FUNDS', to: 'dpg:b' });
    expect(
      feedSubject(event('relationship.restore', null, { relationship: rel })).relationship,
    ).toEqual({ from: 'org:a', type: 'FUNDS', to: 'dpg:b' });
    const acme = { id: 'org:a', properties: { name: 'Acme' } };
    expect(feedSubject(event('entity.update', acme, acme))).toMatchObject({
      id: 'org:a',
      label: 'Acme',
      openable: true,
    });
    expect(feedSubject(event('entity.delete', acme, null)).openable).toBe(false);
    expect(feedSubject({ ...event('entity.delete', acme, null), undoneBy: 'e2' }).openable).toBe(
      true,
    );
    expect(feedSubject(event('entity.restore', null, { entity: acme })).label).toBe('Acme');
    expect(
      feedSubject(
        event('entity.unmerge', null, {
          keep: { id: 'org:k', properties: { name: 'Kept' } },
          restored: { id: 'org:r', properties: { name: 'Back' } },
        }),
      ),
    ).toMatchObject({ id: 'org:r', label: 'Back' });
    expect(
      feedSubject(
        event('annotation.create', null, { subject: 'org:s', subjectLabel: 'Stake', topic: 't' }),
      ),
    ).toMatchObject({ id: 'org:s', label: 'Stake', openable: true });
    // Saved views are public to readers: listed, and opened while they stand.
    const view = { ...event('view.create', null, { name: 'My plan' }), entityId: 'v1' };
    expect(feedSubject(view)).toMatchObject({ kind: 'view', id: 'v1', label: 'My plan' });
    expect(describeEvent(view, 'v1').title).toBe('Saved view created');
    expect(
      feedSubject({ ...view, action: 'view.delete', before: { name: 'My plan' }, after: null })
        .openable,
    ).toBe(false);
    // A restore that found an end gone recorded no relationship: its start comes from entityIds.
    const lost = {
      ...event('relationship.restore', null, {}),
      entityId: 'org:a|FUNDS|dpg:b',
      entityIds: ['org:a|FUNDS|dpg:b', 'org:a', 'dpg:b'],
    };
    expect(feedSubject(lost)).toMatchObject({ id: 'org:a', relationship: null });
  });

  it('lists changed properties, leaving out empty ones', () => {
    expect(
      propertyChanges(
        { properties: { name: 'A', aliases: [], description: 'x' } },
        { properties: { name: 'B', aliases: [], description: 'x' } },
      ),
    ).toEqual([{ key: 'name', before: 'A', after: 'B' }]);
  });

  it('reads a relationship from the viewed end, naming the other', () => {
    const linked = event('relationship.create', null, {
      from: 'org:a',
      type: 'PARTICIPATES_IN',
      to: 'activity:x',
      properties: {},
    });
    expect(describeEvent(linked, 'org:a', () => 'AI CoP').title).toBe(
      'Linked: participates in AI CoP',
    );
    // From the activity, from the other end: "participants org:a" read as a heading (QA).
    expect(describeEvent(linked, 'activity:x').title).toBe('Linked: org:a participates in this');
    const funded = event('relationship.create', null, {
      from: 'org:a',
      type: 'FUNDS',
      to: 'dpg:x',
      properties: {},
    });
    expect(describeEvent(funded, 'dpg:x').title).toBe('Linked: funded by org:a');
  });

  it('names the other end by the label the event recorded, and lists what a change changed', () => {
    const changed = event(
      'relationship.update',
      {
        from: 'org:a',
        fromLabel: 'Acme',
        type: 'LEADS',
        to: 'activity:x',
        toLabel: 'Clinics',
        properties: { sources: ['s1'], role: 'partner' },
      },
      {
        from: 'org:a',
        fromLabel: 'Acme',
        type: 'LEADS',
        to: 'activity:x',
        toLabel: 'Clinics',
        properties: { sources: ['s1', 's2'], role: 'lead partner', startDate: '2023' },
      },
    );
    expect(describeEvent(changed, 'org:a', () => 'stale label')).toEqual({
      title: 'Relationship changed: leads Clinics',
      changes: [
        { key: 'role', before: 'partner', after: 'lead partner' },
        { key: 'startDate', before: null, after: '2023' },
      ],
    });
    expect(describeEvent(changed, 'activity:x').title).toBe('Relationship changed: led by Acme');
  });

  it('names the topic or the stakeholder of an annotation, and what it says', () => {
    const annotated = event('annotation.create', null, {
      topic: 'activity:x',
      topicLabel: 'Clinics',
      subject: 'org:a',
      subjectLabel: 'Acme',
      stance: 'supportive',
      priority: 'high',
      notes: '',
      tags: [],
    });
    expect(describeEvent(annotated, 'org:a')).toEqual({
      title: 'Annotated for Clinics',
      changes: [
        { key: 'stance', before: null, after: 'supportive' },
        { key: 'priority', before: null, after: 'high' },
      ],
    });
    expect(describeEvent(annotated, 'activity:x').title).toBe('Annotated about Acme');
  });

  it('names what a merge brought in, and what it changed on the entity kept', () => {
    const merged = event(
      'entity.merge',
      {
        keep: { id: 'org:who', properties: { name: 'WHO', aliases: [] } },
        remove: {
          id: 'org:world-health-organization',
          properties: { name: 'World Health Organization', website: 'https://who.int' },
          relationships: [
            { from: 'org:world-health-organization', type: 'FUNDS', to: 'dpg:x' },
            // Between the two: dropped with the merged entity, not moved (the title said 2).
            { from: 'org:world-health-organization', type: 'MEMBER_OF', to: 'org:who' },
          ],
        },
      },
      {
        id: 'org:who',
        properties: {
          name: 'WHO',
          aliases: ['World Health Organization'],
          website: 'https://who.int',
        },
      },
    );
    expect(describeEvent(merged, 'org:who')).toEqual({
      title:
        'Merged in World Health Organization (org:world-health-organization), 1 relationship moved',
      changes: [
        { key: 'aliases', before: null, after: 'World Health Organization' },
        { key: 'website', before: null, after: 'https://who.int' },
      ],
    });
    expect(describeEvent(event('entity.merge', null, null), 'org:who').title).toBe('Merged');
  });

  it('titles an undone merge from either entity', () => {
    const keep = { id: 'org:who', properties: { name: 'WHO', aliases: [] } };
    const undone = event(
      'entity.unmerge',
      { merge: 'm1', keep: { ...keep, properties: { name: 'WHO', aliases: ['OMS'] } } },
      { merge: 'm1', keep, restored: { id: 'org:oms', properties: { name: 'OMS' } } },
    );
    expect(describeEvent(undone, 'org:who')).toEqual({
      title: 'Merge undone: OMS separated again',
      changes: [{ key: 'aliases', before: 'OMS', after: null }],
    });
    expect(describeEvent(undone, 'org:oms').title).toBe('Merge undone: separated again from WHO');
  });

  describe('which merge the history offers to undo', () => {
    const mergeEvent = (id: string, recordsUndo = true): AuditEvent => ({
      ...event(
        'entity.merge',
        {
          keep: { id: 'org:a', properties: { name: 'A' } },
          remove: { id: 'org:b', properties: { name: 'B' } },
          ...(recordsUndo ? { undo: { format: 1 } } : {}),
        },
        { id: 'org:a' },
      ),
      id,
    });

    it('offers the newest merge into the entity viewed, annotations after it aside', () => {
      const merged = mergeEvent('m1');
      const note = { ...event('annotation.create', null, {}), id: 'n1' };
      expect(undoableMerge([note, merged], merged, 'org:a')).toEqual({
        auditId: 'm1',
        keep: { id: 'org:a', label: 'A' },
        remove: { id: 'org:b', label: 'B' },
      });
    });

    it('offers none once anything else happened since, nor from elsewhere, nor an old record', () => {
      const merged = mergeEvent('m1');
      const edit = { ...event('entity.update', {}, {}), id: 'u1' };
      const undone = { ...event('entity.unmerge', {}, {}), id: 'x1' };
      expect(undoableMerge([edit, merged], merged, 'org:a')).toBeNull();
      expect(undoableMerge([undone, merged], merged, 'org:a')).toBeNull();
      expect(undoableMerge([merged], merged, 'org:b')).toBeNull();
      const old = mergeEvent('m0', false);
      expect(undoableMerge([old], old, 'org:a')).toBeNull();
    });
  });

  describe('deletes and their undo', () => {
    const entityDelete = (recordsUndo = true): AuditEvent => ({
      ...event(
        'entity.delete',
        {
          id: 'org:gone',
          properties: { name: 'Gone Org' },
          relationships: [{ from: 'org:gone', type: 'FUNDS', to: 'org:a' }],
          ...(recordsUndo ? { undo: { format: 1 } } : {}),
        },
        null,
      ),
      id: 'd1',
      entityId: 'org:gone',
      entityIds: ['org:gone', 'org:a'],
    });
    const relationshipDelete: AuditEvent = {
      ...event(
        'relationship.delete',
        {
          from: 'org:a',
          type: 'FUNDS',
          to: 'dpg:x',
          fromLabel: 'Acme',
          toLabel: 'X',
          undo: { format: 1 },
        },
        null,
      ),
      id: 'd2',
      entityId: 'org:a|FUNDS|dpg:x',
    };

    it('names the entity deleted, seen from one it was linked to', () => {
      expect(describeEvent(entityDelete(), 'org:a').title).toBe(
        'Deleted Gone Org (org:gone), 1 relationship with it',
      );
      expect(describeEvent(entityDelete(), 'org:gone').title).toBe('Deleted');
    });

    it('titles the restores', () => {
      const restored = {
        ...event(
          'entity.restore',
          { delete: 'd1' },
          {
            entity: { id: 'org:gone', properties: { name: 'Gone Org' } },
            relationships: [{ from: 'org:gone', type: 'FUNDS', to: 'org:a' }],
            notRestored: [{ from: 'org:gone', type: 'FUNDS', to: 'dpg:y', reason: 'deleted' }],
          },
        ),
        entityId: 'org:gone',
      };
      expect(describeEvent(restored, 'org:a').title).toBe(
        'Delete undone: Gone Org (org:gone) back (1 relationship could not come back)',
      );
      expect(describeEvent(restored, 'org:gone').title).toBe(
        'Delete undone: back with 1 relationship (1 relationship could not come back)',
      );
      const notesLost = {
        ...event(
          'entity.restore',
          { delete: 'd1' },
          {
            entity: { id: 'org:gone', properties: { name: 'Gone Org' } },
            relationships: [],
            notRestored: [],
            annotationsNotRestored: [{ id: 'a1' }, { id: 'a2' }],
          },
        ),
        entityId: 'org:gone',
      };
      expect(describeEvent(notesLost, 'org:gone').title).toBe(
        'Delete undone: back with 0 relationships (2 annotations could not come back)',
      );
      const relinked = event(
        'relationship.restore',
        { delete: 'd2' },
        { relationship: { from: 'org:a', type: 'FUNDS', to: 'dpg:x', toLabel: 'X' } },
      );
      expect(describeEvent(relinked, 'org:a')).toEqual({
        title: 'Unlink undone: funds X',
        changes: [],
      });
    });

    it('offers to undo a delete not undone yet, recorded with what an undo needs', () => {
      expect(undoableDelete([], entityDelete(), 'org:a')).toEqual({
        auditId: 'd1',
        kind: 'entity',
        label: 'Gone Org',
        ids: ['org:gone'],
      });
      expect(undoableDelete([], relationshipDelete, 'dpg:x')).toEqual({
        auditId: 'd2',
        kind: 'relationship',
        label: 'Acme funds X',
        ids: ['org:a', 'dpg:x'],
      });
      expect(undoableDelete([], { ...relationshipDelete, undoneBy: 'r1' }, 'org:a')).toBeNull();
      expect(undoableDelete([], entityDelete(false), 'org:a')).toBeNull();
      // The id in use again is the entity viewed: the server would refuse.
      expect(undoableDelete([], entityDelete(), 'org:gone')).toBeNull();
      expect(undoableDelete([], event('entity.update', {}, {}), 'org:a')).toBeNull();
    });

    it('offers no undo of a delete superseded by a later change of the same thing', () => {
      // Newest first: the relationship stated again, then deleted again, after the first delete.
      const older = relationshipDelete;
      const restated = {
        ...event('relationship.create', null, { from: 'org:a', type: 'FUNDS', to: 'dpg:x' }),
        id: 'c3',
      };
      const newer = { ...relationshipDelete, id: 'd4' };
      const feed = [newer, restated, older];
      expect(undoableDelete(feed, older, 'org:a')).toBeNull();
      expect(undoableDelete(feed, newer, 'org:a')).toMatchObject({ auditId: 'd4' });
      // Something else changed since: the offer stands.
      const other = {
        ...event('relationship.create', null, { from: 'org:a', type: 'OWNS', to: 'dpg:y' }),
        id: 'c5',
      };
      expect(undoableDelete([other, older], older, 'org:a')).toMatchObject({ auditId: 'd2' });
      // An entity created again with the deleted one's id.
      const deleted = entityDelete();
      const recreated = { ...event('entity.create', null, {}), id: 'c6', entityId: 'org:gone' };
      expect(undoableDelete([recreated, deleted], deleted, 'org:a')).toBeNull();
    });

    it('offers, on the page of an entity not there, its delete when that is its newest change', () => {
      const deleted = entityDelete();
      const linkedSince = { ...event('relationship.create', null, {}), entityIds: ['org:gone'] };
      expect(undoableDeleteOf([linkedSince, deleted], 'org:gone')).toMatchObject({
        auditId: 'd1',
        ids: ['org:gone'],
      });
      // Made anew and deleted again: the later delete is the one offered; undone: none.
      const created = { ...event('entity.create', null, {}), id: 'c1', entityId: 'org:gone' };
      expect(undoableDeleteOf([created, deleted], 'org:gone')).toBeNull();
      expect(undoableDeleteOf([{ ...deleted, undoneBy: 'r1' }], 'org:gone')).toBeNull();
      expect(undoableDeleteOf([], 'org:gone')).toBeNull();
    });

    it('says in the notice what went, what came back and what could not', () => {
      const deleted = {
        auditId: 'd1',
        kind: 'entity' as const,
        label: 'Gone Org',
        ids: ['org:gone'],
      };
      expect(deletedTitle(deleted)).toBe('Deleted Gone Org.');
      const answer = {
        entity: null,
        relationships: [],
        notRestored: [
          {
            from: 'org:gone',
            type: 'FUNDS',
            to: 'dpg:y',
            fromLabel: 'Gone Org',
            toLabel: 'Y',
            reason: 'Y (dpg:y) was deleted since',
          },
        ],
        annotations: [],
        annotationsNotRestored: [],
        auditId: 'r1',
      };
      expect(restoredTitle(deleted, answer)).toBe('Gone Org is back.');
      const withOne = { ...answer, relationships: [answer.notRestored[0]!] } as never;
      expect(restoredTitle(deleted, withOne)).toBe('Gone Org is back, with 1 relationship.');
      expect(notRestoredLines(answer)).toEqual(['Gone Org funds Y (Y (dpg:y) was deleted since)']);
      const withNotes = {
        ...answer,
        relationships: [answer.notRestored[0]!],
        annotations: [{}, {}],
      } as never;
      expect(restoredTitle(deleted, withNotes)).toBe(
        'Gone Org is back, with 1 relationship and 2 annotations.',
      );
      const lostNote = {
        ...answer,
        annotationsNotRestored: [
          {
            id: 'a1',
            topic: 'org:gone',
            subject: 'org:z',
            topicLabel: 'Gone Org',
            subjectLabel: 'Z',
            reason: 'Z (org:z) was deleted since',
          },
        ],
      };
      expect(notRestoredLines(lostNote)).toEqual([
        'Gone Org funds Y (Y (dpg:y) was deleted since)',
        'the annotation on Z for Gone Org (Z (org:z) was deleted since)',
      ]);
      expect(deleteQuestionTail(0)).toBe('?');
      expect(deleteQuestionTail(1)).toBe(' and its 1 relationship?');
      expect(deleteQuestionTail(3)).toBe(' and its 3 relationships?');
      const unlinked = { ...deleted, kind: 'relationship' as const, label: 'Acme funds X' };
      expect(deletedTitle(unlinked)).toBe('Removed: Acme funds X.');
      expect(restoredTitle(unlinked, answer)).toBe('Back: Acme funds X.');
    });
  });

  it('titles entity changes', () => {
    const created = event('entity.create', null, { properties: { name: 'A' } });
    expect(describeEvent(created, 'org:a')).toEqual({
      title: 'Created',
      changes: [{ key: 'name', before: null, after: 'A' }],
    });
  });
});

describe('an id of its own', () => {
  it('offers a numbered id after a taken one, which the server’s id pattern accepts', () => {
    expect(nextFreeId('org:ministry-of-health')).toBe('org:ministry-of-health-2');
    // A number the name ends in is part of the name ("Group of 77"), not a counter…
    expect(nextFreeId('org:group-of-77')).toBe('org:group-of-77-2');
    expect(nextFreeId('org:g20-2023')).toBe('org:g20-2023-2');
    // …but the form counts on from an id it offered itself, when that was taken too.
    expect(nextFreeId('org:ministry-of-health-2', true)).toBe('org:ministry-of-health-3');
    expect(nextFreeId('activity:unicef/venture-fund-9-2', true)).toBe(
      'activity:unicef/venture-fund-9-3',
    );
    for (const id of ['org:ministry-of-health-2', 'activity:unicef/venture-fund-9-3'])
      expect(entityIdSchema.safeParse(id).success).toBe(true);
  });
});

describe('relationship form', () => {
  const empty = EMPTY_RELATIONSHIP_DRAFT;

  it('reads a relationship into a draft', () => {
    expect(
      relationshipDraftFrom({ role: 'partner', startDate: '2023', board: false, sources: ['s'] }),
    ).toEqual({ ...empty, role: 'partner', startDate: '2023', board: 'no' });
  });

  it.each([
    [{ startDate: '2024-13' }, 'startDate'],
    [{ startDate: '2023-02-29' }, 'startDate'],
    [{ endDate: 'soon' }, 'endDate'],
    [{ startDate: '2024-05', endDate: '2024-04-30' }, 'endDate'],
    [{ role: 'x'.repeat(201) }, 'role'],
    [{ notes: 'Ask jane.doe@example.org' }, 'notes'],
    [{ role: 'call +44 20 7946 0958' }, 'role'],
    [{ sourceUrl: 'www.unicef.org/innovation' }, 'sourceUrl'],
    [{ sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
    [{ sourceUrl: `https://example.org/${'x'.repeat(2000)}` }, 'sourceUrl'],
  ])('finds the problem of %j in %s, as the server does', (fields, field) => {
    expect(Object.keys(relationshipDraftProblems({ ...empty, ...fields }))).toEqual([field]);
    const server = relationshipBodySchema.safeParse({
      from: 'org:a',
      type: 'LEADS',
      to: 'activity:b',
      properties: fields,
    });
    expect(server.error?.issues.map((i) => i.path.at(-1))).toEqual([field]);
  });

  it('reports an e-mail address in the notes together with a bad date, not one save later', () => {
    expect(
      Object.keys(
        relationshipDraftProblems({ ...empty, startDate: '2024-13', notes: 'Mail a@b.org' }),
      ).sort(),
    ).toEqual(['notes', 'startDate']);
  });

  it('says a well-formed date that does not exist is no such day, not the wrong format', () => {
    expect(relationshipDraftProblems({ ...empty, startDate: '2024-02-30' })).toEqual({
      startDate: '2024-02-30 is no such day.',
    });
    expect(relationshipDraftProblems({ ...empty, startDate: '30/02/2024' }).startDate).toMatch(
      /^A year, year-month or date/,
    );
  });

  it('accepts partial dates and an end in the start’s year', () => {
    expect(['2024', '2024-02', '2024-02-29'].every(isPartialDate)).toBe(true);
    expect(relationshipDraftProblems({ ...empty, startDate: '2024-05', endDate: '2024' })).toEqual(
      {},
    );
    for (const [start, end] of [
      ['2024-05', '2024'],
      ['2024', '2023-12'],
      ['2024-05-02', '2024-05-01'],
    ] as const)
      expect(endsBeforeStart(start, end)).toBe(serverEndsBeforeStart(start, end));
  });

  it('sends only what changed; a cleared field removes it; board only on MEMBER_OF', () => {
    const before = { ...empty, role: 'partner', notes: 'n', board: 'yes' as const };
    const after = {
      ...before,
      role: ' lead partner ',
      notes: '',
      sourceUrl: 'https://example.org/news',
      board: 'no' as const,
    };
    expect(relationshipChanges(before, after, 'MEMBER_OF')).toEqual({
      role: 'lead partner',
      notes: null,
      sourceUrl: 'https://example.org/news',
      board: false,
    });
    expect(relationshipChanges(before, after, 'LEADS')).toEqual({
      role: 'lead partner',
      notes: null,
      sourceUrl: 'https://example.org/news',
    });
    expect(relationshipChanges(before, before, 'LEADS')).toEqual({});
  });
});

describe('saved-view positions', () => {
  it('saves the positions of the entities listed, rounded and within the server’s bounds', () => {
    const state = viewState(['org:a', 'org:b'], '#/explore?focus=org%3Aa', 'fcose', {
      'org:a': { x: 10.04, y: -3.96 },
      'org:b': { x: 2e9, y: Number.NaN },
      'org:c': { x: 1, y: 1 },
    });
    expect(state).toEqual({
      entities: ['org:a', 'org:b'],
      filters: { url: '#/explore?focus=org%3Aa' },
      layout: 'fcose',
      positions: { 'org:a': { x: 10, y: -4 } },
    });
    expect(viewStateSchema.safeParse(state).success).toBe(true);
  });

  it('keeps at most as many positions as the entities the server accepts', () => {
    const ids = Array.from({ length: 600 }, (_, i) => `org:n${i}`);
    const positions = Object.fromEntries(ids.map((id, i) => [id, { x: i, y: -i }]));
    const state = viewState(ids, '', 'fcose', positions);
    expect(state.entities).toHaveLength(500);
    expect(Object.keys(state.positions)).toHaveLength(500);
    expect(viewStateSchema.safeParse(state).success).toBe(true);
    expect(positionsToSave(['org:n1'], positions)).toEqual({ 'org:n1': { x: 1, y: -1 } });
  });

  it('presets an opened view’s positions only while its exploration is unchanged', () => {
    const exploration = { ...EMPTY_EXPLORATION, focus: 'org:a' };
    const preset = { exploration, positions: { 'org:a': { x: 1, y: 2 } } };
    expect(presetFor(preset, { ...exploration })).toEqual({ 'org:a': { x: 1, y: 2 } });
    expect(presetFor(preset, { ...exploration, expanded: ['org:b'] })).toBeUndefined();
    expect(presetFor({ exploration, positions: {} }, exploration)).toBeUndefined();
    expect(presetFor(null, exploration)).toBeUndefined();
  });

  it('reads a view saved before ids were canonical with its positions under canonical ids', () => {
    expect(savedPositions({ 'ORG:Acme': { x: 1, y: 2 }, 'country:ke': { x: 3, y: 4 } })).toEqual({
      'org:acme': { x: 1, y: 2 },
      'country:KE': { x: 3, y: 4 },
    });
    expect(savedPositions(undefined)).toEqual({});
    // Saved under both cases: the canonical id's own position holds, whichever came first.
    for (const order of [
      { 'org:acme': { x: 1, y: 1 }, 'org:ACME': { x: 9, y: 9 } },
      { 'org:ACME': { x: 9, y: 9 }, 'org:acme': { x: 1, y: 1 } },
    ])
      expect(savedPositions(order)).toEqual({ 'org:acme': { x: 1, y: 1 } });
  });
});

describe('annotations beside stakeholders', () => {
  it('groups a topic’s annotations by stakeholder, keeping the newest first', () => {
    const note = (id: string, subject: string) => ({ id, subject }) as Annotation;
    const groups = bySubject([note('n3', 'org:a'), note('n2', 'org:b'), note('n1', 'org:a')]);
    expect([...groups.keys()]).toEqual(['org:a', 'org:b']);
    expect(groups.get('org:a')!.map((n) => n.id)).toEqual(['n3', 'n1']);
  });
});

describe('roles', () => {
  it('lets editors and admins edit, owners and admins manage views', () => {
    expect(canEdit(null)).toBe(false);
    expect(canEdit({ id: 'u', name: 'v', role: 'viewer' })).toBe(false);
    expect(canEdit({ id: 'u', name: 'e', role: 'editor' })).toBe(true);
    expect(canEdit({ id: 'u', name: 'a', role: 'admin' })).toBe(true);
    expect(canManageView({ id: 'u', name: 'e', role: 'editor' }, 'u')).toBe(true);
    expect(canManageView({ id: 'u', name: 'e', role: 'editor' }, 'other')).toBe(false);
    expect(canManageView({ id: 'a', name: 'a', role: 'admin' }, 'other')).toBe(true);
  });
});

describe('API client writes', () => {
  function recordingFetch(status: number, body?: unknown) {
    return vi.fn(
      async (..._args: Parameters<typeof fetch>) =>
        new Response(body === undefined ? null : JSON.stringify(body), { status }),
    );
  }

  it('reads a cookie', () => {
    expect(readCookie('a=1; dpgx_csrf=abc%3D; b=2', 'dpgx_csrf')).toBe('abc=');
    expect(readCookie('a=1', 'dpgx_csrf')).toBeUndefined();
  });

  it('sends the CSRF token on every non-GET request, never on a GET', async () => {
    const fetch = recordingFetch(200, { nodes: [], edges: [] });
    const client = createApiClient({
      fetch: fetch as unknown as typeof globalThis.fetch,
      csrfToken: () => 'token-1',
    });
    await client.subgraph(['org:a']);
    await client.send('PATCH', '/api/x', { version: 1 });
    await client.getJson('/api/y');
    const headers = fetch.mock.calls.map(
      ([, init]) => (init?.headers ?? {}) as Record<string, string>,
    );
    expect(headers.map((h) => h['x-csrf-token'])).toEqual(['token-1', 'token-1', undefined]);
    expect(fetch.mock.calls.map(([, init]) => init?.method ?? 'GET')).toEqual([
      'POST',
      'PATCH',
      'GET',
    ]);
  });

  it('resolves a 204 with undefined and rejects a 409 with its details', async () => {
    const ok = createApiClient({
      fetch: recordingFetch(204) as unknown as typeof globalThis.fetch,
      csrfToken: () => undefined,
    });
    await expect(ok.send('DELETE', '/api/x')).resolves.toBeUndefined();
    const stale = createApiClient({
      fetch: recordingFetch(409, {
        error: { code: 'VERSION_CONFLICT', message: 'stale', details: { current: 3 } },
      }) as unknown as typeof globalThis.fetch,
    });
    await expect(stale.send('PATCH', '/api/x', {})).rejects.toMatchObject({
      status: 409,
      code: 'VERSION_CONFLICT',
      details: { current: 3 },
    });
  });

  it('reads the audit id a delete answers in its Audit-Id header, and rejects its errors alike', async () => {
    const answering = (headers: Record<string, string>) =>
      createApiClient({
        fetch: (async () =>
          new Response(null, { status: 204, headers })) as unknown as typeof globalThis.fetch,
        csrfToken: () => undefined,
      });
    await expect(
      answering({ 'Audit-Id': 'e1f0c2d4-0000-4000-8000-000000000001' }).sendRecorded(
        'DELETE',
        '/api/x',
      ),
    ).resolves.toBe('e1f0c2d4-0000-4000-8000-000000000001');
    await expect(answering({}).sendRecorded('DELETE', '/api/x')).resolves.toBeNull();
    const gone = createApiClient({
      fetch: recordingFetch(404, {
        error: { code: 'NOT_FOUND', message: 'No entity' },
      }) as unknown as typeof globalThis.fetch,
    });
    await expect(gone.sendRecorded('DELETE', '/api/x')).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});

describe('annotation tags that do not fit', () => {
  it('are named before anything is sent', () => {
    expect(tagsProblem(['policy', 'ai'])).toBeNull();
    expect(tagsProblem(Array.from({ length: 21 }, (_, i) => `t${i}`))).toBe('21 tags: at most 20.');
    expect(tagsProblem(['ok', 'a'.repeat(41)])).toBe(
      `The tag “${'a'.repeat(24)}…” is 41 characters long: at most 40.`,
    );
  });

  it('are refused by the API in plain words, by field', () => {
    const body = {
      topic: 'activity:x',
      subject: 'org:a',
      stance: 'supportive',
      priority: 'high',
      notes: '',
      tags: ['a'.repeat(41)],
    };
    expect(() => parseInput(createAnnotationBodySchema, body, 'body')).toThrow(
      expect.objectContaining({
        details: [{ path: 'body.tags.0', message: 'is too long: at most 40 characters' }],
      }),
    );
    const many = { ...body, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) };
    expect(() => parseInput(createAnnotationBodySchema, many, 'body')).toThrow(
      expect.objectContaining({
        details: [{ path: 'body.tags', message: 'has too many items: at most 20' }],
      }),
    );
  });
});

describe('a failed merge', () => {
  it('says what happened from the status the UI holds, never "[object Object]"', () => {
    const failed = (status: number, message = 'x') => ({ code: 'C', message, status });
    expect(mergeProblem(failed(409))).toMatch(/^One of the two was changed meanwhile/);
    expect(mergeProblem(failed(404))).toMatch(/^One of the two is gone/);
    expect(mergeProblem(failed(400, 'Only entities of one type merge'))).toBe(
      'Only entities of one type merge',
    );
  });
});

describe('keptOverLines', () => {
  it('says each value a merge kept and the one it dropped', () => {
    expect(
      keptOverLines([
        {
          from: 'org:acme',
          type: 'FUNDS',
          to: 'dpg:dhis2',
          fromLabel: 'Acme',
          toLabel: 'DHIS2',
          property: 'startDate',
          kept: '2020',
          dropped: '2021',
        },
      ]),
    ).toEqual(['Acme funds DHIS2: start date “2020” kept, “2021” dropped']);
  });
});

describe('savedViewHash', () => {
  it('opens the fragment the explorer saved', () => {
    const url = '#/explore?focus=org:unicef&layout=concentric';
    expect(savedViewHash({ entities: ['org:unicef'], filters: { url }, positions: {} })).toBe(url);
  });

  it('opens a view an API client saved with entities alone around the first, the others pinned', () => {
    const hash = savedViewHash({
      entities: ['org:UNICEF', 'dpg:dhis2', 'org:giz'],
      filters: {},
      layout: 'concentric',
      positions: {},
    });
    expect(hash).toBe('#/explore?focus=org:unicef&pin=dpg:dhis2,org:giz&layout=concentric');
    expect(savedViewHash({ entities: [], filters: {}, positions: {} })).toBe('');
    // A layout the explorer does not know falls back to its default.
    expect(
      savedViewHash({ entities: ['org:giz'], filters: {}, layout: 'spiral', positions: {} }),
    ).toBe('#/explore?focus=org:giz');
  });
});
