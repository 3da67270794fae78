// The one error type the local Neo4j launcher throws: a code callers and tests can branch on,
// and a message written for a person at a terminal (what went wrong and what to do about it).

/** What kind of failure a {@link LocalNeo4jError} reports. */
export type LocalNeo4jErrorCode =
  | 'INVALID_OPTIONS'
  | 'TOOLCHAIN_MISSING'
  | 'BUILD_FAILED'
  | 'PORT_TAKEN'
  | 'ALREADY_RUNNING_ELSEWHERE'
  | 'START_FAILED'
  | 'START_TIMEOUT';

/** A failure to build, start or stop the local Neo4j; `message` is meant to be shown as is. */
export class LocalNeo4jError extends Error {
  override readonly name = 'LocalNeo4jError';

  constructor(
    readonly code: LocalNeo4jErrorCode,
    message: string,
  ) {
    super(message);
  }
}
