import { describe, expect, it } from 'vitest';
import { metaNodeId, summaryElements } from '../../server/services/overview-summary.ts';

describe('summaryElements', () => {
  const { nodes, edges, total } = summaryElements(
    [
      { type: 'Country', count: 247, sources: ['source:a'] },
      { type: 'DPG', count: 165, sources: ['source:a', 'source:b'] },
    ],
    [
      {
        sourceType: 'DPG',
        type: 'DEPLOYED_IN',
        targetType: 'Country',
        count: 2362,
        sources: ['source:a'],
      },
    ],
  );

  it('makes one meta-node per type with its count and sources', () => {
    expect(nodes).toEqual([
      {
        data: {
          id: 'type:Country',
          label: 'Country (247)',
          type: 'Country',
          count: 247,
          meta: true,
          sources: ['source:a'],
        },
      },
      expect.objectContaining({ data: expect.objectContaining({ id: 'type:DPG', count: 165 }) }),
    ]);
  });

  it('makes one meta-edge per (type, relationship, type) between meta-nodes', () => {
    expect(edges).toEqual([
      {
        data: {
          id: 'type:DPG|DEPLOYED_IN|type:Country',
          source: metaNodeId('DPG'),
          target: metaNodeId('Country'),
          type: 'DEPLOYED_IN',
          label: 'is deployed in (2362)',
          count: 2362,
          meta: true,
          sources: ['source:a'],
        },
      },
    ]);
  });

  it('adds up the totals', () => {
    expect(total).toEqual({ nodes: 412, edges: 2362 });
  });
});
