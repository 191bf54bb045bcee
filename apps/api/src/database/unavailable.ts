// Node-postgres's own messages for a connection that is gone or never came: they carry no SQLSTATE and no `code`.
const LOST_MESSAGES = [
  'Connection terminated',
  'connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];
// The socket's failures: the server refused, reset or never answered.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Whether a failure says the database could not be reached or ended the session, rather than that it refused the
 * statement: a restart, a failover, an operator ending sessions, a pool with no connection to give within its
 * timeout. Such a request did not fail by its own fault and may succeed when tried again (503 with Retry-After, not
 * a 500 logged with its stack).
 */
export function databaseUnavailable(e: unknown): boolean {
  // FATAL (or PANIC): PostgreSQL ended the session or would not start one, whatever the SQLSTATE ("database is not
  // currently accepting connections" is 55000). The severity is in the server's message language: English ('C' or
  // en_* lc_messages), as the embedded server and the usual packages run; the codes below cover the rest.
  const severity = (e as { severity?: unknown })?.severity;
  if (severity === 'FATAL' || severity === 'PANIC') return true;
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string') {
    // SQLSTATE classes 08 (connection exception) and 57P (the server ending or refusing sessions: 57P01 admin
    // shutdown, 57P02 crash shutdown, 57P03 cannot connect now), and 53300 too many connections.
    if (code.startsWith('08') || code.startsWith('57P') || code === '53300') return true;
    if (SOCKET_CODES.has(code)) return true;
  }
  const message = (e as { message?: unknown })?.message;
  return typeof message === 'string' && LOST_MESSAGES.some((m) => message.includes(m));
}
