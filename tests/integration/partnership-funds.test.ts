// Partnership networks through the funds an organisation runs (cypher/insights/organisation-ties
// and ties-among): UNICEF backs the DPGs its Venture Fund invests in, so their owners are its
// partners, and it is theirs. A graph of its own, written through the graph writer:
//
//   runner RUNS fund and fund2, and FUNDS a itself too; fund FUNDS a and b; fund2 FUNDS b;
//   investee and co-owner OWN a; other OWNS b; rival RUNS rival-fund, which FUNDS b;
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
  node('org:rival', 'Organisation', { kind: 'foundation' });
  for (const fund of ['fund', 'fund2', 'rival-fund']) node(`initiative:${fund}`, 'Initiative');
  for (const dpg of ['a', 'b', 'c']) node(`dpg:${dpg}`, 'DPG');
  rel('org:runner', 'RUNS', 'initiative:fund');
  rel('org:runner', 'RUNS', 'initiative:fund2');
  rel('org:runner', 'FUNDS', 'dpg:a');
  rel('initiative:fund', 'FUNDS', 'dpg:a');
  rel('initiative:fund', 'FUNDS', 'dpg:b');
  rel('initiative:fund2', 'FUNDS', 'dpg:b');
  rel('org:rival', 'RUNS', 'initiative:rival-fund');
  rel('initiative:rival-fund', 'FUNDS', 'dpg:b');
  rel('org:investee', 'OWNS', 'dpg:a');
  rel('org:co-owner', 'OWNS', 'dpg:a');
  rel('org:other', 'OWNS', 'dpg:b');
  rel('org:stranger', 'OWNS', 'dpg:c');
  return set;
}

interface Network {
  nodes: { data: { id: string; strength: number } }[];
  edges: {
    data: {
      source: string;
      target: string;
      dpgs: { id: string; via: unknown[]; sentence: string }[];
    };
  }[];
}

async function network(id: string): Promise<Network> {
  const { status, body } = await api.get(`/api/organisations/${id}/network`);
  expect(status).toBe(200);
  return body as Network;
}

const partners = (n: Network) => n.nodes.map((node) => [node.data.id, node.data.strength]);
const edges = (n: Network) =>
  n.edges
    .map((e) => [e.data.source, e.data.target, e.data.dpgs.map((d) => d.id)] as const)
    .sort((x, y) => `${x[0]} ${x[1]}`.localeCompare(`${y[0]} ${y[1]}`));

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
    // a counts once for co-owner and investee, though runner funds it itself and through fund;
    // rival co-invests in b through a fund of its own; runner's own funds are not its partners.
    expect(partners(runner)).toEqual([
      ['org:runner', 0],
      ['initiative:rival-fund', 1],
      ['org:co-owner', 1],
      ['org:investee', 1],
      ['org:other', 1],
      ['org:rival', 1],
    ]);
    expect(edges(runner)).toEqual([
      ['initiative:rival-fund', 'org:other', ['dpg:b']],
      ['org:co-owner', 'org:investee', ['dpg:a']],
      ['org:other', 'org:rival', ['dpg:b']],
      ['org:runner', 'initiative:rival-fund', ['dpg:b']],
      ['org:runner', 'org:co-owner', ['dpg:a']],
      ['org:runner', 'org:investee', ['dpg:a']],
      ['org:runner', 'org:other', ['dpg:b']],
      ['org:runner', 'org:rival', ['dpg:b']],
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
    // Among the partners: the fund and co-owner back a, and runner funds it. A fund is not its
    // runner's partner through its own money.
    expect(edges(investee)).toEqual([
      ['initiative:fund', 'org:co-owner', ['dpg:a']],
      ['org:co-owner', 'org:runner', ['dpg:a']],
      ['org:investee', 'initiative:fund', ['dpg:a']],
      ['org:investee', 'org:co-owner', ['dpg:a']],
      ['org:investee', 'org:runner', ['dpg:a']],
    ]);
  });

  it('names the funds a DPG is shared through, and who runs them, in the answer and in words', async () => {
    const runner = await network('org:runner');
    const dpgOf = (n: Network, source: string, target: string) =>
      n.edges.find((e) => e.data.source === source && e.data.target === target)!.data.dpgs[0]!;
    const fund = (id: string, runBy: string) => ({
      id: `initiative:${id}`,
      label: id,
      type: 'Initiative',
      runBy: { id: `org:${runBy}`, label: runBy },
    });
    // runner funds a itself (as well as through fund): no go-between to name.
    expect(dpgOf(runner, 'org:runner', 'org:co-owner')).toEqual({
      id: 'dpg:a',
      label: 'a',
      type: 'DPG',
      via: [],
      sentence: 'a',
    });
    // b only through its funds; rival only through rival-fund, its own side first.
    expect(dpgOf(runner, 'org:runner', 'org:other')).toMatchObject({
      via: [fund('fund', 'runner'), fund('fund2', 'runner')],
      sentence: 'b, which runner funds through fund and fund2',
    });
    expect(dpgOf(runner, 'org:runner', 'org:rival')).toMatchObject({
      via: [fund('fund', 'runner'), fund('fund2', 'runner'), fund('rival-fund', 'rival')],
      sentence: 'b, which runner funds through fund and fund2, and rival through rival-fund',
    });
    // Among the partners too; the fund that funds b itself goes through nothing.
    expect(dpgOf(runner, 'org:other', 'org:rival').sentence).toBe(
      'b, which rival funds through rival-fund',
    );
    expect(dpgOf(runner, 'initiative:rival-fund', 'org:other').via).toEqual([]);
    // From an owner's side, the runner is the one named.
    expect(dpgOf(await network('org:other'), 'org:other', 'org:runner').sentence).toBe(
      'b, which runner funds through fund and fund2',
    );
  });

  it('leaves out whoever shares nothing', async () => {
    expect(partners(await network('org:stranger'))).toEqual([['org:stranger', 0]]);
  });
});
