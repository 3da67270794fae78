/**
 * "Who are the stakeholders of Y?" for an activity, DPG, country, SDG, initiative or sector: every
 * stakeholder's connecting paths summed up and ranked, then the shown ones' closest paths
 * (cypher/insights/stakeholder-paths.cypher, run twice), measures and ties
 * (cypher/insights/entity-ties.cypher), assembled by stakeholder-map.ts.
 */
import neo4j from 'neo4j-driver';
import type { ManagedTransaction } from 'neo4j-driver';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import type { EntityType, OrganisationKind } from '../model/graph-model.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { requireEntity } from './entity-lookup.ts';
import type { PathNode } from './evidence-path.ts';
import {
  buildStakeholderMap,
  NOT_ACTOR_INITIATIVE_KINDS,
  STAKEHOLDER_ROLES,
  type StakeholderContext,
  type StakeholderMap,
  rankStakeholders,
  relationshipsOfRole,
  type ShownStakeholderRow,
  stakeholderLinkTable,
  stakeholderRings,
  type MapSubject,
  type StakeholderSummary,
  type StakeholderSubjectType,
  type StakeholderRole,
} from './stakeholder-map.ts';
import { findSector, sectorId, type SectorCount, unknownSectorMessage } from './sector-subject.ts';
import { withArticle } from '../model/indefinite-article.ts';

export const STAKEHOLDER_SUBJECTS = [
  'activity',
  'dpg',
  'country',
  'sdg',
  'initiative',
  'sector',
] as const;
export type StakeholderSubject = (typeof STAKEHOLDER_SUBJECTS)[number];

/** The subjects whose map narrows to a country: topics ("Health in Kenya", "SDG 3 in Kenya"). */
export const TOPIC_SUBJECTS = ['sector', 'sdg'] as const satisfies readonly StakeholderSubject[];
const isTopicSubject = (subject: StakeholderSubject) =>
  (TOPIC_SUBJECTS as readonly StakeholderSubject[]).includes(subject);

const ENTITY_SUBJECT_TYPES: Record<
  Exclude<StakeholderSubject, 'sector'>,
  StakeholderSubjectType & EntityType
> = {
  activity: 'Activity',
  dpg: 'DPG',
  country: 'Country',
  sdg: 'SDG',
  initiative: 'Initiative',
};

export interface StakeholderQuery {
  subject: StakeholderSubject;
  /** The subject entity's id; for a sector, its name. */
  id: string;
  limit: number;
  connections: number;
  /** Only organisations of this kind. */
  kind?: OrganisationKind;
  /** Only DPGA members. */
  membersOnly: boolean;
  /** Only stakeholders with this role. */
  role?: StakeholderRole;
  /** A sector's or an SDG's map narrowed to this country (its id). */
  country?: string;
}

/** An SDG and how many DPGs advancing it are at work in a country (country-topics.cypher). */
export interface SdgCount {
  id: string;
  label: string;
  dpgs: number;
}

/** The topics at work in a country, each a topic's map there (country-topics.cypher). */
interface CountryTopics {
  sectors: SectorCount[];
  sdgs: SdgCount[];
}

export interface StakeholderAnswer extends StakeholderMap {
  /** The subject entity; for a sector, `sector:<name>` as its id, type `Sector`. */
  subject: PathNode & { kind: string | null };
  /** The roles a stakeholder can have, in a fixed order (the rings give the map's order). */
  roles: readonly string[];
  /** When the influence measures were computed; null if never. */
  metricsComputedAt: string | null;
  /** Whether `limit` left stakeholders out (`total` counts them all). */
  truncated: boolean;
  /**
   * On a country's map, the DPG sectors at work there (country-topics.cypher), most DPGs first:
   * each a sector's map in that country. Absent on other maps.
   */
  sectors?: SectorCount[];
  /** On a country's map, the SDGs at work there, as `sectors`: each an SDG's map there. */
  sdgs?: SdgCount[];
  /** The filters the map was drawn with: it ranks the stakeholders they keep, among themselves. */
  filters: {
    kind: string | null;
    membersOnly: boolean;
    role: string | null;
    /** The country a sector's or an SDG's map is narrowed to. */
    country: (PathNode & { kind: string | null }) | null;
  };
}

