import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, GraphDatabase } from '../../server/db/neo4j-client.ts';
import { loadMigrations } from '../../server/db/cypher-registry.ts';
import { createApp } from '../../server/app.ts';
import { serveApi, type TestApi } from '../support/api-client.ts';
import {
  graphSnapshot,
  importSeed,
  openTestDatabase,
  query,
  resetGraph,
} from '../support/graph-fixture.ts';
import { hasSharedData } from '../support/shared-data.ts';

const db = openTestDatabase();
let api: TestApi;

/** The ids a search for `q` lists, in order. */
const found = async (q: string): Promise<string[]> =>
  (await api.get(`/api/search?q=${encodeURIComponent(q)}`)).body.results.map(
    (r: { id: string }) => r.id,
  );

beforeAll(async () => {
  await resetGraph(db);
  if (hasSharedData()) await importSeed(db);
  await db.read('admin/await-indexes', { timeoutSeconds: 30 });
  api = await serveApi(db);
});
afterAll(async () => {
  await api.close();
  await resetGraph(db);
  await db.close();
});

describe('GET /api/health', () => {
  it('reports the app, the database version and the schema version', async () => {
    const { status, body } = await api.get('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      database: {
        status: 'up',
        edition: 'community',
        // The newest migration in cypher/schema/.
        schemaVersion: Math.max(...loadMigrations().map((m) => m.version)),
        version: expect.stringMatching(/^5\.26\./),
      },
    });
  });

  it('answers 503 fast, with Retry-After on data routes, when the database is unreachable', async () => {
    const dead = new GraphDatabase(
      createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'irrelevant-password' }),
    );
    const server = createApp(dead, { webDist: '/nonexistent' }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const started = Date.now();
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        status: 'degraded',
        database: { status: 'down' },
      });
      const entity = await fetch(`${base}/api/entities/org:unicef`);
      expect(entity.status).toBe(503);
      expect(entity.headers.get('retry-after')).toBe('5');
      expect(await entity.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      server.close();
      await dead.close();
    }
  });
});

describe.runIf(hasSharedData())('entities and search on the seed graph', () => {
  it('GET /api/entities/:id returns properties, degree, neighbours and sources', async () => {
    const { status, body } = await api.get('/api/entities/org%3Aunicef');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'org:unicef',
      label: 'UNICEF',
      type: 'Organisation',
      kind: 'un-agency',
    });
    expect(body.degree.LEADS).toBe(9);
    expect(
      body.neighbours.filter((n: { relationship: string }) => n.relationship === 'LEADS'),
    ).toHaveLength(9);
    expect(body.sources).toEqual([
      expect.objectContaining({
        id: 'source:member-page:unicef',
        kind: 'member-page',
        checksum: expect.any(String),
      }),
    ]);
    expect(body.properties).not.toHaveProperty('sources');
    expect(body.provenance[0]).toMatchObject({ source: 'source:member-page:unicef' });
  });

  it('counts a neighbour reached twice by one kind of relationship once, as it is listed', async () => {
    await query(
      db,
      `CREATE (a:Entity:Organisation {id: 'org:twice-linked', name: 'Twice linked'}),
              (b:Entity:DPG {id: 'dpg:twice-linked', name: 'Linked DPG'})
       CREATE (a)-[:FUNDS]->(b), (a)-[:FUNDS]->(b), (a)-[:MEMBER_OF]->(a)`,
    );
    try {
      const { status, body } = await api.get('/api/entities/org%3Atwice-linked');
      expect(status).toBe(200);
      const funds = body.neighbourSummary.groups.find(
        (g: { relationship: string }) => g.relationship === 'FUNDS',
      );
      expect(funds.count).toBe(1);
      const loop = body.neighbourSummary.groups.filter(
        (g: { relationship: string }) => g.relationship === 'MEMBER_OF',
      );
      expect(loop.map((g: { count: number }) => g.count)).toEqual([1]);
      expect(body.neighbourSummary.total).toBe(2);
      expect(body.neighbourSummary.truncated).toBe(false);
      const cut = await api.get('/api/entities/org%3Atwice-linked?neighbours=1');
      expect(cut.body.neighbourSummary.truncated).toBe(true);
    } finally {
      await query(db, "MATCH (n:Entity) WHERE n.id ENDS WITH ':twice-linked' DETACH DELETE n");
    }
  });

  it('GET /api/entities/:id answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await api.get('/api/entities/org%3Ano-such-org');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const malformed = await api.get(`/api/entities/${encodeURIComponent("x' OR 1=1 //")}`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].path).toBe('path.id');
  });

  it('GET /api/search finds by prefix, by alias and despite a typo', async () => {
    const prefix = await api.get('/api/search?q=goog');
    expect(prefix.body.results[0]).toMatchObject({ id: 'org:google', type: 'Organisation' });
    const alias = await api.get('/api/search?q=Deutsche%20Gesellschaft');
    expect(alias.body.results[0]).toMatchObject({
      id: 'org:giz',
      snippet: expect.stringContaining('also known as'),
    });
    const typo = await api.get('/api/search?q=kazakstan');
    expect(typo.body.results.map((r: { id: string }) => r.id)).toContain('country:KZ');
    const typed = await api.get('/api/search?q=sierra&types=Country');
    expect(typed.body.results.map((r: { id: string }) => r.id)).toEqual(['country:SL']);
  });

  it('GET /api/search shows why a description matched', async () => {
    const { body } = await api.get('/api/search?q=stockholm');
    expect(body.results[0].id).toMatch(/^activity:unicef\/strengthening/);
    expect(body.results[0].snippet).toContain('Stockholm');
    const inTitle = await api.get('/api/search?q=quadratic');
    expect(inTitle.body.results[0]).toMatchObject({
      id: expect.stringMatching(/web3/),
      snippet: null,
    });
  });

  it('GET /api/overview returns the whole seed graph as Cytoscape elements', async () => {
    const { body } = await api.get('/api/overview');
    expect(body.truncated).toBe(false);
    expect(body.nodes).toHaveLength(body.total.nodes);
    expect(body.edges).toHaveLength(body.total.edges);
    const ids = new Set(body.nodes.map((n: { data: { id: string } }) => n.data.id));
    expect(
      body.edges.every(
        (e: { data: { source: string; target: string } }) =>
          ids.has(e.data.source) && ids.has(e.data.target),
      ),
    ).toBe(true);
    const capped = await api.get('/api/overview?limit=5');
    expect(capped.body).toMatchObject({ truncated: true });
    expect(capped.body.nodes).toHaveLength(5);
  });
});

