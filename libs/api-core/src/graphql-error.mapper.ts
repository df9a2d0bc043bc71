import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, FieldIssue, StaleVersionError, TooManyRequestsError, ValidationError, NotFoundError, ConflictError } from '@vfr/domain';

// The one place where errors become what a GraphQL client sees. Domain errors keep their
// message and code; database constraint violations are translated by constraint name
// (ck_<table>__<column>__<rule>, uq_<table>__<column>, fk_<table>__<column>); anything else is
// logged with a reference and the client gets only the reference: no stack, no SQL.

const logger = new Logger('GraphQLError');

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

interface PgError {
  code?: string;
  constraint?: string;
  message?: string;
  detail?: string;
}

function pgErrorOf(error: unknown): PgError | undefined {
  const e = error as { driverError?: PgError; code?: string };
  if (e?.driverError && typeof e.driverError === 'object') return e.driverError;
  if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  return undefined;
}

// The database is up but refuses to write: a full disk (53100), no memory (53200) or other
// resources (53000), a failing disk (58030), or it has become read-only (25006, e.g. a standby
// after a failover). The statement failed and its transaction was rolled back: nothing was
// recorded, which the user can be told. 57P01 (the server shut down and cut the connection,
// perhaps during a COMMIT, so nothing can be promised) and 57P03 (the server is starting up or
// shutting down, for reads as much as writes) stay DATABASE_UNAVAILABLE, as every request gets
// while the database restarts.
const CANNOT_SAVE_CODES = new Set(['53000', '53100', '53200', '58030', '25006']);

export const CANNOT_SAVE_MESSAGE =
  'The registry cannot save right now: nothing was recorded. Try again in a few minutes; if it persists, tell your administrator.';

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  // PgBouncer's refusals while its server is away (a failover): query_wait_timeout, "server login
  // has been failing" (server_login_retry), "pgbouncer cannot connect to server".
  '08P01',
]);

function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const message = e?.driverError?.message ?? e?.message ?? '';
  return (
    (code !== undefined && UNAVAILABLE_CODES.has(code)) ||
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i.test(message)
  );
}

/** The unique index or constraint a statement broke, when that is why it failed. */
export function uniqueViolation(error: unknown): string | undefined {
  const pg = pgErrorOf(error);
  return pg?.code === '23505' ? (pg.constraint ?? 'unique') : undefined;
}

/** Translates a database constraint violation into a domain error, or undefined if it is not one. */
export function domainErrorFromDatabase(error: unknown): DomainError | undefined {
  const pg = pgErrorOf(error);
  if (!pg?.code) return undefined;
  const constraint = pg.constraint ?? '';
  const [, table = '', column = '', rule = ''] = /^(?:ck|uq|fk)_([a-z0-9_]+?)__([a-z0-9_]+?)(?:__([a-z0-9_]+))?$/.exec(constraint) ?? [];
  const field = camel(column || 'input');
  switch (pg.code) {
    case '23514': {
      // Our triggers raise a sentence meant for the user; plain CHECKs say "violates check constraint".
      const fromTrigger = pg.message && !/violates check constraint/.test(pg.message);
      const message = fromTrigger ? pg.message! : `${field} breaks the rule ${rule || 'check'} of ${table || 'the record'}`;
      return new ValidationError([{ field, rule: rule ? camel(rule) : 'check', message }]);
    }
    case '23502': // not_null_violation
      return ValidationError.single(
        camel((pg as { column?: string }).column ?? field),
        'required',
        `${camel((pg as { column?: string }).column ?? field)} is required`,
      );
    case '23505': // unique_violation
      return new ConflictError(field, 'unique', `${field} is already used by another record`);
    case '23503': // foreign_key_violation
      return new NotFoundError(camel(table || 'record'), '(referenced)', field);
    case '22001': // string too long
      return ValidationError.single(field, 'maxLength', 'a text value is longer than allowed');
    case '22P02': // invalid text representation (e.g. malformed uuid)
      return ValidationError.single(field, 'format', 'a value has the wrong format (an id must be a UUID)');
    case '22007':
    case '22008':
      return ValidationError.single(field, 'date', 'a date is not a valid calendar date (YYYY-MM-DD)');
    case '22021': // a NUL byte or broken UTF-8 in a text value: PostgreSQL cannot store it
    case '22P05':
      return ValidationError.single(field, 'encoding', 'a text value contains a character that cannot be stored (such as a NUL byte)');
    case '40001':
    case '40P01':
      return new ConflictError('input', 'concurrency', 'the record was being changed by someone else at the same time; try again');
    default:
      return undefined;
  }
}

