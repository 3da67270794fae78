/**
 * Property values as an audit record keeps them, and back. The audit trail stores states as JSON,
 * which cannot tell 3 (an INTEGER version) from 3.0 (a FLOAT member count) nor a datetime from a
 * string; a change that may be undone (a merge, a delete) therefore records the Neo4j type of
 * every property JSON would blur, and its undo writes each value back as that type. Shared by the
 * undo of merges (merge-undo-plan.ts) and of deletes (delete-undo-plan.ts).
 */
import neo4j from 'neo4j-driver';

/**
 * Neo4j value types JSON keeps as they are (valueType() names): a property of any other type has
 * its type recorded. Passed to merge-undo-record.cypher and the delete-undo-record statements.
 */
export const JSON_SAFE_TYPES = [
  'STRING NOT NULL',
  'BOOLEAN NOT NULL',
  'LIST<STRING NOT NULL> NOT NULL',
  'LIST<BOOLEAN NOT NULL> NOT NULL',
  'LIST<NOTHING> NOT NULL',
] as const;

/** The recorded types an undo can write back exactly. */
const RESTORABLE_TYPES: ReadonlySet<string> = new Set([
  'INTEGER NOT NULL',
  'FLOAT NOT NULL',
  'ZONED DATETIME NOT NULL',
  'DATE NOT NULL',
  'LIST<INTEGER NOT NULL> NOT NULL',
  'LIST<FLOAT NOT NULL> NOT NULL',
]);

/** True when an undo can write a value of recorded type `type` back exactly. */
export const isRestorableType = (type: string): boolean => RESTORABLE_TYPES.has(type);

/** `[[property, type], …]` as the record statements return it, as an object. */
export function typesByProperty(pairs: unknown): Record<string, string> {
  return Object.fromEntries((pairs as [string, unknown][]).map(([k, t]) => [k, String(t)]));
}

const DATETIME =
  /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\])?$/;
const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})$/;

function offsetSeconds(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h = 0, m = 0, s = 0] = offset.slice(1).split(':').map(Number);
  return sign * (h * 3600 + m * 60 + s);
}

/** One recorded value as the driver writes the type it had. */
function driverValue(key: string, value: unknown, type: string): unknown {
  const fail = () => {
    throw new Error(`recorded-values: ${key} = ${JSON.stringify(value)} is not a ${type}`);
  };
  switch (type) {
    case 'INTEGER NOT NULL':
      if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
      // toPlain keeps an integer past 2^53 as its decimal text.
      if (typeof value === 'string' && /^-?\d+$/.test(value)) return neo4j.int(value);
      return fail();
    case 'FLOAT NOT NULL':
      return typeof value === 'number' ? value : fail();
    case 'LIST<INTEGER NOT NULL> NOT NULL':
      return Array.isArray(value)
        ? value.map((v) => driverValue(key, v, 'INTEGER NOT NULL'))
        : fail();
    case 'LIST<FLOAT NOT NULL> NOT NULL':
      return Array.isArray(value) && value.every((v) => typeof v === 'number') ? value : fail();
    case 'DATE NOT NULL': {
      const m = typeof value === 'string' ? DATE.exec(value) : null;
      return m ? new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3])) : fail();
    }
    case 'ZONED DATETIME NOT NULL': {
      const m = typeof value === 'string' ? DATETIME.exec(value) : null;
      if (!m || (!m[8] && !m[9])) return fail();
      const nanos = Number((m[7] ?? '').padEnd(9, '0'));
      return new neo4j.types.DateTime(
        Number(m![1]),
        Number(m![2]),
        Number(m![3]),
        Number(m![4]),
        Number(m![5]),
        Number(m![6]),
        nanos,
        m![9] ? undefined : offsetSeconds(m![8]!),
        m![9],
      );
    }
    default:
      return fail();
  }
}

/**
 * Recorded properties as the driver must send them to write back the types they had: each
 * property in `types` converted, every other one (strings, booleans, lists of them) as it is.
 */
export function driverProperties(
  properties: Readonly<Record<string, unknown>>,
  types: Readonly<Record<string, string>>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [
      key,
      types[key] === undefined || value === null ? value : driverValue(key, value, types[key]),
    ]),
  );
}

/**
 * Relationships an undo writes back, each with its properties as their recorded Neo4j types:
 * the parameter the restore statements take.
 */
export function driverRelationships(
  list: readonly {
    from: string;
    type: string;
    to: string;
    properties: Readonly<Record<string, unknown>>;
    propertyTypes: Readonly<Record<string, string>>;
  }[],
): { from: string; type: string; to: string; properties: Record<string, unknown> }[] {
  return list.map((r) => ({
    from: r.from,
    type: r.type,
    to: r.to,
    properties: driverProperties(r.properties, r.propertyTypes),
  }));
}
