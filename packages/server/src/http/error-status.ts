import type { ErrorCode } from '@tandem/domain';

/**
 * The one place where an error code becomes an HTTP status. The Record type makes the compiler
 * refuse a code without a status.
 */
export const errorStatus: Record<ErrorCode, number> = {
  'request.invalid': 400,
  'request.malformed_json': 400,
  'request.unsupported_media_type': 415,
  'request.too_large': 413,
  'request.not_found': 404,
  'request.method_not_allowed': 405,
  'auth.unauthenticated': 401,
  'auth.forbidden': 403,
  'write.id_conflict': 409,
  'database.unavailable': 503,
  'internal.unexpected': 500,
};