export interface MappedError {
  message: string;
  code: string;
  extra: Record<string, unknown>;
}

export function mapError(error: unknown): MappedError {
  const original = (error as GraphQLError)?.originalError ?? error;
  if (original instanceof DomainError) return fromDomain(original);
  const fromDb = domainErrorFromDatabase(original);
  if (fromDb) return fromDomain(fromDb);
  const pg = pgErrorOf(original);
  if (pg?.code && CANNOT_SAVE_CODES.has(pg.code)) {
    // The administrator needs the cause (which resource ran out); the user needs only the reference.
    const reference = randomUUID();
    logger.error(`[${reference}] the database cannot write (SQLSTATE ${pg.code}): ${pg.message ?? ''}`);
    return { message: CANNOT_SAVE_MESSAGE, code: 'DATABASE_CANNOT_SAVE', extra: { reference } };
  }
  if (pg?.code === '57014') {
    // A statement stopped by statement_timeout (aggregates and exports say so themselves, with
    // QueryTimeoutError) or cancelled by an administrator.
    logger.warn(`a statement was stopped by the database: ${pg.message ?? ''}`);
    return { message: 'The database took too long to answer; try again later', code: 'QUERY_TIMEOUT', extra: {} };
  }
  if (isUnavailable(original)) {
    return { message: 'The database is unavailable; try again in a moment', code: 'DATABASE_UNAVAILABLE', extra: {} };
  }
  // Nest HttpExceptions thrown by framework pieces (e.g. a body too large).
  const status = (original as { getStatus?: () => number })?.getStatus?.();
  if (status === 413) return { message: 'The request is too large', code: 'PAYLOAD_TOO_LARGE', extra: {} };
  if (status && status < 500) {
    return { message: (original as Error).message, code: status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'BAD_REQUEST', extra: {} };
  }
  const reference = randomUUID();
  logger.error(`[${reference}] ${(original as Error)?.stack ?? String(original)}`);
  return { message: `An unexpected error occurred (reference ${reference})`, code: 'INTERNAL_SERVER_ERROR', extra: { reference } };
}

function fromDomain(error: DomainError): MappedError {
  const extra: Record<string, unknown> = {};
  if (error instanceof ValidationError) {
    extra.fields = error.issues;
    if (error.issues.length === 1) extra.field = error.issues[0].field;
  } else if (error instanceof NotFoundError) {
    extra.field = error.field;
    extra.entity = error.entity;
  } else if (error instanceof StaleVersionError) {
    extra.field = 'version';
    extra.currentVersion = error.current;
  } else if (error instanceof ConflictError) {
    extra.field = error.field;
    extra.fields = [{ field: error.field, rule: error.rule, message: error.message } satisfies FieldIssue];
    // The service names the existing record only to a user who may read it.
    if (error.existing) extra.existing = error.existing;
  } else if (error instanceof TooManyRequestsError) {
    extra.retryAfterSeconds = error.retryAfterSeconds;
  }
  return { message: error.message, code: error.code, extra };
}

/**
 * Apollo's formatError hook. Errors raised by GraphQL itself (syntax, validation, variable
 * coercion) have no originalError and are safe to pass through; for variable coercion the
 * offending field is named in extensions.field.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as GraphQLError)?.originalError;
  const code = formatted.extensions?.code as string | undefined;
  if (
    !original ||
    code === 'GRAPHQL_VALIDATION_FAILED' ||
    code === 'GRAPHQL_PARSE_FAILED' ||
    code === 'OPERATION_RESOLUTION_FAILURE' ||
    (code === 'BAD_USER_INPUT' && !(original instanceof DomainError))
  ) {
    const at = /at "([^"]+)"/.exec(formatted.message);
    const field = at ? at[1].replace(/^[a-zA-Z]+\./, '') : undefined;
    // graphql-js raises some request errors (e.g. too many invalid variables) without a code,
    // which Apollo labels internal: they are the request's fault, not the server's.
    const requestCode = !code || (!original && code === 'INTERNAL_SERVER_ERROR') ? 'BAD_REQUEST' : code;
    return where(formatted, { message: formatted.message, extensions: { code: requestCode, ...(field ? { field } : {}) } });
  }
  const mapped = mapError(error);
  return where(formatted, { message: mapped.message, extensions: { code: mapped.code, ...mapped.extra } });
}

/** Keeps where in the query the error arose (never a stack). */
function where(formatted: GraphQLFormattedError, out: GraphQLFormattedError): GraphQLFormattedError {
  return {
    ...out,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
}
