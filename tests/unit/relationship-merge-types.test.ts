import { describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/cypher-registry.ts';
import { RELATIONSHIP_TYPES } from '../../server/model/graph-model.ts';

// The statements that MERGE relationships spell every type out (a dynamic $(type) gets a scan of
// all relationships planned on an empty database): a type missing from them would be dropped.
describe.each(['import/merge-relationships', 'bench/naive-merge-relationship'] as const)(
  '%s',
  (name) => {
    const text = cypher(name);

    it('has a MERGE for every relationship type of the model, and no other', () => {
      const merged = [...text.matchAll(/MERGE \(a\)-\[r:([A-Z_]+)\]->\(b\)/g)].map((m) => m[1]);
      expect(merged.sort()).toEqual([...RELATIONSHIP_TYPES].sort());
      for (const type of RELATIONSHIP_TYPES) {
        expect(text).toContain(
          `WHERE ${name.startsWith('bench') ? '$type' : 'row.type'} = '${type}' MERGE (a)-[r:${type}]->(b)`,
        );
      }
    });
  },
);

describe('import/merge-relationships', () => {
  it('looks the existing relationship up among every type of the model', () => {
    const lookup = /OPTIONAL MATCH \(a\)-\[existing:([A-Z_|\s]+)\]->\(b\)/.exec(
      cypher('import/merge-relationships'),
    );
    const types = lookup?.[1]?.split('|').map((t) => t.trim());
    expect(types?.sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });
});
