import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { GqlArgumentsHost } from '@nestjs/graphql';
import { mapError } from './graphql-error.mapper';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_CANNOT_SAVE: 503,
  QUERY_TIMEOUT: 503,
  INTERNAL_SERVER_ERROR: 500,
};

export interface ErrorResponse {
  headersSent: boolean;
  destroyed?: boolean;
  status(n: number): { json(b: unknown): void };
  setHeader(name: string, value: string): void;
  removeHeader(name: string): void;
  destroy(): void;
}

/**
 * Answers a REST request with the same mapping as GraphQL: a code, a sentence and the offending
 * fields, as JSON; never a stack or SQL. A response already under way (a CSV export) cannot be
 * turned into an error any more: it is cut off, so that the client sees an incomplete transfer
 * rather than a truncated file that looks complete.
 */
export function sendHttpError(res: ErrorResponse, exception: unknown): void {
  const status = exception instanceof HttpException ? exception.getStatus() : undefined;
  const mapped =
    status === 404 && exception instanceof HttpException ? { code: 'NOT_FOUND', message: 'There is nothing at this address', extra: {} } : mapError(exception);
  if (res.destroyed) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // The headers of the file it was going to be (a download's name, text/csv) no longer apply.
  res.removeHeader('content-disposition');
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.status(STATUS[mapped.code] ?? status ?? 500).json({ error: { code: mapped.code, message: mapped.message, ...mapped.extra } });
}

/** REST routes (imports, exports) answer errors with sendHttpError; GraphQL errors pass through to Apollo's formatError. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      GqlArgumentsHost.create(host);
      return exception;
    }
    sendHttpError(host.switchToHttp().getResponse<ErrorResponse>(), exception);
    return undefined;
  }
}
