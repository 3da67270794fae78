import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CYPHER_DIR,
  CYPHER_NAMES,
  cypher,
  loadMigrations,
} from '../../server/db/cypher-registry.ts';
import { applyMigrations, currentSchemaVersion } from '../../server/db/migrations.ts';
import { recordedSourceUri } from '../../server/importers/source-uri.ts';
import { openTestDatabase } from '../support/graph-fixture.ts';

const db = openTestDatabase();

/** Runs schema migration `version` as applyMigrations does, whatever the database's version. */
async function applyMigration(version: number): Promise<void> {
  const migration = loadMigrations().find((m) => m.version === version)!;
  for (const statement of migration.statements)
    await db.writeTx((tx) => tx.run(statement), { receipt: false });
}
afterAll(() => db.close());

function cypherFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return entry.name === 'schema'
        ? []
        : cypherFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`);
    return entry.name.endsWith('.cypher')
      ? [`${prefix}${entry.name.replace(/\.cypher$/, '')}`]
      : [];
  });
}

describe('cypher/', () => {
  it('holds exactly the statements the registry names', () => {
    expect(cypherFiles(CYPHER_DIR).sort()).toEqual([...CYPHER_NAMES].sort());
  });

  it.each(CYPHER_NAMES.map((name) => [name]))('%s is valid Cypher (EXPLAIN)', async (name) => {
    await db.readTx((tx) => tx.run(`EXPLAIN ${cypher(name)}`));
  });
});

describe('schema migrations', () => {
  it('are recorded at the latest version and applying them again does nothing', async () => {
    const latest = Math.max(...loadMigrations().map((m) => m.version));
    expect(await currentSchemaVersion(db)).toBe(latest);
    expect(await applyMigrations(db)).toEqual({ from: latest, to: latest, applied: [] });
  });

  it('created a uniqueness constraint on the id of every label and the full-text index', async () => {
    const constraints = await db.driver.executeQuery(
      'SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type',
    );
    const unique = constraints.records
      .filter(
        (r) => r.get('type') === 'UNIQUENESS' && (r.get('properties') as string[]).includes('id'),
      )
      .map((r) => (r.get('labelsOrTypes') as string[])[0]);
    expect(unique).toEqual(
      expect.arrayContaining([
        'Entity',
        'Organisation',
        'Activity',
        'DPG',
        'Country',
        'SDG',
        'Group',
        'Initiative',
        'Source',
      ]),
    );
    const indexes = await db.driver.executeQuery(
      "SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT'",
    );
    expect(indexes.records.map((r) => r.get('name'))).toEqual(
      expect.arrayContaining(['entity_text', 'entity_names_folded']),
    );
  });
});

describe('migration 0005: sources without server paths', () => {
  const stored = {
    'source:test:m5-unix': ['/srv/imports/data/roadmap-2023.csv', 'file:roadmap-2023.csv'],
    'source:test:m5-windows': ['C:\\imports\\members.json', 'file:members.json'],
    'source:test:m5-file-url': ['file:///srv/x/page.txt', 'file:page.txt'],
    'source:test:m5-relative': ['data/sheet.csv', 'file:sheet.csv'],
    'source:test:m5-web': ['https://example.org/dpgs', 'https://example.org/dpgs'],
    'source:test:m5-editor': ['user:u1', 'user:u1'],
    'source:test:m5-recorded': ['file:already.csv', 'file:already.csv'],
    'source:test:m5-synthetic': ['synthetic:seed-7/a', 'synthetic:seed-7/a'],
    'source:test:m5-empty-file-url': ['file:///', 'file:/'],
    'source:test:m5-credentials': [
      'https://ana:s3cret@example.org/api/dpgs?page=1',
      'https://example.org/api/dpgs?page=1',
    ],
    'source:test:m5-at-in-path': [
      'https://example.org/people/@ana',
      'https://example.org/people/@ana',
    ],
  } satisfies Record<string, [string, string]>;
  const ids = Object.keys(stored);
  afterAll(() =>
    db.driver.executeQuery('MATCH (s:Source) WHERE s.id IN $ids DETACH DELETE s', { ids }),
  );

  it('keeps a file’s name only, leaves every other source alone, and can run again', async () => {
    await db.driver.executeQuery(
      'UNWIND $rows AS row CREATE (:Source {id: row[0], uri: row[1], kind: "test"})',
      { rows: Object.entries(stored).map(([id, [uri]]) => [id, uri]) },
    );
    const trimmed = async () => {
      await applyMigration(5);
      const { records } = await db.driver.executeQuery(
        'MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id, s.uri AS uri',
        { ids },
      );
      return Object.fromEntries(records.map((r) => [r.get('id'), r.get('uri')]));
    };
    const expected = Object.fromEntries(Object.entries(stored).map(([id, [, uri]]) => [id, uri]));
    expect(await trimmed()).toEqual(expected);
    // What imports record now, for the same inputs.
    for (const [location, uri] of Object.values(stored)) {
      if (!location.startsWith('user:')) expect(recordedSourceUri(location)).toBe(uri);
    }
    expect(await trimmed()).toEqual(expected);
  });
});

describe('migration 0008: canonical entity ids', () => {
  afterAll(() =>
    db.driver.executeQuery(
      `MATCH (n) WHERE toLower(n.id) STARTS WITH 'org:m8' OR toLower(n.id) = 'country:zq'
         OR n.id IN ['m8-note', 'm8-event']
       DETACH DELETE n`,
    ),
  );

  it('gives an upper-cased id its canonical case, with what names it, unless that would clash', async () => {
    await db.driver.executeQuery(
      `CREATE (:Entity:Organisation {id: 'org:M8-Acme', name: 'Acme'}),
              (:Entity:Country {id: 'country:zq', name: 'Zq'}),
              (:Entity:Organisation {id: 'org:M8-Taken', name: 'Taken, upper'}),
              (:Entity:Organisation {id: 'org:m8-taken', name: 'Taken, lower'}),
              (:Entity:Organisation {id: 'org:M8-TWIN', name: 'Twin one'}),
              (:Entity:Organisation {id: 'org:m8-Twin', name: 'Twin two'}),
              (:Annotation {id: 'm8-note', topic: 'org:M8-Acme', subject: 'org:M8-Acme'}),
              (:AuditEvent {id: 'm8-event', entityId: 'org:M8-Acme'})`,
    );
    const ids = async () => {
      await applyMigration(8);
      const { records } = await db.driver.executeQuery(
        "MATCH (n:Entity) WHERE toLower(n.id) STARTS WITH 'org:m8' OR toLower(n.id) = 'country:zq' RETURN n.id AS id ORDER BY id",
      );
      return records.map((r) => r.get('id') as string);
    };
    const expected = [
      'country:ZQ',
      'org:M8-TWIN',
      'org:M8-Taken',
      'org:m8-Twin',
      'org:m8-acme',
      'org:m8-taken',
    ];
    expect(await ids()).toEqual(expected);
    // It can run again and changes nothing more.
    expect(await ids()).toEqual(expected);
    const { records } = await db.driver.executeQuery(
      "MATCH (a:Annotation {id: 'm8-note'}), (e:AuditEvent {id: 'm8-event'}) RETURN a.topic AS topic, a.subject AS subject, e.entityId AS entityId",
    );
    expect(records[0]?.toObject()).toEqual({
      topic: 'org:m8-acme',
      subject: 'org:m8-acme',
      entityId: 'org:m8-acme',
    });
  });
});

describe('migration 0009: canonical tombstone keys', () => {
  afterAll(() =>
    db.driver.executeQuery(`MATCH (t:Tombstone) WHERE toLower(t.key) CONTAINS 'm9-' DELETE t`),
  );

  it('moves tombstones to the canonical case of their ids, keeping one per key', async () => {
    await db.driver.executeQuery(
      `UNWIND $rows AS row CREATE (:Tombstone {key: row[0], kind: row[1], actor: row[2],
         at: datetime() - duration({days: size(row[2])})})`,
      {
        rows: [
          ['org:M9-Acme', 'entity', 'ed'],
          ['org:M9-Acme|FUNDS|COUNTRY:ke', 'relationship', 'ed'],
          ['dpg:m9-held', 'entity', 'first'],
          ['DPG:M9-Held', 'entity', 'second'],
          ['org:M9-TWIN', 'entity', 'older-one'],
          ['org:m9-Twin', 'entity', 'newer'],
          ['org:m9-fine|LEADS|activity:m9-x', 'relationship', 'ed'],
        ],
      },
    );
    const keys = async () => {
      await applyMigration(9);
      const { records } = await db.driver.executeQuery(
        "MATCH (t:Tombstone) WHERE toLower(t.key) CONTAINS 'm9-' RETURN t.key AS key, t.actor AS actor ORDER BY key",
      );
      return records.map((r) => `${r.get('key')} ${r.get('actor')}`);
    };
    // Of the two that would take the same key, the later deletion did: each tombstone is as many
    // days old as its actor's name is long ("older-one" 9, "newer" 5).
    const expected = [
      'dpg:m9-held first',
      'org:m9-acme ed',
      'org:m9-acme|FUNDS|country:KE ed',
      'org:m9-fine|LEADS|activity:m9-x ed',
      'org:m9-twin newer',
    ];
    expect(await keys()).toEqual(expected);
    // It can run again and changes nothing more.
    expect(await keys()).toEqual(expected);
  });
});

describe('migration 0010: canonical country ids', () => {
  afterAll(() =>
    db.driver.executeQuery(
      `MATCH (n) WHERE (n:Entity AND toLower(n.id) STARTS WITH 'country:q') OR n.id = 'm10-note'
       DETACH DELETE n`,
    ),
  );

  it('gives a country the capitals 0008 took from it, unless another holds them', async () => {
    await db.driver.executeQuery(
      `CREATE (:Entity:Country {id: 'COUNTRY:qx', name: 'Qx'}),
              (:Entity:Country {id: 'country:qy', name: 'Qy'}),
              (:Entity:Country {id: 'country:qz', name: 'Qz, lower'}),
              (:Entity:Country {id: 'country:QZ', name: 'Qz'}),
              (:Annotation {id: 'm10-note', topic: 'country:qy', subject: 'COUNTRY:qx'})`,
    );
    const ids = async () => {
      await applyMigration(10);
      const { records } = await db.driver.executeQuery(
        "MATCH (n:Entity) WHERE toLower(n.id) STARTS WITH 'country:q' RETURN n.id AS id ORDER BY id",
      );
      return records.map((r) => r.get('id') as string);
    };
    const expected = ['country:QX', 'country:QY', 'country:QZ', 'country:qz'];
    expect(await ids()).toEqual(expected);
    expect(await ids()).toEqual(expected);
    const { records } = await db.driver.executeQuery(
      "MATCH (a:Annotation {id: 'm10-note'}) RETURN a.topic AS topic, a.subject AS subject",
    );
    expect(records[0]?.toObject()).toEqual({ topic: 'country:QY', subject: 'country:QX' });
  });
});

describe('migration 0011: canonical redirects', () => {
  afterAll(() =>
    db.driver.executeQuery(
      `MATCH (n) WHERE (n:Redirect AND toLower(n.from) CONTAINS 'm10-')
         OR (n:Entity AND toLower(n.id) CONTAINS 'm10-') DETACH DELETE n`,
    ),
  );

  it('finds merged-away ids in canonical case, and leads them to the renamed entities', async () => {
    await db.driver.executeQuery(
      `CREATE (:Entity:Organisation {id: 'org:m10-kept', name: 'Kept'}),
              (:Entity:Organisation {id: 'org:M10-CLASH', name: 'Clash, upper'}),
              (:Entity:Organisation {id: 'org:m10-Clash', name: 'Clash, mixed'})
       WITH 1 AS one
       UNWIND $rows AS row
       CREATE (:Redirect {from: row[0], to: row[1], at: datetime() - duration({days: row[2]})})`,
      {
        rows: [
          // `to` names an entity 0008 renamed; `from` in its old case.
          ['org:M10-Gone', 'org:M10-KEPT', 3],
          // Two that would take the same key: the later merge's holds.
          ['org:M10-TWIN', 'org:m10-kept', 9],
          ['org:m10-Twin', 'org:m10-kept', 1],
          // A key already held stays with the redirect that holds it.
          ['org:m10-held', 'org:m10-kept', 5],
          ['ORG:M10-HELD', 'org:M10-CLASH', 2],
          // `to` an entity that kept its case (0008 left both clashing ids alone): unchanged.
          ['country:m10-zz', 'org:M10-CLASH', 4],
        ],
      },
    );
    const redirects = async () => {
      await applyMigration(11);
      const { records } = await db.driver.executeQuery(
        "MATCH (r:Redirect) WHERE toLower(r.from) CONTAINS 'm10-' RETURN r.from + ' ' + r.to AS r ORDER BY r",
      );
      return records.map((r) => r.get('r') as string);
    };
    const expected = [
      'country:m10-zz org:M10-CLASH',
      'org:m10-gone org:m10-kept',
      'org:m10-held org:m10-kept',
      'org:m10-twin org:m10-kept',
    ];
    expect(await redirects()).toEqual(expected);
    expect(await redirects()).toEqual(expected);
    const { records } = await db.driver.executeQuery(
      "MATCH (r:Redirect {from: 'org:m10-twin'}) RETURN r.at < datetime() - duration({days: 2}) AS old",
    );
    expect(records[0]?.get('old')).toBe(false);
  });
});

describe('migration 0013: elided words in the aliases’ search text', () => {
  afterAll(() =>
    db.driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'org:m13-' DETACH DELETE n"),
  );

  it('writes names with an apostrophe apart, as imports and edits now do, and can run again', async () => {
    await db.driver.executeQuery(
      `CREATE (:Entity:Organisation {id: 'org:m13-name', name: 'Ministère de l’Éducation',
                                     aliases: ['MEN'], aliasText: 'MEN | '}),
              (:Entity:Organisation {id: 'org:m13-alias', name: 'Bureau',
                                     aliases: ["Bureau d'Études"], aliasText: "Bureau d'Études | "}),
              (:Entity:Organisation {id: 'org:m13-none', name: 'Plain Name', aliases: ['PN'],
                                     aliasText: 'PN | '})`,
    );
    // What an import writes for the same names (cypher/import/merge-nodes.cypher).
    await db.write('import/merge-nodes', {
      sourceId: 'source:m13-test',
      nodes: [
        {
          id: 'org:m13-imported',
          label: 'Organisation',
          props: { name: 'Côte d’Ivoire Labs' },
          aliases: ["L'Atelier"],
          evidence: 'a test',
        },
      ],
    });
    // The import wrote it so itself, before any migration ran.
    const { records: imported } = await db.driver.executeQuery(
      "MATCH (n:Entity {id: 'org:m13-imported'}) RETURN n.aliasText AS text",
    );
    expect(imported[0]?.get('text')).toBe("L'Atelier | L Atelier | Côte d Ivoire Labs | ");
    const texts = async () => {
      await applyMigration(13);
      const { records } = await db.driver.executeQuery(
        "MATCH (n:Entity) WHERE n.id STARTS WITH 'org:m13-' RETURN n.id AS id, n.aliasText AS text ORDER BY id",
      );
      return Object.fromEntries(records.map((r) => [r.get('id'), r.get('text')]));
    };
    const expected = {
      'org:m13-alias': "Bureau d'Études | Bureau d Études | ",
      'org:m13-imported': "L'Atelier | L Atelier | Côte d Ivoire Labs | ",
      'org:m13-name': 'MEN | Ministère de l Éducation | ',
      'org:m13-none': 'PN | ',
    };
    expect(await texts()).toEqual(expected);
    expect(await texts()).toEqual(expected);
  });
});

describe('migration 0014: no lock flags left', () => {
  afterAll(() =>
    db.driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'org:m14-' DETACH DELETE n"),
  );

  it('removes the flags edits left on entities and relationships, and can run again', async () => {
    await db.driver.executeQuery(
      `CREATE (a:Entity:Organisation {id: 'org:m14-a', name: 'A', _lock: true, kind: 'ngo'}),
              (b:Entity:Organisation {id: 'org:m14-b', name: 'B'}),
              (a)-[:MEMBER_OF {_lock: true, board: true}]->(b)`,
    );
    const state = async () => {
      await applyMigration(14);
      const { records } = await db.driver.executeQuery(
        `MATCH (a:Entity {id: 'org:m14-a'})-[r]->(b:Entity {id: 'org:m14-b'})
         RETURN properties(a) AS a, properties(r) AS r`,
      );
      return records.map((row) => ({ a: row.get('a'), r: row.get('r') }));
    };
    const expected = [{ a: { id: 'org:m14-a', name: 'A', kind: 'ngo' }, r: { board: true } }];
    expect(await state()).toEqual(expected);
    expect(await state()).toEqual(expected);
  });
});
