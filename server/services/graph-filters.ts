/**
 * The query modules' own check of identifiers that reach Cypher (STYLE.md §6): labels and
 * relationship types are only ever passed as parameters compared with `labels(n)` / `type(r)`,
 * and only when they belong to the model's whitelists, whatever the route already validated.
 * Organisation kinds are property values, not identifiers, but are checked the same way: a kind
 * outside the list would match nothing and silently filter nothing.
 */
import { ValidationError } from '../errors.ts';
import {
  ENTITY_TYPES,
  ORGANISATION_KINDS,
  RELATIONSHIP_TYPES,
  isEntityType,
  isOrganisationKind,
  isRelationshipType,
  type EntityType,
  type OrganisationKind,
  type RelationshipType,
} from '../model/graph-model.ts';

/** Returns the entity types, de-duplicated; throws ValidationError naming any unknown one. */
export function checkEntityTypes(values: readonly string[], field = 'types'): EntityType[] {
  const bad = values.filter((v) => !isEntityType(v));
  if (bad.length > 0) {
    throw new ValidationError(`${field}: unknown entity type ${JSON.stringify(bad[0])}`, [
      { path: field, message: `expected one of ${ENTITY_TYPES.join(', ')}` },
    ]);
  }
  return [...new Set(values as EntityType[])];
}

/** Returns the relationship types, de-duplicated; throws ValidationError naming any unknown one. */
export function checkRelationshipTypes(
  values: readonly string[],
  field = 'rels',
): RelationshipType[] {
  const bad = values.filter((v) => !isRelationshipType(v));
  if (bad.length > 0) {
    throw new ValidationError(`${field}: unknown relationship type ${JSON.stringify(bad[0])}`, [
      { path: field, message: `expected one of ${RELATIONSHIP_TYPES.join(', ')}` },
    ]);
  }
  return [...new Set(values as RelationshipType[])];
}

/** Returns the organisation kinds, de-duplicated; throws ValidationError naming any unknown one. */
export function checkOrganisationKinds(
  values: readonly string[],
  field = 'kinds',
): OrganisationKind[] {
  const bad = values.filter((v) => !isOrganisationKind(v));
  if (bad.length > 0) {
    throw new ValidationError(`${field}: unknown organisation kind ${JSON.stringify(bad[0])}`, [
      { path: field, message: `expected one of ${ORGANISATION_KINDS.join(', ')}` },
    ]);
  }
  return [...new Set(values as OrganisationKind[])];
}
