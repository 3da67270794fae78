/**
 * The values and counts behind the UI's filters. Facets the graph has no data for yet (registry
 * sectors before the registry is imported) are empty lists, never errors.
 */
import neo4j from 'neo4j-driver';
import type { GraphDatabase } from '../db/neo4j-client.ts';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export const FACET_NAMES = [
  'entityTypes',
  'organisationKinds',
  'sdgs',
  'countries',
  'sectors',
  'dpgTypes',
  'licences',
  'stages',
  'activityTypes',
  'membership',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];
export type Facets = Record<FacetName, FacetValue[]>;

export async function getFacets(db: GraphDatabase, limit: number): Promise<Facets> {
  const [row] = await db.read('query/facets', { limit: neo4j.int(limit) });
  const facets = {} as Facets;
  for (const name of FACET_NAMES) {
    facets[name] = ((row?.[name] as FacetValue[] | undefined) ?? []).map((v) => ({
      value: String(v.value),
      label: String(v.label ?? v.value),
      count: Number(v.count),
    }));
  }
  return facets;
}
