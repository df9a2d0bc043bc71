// Domain errors: thrown by validation and services, translated to GraphQL errors in exactly one
// place (libs/api-core's error mapper). They carry no SQL and no stack for the client.

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "nrsRest" or "levels.0.cementVolumeMl". */
  field: string;
  /** Machine-readable rule name, e.g. "range", "required", "enum", "date", "maxLength". */
  rule: string;
  /** A sentence a coordinator can act on. */
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly issues: FieldIssue[]) {
    // Each message already names its field; a cross-field rule's message, repeated for each of
    // its fields, is said once.
    super([...new Set(issues.map((i) => i.message))].join('; '));
  }
  static single(field: string, rule: string, message: string): ValidationError {
    return new ValidationError([{ field, rule, message }]);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly field = 'id',
  ) {
    super(`${entity} ${id} was not found`);
  }
}

/** An update carried a version older than the stored one: someone else saved in between. */
export class StaleVersionError extends DomainError {
  readonly code = 'STALE_VERSION';
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly sent: number,
    readonly current: number,
  ) {
    super(`${entity} ${id} was changed by someone else (you edited version ${sent}, the current version is ${current}); reload it and apply your change again`);
  }
}

/** The record a conflict is with, named only when the user may read it (a form links to it). */
export interface ConflictingRecord {
  entity: string;
  id: string;
  label: string;
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
    readonly existing?: ConflictingRecord,
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Sign in first: this operation needs a valid token') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'Your role does not allow this operation') {
    super(message);
  }
}

/** A user whose password was set by an administrator may do nothing but change it. */
export class PasswordChangeRequiredError extends DomainError {
  readonly code = 'PASSWORD_CHANGE_REQUIRED';
  constructor(message = 'Change your password first: it was set by an administrator and works only for that') {
    super(message);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class ServiceUnavailableError extends DomainError {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(message = 'The database is unavailable; try again in a moment') {
    super(message);
  }
}

/**
 * A read gave up waiting for the database: the server's statement timeout fired, or the server
 * did not answer at all within the client's deadline. Nothing was changed by it.
 */
export class QueryTimeoutError extends DomainError {
  readonly code = 'QUERY_TIMEOUT';
  constructor(message = 'This figure took too long to compute; try a narrower cohort or again later', options?: { cause?: unknown }) {
    super(message, options);
  }
}
