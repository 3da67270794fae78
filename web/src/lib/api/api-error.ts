/**
 * The one error type the API client throws. It carries the server's error `code` (or a client-side code
 * for network and parse failures), the HTTP status, and a message fit to show the user.
 */
import type { ApiErrorBody } from './types';

/** Codes the client itself produces, next to whatever codes the server sends. */
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'BAD_RESPONSE', 'ABORTED'] as const;

/** One of {@link CLIENT_ERROR_CODES}. */
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** A failed API call. `status` is 0 when no HTTP response arrived. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** True when the server said the database is unavailable (503), so the UI can offer a retry. */
  get isUnavailable(): boolean {
    return this.status === 503;
  }

  /** True when the server said the entity does not exist. */
  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** True when the caller aborted the request; such errors are never shown. */
  get isAborted(): boolean {
    return this.code === 'ABORTED';
  }
}

/** Whether a parsed JSON body has the API's `{ error: { code, message } }` shape. */
export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
