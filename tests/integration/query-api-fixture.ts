/**
 * The graph the query API tests read: the seed page, the DPG Registry, the DPGA members list and
 * the roadmap activities (the real data in ../shared/data), plus one small hand-built source whose
 * names hold XML, CSV and Cypher syntax, written through the import writer like any source.
 */
import type { GraphDatabase } from '../../server/db/neo4j-client.ts';
import { FactSet } from '../../server/importers/graph/graph-facts.ts';
import { writeFacts } from '../../server/importers/graph/graph-writer.ts';
import { importRealSources } from '../support/graph-fixture.ts';

export const TRICKY_ID = 'dpg:query-api-tricky';
export const TRICKY_NAME = `=cmd|' /C calc'!A0 <b>&amp;</b> "quoted" }) DETACH DELETE n //`;
export const TRICKY_SOURCE = 'source:test:query-api';

/** Adds one DPG with a hostile name, deployed in Sierra Leone, from a source of its own. */
export async function addTrickyDpg(db: GraphDatabase): Promise<void> {
  const facts = new FactSet();
  facts.addNode({
    id: TRICKY_ID,
    label: 'DPG',
    props: { name: TRICKY_NAME, description: 'Line one\nline two, with a tab\tand a bell\u0007.' },
    evidence: 'query API test fixture',
  });
  facts.addNode({
    id: 'country:SL',
    label: 'Country',
    props: {},
    evidence: 'query API test fixture',
  });
  facts.addRelationship({
    type: 'DEPLOYED_IN',
    from: TRICKY_ID,
    to: 'country:SL',
    props: {},
    evidence: 'query API test fixture',
  });
  await writeFacts(
    db,
    {
      id: TRICKY_SOURCE,
      kind: 'test',
      uri: 'test://query-api',
      title: 'Query API test',
      checksum: 'x',
    },
    facts,
  );
}

/** Empties the graph and imports every real source, then the hand-built one. */
export async function importEcosystem(db: GraphDatabase): Promise<void> {
  await importRealSources(db);
  await addTrickyDpg(db);
  await db.read('admin/await-indexes', { timeoutSeconds: 30 });
}
