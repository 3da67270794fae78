/**
 * Evidence paths: the chains of relationships that explain an insight ("Norad funds OpenCRVS,
 * which is also deployed in Sierra Leone"). A path lists its nodes in order and each
 * relationship with its real direction, so anyone can check it edge by edge with a MATCH. This
 * module holds the types, a consistency check, and the verbs that sentences are made of.
 */
import { RELATIONSHIP_PHRASES, isRelationshipType } from '../model/graph-model.ts';
import { quotedName } from '../services/path-sentence.ts';
import { agree } from '../services/verb-agreement.ts';

export interface PathNode {
  id: string;
  label: string;
  type: string;
}

/**
 * One relationship as stored: `from` -[type]-> `to`, with the role and dates an editor stated
 * ("core funder", since 2021), where stated.
 */
export interface PathRelationship {
  type: string;
  from: string;
  to: string;
  role?: string;
  startDate?: string;
  endDate?: string;
}

/** The same as a statement returns it: null where the role or a date is not stated. */
export interface PathRelationshipRow {
  type: string;
  from: string;
  to: string;
  role?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

/** A statement's relationship with what it does not state left out, as the API answers it. */
export function pathRelationship(row: PathRelationshipRow): PathRelationship {
  const { type, from, to, role, startDate, endDate } = row;
  return {
    type,
    from,
    to,
    ...(typeof role === 'string' ? { role } : {}),
    ...(typeof startDate === 'string' ? { startDate } : {}),
    ...(typeof endDate === 'string' ? { endDate } : {}),
  };
}

export interface EvidencePath {
  nodes: PathNode[];
  relationships: PathRelationship[];
  sentence: string;
}

/**
 * Checks that relationship i joins node i and node i+1 (in either direction).
 * @throws Error naming the module, the path and the bad step.
 */
export function assertChain(
  module: string,
  nodes: readonly PathNode[],
  relationships: readonly PathRelationshipRow[],
): void {
  if (nodes.length !== relationships.length + 1) {
    throw new Error(
      `${module}: a path of ${nodes.length} nodes needs ${nodes.length - 1} relationships (got ${relationships.length})`,
    );
  }
  relationships.forEach((r, i) => {
    const a = nodes[i]!.id;
    const b = nodes[i + 1]!.id;
    if (!((r.from === a && r.to === b) || (r.from === b && r.to === a))) {
      throw new Error(
        `${module}: relationship ${i} (${r.from} -[${r.type}]-> ${r.to}) does not join ${a} and ${b}`,
      );
    }
  });
}

/** How a relationship reads from its start node: "funds", "leads", "is deployed in". */
export function verb(type: string): string {
  return isRelationshipType(type) ? RELATIONSHIP_PHRASES[type] : type.toLowerCase();
}

/** Activity titles are long sentences themselves; quote them. */
export function named(node: PathNode): string {
  return quotedName(node.label, node.type);
}

/**
 * How a party takes part in an activity, read from the party: "leads", "co-leads",
 * "participates in", or "is involved in" (the activity INVOLVES it).
 */
export function takesPart(relationship: PathRelationshipRow, partyId: string): string {
  if (relationship.type === 'INVOLVES' && relationship.to === partyId) return 'is involved in';
  return verb(relationship.type);
}

/**
 * The same as a relative clause on the activity: "which UNICEF leads", "in which Google
 * participates", "which involves the DPGA Board".
 */
export function partClause(relationship: PathRelationshipRow, party: PathNode): string {
  switch (relationship.type) {
    case 'INVOLVES':
      return `which involves ${named(party)}`;
    case 'PARTICIPATES_IN':
      return `in which ${named(party)} ${agree('participates', party.label)}`;
    default:
      return `which ${named(party)} ${agree(verb(relationship.type), party.label)}`;
  }
}
