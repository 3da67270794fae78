// Every statement that writes an entity's aliases' search text (aliasText: the aliases, then the
// names and aliases with an apostrophe written apart, cypher/schema/0013) writes it by one rule.
// The expression is repeated in each writer (imports, edits, merges and their undo, the restore of
// a deleted entity, the migration, the bench's
// naive baseline); a change to the rule in one of them alone would make search find an entity
// or not depending on who wrote it last.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR } from '../../server/db/cypher-registry.ts';

/** The expression assigned to aliasText in `text`, with the entity's variable written `x`. */
function aliasTextRule(text: string): string | null {
  const lines = text.split('\n').filter((line) => !line.trim().startsWith('//'));
  const joined = lines.map((line) => line.trim()).join(' ');
  const match = /(\w+)\.aliasText = (.*\+ ' \| '\))/.exec(joined);
  if (!match) return null;
  const [, variable, rule] = match;
  return rule!
    .replaceAll(`coalesce(${variable}.aliases, [])`, 'ALIASES')
    .replaceAll(`${variable}.aliases`, 'ALIASES')
    .replaceAll('$aliases', 'ALIASES')
    .replaceAll(`${variable}.name`, 'NAME')
    .replaceAll('$props.name', 'NAME');
}

describe('the aliases’ search text', () => {
  const files = readdirSync(CYPHER_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.cypher'))
    .filter((file) => readFileSync(path.join(CYPHER_DIR, file), 'utf8').includes('aliasText ='));

  it('is written by the import, the edits, the merge and its undo, the restore, the migration and the bench alike', () => {
    expect(files.sort()).toEqual([
      'bench/naive-merge-entity.cypher',
      'curation/create-entity.cypher',
      'curation/merge-finish.cypher',
      'curation/restore-entity.cypher',
      'curation/unmerge-keep.cypher',
      'curation/unmerge-restore-entity.cypher',
      'curation/update-entity.cypher',
      'import/merge-nodes.cypher',
      'schema/0013-elided-words-in-alias-text.cypher',
    ]);
    const rules = new Map(
      files.map((file) => [file, aliasTextRule(readFileSync(path.join(CYPHER_DIR, file), 'utf8'))]),
    );
    const rule = rules.get('import/merge-nodes.cypher');
    expect(rule).toContain('reduce(text');
    for (const [file, other] of rules) expect(other, file).toBe(rule);
  });
});
