/**
 * Whether a PostgreSQL failure means the server is out of reach rather than the statement wrong:
 * socket errors, the pool's connect timeout, the client-side query timeout, a connection ended under a
 * query, and the SQLSTATEs of class 08 (connection exception) and 57P01-57P03 (the server shutting
 * down or not accepting connections yet). A transaction cut off this way is rolled back by the server.
 */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /not queryable/,
  /^Client was closed and is not queryable/,
];

export function isPostgresConnectionLost(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (SOCKET_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)) return true;
    }
    if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true;
    if (cause instanceof AggregateError && cause.errors.some((e) => isPostgresConnectionLost(e))) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
