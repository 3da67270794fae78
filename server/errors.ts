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
}

export class NotFoundError extends AppError {
  constructor(message: string, details?: unknown) {
    super(message, 404, 'NOT_FOUND', details);
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(message = 'The graph database is unreachable; try again shortly.') {
    super(message, 503, 'DATABASE_UNAVAILABLE');
  }
}

/** Input to an importer that is not what it claims to be; names the source and the place. */
export class ImportInputError extends AppError {
  constructor(message: string, details?: { source?: string; line?: number; field?: string }) {
    super(message, 400, 'INVALID_IMPORT_INPUT', details);
  }
}
