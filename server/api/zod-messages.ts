/**
 * Plainer words for zod's limit issues, API-wide: "Too big: expected array to have <=20 items"
 * reached editors as it was (QA). Installed as zod's global error map, which a schema's own
 * message still overrides; imported by validate.ts, where every request's issues become messages.
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

z.config({ customError: (issue) => limitMessage(issue as LimitIssue) });
