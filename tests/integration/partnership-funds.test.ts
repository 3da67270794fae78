// Partnership networks through the funds an organisation runs (cypher/insights/organisation-ties
// and ties-among): UNICEF backs the DPGs its Venture Fund invests in, so their owners are its
// partners, and it is theirs. A graph of its own, written through the graph writer:
//
//   runner RUNS fund; fund FUNDS a and b; investee and co-owner OWN a; other OWNS b;
//   stranger OWNS c, which nobody funds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFacts } from '../../server/importers/graph/graph-writer.ts';
import { FactSet } from '../../server/importers/graph/graph-facts.ts';
import type { EntityType, RelationshipType } from '../../server/model/graph-model.ts';
import { serveApi, type TestApi } from '../support/api-client.ts';
import { openTestDatabase, resetGraph } from '../support/graph-fixture.ts';

const db = openTestDatabase();
let api: TestApi;

function facts(): FactSet {
  const set = new FactSet();
  const node = (id: string, label: EntityType, props: Record<string, string> = {}) =>
    set.addNode({ id, label, props: { name: id.split(':')[1]!, ...props }, evidence: id });
  const rel = (from: string, type: RelationshipType, to: string) =>
    set.addRelationship({ from, type, to, props: {}, evidence: `${from} ${type} ${to}` });
  for (const org of ['runner', 'investee', 'co-owner', 'other', 'stranger']) {
    node(`org:${org}`, 'Organisation', { kind: 'company' });
  }
  node('initiative:fund', 'Initiative');
  for (const dpg of ['a', 'b', 'c']) node(`dpg:${dpg}`, 'DPG');
  rel('org:runner', 'RUNS', 'initiative:fund');
  rel('initiative:fund', 'FUNDS', 'dpg:a');
  rel('initiative:fund', 'FUNDS', 'dpg:b');
  rel('org:investee', 'OWNS', 'dpg:a');
  rel('org:co-owner', 'OWNS', 'dpg:a');
  rel('org:other', 'OWNS', 'dpg:b');
  rel('org:stranger', 'OWNS', 'dpg:c');
  return set;
}

interface Network {
  nodes: { data: { id: string; strength: number } }[];
  edges: { data: { source: string; target: string; dpgs: { id: string }[] } }[];
}

async function network(id: string): Promise<Network> {
  const { status, body } = await api.get(`/api/organisations/${id}/network`);
  expect(status).toBe(200);
  return body as Network;
}

const partners = (n: Network) => n.nodes.map((node) => [node.data.id, node.data.strength]);
const edges = (n: Network) =>
  n.edges.map((e) => [e.data.source, e.data.target, e.data.dpgs.map((d) => d.id)]);

beforeAll(async () => {
  await resetGraph(db);
  await writeFacts(
    db,
    { id: 'source:test:funds', kind: 'test', uri: 'test://funds', title: 'Funds', checksum: 'v1' },
    facts(),
  );
  api = await serveApi(db);
});

afterAll(async () => {
  await api.close();
  await resetGraph(db);
  await db.close();
});

describe('partnership networks through the funds organisations run', () => {
  it('makes the owners of what a fund invests in partners of whoever runs the fund', async () => {
    const runner = await network('org:runner');
    expect(partners(runner)).toEqual([
      ['org:runner', 0],
      ['org:co-owner', 1],
      ['org:investee', 1],
      ['org:other', 1],
    ]);
    // Each tie names the DPG it runs through; co-owner and investee also share a with each other.
    expect(edges(runner)).toEqual([
      ['org:runner', 'org:co-owner', ['dpg:a']],
      ['org:runner', 'org:investee', ['dpg:a']],
      ['org:runner', 'org:other', ['dpg:b']],
      ['org:co-owner', 'org:investee', ['dpg:a']],
    ]);
  });

  it('and whoever runs the fund a partner of each of them, the ties among partners too', async () => {
    const investee = await network('org:investee');
    expect(partners(investee)).toEqual([
      ['org:investee', 0],
      ['initiative:fund', 1],
      ['org:co-owner', 1],
      ['org:runner', 1],
    ]);
    // Among the partners: the fund and co-owner back a; runner runs the fund that funds a.
    expect(edges(investee)).toContainEqual(['org:co-owner', 'org:runner', ['dpg:a']]);
    expect(edges(investee)).toContainEqual(['initiative:fund', 'org:co-owner', ['dpg:a']]);
    // A fund is not its runner's partner through its own money.
    expect(edges(investee)).not.toContainEqual(['initiative:fund', 'org:runner', ['dpg:a']]);
  });

  it('leaves out whoever shares nothing', async () => {
    expect(partners(await network('org:stranger'))).toEqual([['org:stranger', 0]]);
  });
});
