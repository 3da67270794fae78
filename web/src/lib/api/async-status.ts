/**
 * A tagged status for every asynchronous action in the UI: idle, loading, success with its data, or
 * error with a message the user sees. An error stays until the next attempt replaces it.
 */
import { ApiError } from './api-error';

/** An error as the UI shows it: a stable code to branch on, and a sentence for people. */
export interface UserFacingError {
  code: string;
  message: string;
  /** HTTP status, 0 when the request never got an answer. */
  status: number;
}

/** The state of one asynchronous action. */
export type AsyncStatus<T> =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | { readonly state: 'success'; readonly data: T }
  | { readonly state: 'error'; readonly error: UserFacingError };

/** Nothing requested yet. */
export const idle = <T>(): AsyncStatus<T> => ({ state: 'idle' });
/** A request is in flight. */
export const loading = <T>(): AsyncStatus<T> => ({ state: 'loading' });
/** The request succeeded with `data`. */
export const success = <T>(data: T): AsyncStatus<T> => ({ state: 'success', data });
/** The request failed; `error` is turned into a {@link UserFacingError}. */
export const failure = <T>(error: unknown): AsyncStatus<T> => ({
  state: 'error',
  error: toUserFacingError(error),
});

/** The data of a successful status, else undefined. */
export function dataOf<T>(status: AsyncStatus<T>): T | undefined {
  return status.state === 'success' ? status.data : undefined;
}

/** Turns anything thrown into a message fit for the user, keeping the API's own message when there is one. */
export function toUserFacingError(error: unknown): UserFacingError {
  if (error instanceof ApiError)
    return { code: error.code, message: error.message, status: error.status };
  if (error instanceof Error && error.message)
    return { code: 'UNEXPECTED', message: error.message, status: 0 };
  return { code: 'UNEXPECTED', message: 'Something went wrong. Please try again.', status: 0 };
}

/**
 * Whether asking again may succeed: no answer or a garbled one, a timeout, a rate limit, a server or
 * database failure. A refused request (a malformed id, a view that does not apply) fails the same
 * way every time, so the UI offers no Retry for it.
 */
export function canRetry(error: UserFacingError): boolean {
  if (error.code === 'NETWORK_ERROR' || error.code === 'BAD_RESPONSE') return true;
  return error.status === 408 || error.status === 429 || error.status >= 500;
}

/** Whether an error is a caller's abort, which the UI ignores rather than shows. */
export function isAbort(error: unknown): boolean {
  return (
    (error instanceof ApiError && error.isAborted) ||
    (error instanceof DOMException && error.name === 'AbortError')
  );
}
