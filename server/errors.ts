/**
 * Typed errors that carry their HTTP status and a stable code, so one error middleware can turn
 * any of them into `{ error: { code, message, details } }` and tests can assert the class.
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(message, 400, 'VALIDATION_ERROR', details);
  }

  /**
   * The refusal of `where` (query, body, path) for `details`, each a path and what is wrong there;
   * its message says them all ("Invalid query: query.lmit is not a parameter …").
   */
  static of(where: string, details: { path: string; message: string }[]): ValidationError {
    return new ValidationError(
      `Invalid ${where}: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
      details,
    );
  }
}

export class NotFoundError extends AppError {
  /**
   * @param entityIds the entity ids the request named that this 404 is about. A merge may have
   *   moved one: a GET is then answered 308 to where it lives now (server/api/moved-entities.ts),
   *   a look-up made only here, so a request that finds its entities costs nothing more.
   */
  constructor(
    message: string,
    details?: unknown,
    readonly entityIds: readonly string[] = [],
  ) {
    super(message, 404, 'NOT_FOUND', details);
  }
}

/** 503: the database cannot be reached (stopped, network down, credentials refused). */
export class DatabaseUnavailableError extends AppError {
  /** Sent as Retry-After: about how long a restart or fail-over takes. */
  readonly retryAfterSeconds = 5;
  constructor(message = 'The graph database is unreachable; try again shortly.') {
    super(message, 503, 'DATABASE_UNAVAILABLE');
  }
}

/**
 * 503: the database is there but cannot take this request now — every pooled connection stayed
 * busy for the acquisition timeout, or it kept answering "try again" (memory pool exhausted,
 * transaction limits, deadlocks) past the retry budget. Load, not a fault: a retry soon may pass.
 */
export class DatabaseBusyError extends AppError {
  readonly retryAfterSeconds = 2;
  constructor(message = 'The graph database is too busy to answer now; try again shortly.') {
    super(message, 503, 'DATABASE_BUSY');
  }
}

/** Input to an importer that is not what it claims to be; names the source and the place. */
export class ImportInputError extends AppError {
  constructor(message: string, details?: { source?: string; line?: number; field?: string }) {
    super(message, 400, 'INVALID_IMPORT_INPUT', details);
  }
}
