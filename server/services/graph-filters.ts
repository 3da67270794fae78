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
  type EntityType,
  type OrganisationKind,
  type RelationshipType,
} from '../model/graph-model.ts';

/**
 * `values` de-duplicated, when every one is in `allowed`; else a ValidationError naming the first
 * that is not, as `what` ("entity type"), at `field`.
 */
function checkAll<T extends string>(
  values: readonly string[],
  allowed: readonly T[],
  what: string,
  field: string,
): T[] {
  const bad = values.find((v) => !(allowed as readonly string[]).includes(v));
  if (bad !== undefined) {
    throw new ValidationError(`${field}: unknown ${what} ${JSON.stringify(bad)}`, [
      { path: field, message: `expected one of ${allowed.join(', ')}` },
    ]);
  }
  return [...new Set(values as T[])];
}

/** Returns the entity types, de-duplicated; throws ValidationError naming any unknown one. */
export function checkEntityTypes(values: readonly string[], field = 'types'): EntityType[] {
  return checkAll(values, ENTITY_TYPES, 'entity type', field);
}

/** Returns the relationship types, de-duplicated; throws ValidationError naming any unknown one. */
export function checkRelationshipTypes(
  values: readonly string[],
  field = 'rels',
): RelationshipType[] {
  return checkAll(values, RELATIONSHIP_TYPES, 'relationship type', field);
}

/** Returns the organisation kinds, de-duplicated; throws ValidationError naming any unknown one. */
export function checkOrganisationKinds(
  values: readonly string[],
  field = 'kinds',
): OrganisationKind[] {
  return checkAll(values, ORGANISATION_KINDS, 'organisation kind', field);
}
