/** Parses request input with a zod schema; failures become a ValidationError with issue paths. */
import type { z } from 'zod';
import { ValidationError } from '../errors.ts';

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: string,
): z.infer<S> {
  // `?limit=5&limit=6` arrives as a list; no query parameter of this API is given twice (lists
  // are comma-separated), and the schema's own message ("expected number") would not say so.
  const repeated =
    where === 'query' && typeof input === 'object' && input !== null
      ? Object.entries(input).filter(([, value]) => Array.isArray(value))
      : [];
  if (repeated.length > 0) {
    const details = repeated.map(([name]) => ({
      path: `query.${name}`,
      message: 'is given more than once; give it once (a list goes comma-separated)',
    }));
    throw new ValidationError(
      `Invalid query: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
      details,
    );
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new ValidationError(
    `Invalid ${where}: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
    details,
  );
}
