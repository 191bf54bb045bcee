import type { ErrorBody, ErrorCode, FieldError, RefusalReason } from '#contracts';

/** A failure the caller can act on. Services throw these; one filter turns them into the contract's error body. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
    readonly retryAfterSeconds?: number,
    readonly reason?: RefusalReason,
    readonly params?: Record<string, string>,
  ) {
    super(message);
  }
}

export const validationFailed = (details: FieldError[]): DomainError =>
  new DomainError(
    'VALIDATION_FAILED',
    `Invalid input: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`,
    details,
  );
export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (why: string): DomainError => new DomainError('FORBIDDEN', why);
export const conflict = (
  code: Extract<ErrorCode, 'CONFLICT' | 'DUPLICATE' | 'STATE_CHANGED' | 'TEAM_NOT_AVAILABLE' | 'OFFER_EXPIRED'>,
  why: string,
  reason?: RefusalReason,
  params?: Record<string, string>,
): DomainError => new DomainError(code, why, undefined, undefined, reason, params);

/** The HTTP status of each code; exhaustive, so adding a code forces a decision here. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'DUPLICATE':
    case 'STATE_CHANGED':
    case 'TEAM_NOT_AVAILABLE':
    case 'OFFER_EXPIRED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'RATE_LIMITED':
      return 429;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'INTERNAL':
      return 500;
  }
}

export function errorBody(e: DomainError): ErrorBody {
  const body: ErrorBody = { statusCode: statusOf(e.code), code: e.code, message: e.message };
  if (e.details?.length) body.details = e.details;
  if (e.reason) body.reason = e.reason;
  if (e.params) body.params = e.params;
  return body;
}
