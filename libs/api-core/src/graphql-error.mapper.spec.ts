import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { NotFoundError, QueryTimeoutError, StaleVersionError, ValidationError } from '@vfr/domain';
import { CANNOT_SAVE_MESSAGE, formatGraphQLError, mapError } from './graphql-error.mapper';

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original });
const format = (original: Error) =>
  formatGraphQLError({ message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.ts:1'] } }, wrap(original));

describe('the one error mapper', () => {
  it('keeps domain errors as they are, with their code and fields', () => {
    expect(format(ValidationError.single('nrsRest', 'range', 'nrsRest must be an integer from 0 to 10 (got 11)'))).toEqual({
      message: 'nrsRest must be an integer from 0 to 10 (got 11)',
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'nrsRest',
        fields: [{ field: 'nrsRest', rule: 'range', message: 'nrsRest must be an integer from 0 to 10 (got 11)' }],
      },
    });
    expect(format(new NotFoundError('Patient', 'abc')).extensions).toEqual({ code: 'NOT_FOUND', field: 'id', entity: 'Patient' });
    expect(format(new StaleVersionError('Patient', 'abc', 1, 3)).extensions).toEqual({ code: 'STALE_VERSION', field: 'version', currentVersion: 3 });
  });

  it('turns a constraint violation into a field error without the SQL', () => {
    const driverError = Object.assign(new Error('new row for relation "assessment" violates check constraint "ck_assessment__nrs_rest__range"'), {
      code: '23514',
      constraint: 'ck_assessment__nrs_rest__range',
    });
    const e = new QueryFailedError('INSERT INTO "assessment" ("nrs_rest") VALUES ($1)', [11], driverError);
    const out = format(e);
    expect(out.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nrsRest', fields: [{ field: 'nrsRest', rule: 'range' }] });
    expect(JSON.stringify(out)).not.toMatch(/INSERT|VALUES|check constraint|stacktrace/);
    const unique = new QueryFailedError(
      'INSERT ...',
      [],
      Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'uq_patient__registry_number' }),
    );
    expect(format(unique).extensions).toMatchObject({ code: 'CONFLICT', field: 'registryNumber' });
  });

  it('hides unexpected errors behind a reference, and reports a lost database plainly', () => {
    const out = format(new TypeError("Cannot read properties of undefined (reading 'x') at /srv/app/libs/thing.ts:12"));
    expect(out.message).toMatch(/^An unexpected error occurred \(reference [0-9a-f-]{36}\)$/);
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reference: expect.any(String) });
    expect(mapError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })).code).toBe('DATABASE_UNAVAILABLE');
  });

  it('names the field of a variable that GraphQL itself refused', () => {
    const out = formatGraphQLError(
      {
        message: 'Variable "$input" got invalid value "X9" at "input.level"; Value "X9" does not exist in "VertebralLevel" enum.',
        extensions: { code: 'BAD_USER_INPUT' },
      },
      new GraphQLError('x'),
    );
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'level' });
  });

  it('labels request errors as the request\u2019s fault and refuses text PostgreSQL cannot store', () => {
    const limit = formatGraphQLError(
      { message: 'Too many errors processing variables, error limit reached. Execution aborted.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError('x'),
    );
    expect(limit.extensions).toEqual({ code: 'BAD_REQUEST' });
    const unknown = formatGraphQLError(
      { message: 'Unknown operation named "Nope".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } },
      wrap(new Error('Unknown operation named "Nope".')),
    );
    expect(unknown).toEqual({ message: 'Unknown operation named "Nope".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
    const nul = new QueryFailedError(
      'SELECT ...',
      ['a\u0000b'],
      Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
    );
    expect(format(nul).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ rule: 'encoding' }] });
  });

  const failed = (code: string, message: string) =>
    new QueryFailedError('INSERT INTO "patient" ("registry_number") VALUES ($1)', ['NORTH-1'], Object.assign(new Error(message), { code }));

  it.each([
    ['53100', 'disk_full', 'could not extend file "base/16384/16412": No space left on device'],
    ['53000', 'insufficient_resources', 'insufficient resources'],
    ['53200', 'out_of_memory', 'out of memory'],
    ['58030', 'io_error', 'could not write to file "pg_wal/xlogtemp.123": Input/output error'],
    ['25006', 'read_only_sql_transaction', 'cannot execute INSERT in a read-only transaction'],
  ])('tells the user the registry cannot save when the database refuses to write (%s %s), without the cause', (code, _name, message) => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const out = format(failed(code, message));
    expect(out).toEqual({ message: CANNOT_SAVE_MESSAGE, extensions: { code: 'DATABASE_CANNOT_SAVE', reference: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    // The administrator finds the cause in the log by the reference the user was given.
    expect(logged).toHaveBeenCalledWith(`[${out.extensions!.reference as string}] the database cannot write (SQLSTATE ${code}): ${message}`);
    logged.mockRestore();
    expect(JSON.stringify(out)).not.toMatch(/INSERT|VALUES|file|space|memory|read-only|stacktrace/);
    // The same error reaching the REST filter unwrapped.
    expect(mapError(Object.assign(new Error(message), { code })).code).toBe('DATABASE_CANNOT_SAVE');
  });

  it.each([
    ['57P01', 'admin_shutdown', 'terminating connection due to administrator command'],
    ['57P03', 'cannot_connect_now', 'the database system is starting up'],
    ['08P01', 'PgBouncer query_wait_timeout', 'query_wait_timeout'],
    ['08P01', 'PgBouncer server_login_retry', 'server login has been failing, try again later (server_login_retry)'],
  ])('reports a database that is going away or coming back (%s %s) as unavailable, promising nothing about a COMMIT under way', (code, _name, message) => {
    expect(format(failed(code, message))).toEqual({
      message: 'The database is unavailable; try again in a moment',
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
  });

  it('says a figure took too long, and so does any statement the database stopped, without the SQL', () => {
    expect(format(new QueryTimeoutError())).toEqual({
      message: 'This figure took too long to compute; try a narrower cohort or again later',
      extensions: { code: 'QUERY_TIMEOUT' },
    });
    const stopped = new QueryFailedError('SELECT pg_sleep(5)', [], Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }));
    expect(format(stopped)).toEqual({ message: 'The database took too long to answer; try again later', extensions: { code: 'QUERY_TIMEOUT' } });
  });
});
