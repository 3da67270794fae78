/**
 * neo4j-driver captures and formats a stack for every query it starts (in Result's constructor),
 * to put the caller's frames on an error that may arrive later. Formatting a stack is the costly
 * part of an Error: profiled at 10 connections on the paths endpoint (four queries a request),
 * it was 5% of the server's CPU, spent for errors that almost never come. Queries here start with
 * no frames captured, and a query that fails gets its stack where its caller awaits it: the cost
 * moves to the failure.
 */

/** Calls `start` (which starts a driver query) with stack capture off, and restores it. */
export function startWithoutStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Gives a failed query's error the stack of the code awaiting it, in place of the empty one the
 * driver captured. V8 lists the async callers that await (not those that return a promise), so
 * GraphDatabase awaits what it returns: the stack then reaches the service that asked.
 */
function withCallerStack<E>(error: E): E {
  if (error instanceof Error) Error.captureStackTrace(error, withCallerStack);
  return error;
}

/**
 * Starts a driver query (or a commit) with stack capture off and awaits it; a failure leaves with
 * the stack of the code awaiting this, as {@link withCallerStack} gives it.
 */
export async function awaitWithoutStack<T>(start: () => PromiseLike<T>): Promise<T> {
  try {
    return await startWithoutStack(start);
  } catch (error) {
    throw withCallerStack(error);
  }
}
