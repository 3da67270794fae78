/**
 * Pure helpers of the Cypher console (docs/console.md): whether a body is the answer,
 * how a cell reads in the result table, and the ids "Show in graph" loads.
 */

import type { ConsoleAnswer } from '../lib/api/types';

/** Whether a parsed body has the answer's shape. */
export function isConsoleAnswer(body: unknown): body is ConsoleAnswer {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return (
    Array.isArray(b.columns) &&
    Array.isArray(b.rows) &&
    typeof b.truncated === 'boolean' &&
    typeof b.graph === 'object' &&
    b.graph !== null &&
    Array.isArray((b.graph as { nodes?: unknown }).nodes)
  );
}

interface NodeValue {
  kind: 'node';
  id?: string;
  labels: string[];
  properties: Record<string, unknown>;
}
interface RelationshipValue {
  kind: 'relationship';
  type: string;
  properties: Record<string, unknown>;
}
interface PathValue {
  kind: 'path';
  nodes: NodeValue[];
  relationships: RelationshipValue[];
}

const hasKind = <K extends string>(value: unknown, kind: K): value is { kind: K } =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === kind;

/** A node as Cypher writes one: `(:Organisation {id: "org:unicef"})` — its id or name only. */
function nodeText(node: NodeValue): string {
  const labels = node.labels.filter((label) => label !== 'Entity');
  const shown = node.id ?? node.properties.name ?? node.properties.id;
  const key = node.id !== undefined ? 'id' : node.properties.name !== undefined ? 'name' : 'id';
  const props = shown === undefined ? '' : ` {${key}: ${JSON.stringify(shown)}}`;
  return `(${labels.map((label) => `:${label}`).join('')}${props})`;
}

/** One cell of the result table as text. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (hasKind(value, 'node')) return nodeText(value as NodeValue);
  if (hasKind(value, 'relationship')) return `[:${(value as RelationshipValue).type}]`;
  if (hasKind(value, 'path')) {
    const path = value as PathValue;
    let text = nodeText(path.nodes[0]!);
    path.relationships.forEach((rel, i) => {
      text += `-[:${rel.type}]-${nodeText(path.nodes[i + 1]!)}`;
    });
    return text;
  }
  return JSON.stringify(value);
}

/** Most entities "Show in graph" loads at once (the subgraph endpoint's cap). */
export const GRAPH_MAX_IDS = 500;

/** The entity ids to load for "Show in graph", capped. */
export function graphIds(answer: ConsoleAnswer): string[] {
  return answer.graph.nodes.slice(0, GRAPH_MAX_IDS);
}

/** The result's one-line summary: rows, time, and what the caps left out. */
export function resultSummary(answer: ConsoleAnswer): string {
  const rows = `${answer.rows.length} ${answer.rows.length === 1 ? 'row' : 'rows'}`;
  return `${rows} · ${answer.elapsedMs} ms`;
}

/** Why rows are missing, or null when none are. */
export function truncationNotice(answer: ConsoleAnswer): string | null {
  if (!answer.truncated) return null;
  return answer.truncatedBy === 'bytes'
    ? 'More rows exist: the answer reached its size cap. Return fewer or smaller values.'
    : `More rows exist: only the first ${answer.rows.length} are shown. Raise the limit or add ORDER BY … LIMIT.`;
}
