/** Parses request input with a zod schema; failures become a ValidationError with issue paths. */
import type { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { likelyMeant } from './unknown-parameters.ts';
import { cutShort, discriminatorMessage } from './zod-messages.ts';

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: string,
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  // `?limit=5&limit=6` arrives as a list. No query parameter of this API is given twice (lists
  // are comma-separated), and the schema's own message ("expected number") would not say so.
  // (A parameter the route does not take never gets here: unknown-parameters.ts refuses it.)
  const repeated = new Set(
    where === 'query' && typeof input === 'object' && input !== null
      ? Object.entries(input)
          .filter(([, value]) => Array.isArray(value))
          .map(([name]) => name)
      : [],
  );
  const details: { path: string; message: string }[] = [];
  const named = new Set<string>();
  // zod still runs a value's checks after its type failed: `["abc","def"]` for an id was told it
  // must be text *and* "needs at least 3 items". Once the type is wrong, that is all there is to say.
  const wrongType = new Set(
    result.error.issues.filter((i) => i.code === 'invalid_type').map((i) => i.path.join('\u0000')),
  );
  for (const issue of result.error.issues) {
    if (issue.code !== 'invalid_type' && wrongType.has(issue.path.join('\u0000'))) continue;
    if (issue.code === 'unrecognized_keys') {
      details.push(...unknownFields(schema, where, issue.path.map(String), issue.keys));
      continue;
    }
    const name = String(issue.path[0] ?? '');
    if (!repeated.has(name)) {
      details.push({
        path: [where, ...issue.path.map(String)].join('.'),
        message:
          missingMessage(issue, input) ??
          discriminatorMessage(issue, valueAt(input, issue.path)) ??
          issue.message,
      });
    } else if (!named.has(name)) {
      named.add(name);
      details.push({
        path: `${where}.${name}`,
        message: 'is given more than once; give it once (a list goes comma-separated)',
      });
    }
  }
  throw ValidationError.of(where, details);
}

/**
 * One detail per field a body does not take: zod's "Unrecognized key: \"rel\"" named neither where
 * it was nor what was meant. A body's top-level fields are listed (with the likely one for a typo)
 * where its schema is a plain object.
 */
function unknownFields(
  schema: z.ZodType,
  where: string,
  at: string[],
  keys: string[],
): { path: string; message: string }[] {
  const shape = at.length === 0 ? (schema as { shape?: Record<string, unknown> }).shape : undefined;
  const known = shape === undefined ? [] : Object.keys(shape);
  return keys.map((key) => {
    const meant = likelyMeant(key, known);
    return {
      path: [where, ...at, cutShort(key)].join('.'),
      message:
        `is not a field ${where === 'body' && at.length === 0 ? 'this request takes' : 'here'}` +
        (meant ? ` (did you mean ${meant}?)` : '') +
        (known.length > 0 ? `; it takes ${known.join(', ')}` : ''),
    };
  });
}

/**
 * What to say of a value that is not there at all, or null when it is: zod's "Invalid input:
 * expected string, received undefined" for a search without `q` read like a wrong value. (A body
 * sent as anything but JSON is refused before any route: server/http/json-bodies.ts.)
 */
function missingMessage(issue: z.core.$ZodIssue, input: unknown): string | null {
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_value') return null;
  if (valueAt(input, issue.path) !== undefined) return null;
  if (issue.path.length === 0) return 'is missing: send it as JSON';
  // A missing choice is refused by the list of its options ("Invalid option: expected one of").
  return issue.code === 'invalid_type'
    ? `is required (${issue.expected})`
    : `is required: one of ${issue.values.map(String).join(', ')}`;
}

/** The value at `path` in `input`; where a step is not an object, what stood there. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') break;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
