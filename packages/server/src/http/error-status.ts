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
  'auth.origin_rejected': 403,
  'auth.invalid_credentials': 401,
  'auth.too_many_attempts': 429,
  'invitation.invalid': 400,
  'invitation.expired': 410,
  'invitation.used': 410,
  'invitation.date_of_birth_mismatch': 400,
  'invitation.email_unavailable': 503,
  'account.email_taken': 409,
  'client.not_found': 404,
  'client.duplicate_nhs_number': 409,
  'staff.not_found': 404,
  'episode.not_found': 404,
  'episode.invalid_transition': 409,
  'episode.closed': 409,
  'appointment.not_found': 404,
  'appointment.overlap': 409,
  'appointment.in_past': 400,
  'appointment.outcome_too_early': 400,
  'site.not_found': 404,
  'duty.rota_overlap': 409,
  'write.id_conflict': 409,
  'write.stale_version': 409,
  'database.unavailable': 503,
  'internal.unexpected': 500,
};
