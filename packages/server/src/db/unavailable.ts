/**
 * True when an error means "the database cannot be reached just now" — PostgreSQL restarting,
 * failing over or refusing connections — rather than a fault in the request or in Tandem. Such a
 * request is answered 503 `database.unavailable` (the phone's outbox keeps the write and sends it
 * again) instead of 500 (HAZ-097; src/db/pg-restart.test.ts). Only connection-level failures
 * count: a query PostgreSQL rejects (constraint, syntax) stays a 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string') {
    // Node's socket errors (an AggregateError carries the code of its parts).
    if (socketCodes.has(code)) return true;
    // SQLSTATE class 08, connection exception; 57P01–57P03, the server shutting down or starting up;
    // 53300, too many connections (PostgreSQL 15 Appendix A, "PostgreSQL Error Codes").
    if (/^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  }
  // node-postgres (pg 8) reports a lost or timed-out connection without a code.
  if (typeof message === 'string' && pgConnectionMessages.some((m) => message.startsWith(m))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const pgConnectionMessages = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
];
