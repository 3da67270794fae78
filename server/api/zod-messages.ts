/**
 * Plainer words for zod's issues, API-wide: "Too big: expected array to have <=20 items" reached
 * editors as it was, and "Invalid option: expected one of \"json\"|\"graphml\"…" never said what
 * was sent (QA). A limit says the limit; a wrong choice names the value and the choices; a wrong
 * type says, in words, what was expected and what came. Each reads after the parameter's path
 * ("query.format \"xlsx\" is not one of json, graphml, gexf, csv"). Installed as zod's global error
 * map, which a schema's own message still overrides; imported by validate.ts, where every
 * request's issues become messages (and where a value not sent at all is said to be missing).
 */
import { z } from 'zod';

type LimitIssue = {
  code: string;
  origin?: string;
  maximum?: unknown;
  minimum?: unknown;
  inclusive?: boolean;
};

/** The message for a too_big or too_small issue, or undefined for zod's own. */
export function limitMessage(issue: LimitIssue): string | undefined {
  const big = issue.code === 'too_big';
  if (!big && issue.code !== 'too_small') return undefined;
  const limit = Number(big ? issue.maximum : issue.minimum);
  if (!Number.isFinite(limit)) return undefined;
  switch (issue.origin) {
    case 'string':
      if (big) return `is too long: at most ${limit} characters`;
      return limit <= 1 ? 'must not be empty' : `is too short: at least ${limit} characters`;
    case 'array':
    case 'set':
      if (big) return `has too many items: at most ${limit}`;
      return limit <= 1 ? 'must not be empty' : `needs at least ${limit} items`;
    case 'number':
    case 'int':
    case 'bigint':
      if (issue.inclusive === false) return `must be ${big ? 'less' : 'more'} than ${limit}`;
      return `must be at ${big ? 'most' : 'least'} ${limit}`;
    default:
      return undefined;
  }
}

type ValueIssue = {
  code: string;
  input?: unknown;
  values?: readonly unknown[];
  expected?: string;
};

/** The longest text a message quotes; a longer one is cut (it may be a whole document). */
const QUOTED_MAX = 60;

/** `text` as a message may quote it: cut short when longer than {@link QUOTED_MAX}. */
export function cutShort(text: string): string {
  return text.length > QUOTED_MAX ? `${text.slice(0, QUOTED_MAX - 1)}…` : text;
}

/** Text as a message quotes it: in double quotes, cut short. */
export function quoted(text: string): string {
  return JSON.stringify(cutShort(text));
}

/**
 * A value as a message shows it: text quoted and cut short, a number or true/false as it is, a
 * list or an object by what it is only (never stringified: a body nested 20 000 deep overflowed
 * the stack, which the fuzz tests caught as a 500).
 */
function shown(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** What zod's `expected` names, in words and as JSON spells it. */
const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  string: 'text (a JSON string)',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list (a JSON array)',
  object: 'an object (a JSON object of named fields)',
};

/** What came instead, in words, with the value where it is short. */
function received(value: unknown): string {
  if (typeof value === 'string') return `the text ${shown(value)}`;
  if (typeof value === 'number') return `the number ${shown(value)}`;
  return shown(value);
}

/**
 * The message for a value that is there but wrong (an option not offered, a wrong type), or
 * undefined for zod's own. A value not sent at all is left to validate.ts, which says "is required".
 */
export function valueMessage(issue: ValueIssue): string | undefined {
  if (issue.input === undefined) return undefined;
  if (issue.code === 'invalid_value' && issue.values && issue.values.length > 0) {
    const options = issue.values.map(String);
    return options.length === 1
      ? `${shown(issue.input)} is not ${options[0]}`
      : `${shown(issue.input)} is not one of ${options.join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.expected !== undefined) {
    const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
    return `must be ${expected}, not ${received(issue.input)}`;
  }
  return undefined;
}

/** What a format zod checks looks like, for the message that says a value lacks it. */
const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  uuid: 'a UUID, like 3f2c1a9e-8b4d-4c6f-9a7e-2d5b8c1e0f43',
  url: 'a URL, like https://example.org/data.json',
};

/**
 * The message for text in the wrong format (zod's own said "Invalid UUID"), or undefined where the
 * schema gives its own (a pattern's message says what it should look like).
 */
export function formatMessage(issue: { code: string; format?: string; input?: unknown }) {
  if (issue.code !== 'invalid_format' || issue.format === undefined) return undefined;
  const example = FORMAT_EXAMPLES[issue.format];
  return example === undefined ? undefined : `${shown(issue.input)} is not ${example}`;
}

/**
 * The message for a kind a union does not know, given the value at its path: it names what came
 * and the choices, or says it is missing. The union's issue arrives with a message of its own
 * ("Invalid discriminator value. Expected 'Organisation' | 'Activity' | …"), so the error map
 * below is not asked for one (checked with this zod); validate.ts puts this one instead.
 */
export function discriminatorMessage(
  issue: { code: string; options?: readonly unknown[] },
  value: unknown,
): string | undefined {
  if (issue.code !== 'invalid_union' || !issue.options || issue.options.length === 0)
    return undefined;
  const options = issue.options.map(String).join(', ');
  return value === undefined
    ? `is required: one of ${options}`
    : `${shown(value)} is not one of ${options}`;
}

z.config({
  customError: (issue) =>
    limitMessage(issue as LimitIssue) ??
    valueMessage(issue as ValueIssue) ??
    formatMessage(issue as { code: string; format?: string; input?: unknown }),
});
