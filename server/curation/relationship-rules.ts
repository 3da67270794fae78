/**
 * Which entity types each relationship type may join (docs/graph-model.md), so an editor cannot
 * state "DHIS2 leads Sierra Leone". Imports follow the same table, and the front end's forms
 * bundle this very module (web/src/state/curation/rules.ts): it has no runtime imports, which
 * eslint.config.js enforces.
 */
import type { EntityType, RelationshipType } from '../model/graph-vocabulary.ts';

type Ends = { from: readonly EntityType[]; to: readonly EntityType[] };

const FUNDERS = ['Organisation', 'Initiative'] as const;

export const RELATIONSHIP_ENDS: Record<RelationshipType, Ends> = {
  LEADS: { from: ['Organisation'], to: ['Activity'] },
  CO_LEADS: { from: ['Organisation'], to: ['Activity'] },
  PARTICIPATES_IN: { from: ['Organisation', 'Group'], to: ['Activity'] },
  INVOLVES: { from: ['Activity'], to: ['DPG', 'Organisation', 'Group', 'Initiative'] },
  TAKES_PLACE_IN: { from: ['Activity'], to: ['Country'] },
  MEMBER_OF: { from: ['Organisation'], to: ['Organisation', 'Group'] },
  RUNS: { from: ['Organisation'], to: ['Initiative'] },
  OWNS: { from: FUNDERS, to: ['DPG'] },
  MAINTAINS: { from: FUNDERS, to: ['DPG'] },
  FUNDS: { from: FUNDERS, to: ['DPG'] },
  IMPLEMENTS: { from: FUNDERS, to: ['DPG'] },
  ADVANCES: { from: ['DPG'], to: ['SDG'] },
  DEPLOYED_IN: { from: ['DPG'], to: ['Country'] },
  DEVELOPED_IN: { from: ['DPG'], to: ['Country'] },
  BASED_IN: { from: ['Organisation'], to: ['Country'] },
};

/** Null when `type` may join a `fromType` to a `toType`, else what it may join. */
export function endpointProblem(
  type: RelationshipType,
  fromType: EntityType,
  toType: EntityType,
): string | null {
  const ends = RELATIONSHIP_ENDS[type];
  if (ends.from.includes(fromType) && ends.to.includes(toType)) return null;
  return `${type} joins ${ends.from.join(' or ')} to ${ends.to.join(' or ')}, not ${fromType} to ${toType}`;
}
