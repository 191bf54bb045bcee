import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ErrorCode } from '#contracts';
import { databaseUnavailable } from '../database/unavailable.js';
import { DomainError, errorBody } from './errors.js';

/** What a client is told to wait before trying again when the database could not be reached. */
const DATABASE_RETRY_SECONDS = 5;

/** Maps every exception to the contract's error body. Unknown errors are 500 and logged without request data. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host.switchToHttp().getResponse<Response>();
    const err = toDomainError(exception);
    // The code alone: a database failure's message may quote a statement's values.
    if (databaseUnavailable(exception)) {
      const code = (exception as { code?: unknown })?.code;
      this.log.warn(`database unavailable: ${typeof code === 'string' ? code : 'connection lost'}`);
    } else if (err.code === 'INTERNAL')
      this.log.error(
        `unhandled ${(exception as Error)?.name ?? 'error'}: ${(exception as Error)?.stack ?? String(exception)}`,
      );
    if (err.retryAfterSeconds) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    const body = errorBody(err);
    res.status(body.statusCode).json(body);
  }
}

export function toDomainError(exception: unknown): DomainError {
  if (exception instanceof DomainError) return exception;
  if (databaseUnavailable(exception))
    return new DomainError(
      'SERVICE_UNAVAILABLE',
      'Database unavailable: the connection was refused or lost. Try again; a change sent as it was lost may or may not have been saved',
      undefined,
      DATABASE_RETRY_SECONDS,
    );
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = codeForStatus(status);
    const message = status === 404 ? 'No such route' : exception.message;
    return new DomainError(code, message);
  }
  // body-parser's errors carry a status (400 malformed JSON, 413 too large) and must not become 500s.
  const status =
    (exception as { status?: number; statusCode?: number })?.status ??
    (exception as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (exception as { type?: string }).type;
    const message = type === 'entity.parse.failed' ? 'Malformed JSON body' : (exception as Error).message;
    return new DomainError(
      codeForStatus(status),
      message,
      type === 'entity.parse.failed' ? [{ field: '(body)', message: 'not valid JSON' }] : undefined,
    );
  }
  return new DomainError('INTERNAL', 'Internal error');
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  }
}
