// The list view's relationship rows (web/src/lib/graph/relationship-rows.ts).
import { describe, expect, it } from 'vitest';
import {
  relationshipRows,
  sortRelationshipRows,
  type GraphElement,
} from '../../web/src/lib/graph/index.ts';

const node = (id: string, label: string, type: string): GraphElement =>
  ({
    group: 'nodes',
    data: {
      id,
      label,
      shortLabel: label,
      type,
      degree: 1,
      size: 20,
      tier: 0,
      rank: 0,
      fontSize: 12,
    },
  }) as unknown as GraphElement;
const edge = (source: string, type: string, target: string, muted = false): GraphElement => ({
  group: 'edges',
  data: {
    id: `${source}|${type}|${target}`,
    source,
    target,
    type,
    label: type,
    ...(muted ? { muted: 1 } : {}),
  },
});

const elements: GraphElement[] = [
  node('org:unicef', 'UNICEF', 'Organisation'),
  node('dpg:rapidpro', 'RapidPro', 'DPG'),
  node('group:ai-cop-members', 'AI CoP members', 'Group'),
  node('activity:cop-ai', 'Community of Practice on AI', 'Activity'),
  node('country:KE', 'Kenya', 'Country'),
  edge('org:unicef', 'FUNDS', 'dpg:rapidpro'),
  edge('group:ai-cop-members', 'PARTICIPATES_IN', 'activity:cop-ai'),
  edge('org:unicef', 'LEADS', 'activity:cop-ai'),
  edge('dpg:rapidpro', 'DEPLOYED_IN', 'country:KE', true),
  edge('org:unicef', 'FUNDS', 'dpg:gone'),
];

describe('relationshipRows', () => {
  it('reads each drawn relationship as a sentence, its verb agreeing with its subject', () => {
    const rows = relationshipRows(elements);
    expect(rows.map((row) => row.sentence)).toEqual([
      'UNICEF funds RapidPro',
      'AI CoP members participate in Community of Practice on AI',
      'UNICEF leads Community of Practice on AI',
    ]);
    expect(rows[1]).toMatchObject({
      from: 'group:ai-cop-members',
      fromType: 'Group',
      type: 'PARTICIPATES_IN',
      verb: 'participate in',
      to: 'activity:cop-ai',
      toLabel: 'Community of Practice on AI',
      toType: 'Activity',
    });
  });

  it('leaves out a faded relationship and one whose end is not drawn', () => {
    const ids = relationshipRows(elements).map((row) => row.id);
    expect(ids).not.toContain('dpg:rapidpro|DEPLOYED_IN|country:KE');
    expect(ids).not.toContain('org:unicef|FUNDS|dpg:gone');
  });
});

describe('sortRelationshipRows', () => {
  const rows = relationshipRows(elements);
  const sentences = (key: 'from' | 'relationship' | 'to', descending = false) =>
    sortRelationshipRows(rows, key, descending).map((row) => row.sentence);

  it('sorts by a column, the others breaking ties in reading order', () => {
    expect(sentences('from')).toEqual([
      'AI CoP members participate in Community of Practice on AI',
      'UNICEF funds RapidPro',
      'UNICEF leads Community of Practice on AI',
    ]);
    expect(sentences('relationship')).toEqual([
      'UNICEF funds RapidPro',
      'UNICEF leads Community of Practice on AI',
      'AI CoP members participate in Community of Practice on AI',
    ]);
    expect(sentences('to')).toEqual([
      'AI CoP members participate in Community of Practice on AI',
      'UNICEF leads Community of Practice on AI',
      'UNICEF funds RapidPro',
    ]);
  });

  it('turns the sorted column around, not the ties', () => {
    expect(sentences('from', true)).toEqual([
      'UNICEF funds RapidPro',
      'UNICEF leads Community of Practice on AI',
      'AI CoP members participate in Community of Practice on AI',
    ]);
  });
});
