/**
 * An editor's statement is provenance like an import: it carries the source
 * `source:editor:<userId>` (a Source node of kind `editor`) with the evidence
 * "stated by editor <name> on <date>".
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { UserPrincipal } from '../auth/roles.ts';
import { run } from '../db/neo4j-client.ts';

export const EDITOR_SOURCE_PREFIX = 'source:editor:';

export interface EditorStatement {
  sourceId: string;
  evidence: string;
  userId: string;
  name: string;
}

export function editorStatement(user: UserPrincipal, now = new Date()): EditorStatement {
  return {
    sourceId: `${EDITOR_SOURCE_PREFIX}${user.id}`,
    evidence: `stated by editor ${user.name} on ${now.toISOString().slice(0, 10)}`,
    userId: user.id,
    name: user.name,
  };
}

/** Upserts the editor's Source node in the transaction and returns the statement to attach. */
export async function stateAsEditor(
  tx: ManagedTransaction,
  user: UserPrincipal,
): Promise<EditorStatement> {
  const editor = editorStatement(user);
  await run(tx, 'curation/upsert-editor-source', { editor });
  return editor;
}