/** Measures and ties of the given entities, by id. */
export async function entityContexts(
  tx: ManagedTransaction,
  ids: readonly string[],
): Promise<Map<string, StakeholderContext>> {
  const rows = (await run(tx, 'insights/entity-ties', {
    ids: [...ids],
  })) as unknown as StakeholderContext[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** When the stored network measures were computed (null if never). */
export async function metricsComputedAt(tx: ManagedTransaction): Promise<string | null> {
  const [state] = await run(tx, 'insights/metrics-state');
  return (state?.computedAt as string | null) ?? null;
}

/**
 * The sector `name` names, as the subject of its map.
 * @throws NotFoundError naming the sectors there are, when no DPG has that sector.
 */
async function requireSector(
  tx: ManagedTransaction,
  name: string,
): Promise<{ subject: PathNode & { kind: null }; sector: string }> {
  const sectors = (await run(tx, 'insights/sectors')) as unknown as SectorCount[];
  const found = findSector(sectors, name);
  if (!found) {
    throw new NotFoundError(unknownSectorMessage(name, sectors), {
      sector: name,
      sectors: sectors.map((s) => s.sector),
    });
  }
  return {
    subject: { id: sectorId(found.sector), label: found.sector, type: 'Sector', kind: null },
    sector: found.sector,
  };
}

/**
 * Refuses a role no ring of `subject`'s map has ("based" on an SDG's map): its answer would be an
 * empty map, as if no one had the role, where the role cannot be had there at all.
 */
function refuseRoleNotOnMap(role: StakeholderRole, subject: MapSubject): void {
  const roles = [...new Set(stakeholderRings(subject).map((ring) => ring.role))];
  if (roles.includes(role)) return;
  const message = `"${role}" is not a role on the map of ${withArticle(subject.type)}${subject.country ? ' in a country' : ''}: its roles are ${roles.join(', ')}`;
  throw ValidationError.of('query', [{ path: 'query.role', message }]);
}

/**
 * The stakeholder map of one subject; a sector's or an SDG's may be narrowed to a country.
 * @throws NotFoundError when no entity of the subject's type has the id, no DPG the sector, or
 *   the country is none.
 */
export async function getStakeholders(
  db: GraphDatabase,
  query: StakeholderQuery,
): Promise<StakeholderAnswer> {
  return db.readTx(async (tx) => {
    const { subject, sector } =
      query.subject === 'sector'
        ? await requireSector(tx, query.id)
        : {
            subject: await requireEntity(tx, query.id, [ENTITY_SUBJECT_TYPES[query.subject]]),
            sector: '',
          };
    const country =
      isTopicSubject(query.subject) && query.country
        ? await requireEntity(tx, query.country, ['Country'])
        : null;
    const mapSubject = {
      type: subject.type as StakeholderSubjectType,
      label: subject.label,
      ...(country ? { country: country.label } : {}),
    };
    if (query.role !== undefined) refuseRoleNotOnMap(query.role, mapSubject);
    const params = {
      // A sector is no entity: '' matches none, and $sector picks its branches.
      id: sector === '' ? subject.id : '',
      sector,
      country: country?.id ?? '',
      links: stakeholderLinkTable(mapSubject),
      connections: neo4j.int(query.connections),
      // '' for any kind, never null: one cached plan for both (collaborator-service.ts says why).
      kind: query.kind ?? '',
      membersOnly: query.membersOnly,
      roleTypes: query.role ? relationshipsOfRole(query.role) : [],
      notActors: NOT_ACTOR_INITIATIVE_KINDS,
    };
    // Every stakeholder summed up and ranked here, then the shown ones' paths: the paths of a
    // large map's every stakeholder would not fit a transaction (stakeholder-paths.cypher).
    const summaries = (await run(tx, 'insights/stakeholder-paths', {
      ...params,
      shown: null,
    })) as unknown as StakeholderSummary[];
    const ranking = rankStakeholders(summaries, query.limit);
    const ids = ranking.shown.map((s) => s.id);
    const rows =
      ids.length === 0
        ? []
        : ((await run(tx, 'insights/stakeholder-paths', {
            ...params,
            shown: Object.fromEntries(ids.map((id) => [id, true])),
          })) as unknown as ShownStakeholderRow[]);
    const map = buildStakeholderMap(ranking, rows, await entityContexts(tx, ids), {
      subject: mapSubject,
      connectionsPerStakeholder: query.connections,
      role: query.role,
    });
    const [topics] =
      mapSubject.type === 'Country'
        ? ((await run(tx, 'insights/country-topics', {
            id: subject.id,
          })) as unknown as CountryTopics[])
        : [];
    return {
      subject,
      roles: STAKEHOLDER_ROLES,
      ...(topics ? { sectors: topics.sectors, sdgs: topics.sdgs } : {}),
      metricsComputedAt: await metricsComputedAt(tx),
      truncated: ranking.shown.length < ranking.total,
      filters: {
        kind: query.kind ?? null,
        membersOnly: query.membersOnly,
        role: query.role ?? null,
        country,
      },
      ...map,
    };
  });
}
