/**
 * The graph model's fixed vocabularies: node labels, relationship types and the phrases that
 * describe them (the bare lists live in graph-vocabulary.ts, which the front end shares), with
 * their zod schemas. Everything that names a label or type in Cypher is checked against these lists
 * (Cypher cannot take labels as ordinary parameters, so the whitelist is the safety boundary).
 * See docs/graph-model.md for the model itself.
 */
import { z } from 'zod';
import {
  ENTITY_TYPES,
  ORGANISATION_KINDS,
  RELATIONSHIP_TYPES,
  type EntityType,
  type OrganisationKind,
  type RelationshipType,
} from './graph-vocabulary.ts';

export {
  ENTITY_TYPES,
  ORGANISATION_KINDS,
  RELATIONSHIP_PHRASES,
  RELATIONSHIP_TYPES,
  type EntityType,
  type OrganisationKind,
  type RelationshipType,
} from './graph-vocabulary.ts';

export const entityTypeSchema = z.enum(ENTITY_TYPES);
export const relationshipTypeSchema = z.enum(RELATIONSHIP_TYPES);
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

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value);
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
  BASED_IN: 'is the home of',
};
