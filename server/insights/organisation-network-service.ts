/**
 * "What does an organisation's partnership network look like?": its partners and what they share
 * (cypher/insights/organisation-ties.cypher), the ties among the strongest partners
 * (cypher/insights/ties-among.cypher) and everyone's whole-graph measures, assembled by
 * ego-network.ts.
 */
import neo4j from 'neo4j-driver';
import { run, type GraphDatabase } from '../db/neo4j-client.ts';
import {
  buildEgoNetwork,
  selectPartners,
  type EgoNetwork,
  type GlobalMeasures,
  type PartnerRef,
  type PartnerRow,
  type SharedDpg,
  type SharedTies,
  type TieRow,
} from './ego-network.ts';
import { requireEntity } from './entity-lookup.ts';
import { sharedDpgSentence } from './shared-dpg-sentence.ts';
import { entityContexts, metricsComputedAt } from './stakeholder-service.ts';

/** Partner rows read per request at most. */
export const MAX_PARTNER_ROWS = 5_000;

export interface NetworkQuery {
  id: string;
  limit: number;
  minStrength: number;
}

export interface NetworkAnswer extends EgoNetwork {
  organisation: PartnerRef;
  metricsComputedAt: string | null;
}

/** A row as the query returns it: its shared DPGs not yet in words. */
type Unsaid<Row extends SharedTies> = Omit<Row, 'dpgs'> & {
  dpgs: Omit<SharedDpg, 'sentence'>[];
};

/** The row with each shared DPG in words, naming the fund it is shared through, if any. */
function said<Row extends SharedTies>(row: Unsaid<Row>): Row {
  return {
    ...row,
    dpgs: row.dpgs.map((dpg) => ({ ...dpg, sentence: sharedDpgSentence(dpg, dpg.via) })),
  } as Row;
}

/**
 * The ego network of an organisation.
 * @throws NotFoundError when no organisation has the id.
 */
export async function getOrganisationNetwork(
  db: GraphDatabase,
  query: NetworkQuery,
): Promise<NetworkAnswer> {
  return db.readTx(async (tx) => {
    const organisation: PartnerRef = await requireEntity(tx, query.id, ['Organisation']);
    const rows = (
      (await run(tx, 'insights/organisation-ties', {
        id: query.id,
        maxPartners: neo4j.int(MAX_PARTNER_ROWS),
      })) as unknown as Unsaid<PartnerRow>[]
    ).map(said);
    const selection = selectPartners(rows, query);
    const ids = selection.shown.map((r) => r.partner.id);
    const among = (
      (await run(tx, 'insights/ties-among', { ids })) as unknown as Unsaid<TieRow>[]
    ).map(said);
    const contexts = await entityContexts(tx, [query.id, ...ids]);
    const measures = new Map<string, GlobalMeasures>(
      [...contexts.values()].map((c) => [
        c.id,
        {
          degree: c.degree,
          pagerank: c.pagerank,
          betweenness: c.betweenness,
          community: c.community,
        },
      ]),
    );
    return {
      organisation,
      metricsComputedAt: await metricsComputedAt(tx),
      ...buildEgoNetwork(organisation, selection, rows.length, among, measures),
    };
  });
}
