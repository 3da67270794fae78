/**
 * The graph model's fixed vocabularies: node labels, relationship types and the phrases that
 * describe them. Everything that names a label or type in Cypher is checked against these lists
 * (Cypher cannot take labels as ordinary parameters, so the whitelist is the safety boundary).
 * See docs/graph-model.md for the model itself.
 */
import { z } from 'zod';

/** Labels of the entities users explore. Every such node also carries the `Entity` label. */
export const ENTITY_TYPES = [
  'Organisation',
  'Activity',
  'DPG',
  'Country',
  'SDG',
  'Group',
  'Initiative',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const entityTypeSchema = z.enum(ENTITY_TYPES);

export const RELATIONSHIP_TYPES = [
  'LEADS',
  'CO_LEADS',
  'PARTICIPATES_IN',
  'FUNDS',
  'INVOLVES',
  'TAKES_PLACE_IN',
  'MEMBER_OF',
  'RUNS',
  'OWNS',
  'MAINTAINS',
  'IMPLEMENTS',
  'ADVANCES',
  'DEPLOYED_IN',
  'DEVELOPED_IN',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];
export const relationshipTypeSchema = z.enum(RELATIONSHIP_TYPES);

/** How each relationship reads in a sentence, subject first ("UNICEF leads …"). */
export const RELATIONSHIP_PHRASES: Record<RelationshipType, string> = {
  LEADS: 'leads',
  CO_LEADS: 'co-leads',
  PARTICIPATES_IN: 'participates in',
  FUNDS: 'funds',
  INVOLVES: 'involves',
  TAKES_PLACE_IN: 'takes place in',
  MEMBER_OF: 'is a member of',
  RUNS: 'runs',
  OWNS: 'owns',
  MAINTAINS: 'maintains',
  IMPLEMENTS: 'implements',
  ADVANCES: 'advances',
  DEPLOYED_IN: 'is deployed in',
  DEVELOPED_IN: 'is developed in',
};

/** Organisation kinds (classification grows with the importers of the registry and members list). */
export const ORGANISATION_KINDS = [
  'un-agency',
  'government',
  'multilateral-bank',
  'foundation',
  'company',
  'ngo',
  'academia',
  'network',
  'unknown',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const organisationKindSchema = z.enum(ORGANISATION_KINDS);

/** Id prefix per type: ids are `<prefix>:<slug>`, stable across re-imports so URLs stay valid. */
export const ID_PREFIX: Record<EntityType, string> = {
  Organisation: 'org',
  Activity: 'activity',
  DPG: 'dpg',
  Country: 'country',
  SDG: 'sdg',
  Group: 'group',
  Initiative: 'initiative',
};

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

/**
 * How each relationship reads from its end node ("the AI CoP is led by UNICEF"), for sentences
 * that walk a relationship against its direction.
 */
export const RELATIONSHIP_INVERSE_PHRASES: Record<RelationshipType, string> = {
  LEADS: 'is led by',
  CO_LEADS: 'is co-led by',
  PARTICIPATES_IN: 'includes',
  FUNDS: 'is funded by',
  INVOLVES: 'is involved in',
  TAKES_PLACE_IN: 'hosts',
  MEMBER_OF: 'includes',
  RUNS: 'is run by',
  OWNS: 'is owned by',
  MAINTAINS: 'is maintained by',
  IMPLEMENTS: 'is implemented by',
  ADVANCES: 'is advanced by',
  DEPLOYED_IN: 'has a deployment of',
  DEVELOPED_IN: 'is a development location of',
};