describe('search ranking', () => {
  // An organisation, a fund named after it whose alias and description repeat its name, and an
  // activity that only mentions it: UNICEF, the UNICEF Venture Fund and one of UNICEF's activities.
  const org = 'org:zorblax';
  const fund = 'initiative:zorblax-venture-fund';
  const activity = 'activity:zorblax/scaling';
  beforeAll(async () => {
    await query(
      db,
      `CREATE (:Entity:Organisation {id: $org, name: 'Zorblax',
                 description: 'The United Nations agency for children.'}),
              (:Entity:Initiative {id: $fund, name: 'Zorblax Venture Fund',
                 aliases: ['Zorblax Innovation Fund'], aliasText: 'Zorblax Innovation Fund | ',
                 description: $fundText}),
              (:Entity:Activity {id: $activity, name: 'Scaling open tools',
                 description: $activityText})`,
      {
        org,
        fund,
        activity,
        fundText:
          'The Zorblax Venture Fund invests in open-source start-ups: Zorblax staff mentor them, ' +
          'Zorblax offices host them, and Zorblax country teams deploy what they build.',
        activityText: 'Zorblax scales open tools with Zorblax partners in Zorblax countries.',
      },
    );
  });
  afterAll(async () => {
    await query(db, 'MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', {
      ids: [org, fund, activity],
    });
  });

  it('ranks a name matched despite a typo above descriptions that repeat the word', async () => {
    expect(await found('zorbalx')).toEqual([org, fund, activity]);
  });

  it('ranks the entity named exactly what was typed first', async () => {
    expect((await found('zorblax'))[0]).toBe(org);
    expect((await found('Zorblax Venture Fund'))[0]).toBe(fund);
  });

  it('ranks a name matched as a prefix above descriptions that mention the word', async () => {
    // A prefix scores every name alike: the shorter name, nearer to what was typed, goes first.
    expect(await found('zorbl')).toEqual([org, fund, activity]);
  });

  it('finds a one-word name typed as two words', async () => {
    expect((await found('zorb lax'))[0]).toBe(org);
  });
});

describe('search of a short word', () => {
  // DHIS2 against every DPG whose description says "this" (QA): a short word one letter off a
  // word of a description is too often another word, as "vrix" is "grix" here.
  const named = 'dpg:vrix';
  const described = 'dpg:mapping-kit';
  beforeAll(async () => {
    await query(
      db,
      `CREATE (:Entity:DPG {id: $named, name: 'Vrix'}),
              (:Entity:DPG {id: $described, name: 'Mapping Kit',
                 description: 'Grix teams map their data with it.'})`,
      { named, described },
    );
  });
  afterAll(async () => {
    await query(db, 'MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', {
      ids: [named, described],
    });
  });

  it('looks for it one letter off in names, not in descriptions', async () => {
    expect(await found('vrix')).toEqual([named]);
    // The word itself is found in a description, and a name one letter off still is (first, as
    // names rank above descriptions).
    expect(await found('grix')).toEqual([named, described]);
  });
});

