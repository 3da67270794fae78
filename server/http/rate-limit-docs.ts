/**
 * The rate limits in the OpenAPI document: every operation under /api can be answered 429 with
 * Retry-After (rate-limits.ts), so the response is added to each one after generation rather
 * than restated at every route.
 */

interface OperationLike {
  responses?: Record<string, unknown>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** The 429 response: the API's error shape (schema component `Error`) with Retry-After. */
export const RATE_LIMITED_RESPONSE = {
  description:
    'RATE_LIMITED: this client sent too many requests (or failed sign-ins, or imports); try again after Retry-After seconds',
  headers: {
    'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
    RateLimit: { description: 'The remaining quota (IETF draft 8)', schema: { type: 'string' } },
    'RateLimit-Policy': { description: 'The quota and its window', schema: { type: 'string' } },
  },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

/** Adds the 429 response to every operation of `document` that lacks one; returns it. */
export function withRateLimitResponses<T extends { paths?: object }>(document: T): T {
  for (const item of Object.values(document.paths ?? {}) as Record<string, OperationLike>[]) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation?.responses && !('429' in operation.responses))
        operation.responses['429'] = RATE_LIMITED_RESPONSE;
    }
  }
  return document;
}
