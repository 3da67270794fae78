/**
 * The fixed list of relationship types in the DPG knowledge graph, declared once, with the phrases the
 * details panel uses to describe each direction ("Leads" / "Led by").
 */

/** Every relationship type, in the order the details panel lists neighbour groups. */
export const RELATIONSHIP_TYPES = [
  'LEADS',
  'CO_LEADS',
  'RUNS',
  'OWNS',
  'MAINTAINS',
  'FUNDS',
  'PARTICIPATES_IN',
  'IMPLEMENTS',
  'INVOLVES',
  'MEMBER_OF',
  // Before a country's activities and DPGs: its own organisations are its closest stakeholders.
  'BASED_IN',
  'ADVANCES',
  'TAKES_PLACE_IN',
  'DEPLOYED_IN',
  'DEVELOPED_IN',
] as const;

/** One of {@link RELATIONSHIP_TYPES}. */
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Which end of a relationship the entity being described is on. */
export type Direction = 'out' | 'in';

const RELATIONSHIP_TYPE_SET: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);

/** Whether a value the API sent is a known relationship type. */
export function isRelationshipType(value: unknown): value is RelationshipType {
  return typeof value === 'string' && RELATIONSHIP_TYPE_SET.has(value);
}

/** Heading phrases per relationship type: `out` reads "<entity> leads …", `in` reads "<entity> is led by …". */
export const RELATIONSHIP_PHRASES: Readonly<Record<RelationshipType, Record<Direction, string>>> = {
  LEADS: { out: 'Leads', in: 'Led by' },
  CO_LEADS: { out: 'Co-leads', in: 'Co-led by' },
  RUNS: { out: 'Runs', in: 'Run by' },
  OWNS: { out: 'Owns', in: 'Owned by' },
  MAINTAINS: { out: 'Maintains', in: 'Maintained by' },
  FUNDS: { out: 'Funds', in: 'Funded by' },
  PARTICIPATES_IN: { out: 'Participates in', in: 'Participants' },
  IMPLEMENTS: { out: 'Implements', in: 'Implemented by' },
  INVOLVES: { out: 'Involves', in: 'Involved in' },
  MEMBER_OF: { out: 'Member of', in: 'Members' },
  BASED_IN: { out: 'Based in', in: 'Organisations based here' },
  ADVANCES: { out: 'Advances', in: 'Advanced by' },
  TAKES_PLACE_IN: { out: 'Takes place in', in: 'Activities here' },
  DEPLOYED_IN: { out: 'Deployed in', in: 'Digital public goods deployed here' },
  DEVELOPED_IN: { out: 'Developed in', in: 'Digital public goods developed here' },
};

/** Heading phrase for a relationship seen from one end; unknown types read as their lower-cased name. */
export function relationshipPhrase(type: string, direction: Direction): string {
  if (isRelationshipType(type)) return RELATIONSHIP_PHRASES[type][direction];
  const words = type.toLowerCase().replaceAll('_', ' ');
  const sentence = words.charAt(0).toUpperCase() + words.slice(1);
  return direction === 'out' ? sentence : `${sentence} (incoming)`;
}

/** Sort key of a relationship type in {@link RELATIONSHIP_TYPES} order; unknown types sort last. */
export function relationshipOrder(type: string): number {
  const index = (RELATIONSHIP_TYPES as readonly string[]).indexOf(type);
  return index === -1 ? RELATIONSHIP_TYPES.length : index;
}
