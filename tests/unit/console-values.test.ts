/**
 * The console's conversions: driver values to plain JSON and the graph they hold
 * (server/console/console-values.ts), JSON parameters to Cypher values (console-service.ts), and
 * how the front end writes a cell and the truncation notice (web/src/state/console-format.ts).
 */
import neo4j, {
  Date as CypherDate,
  DateTime,
  Duration,
  LocalDateTime,
  LocalTime,
  Node,
  Path,
  PathSegment,
  Point,
  Relationship,
  Time,
} from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { GraphCollector, toConsoleValue } from '../../server/console/console-values.ts';
import { toCypherParam } from '../../server/console/console-service.ts';
import { formatCell, graphIds, truncationNotice } from '../../web/src/state/console-format.ts';
import type { ConsoleAnswer } from '../../web/src/lib/api/types.ts';

const int = neo4j.int;
const unicef = new Node(
  int(1),
  ['Entity', 'Organisation'],
  { id: 'org:unicef', name: 'UNICEF' },
  'e1',
);
const activity = new Node(int(2), ['Entity', 'Activity'], { id: 'activity:x', name: 'X' }, 'e2');
const user = new Node(int(3), ['User'], { id: 'u-1', passwordHash: 'h' }, 'e3');
const leads = new Relationship(
  int(9),
  int(1),
  int(2),
  'LEADS',
  { since: int(2020) },
  'r9',
  'e1',
  'e2',
);

describe('toConsoleValue', () => {
  it('writes nodes, relationships and paths as plain objects and collects the entities', () => {
    const graph = new GraphCollector();
    const path = new Path(unicef, activity, [new PathSegment(unicef, leads, activity)]);
    expect(toConsoleValue([unicef, leads, path, user], graph)).toEqual([
      {
        kind: 'node',
        id: 'org:unicef',
        elementId: 'e1',
        labels: ['Entity', 'Organisation'],
        properties: { id: 'org:unicef', name: 'UNICEF' },
      },
      {
        kind: 'relationship',
        elementId: 'r9',
        type: 'LEADS',
        start: 'e1',
        end: 'e2',
        properties: { since: 2020 },
      },
      {
        kind: 'path',
        nodes: [
          expect.objectContaining({ id: 'org:unicef' }),
          expect.objectContaining({ id: 'activity:x' }),
        ],
        relationships: [expect.objectContaining({ type: 'LEADS' })],
      },
      expect.objectContaining({ kind: 'node', id: 'u-1', labels: ['User'] }),
    ]);
    expect([...graph.entityIds]).toEqual([
      ['e1', 'org:unicef'],
      ['e2', 'activity:x'],
      // An account is not an entity: never drawn.
      ['e3', undefined],
    ]);
    expect([...graph.relationships.values()]).toEqual([{ type: 'LEADS', start: 'e1', end: 'e2' }]);
  });

  it('writes integers, temporal values, points and bytes as JSON', () => {
    expect(
      toConsoleValue({
        small: int(42),
        big: int('9007199254740993'),
        date: new CypherDate(2024, 1, 2),
        dateTime: new DateTime(2024, 1, 2, 3, 4, 5, 0, 0),
        local: new LocalDateTime(2024, 1, 2, 3, 4, 5, 0),
        time: new Time(3, 4, 5, 0, 3600),
        localTime: new LocalTime(3, 4, 5, 0),
        duration: new Duration(1, 2, 3, 0),
        point: new Point(int(7203), 1.5, 2.5),
        bytes: new Int8Array([1, 2, 3]),
        nan: Number.NaN,
        nested: [[int(1)], { x: null }],
      }),
    ).toEqual({
      small: 42,
      big: '9007199254740993',
      date: '2024-01-02',
      dateTime: '2024-01-02T03:04:05Z',
      local: '2024-01-02T03:04:05',
      time: '03:04:05+01:00',
      localTime: '03:04:05',
      duration: 'P1M2DT3S',
      point: { srid: 7203, x: 1.5, y: 2.5 },
      bytes: 'AQID',
      nan: 'NaN',
      nested: [[1], { x: null }],
    });
  });
});

describe('toCypherParam', () => {
  it('sends whole numbers as integers, everything else as it is', () => {
    const value = toCypherParam({ n: 5, f: 1.5, list: [1, 'a', null], deep: { m: 2 } }) as Record<
      string,
      unknown
    >;
    expect(neo4j.isInt(value.n)).toBe(true);
    expect(value.f).toBe(1.5);
    expect(neo4j.isInt((value.list as unknown[])[0])).toBe(true);
    expect((value.list as unknown[]).slice(1)).toEqual(['a', null]);
    expect(neo4j.isInt((value.deep as { m: unknown }).m)).toBe(true);
  });
});

describe('console-format', () => {
  const plain = (value: unknown) => JSON.parse(JSON.stringify(toConsoleValue(value))) as unknown;

  it('writes nodes, relationships and paths the way Cypher does', () => {
    expect(formatCell(plain(unicef))).toBe('(:Organisation {id: "org:unicef"})');
    expect(formatCell(plain(leads))).toBe('[:LEADS]');
    expect(
      formatCell(plain(new Path(unicef, activity, [new PathSegment(unicef, leads, activity)]))),
    ).toBe('(:Organisation {id: "org:unicef"})-[:LEADS]-(:Activity {id: "activity:x"})');
    expect(formatCell(null)).toBe('null');
    expect(formatCell(3)).toBe('3');
    expect(formatCell('text')).toBe('text');
    expect(formatCell({ a: [1] })).toBe('{"a":[1]}');
  });

  it('says which cap cut the rows off, and caps the ids to draw', () => {
    const answer: ConsoleAnswer = {
      columns: ['i'],
      rows: [[1], [2]],
      truncated: true,
      truncatedBy: 'rows',
      elapsedMs: 3,
      graph: { nodes: Array.from({ length: 600 }, (_, i) => `org:${i}`), edges: [] },
    };
    expect(truncationNotice(answer)).toMatch(/first 2/);
    expect(truncationNotice({ ...answer, truncatedBy: 'bytes' })).toMatch(/size cap/);
    expect(truncationNotice({ ...answer, truncated: false, truncatedBy: null })).toBeNull();
    expect(graphIds(answer)).toHaveLength(500);
  });
});
