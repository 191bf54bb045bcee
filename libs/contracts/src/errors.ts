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

/** The one error body of the REST API and of socket acknowledgements. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: FieldError[];
}
