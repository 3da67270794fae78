/**
 * The graph model's fixed lists (entity types, relationship types, organisation kinds) with no
 * imports at all, so the front end bundles the very same lists (web/src/state/curation/rules.ts)
 * instead of a copy. graph-model.ts re-exports them beside their zod schemas; eslint.config.js
 * keeps this module free of runtime imports.
 */

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
  'BASED_IN',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * How each relationship reads in a sentence, subject first ("UNICEF leads …"): the API's path
 * sentences and the details panel's sentence about one relationship read the same.
 */
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
  BASED_IN: 'is based in',
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

/**
 * A stakeholder's roles (server/insights/stakeholder-map.ts), in a fixed order: who is at home
 * there (a country's own organisations, BASED_IN), who runs, then who backs, then who takes part.
 * Which ring comes first depends on the subject's type (for a DPG its makers, for a country those
 * based there): `rings` gives a map's order.
 */
export const STAKEHOLDER_ROLES = [
  'based',
  'leads',
  'co-leads',
  'owns',
  'maintains',
  'funds',
  'deploys',
  'participates',
] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];
