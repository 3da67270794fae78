import { describe, expect, it } from 'vitest';
import { CYPHER_NAMES, cypher, statementText } from '../../server/db/cypher-registry.ts';

describe('statementText', () => {
  it('drops whole-line comments, indentation and blank lines, and keeps the statement', () => {
    const file = [
      '// What this reads, at length.',
      '   // An indented comment.',
      'MATCH (n:Entity {id: $id})',
      '',
      '  WHERE n.url = "https://example.org" // a trailing comment stays',
      '\tRETURN n.id AS id  ',
      '',
    ].join('\n');
    expect(statementText(file)).toBe(
      [
        'MATCH (n:Entity {id: $id})',
        'WHERE n.url = "https://example.org" // a trailing comment stays',
        'RETURN n.id AS id',
      ].join('\n'),
    );
  });

  it('is what cypher() sends for every named statement: no comment line, no indentation', () => {
    for (const name of CYPHER_NAMES) {
      const lines = cypher(name).split('\n');
      expect(lines.length, name).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line, name).toBe(line.trim());
        expect(line.startsWith('//'), `${name}: ${line}`).toBe(false);
      }
    }
  });

  it('fits the path request’s statements in one socket write each (the driver’s 1,400-byte buffer)', () => {
    for (const name of [
      'graph/nodes-by-ids',
      'graph/shortest-paths',
      'graph/paths-of-length',
    ] as const) {
      expect(Buffer.byteLength(cypher(name)), name).toBeLessThan(1_300);
    }
  });
});
