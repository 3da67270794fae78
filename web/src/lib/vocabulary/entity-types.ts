/**
 * The fixed list of entity types in the DPG knowledge graph, declared once; the TypeScript type and the
 * human-readable names derive from it. Mirrors the node labels the API returns in `type`.
 */

/** Every entity type, in the order the UI lists them (legend, search groups). */
export const ENTITY_TYPES = [
  'Organisation',
  'Activity',
  'DPG',
  'Initiative',
  'Group',
  'Country',
  'SDG',
] as const;

/** One of {@link ENTITY_TYPES}. */
export type EntityType = (typeof ENTITY_TYPES)[number];

const ENTITY_TYPE_SET: ReadonlySet<string> = new Set(ENTITY_TYPES);

/** Whether a value the API sent is a known entity type. */
export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && ENTITY_TYPE_SET.has(value);
}

/** Display names per entity type: full singular and plural, and a short form for tight spaces. */
export const ENTITY_TYPE_NAMES: Readonly<
  Record<EntityType, { singular: string; plural: string; short: string }>
> = {
  Organisation: { singular: 'Organisation', plural: 'Organisations', short: 'Organisation' },
  Activity: { singular: 'Activity', plural: 'Activities', short: 'Activity' },
  DPG: { singular: 'Digital public good', plural: 'Digital public goods', short: 'DPG' },
  Initiative: { singular: 'Initiative', plural: 'Initiatives', short: 'Initiative' },
  Group: { singular: 'Group', plural: 'Groups', short: 'Group' },
  Country: { singular: 'Country', plural: 'Countries', short: 'Country' },
  SDG: { singular: 'Sustainable Development Goal', plural: 'SDGs', short: 'SDG' },
};

/** Display name for any type string, falling back to the raw value for types this build does not know. */
export function entityTypeName(
  type: string,
  form: 'singular' | 'plural' | 'short' = 'singular',
): string {
  return isEntityType(type) ? ENTITY_TYPE_NAMES[type][form] : type;
}

/** A type's plural inside a sentence: "countries", "digital public goods", but "SDGs". */
export function entityTypesInText(type: string): string {
  return entityTypeName(type, 'plural').replace(/^(?!SDG)\w/, (c) => c.toLowerCase());
}

/** Sort key of a type in {@link ENTITY_TYPES} order; unknown types sort last. */
export function entityTypeOrder(type: string): number {
  const index = (ENTITY_TYPES as readonly string[]).indexOf(type);
  return index === -1 ? ENTITY_TYPES.length : index;
}

const TYPE_BY_PREFIX: Readonly<Record<string, EntityType>> = {
  org: 'Organisation',
  activity: 'Activity',
  dpg: 'DPG',
  initiative: 'Initiative',
  group: 'Group',
  country: 'Country',
  sdg: 'SDG',
};

/** The entity type an id names by its prefix (`dpg:dhis2` → `DPG`), per docs/graph-model.md. */
export function typeFromId(id: string): EntityType | undefined {
  return TYPE_BY_PREFIX[id.split(':')[0] ?? ''];
}