describe('search ranking by connections', () => {
  // Like SDG 3 against a dozen small health organisations, and UNICEF against the UNICC ("unic" is
  // the start of both, and one typo from "unicc"): names alike rank the better connected first.
  const goal = 'sdg:97';
  const small = ['org:quuxing-labs', 'org:quuxing-trust'];
  const big = 'org:florbitz';
  const near = 'org:florbi-computing';
  const filler = 'dpg:quux-filler-';
  beforeAll(async () => {
    await query(
      db,
      `CREATE (goal:Entity:SDG {id: $goal, name: 'SDG 97: Good Quuxing and Well-being for All'}),
              (:Entity:Organisation {id: $small[0], name: 'Quuxing Labs'}),
              (:Entity:Organisation {id: $small[1], name: 'Quuxing Trust'}),
              (big:Entity:Organisation {id: $big, name: 'Florbitz'}),
              (:Entity:Organisation {id: $near, name: 'Florbi Computing Centre',
                 aliases: ['FLORBIC'], aliasText: 'FLORBIC | '})
       // Connections, as the store counts them: 300 DPGs advance the goal, Florbitz funds 33.
       WITH goal, big
       UNWIND range(1, 300) AS i
       CREATE (:Entity:DPG {id: $filler + i, name: 'Filler ' + i})-[:ADVANCES]->(goal)
       WITH DISTINCT big
       UNWIND range(301, 333) AS i
       CREATE (big)-[:FUNDS]->(:Entity:DPG {id: $filler + i, name: 'Filler ' + i})`,
      { goal, small, big, near, filler },
    );
  });
  afterAll(async () => {
    await query(
      db,
      'MATCH (n:Entity) WHERE n.id IN $ids OR n.id STARTS WITH $filler DETACH DELETE n',
      { ids: [goal, ...small, big, near], filler },
    );
  });

  it('ranks a well-connected entity with a longer name above short names of one connection', async () => {
    expect(await found('quuxing')).toEqual([goal, ...small]);
  });

  it('ranks a prefix of a well-connected name above a near miss of a rarer one', async () => {
    expect((await found('florb'))[0]).toBe(big);
    // The name typed out is still first, however few its connections.
    expect((await found('florbi computing centre'))[0]).toBe(near);
  });
});

describe('search reads what people type', () => {
  // Names as the sources write them: a country without its accents, goals as "SDG n: …".
  const country = 'country:QZ';
  // Ids no real goal has (the registry's SDGs are sdg:1–17); the names are what is searched.
  const goals = ['sdg:96', 'sdg:95', 'sdg:94'];
  const org = 'org:quirzo-labs';
  // Accents in the name as written, none in what is typed (as SantéMPI or Côte d'Ivoire).
  const accented = 'dpg:brevampi';
  const accentedCountry = 'country:QY';
  const elided = 'org:quirzie-education';
  beforeAll(async () => {
    await query(
      db,
      `CREATE (:Entity:Country {id: $country, name: 'Sao Quirzo and Prinzipe'}),
              (:Entity:SDG {id: $goals[0], name: 'SDG 96: Quirzo for All'}),
              (:Entity:SDG {id: $goals[1], name: 'SDG 9: Quirzo, Industry and Infrastructure'}),
              (:Entity:SDG {id: $goals[2], name: 'SDG 69: Quirzo Partnerships'}),
              (:Entity:Organisation {id: $org, name: 'Quirzo Labs'}),
              (:Entity:DPG {id: $accented, name: 'BrévaMPI'}),
              (:Entity:Country {id: $accentedCountry, name: 'Côte and Quïrzÿland', aliases: ['Rëpublique de Quïrzÿland'], aliasText: 'Rëpublique de Quïrzÿland'})`,
      { country, goals, org, accented, accentedCountry },
    );
    // Written as an import writes it: the search text of its names is the import's to make.
    await db.write('import/merge-nodes', {
      sourceId: 'source:search-test',
      nodes: [
        {
          id: elided,
          label: 'Organisation',
          props: { name: 'Ministère de l’Éducation de Quirzie' },
          aliases: ["Ministry d'Quirzie Schooling"],
          evidence: 'a test',
        },
      ],
    });
    await query(db, 'CALL db.awaitIndexes(60)');
  });
  afterAll(async () => {
    await query(db, 'MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', {
      ids: [country, ...goals, org, accented, accentedCountry, elided],
    });
  });

  it('finds a name written without accents when it is typed with them', async () => {
    expect((await found('São Quírzo'))[0]).toBe(country);
    expect((await found('sao quirzo and prinzipe'))[0]).toBe(country);
    expect((await found('São Quírzo and Prínzipe'))[0]).toBe(country);
  });

  it('finds a name written with accents when it is typed without them', async () => {
    // A prefix: the word typed so far.
    expect(await found('breva')).toEqual([accented]);
    expect(await found('brevampi')).toEqual([accented]);
    // Prefixes of accented words, which no fuzzy match of the index as written reaches, with a
    // stop word between them that the folded index does not hold.
    expect(await found('cote and quirzyl')).toEqual([accentedCountry]);
    // By an alias too.
    expect(await found('republi quirzyl')).toEqual([accentedCountry]);
    // Typed with its accents, as before.
    expect(await found('brév')).toEqual([accented]);
  });

  it('finds a word after an apostrophe, typed with either apostrophe ("d\'ivoire")', async () => {
    expect((await found("ministere de l'education"))[0]).toBe(elided);
    expect((await found('Ministère de l’Éducation'))[0]).toBe(elided);
    expect((await found("quirzie l'educ"))[0]).toBe(elided);
    // Typed without the apostrophe: the letter and the word are also read as the elided word.
    expect((await found('ministere de l education'))[0]).toBe(elided);
    expect((await found('quirzie l educ'))[0]).toBe(elided);
  });

  it('finds a word after an apostrophe typed alone ("ivoire"), in a name or an alias', async () => {
    expect((await found('education quirzie'))[0]).toBe(elided);
    expect((await found('éduc'))[0]).toBe(elided);
    expect((await found('quirzie schooling'))[0]).toBe(elided);
  });

  it('reads "sdg96" as SDG 96', async () => {
    expect((await found('sdg96'))[0]).toBe(goals[0]);
    expect((await found('sdg9'))[0]).toBe(goals[1]);
  });

  it('finds the entity whose id is pasted, in any case', async () => {
    expect((await found(org))[0]).toBe(org);
    expect((await found(' ORG:Quirzo-Labs '))[0]).toBe(org);
    expect((await found('country:qz'))[0]).toBe(country);
    // An id of no entity finds what its words find, as any text does.
    expect(await found('org:nothing-by-that-id')).toEqual([]);
  });
});

