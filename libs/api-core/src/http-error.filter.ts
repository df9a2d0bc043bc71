import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { GqlArgumentsHost } from '@nestjs/graphql';
import { mapError } from './graphql-error.mapper';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400, BAD_REQUEST: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409,
  STALE_VERSION: 409, PAYLOAD_TOO_LARGE: 413, TOO_MANY_REQUESTS: 429, DATABASE_UNAVAILABLE: 503, INTERNAL_SERVER_ERROR: 500,
};

/**
 * REST routes (imports, exports) answer errors with the same mapping as GraphQL: a code, a
 * sentence and the offending fields, as JSON; never a stack or SQL. GraphQL errors pass through
 * to Apollo's formatError.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      GqlArgumentsHost.create(host);
      return exception;
    }
    const res = host.switchToHttp().getResponse<{ headersSent: boolean; status(n: number): { json(b: unknown): void }; end(): void }>();
    const status = exception instanceof HttpException ? exception.getStatus() : undefined;
    const mapped = status === 404 && exception instanceof HttpException
      ? { code: 'NOT_FOUND', message: 'There is nothing at this address', extra: {} }
      : mapError(exception);
    if (res.headersSent) {
      // A stream already started: all that can be done is to cut it short.
      res.end();
      return;
    }
    res.status(STATUS[mapped.code] ?? status ?? 500).json({ error: { code: mapped.code, message: mapped.message, ...mapped.extra } });
  }
}
