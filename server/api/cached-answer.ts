/** Answers a route from the answer cache (server/services/answer-cache.ts): JSON already serialised. */
import type { Response } from 'express';
import type { AnswerCache } from '../services/answer-cache.ts';

export async function sendCached(
  res: Response,
  cache: AnswerCache,
  kind: string,
  request: unknown,
  compute: () => Promise<unknown>,
): Promise<void> {
  const json = await cache.json(kind, request, compute);
  res.type('application/json').send(json);
}
