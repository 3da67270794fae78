/**
 * The fields of what a relationship states, and how its evidence goes into one cell, for every
 * export: the API's writers and the explorer's (web/src/lib/graph/graph-files.ts) alike. No
 * imports, so the front end bundles it as it is.
 */

/** The optional properties a relationship may state, in the order exports write them. */
export const RELATIONSHIP_DETAIL_PROPERTIES = [
  'role',
  'startDate',
  'endDate',
  'board',
  'notes',
  'sourceUrl',
] as const;
type DetailProperty = (typeof RELATIONSHIP_DETAIL_PROPERTIES)[number];

/** The detail properties `from` states, absent ones left out (a file writes no empty value). */
export function statedDetails<T extends Partial<Record<DetailProperty, unknown>>>(
  from: T,
): Partial<Pick<T, DetailProperty>> {
  const stated: Partial<Pick<T, DetailProperty>> = {};
  for (const key of RELATIONSHIP_DETAIL_PROPERTIES)
    if (from[key] !== undefined) stated[key] = from[key];
  return stated;
}

/**
 * Between the evidence of one relationship's sources, in one cell or element: a line each. A
 * quote may itself hold "; " (the list separator), and a spreadsheet shows the lines as lines.
 */
export const EVIDENCE_SEPARATOR = '\n';

/**
 * The same inside an XML attribute (GEXF's values), where a parser reads a line break as a space
 * (attribute-value normalisation) and the quotes would run together.
 */
export const EVIDENCE_ATTRIBUTE_SEPARATOR = ' | ';

/**
 * GEXF's edge attributes, each declared by its index as id, for both GEXF writers (the API's and
 * the explorer's): its type, its sources, what it states, then its evidence. One list, so that a
 * file from either declares the same columns to Gephi.
 */
export const GEXF_EDGE_ATTRIBUTES = [
  ['type', 'string'],
  ['sources', 'string'],
  ...RELATIONSHIP_DETAIL_PROPERTIES.map(
    (name) => [name, name === 'board' ? 'boolean' : 'string'] as const,
  ),
  ['evidence', 'string'],
] as const;
