/**
 * Turns whatever a console query returns into plain JSON, and collects the graph in it. The
 * named queries shape their results in Cypher; a console query returns anything, so nodes,
 * relationships, paths, points, every temporal type and byte arrays are converted here: nodes as
 * `{ kind: 'node', id?, elementId, labels, properties }` (`id` is the entity id when the node has
 * one), relationships as `{ kind: 'relationship', elementId, type, start, end, properties }` with
 * the element ids of their ends, paths as their node and relationship lists, integers as numbers
 * (strings outside ±2^53), temporal values as ISO strings.
 */
import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  isUnboundRelationship,
  type Node,
  type Relationship,
} from 'neo4j-driver';

export interface ConsoleNode {
  kind: 'node';
  /** The entity id (the node's `id` property) when it has one. */
  id?: string;
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface ConsoleRelationship {
  kind: 'relationship';
  elementId: string;
  type: string;
  /** Element ids of the start and end nodes. */
  start: string;
  end: string;
  properties: Record<string, unknown>;
}

export interface ConsolePath {
  kind: 'path';
  nodes: ConsoleNode[];
  relationships: ConsoleRelationship[];
}

/**
 * What a result holds of the graph: every node with its element id (and entity id), every
 * relationship. Gathered while rows are converted, so the result is walked once.
 */
export class GraphCollector {
  /** Entity id by element id for the nodes seen (undefined: not an entity). */
  readonly entityIds = new Map<string, string | undefined>();
  readonly relationships = new Map<string, { type: string; start: string; end: string }>();

  node(node: ConsoleNode): void {
    // Accounts, sessions and import jobs have ids too; only entities can be drawn.
    this.entityIds.set(node.elementId, node.labels.includes('Entity') ? node.id : undefined);
  }

  relationship(rel: ConsoleRelationship): void {
    this.relationships.set(rel.elementId, { type: rel.type, start: rel.start, end: rel.end });
  }

  /** Takes in what another collector saw (one row's, once the row is kept). */
  add(other: GraphCollector): void {
    for (const [elementId, id] of other.entityIds) this.entityIds.set(elementId, id);
    for (const [elementId, rel] of other.relationships) this.relationships.set(elementId, rel);
  }
}

function properties(
  props: Record<string, unknown>,
  graph?: GraphCollector,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([key, value]) => [key, toConsoleValue(value, graph)]),
  );
}

function nodeValue(node: Node, graph?: GraphCollector): ConsoleNode {
  const props = properties(node.properties, graph);
  const out: ConsoleNode = {
    kind: 'node',
    elementId: node.elementId,
    labels: [...node.labels],
    properties: props,
  };
  if (typeof props.id === 'string') out.id = props.id;
  graph?.node(out);
  return out;
}

function relationshipValue(rel: Relationship, graph?: GraphCollector): ConsoleRelationship {
  const out: ConsoleRelationship = {
    kind: 'relationship',
    elementId: rel.elementId,
    type: rel.type,
    start: rel.startNodeElementId,
    end: rel.endNodeElementId,
    properties: properties(rel.properties, graph),
  };
  graph?.relationship(out);
  return out;
}

/** One driver value as plain JSON; nodes and relationships are also recorded in `graph`. */
export function toConsoleValue(value: unknown, graph?: GraphCollector): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return value;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value) ||
    isDuration(value)
  )
    return value.toString();
  if (isPoint(value))
    return {
      srid: toConsoleValue(value.srid),
      x: value.x,
      y: value.y,
      ...(value.z === undefined ? {} : { z: value.z }),
    };
  if (isNode(value)) return nodeValue(value, graph);
  if (isRelationship(value)) return relationshipValue(value, graph);
  if (isUnboundRelationship(value))
    return {
      kind: 'relationship',
      elementId: value.elementId,
      type: value.type,
      properties: properties(value.properties, graph),
    };
  if (isPath(value)) {
    const nodes = [nodeValue(value.start, graph)];
    const relationships: ConsoleRelationship[] = [];
    for (const segment of value.segments) {
      relationships.push(relationshipValue(segment.relationship, graph));
      nodes.push(nodeValue(segment.end, graph));
    }
    return { kind: 'path', nodes, relationships } satisfies ConsolePath;
  }
  if (ArrayBuffer.isView(value))
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value)) return value.map((item) => toConsoleValue(item, graph));
  return properties(value as Record<string, unknown>, graph);
}
