/**
 * The facts an importer states about the graph, before anything is written: nodes and
 * relationships, each with the evidence (the sentence or field) it came from. Importers produce
 * a FactSet; the graph writer turns it into one transaction. Deduplicates by id / (from,type,to).
 */
import type { EntityType, RelationshipType } from '../../model/graph-model.ts';
import { isEntityType, isRelationshipType } from '../../model/graph-model.ts';

export type PropValue = string | number | boolean | string[] | number[];
export type Props = Record<string, PropValue>;

export interface NodeFact {
  id: string;
  label: EntityType;
  /** Properties this source states; an empty object only links provenance to the node. */
  props: Props;
  evidence: string;
}

export interface RelationshipFact {
  type: RelationshipType;
  from: string;
  to: string;
  props: Props;
  evidence: string;
}

export function relationshipKey(r: Pick<RelationshipFact, 'type' | 'from' | 'to'>): string {
  return `${r.from}|${r.type}|${r.to}`;
}

export class FactSet {
  private readonly nodeMap = new Map<string, NodeFact>();
  private readonly relMap = new Map<string, RelationshipFact>();

  /** Adds a node; a second statement about the same id adds the properties it did not have. */
  addNode(fact: NodeFact): void {
    if (!isEntityType(fact.label)) throw new Error(`FactSet: unknown label "${fact.label}"`);
    const existing = this.nodeMap.get(fact.id);
    if (existing) {
      if (existing.label !== fact.label) {
        throw new Error(`FactSet: ${fact.id} stated as both ${existing.label} and ${fact.label}`);
      }
      existing.props = { ...fact.props, ...existing.props };
      return;
    }
    this.nodeMap.set(fact.id, { ...fact, props: { ...fact.props } });
  }

  /** Adds a relationship; the first evidence for a (from, type, to) is kept. */
  addRelationship(fact: RelationshipFact): void {
    if (!isRelationshipType(fact.type)) throw new Error(`FactSet: unknown type "${fact.type}"`);
    if (fact.from === fact.to) return;
    const key = relationshipKey(fact);
    const existing = this.relMap.get(key);
    if (existing) {
      existing.props = { ...fact.props, ...existing.props };
      return;
    }
    this.relMap.set(key, { ...fact, props: { ...fact.props } });
  }

  hasNode(id: string): boolean {
    return this.nodeMap.has(id);
  }

  /** True when any relationship joins a and b, in either direction. */
  linked(a: string, b: string): boolean {
    for (const r of this.relMap.values()) {
      if ((r.from === a && r.to === b) || (r.from === b && r.to === a)) return true;
    }
    return false;
  }

  get nodes(): NodeFact[] {
    return [...this.nodeMap.values()];
  }

  get relationships(): RelationshipFact[] {
    return [...this.relMap.values()];
  }
}
