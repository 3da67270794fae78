import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CYPHER_DIR,
  CYPHER_NAMES,
  cypher,
  loadAllStatements,
  statementText,
} from '../../server/db/cypher-registry.ts';

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
    // The server reads them all as it starts.
    expect(loadAllStatements()).toBe(CYPHER_NAMES.length);
    for (const name of CYPHER_NAMES) {
      expect(cypher(name), name).not.toBe('');
      for (const line of cypher(name).split('\n')) {
        expect(line, name).toBe(line.trim());
        expect(line.startsWith('//'), `${name}: ${line}`).toBe(false);
      }
    }
  });

  // Lines are trimmed and comment lines dropped, which would change a string spanning lines.
  it('finds no string literal spanning lines in any .cypher file', () => {
    const files = readdirSync(CYPHER_DIR, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.cypher'),
    );
    expect(files.length).toBeGreaterThan(CYPHER_NAMES.length / 2);
    for (const file of files) {
      const lines = readFileSync(path.join(CYPHER_DIR, file), 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (line.trim().startsWith('//')) return;
        for (const quote of ["'", '"', '`']) {
          expect(
            line.split(quote).length % 2,
            `${file}:${index + 1} has an odd number of ${quote}`,
          ).toBe(1);
        }
      });
    }
  });

  it('keeps the path statements that avoid entity types and kinds the plain ones plus that predicate alone', () => {
    const hop = '(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels)';
    const avoidingHop =
      "(()-[r]-(m:Entity) WHERE (size($rels) = 0 OR type(r) IN $rels) AND (m = b OR (none(l IN labels(m) WHERE l IN $avoid) AND NOT (m:Organisation AND coalesce(m.kind, 'unknown') IN $avoidKinds))))";
    for (const [plain, avoiding] of [
      ['graph/shortest-paths', 'graph/shortest-paths-avoiding'],
      ['graph/paths-of-length', 'graph/paths-of-length-avoiding'],
    ] as const) {
      expect(cypher(plain).split(hop).length - 1, plain).toBe(6);
      expect(cypher(avoiding), avoiding).toBe(cypher(plain).replaceAll(hop, avoidingHop));
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
