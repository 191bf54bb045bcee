// Machine-readable error codes. The HTTP status each maps to lives in the API's exception filter, which
// switches exhaustively over this union so a new code cannot be added without deciding its status.
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'STATE_CHANGED',
  'TEAM_NOT_AVAILABLE',
  'OFFER_EXPIRED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Why a state change was refused, finer than the `code` (issue 13 item 6): the console words each one in the
 * reader's language next to the control that caused it, and offers the way out.
 */
export const REFUSAL_REASONS = [
  'team-on-scene',
  'team-must-clear',
  'incident-ended',
  'incident-has-team',
  'offer-expired',
  'offer-answered',
  'status-answer-offer',
  'status-accept-instead',
  'status-control-room-only',
  'status-clear-first',
  'status-illegal',
  'call-ended',
  'call-not-answered',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The one error body of the REST API and of socket acknowledgements. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: FieldError[];
  /** Set on refusals the console words specifically (409s of state changes). */
  reason?: RefusalReason;
  /** Names the message needs (a team's callsign, an incident number), never personal data. */
  params?: Record<string, string>;
}