describe('bad input', () => {
  it.each([
    ['/api/search', 'query.q'],
    ['/api/search?q=', 'query.q'],
    [`/api/search?q=${'a'.repeat(201)}`, 'query.q'],
    ['/api/search?q=x&limit=0', 'query.limit'],
    ['/api/search?q=x&types=Person', 'query.types.0'],
    ['/api/overview?limit=abc', 'query.limit'],
  ])('GET %s is a 400 naming %s', async (path, where) => {
    const { status, body } = await api.get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_ERROR');
    expect(body.error.details.map((d: { path: string }) => d.path)).toContain(where);
  });

  it('hostile search strings never give a 500 and never change the graph', async () => {
    const before = await graphSnapshot(db);
    const hostile = [
      '"',
      "'",
      '\\',
      'a AND b OR NOT c',
      'name:UNICEF',
      '*',
      '?',
      '~',
      '((((',
      '[a TO z]',
      '{!}',
      "') MATCH (n) DETACH DELETE n //",
      '"; MATCH (n) DETACH DELETE n; //',
      'CALL db.labels()',
      'Ünïcødé 🚀 ج ☃',
      // Accents alone: without them, nothing (an empty term broke the Lucene query).
      '\u0301',
      'a \u0301\u0308 b',
      '\u0000\u0001',
      '/regex/',
      'a'.repeat(200),
    ];
    for (const q of hostile) {
      const { status } = await api.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(status, `q=${JSON.stringify(q)}`).toBeLessThan(500);
    }
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('unknown API routes answer a JSON 404 naming the path asked for', async () => {
    const { status, body } = await api.get('/api/nope');
    expect(status).toBe(404);
    expect(body).toMatchObject({
      error: { code: 'NOT_FOUND', message: 'No API route GET /api/nope.' },
    });
  });

  it('a known path asked with another method answers 405 with the methods it takes', async () => {
    const subgraph = await fetch(`${api.url}/api/graph/subgraph`);
    expect(subgraph.status).toBe(405);
    expect(subgraph.headers.get('allow')).toBe('POST, OPTIONS');
    expect(await subgraph.json()).toMatchObject({
      error: { code: 'METHOD_NOT_ALLOWED', details: { allow: ['POST', 'OPTIONS'] } },
    });
    const put = await fetch(`${api.url}/api/entities/org:unicef`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const options = await fetch(`${api.url}/api/entities/org:unicef`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('an activity id with an unencoded "/" is told to encode it', async () => {
    const { status, body } = await api.get('/api/entities/activity:unicef/some-title');
    expect(status).toBe(404);
    expect(body.error.message).toContain('encoded, as %2F');
  });
});
