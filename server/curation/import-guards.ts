/**
 * "The editor wins" for imports: before the graph writer merges a source's facts, this module
 * applies what editors decided, inside the import's transaction —
 *  - ids merged away (Redirect) are read as the entity they were merged into;
 *  - entities and relationships an editor deleted (Tombstone) are not stated again;
 *  - properties an editor set, on entities and on relationships, keep the editor's value;
 * and returns each case where the source says otherwise as a conflict for the import report.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { run } from '../db/neo4j-client.ts';

export interface ImportConflict {
  kind: 'edited-property' | 'deleted-entity' | 'deleted-relationship' | 'editor-stated';
  /** An entity id or a relationship key `from|TYPE|to`. */
  id: string;
  property?: string;
  editorValue?: unknown;
  importValue?: unknown;
  /** What happened, in a sentence. */
  message: string;
}

export interface GuardedNode {
  id: string;
  label: string;
  props: Record<string, unknown>;
  aliases: string[];
  evidence: string;
}

export interface GuardedRelationship {
  from: string;
  type: string;
  to: string;
  props: Record<string, unknown>;
  evidence: string;
}

const keyOf = (r: Pick<GuardedRelationship, 'from' | 'type' | 'to'>) =>
  `${r.from}|${r.type}|${r.to}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Reads redirected ids as their targets; a redirected node adds its name as an alias only. */
export function applyRedirects<N extends GuardedNode, R extends GuardedRelationship>(
  nodes: N[],
  relationships: R[],
  redirects: Map<string, string>,
): { nodes: N[]; relationships: R[] } {
  const byId = new Map<string, N>();
  for (const node of nodes) {
    const target = redirects.get(node.id);
    if (!target) {
      byId.set(node.id, {
        ...node,
        aliases: [...(byId.get(node.id)?.aliases ?? []), ...node.aliases],
      });
      continue;
    }
    const names = [String(node.props.name ?? ''), ...node.aliases].filter(Boolean);
    const existing = byId.get(target);
    byId.set(
      target,
      existing
        ? { ...existing, aliases: [...existing.aliases, ...names] }
        : { ...node, id: target, props: {}, aliases: names },
    );
  }
  const rels = new Map<string, R>();
  for (const r of relationships) {
    const moved = { ...r, from: redirects.get(r.from) ?? r.from, to: redirects.get(r.to) ?? r.to };
    if (moved.from !== moved.to && !rels.has(keyOf(moved))) rels.set(keyOf(moved), moved);
  }
  return { nodes: [...byId.values()], relationships: [...rels.values()] };
}

/** Applies redirects, tombstones and editors' properties to an import's facts. */
export async function applyEditorDecisions<N extends GuardedNode, R extends GuardedRelationship>(
  tx: ManagedTransaction,
  nodesIn: N[],
  relationshipsIn: R[],
): Promise<{ nodes: N[]; relationships: R[]; conflicts: ImportConflict[] }> {
  const stated = [
    ...new Set([...nodesIn.map((n) => n.id), ...relationshipsIn.flatMap((r) => [r.from, r.to])]),
  ];
  const redirectRows = await run(tx, 'curation/import-redirects', { ids: stated });
  const redirects = new Map(redirectRows.map((r) => [String(r.from), String(r.to)]));
  const { nodes, relationships } = applyRedirects(nodesIn, relationshipsIn, redirects);

  const ids = [
    ...new Set([...nodes.map((n) => n.id), ...relationships.flatMap((r) => [r.from, r.to])]),
  ];
  const [guards] = await run(tx, 'curation/import-guards', {
    ids,
    // Only a relationship the source states properties of can contradict an editor's property.
    relationships: relationships
      .filter((r) => Object.keys(r.props).length > 0)
      .map((r) => ({ from: r.from, type: r.type, to: r.to, key: keyOf(r) })),
    keys: [...ids, ...relationships.map(keyOf)],
  });
  const tombstones = new Set((guards?.tombstones as string[] | undefined) ?? []);
  const edited = new Map(
    (
      (guards?.edited as { id: string; edited: string[]; node: Record<string, unknown> }[]) ?? []
    ).map((e) => [e.id, e]),
  );
  const editedRelationships = new Map(
    (
      (guards?.editedRelationships as
        { key: string; edited: string[]; properties: Record<string, unknown> }[] | undefined) ?? []
    ).map((e) => [e.key, e]),
  );
  const conflicts: ImportConflict[] = [];

  const keptNodes: N[] = [];
  for (const node of nodes) {
    if (tombstones.has(node.id)) {
      conflicts.push({
        kind: 'deleted-entity',
        id: node.id,
        message: `${node.id} was deleted by an editor; the source still states it, so it stays deleted`,
      });
      continue;
    }
    const decision = edited.get(node.id);
    if (!decision) {
      keptNodes.push(node);
      continue;
    }
    const props = { ...node.props };
    let aliases = node.aliases;
    for (const property of decision.edited) {
      const editorValue = decision.node[property];
      if (property === 'aliases') {
        const current = (editorValue as string[] | null) ?? [];
        const extra = node.aliases.filter((a) => !current.includes(a) && a !== decision.node.name);
        if (extra.length > 0)
          conflicts.push({
            kind: 'edited-property',
            id: node.id,
            property,
            editorValue,
            importValue: node.aliases,
            message: `${node.id}: an editor set the aliases; the source's ${extra.map((a) => `"${a}"`).join(', ')} were not added`,
          });
        aliases = [];
        continue;
      }
      if (!(property in props)) continue;
      if (!same(props[property], editorValue))
        conflicts.push({
          kind: 'edited-property',
          id: node.id,
          property,
          editorValue,
          importValue: props[property],
          message: `${node.id}: an editor set ${property} to ${JSON.stringify(editorValue)}; the source says ${JSON.stringify(props[property])}, the editor's value stays`,
        });
      delete props[property];
    }
    keptNodes.push({ ...node, props, aliases });
  }

  const keptRelationships: R[] = [];
  for (const r of relationships) {
    const key = keyOf(r);
    if (tombstones.has(r.from) || tombstones.has(r.to)) continue;
    if (tombstones.has(key)) {
      conflicts.push({
        kind: 'deleted-relationship',
        id: key,
        message: `${r.from} ${r.type} ${r.to} was deleted by an editor; the source still states it, so it stays deleted`,
      });
      continue;
    }
    const decision = editedRelationships.get(key);
    keptRelationships.push(
      decision ? { ...r, props: keepEditorValues(key, r.props, decision, conflicts) } : r,
    );
  }
  return { nodes: keptNodes, relationships: keptRelationships, conflicts };
}

/**
 * The import's properties of one relationship without those an editor set; each one the source
 * states differently is reported.
 */
function keepEditorValues(
  key: string,
  props: Record<string, unknown>,
  decision: { edited: string[]; properties: Record<string, unknown> },
  conflicts: ImportConflict[],
): Record<string, unknown> {
  const kept = { ...props };
  for (const property of decision.edited) {
    if (!(property in kept)) continue;
    const editorValue = decision.properties[property];
    if (!same(kept[property], editorValue))
      conflicts.push({
        kind: 'edited-property',
        id: key,
        property,
        editorValue,
        importValue: kept[property],
        message: `${key}: an editor set ${property} to ${JSON.stringify(editorValue)}; the source says ${JSON.stringify(kept[property])}, the editor's value stays`,
      });
    delete kept[property];
  }
  return kept;
}

/** Conflicts for facts the source no longer states but an editor does: they stay. */
export function editorStatedConflicts(
  kind: 'entity' | 'relationship',
  ids: string[],
): ImportConflict[] {
  return ids.map((id) => ({
    kind: 'editor-stated',
    id,
    message: `the source no longer states ${kind} ${id}; an editor states it, so it stays`,
  }));
}
