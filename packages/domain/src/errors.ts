/**
 * Every expected failure is a DomainError with a stable code. Codes are part of the API
 * contract: clients branch on them, never on messages. The HTTP status for each code is set in
 * exactly one place (packages/server/src/http/error-status.ts), which must list every code.
 */
export const errorCodes = [
  // Requests the server cannot read or will not accept.
  'request.invalid',
  'request.malformed_json',
  'request.unsupported_media_type',
  'request.too_large',
  'request.not_found',
  'request.method_not_allowed',
  // Who is asking, and may they.
  'auth.unauthenticated',
  'auth.forbidden',
  'auth.origin_rejected',
  'auth.invalid_credentials',
  'auth.too_many_attempts',
  'auth.mfa_required',
  'auth.mfa_enrolment_required',
  'auth.locked',
  'auth.wrong_code',
  'auth.wrong_pin',
  'auth.mfa_not_enrolled',
  'auth.mfa_already_enrolled',
  'auth.mfa_required_for_staff',
  'auth.pin_needs_remembered_device',
  'auth.token_invalid',
  'auth.token_not_accepted',
  'auth.token_scope_missing',
  // Invitations (single-use, expiring links).
  'invitation.invalid',
  'invitation.expired',
  'invitation.used',
  'invitation.date_of_birth_mismatch',
  'invitation.email_unavailable',
  // Records.
  'account.email_taken',
  'client.not_found',
  'client.duplicate_nhs_number',
  'staff.not_found',
  'service_account.not_found',
  'service_account.name_taken',
  'episode.not_found',
  'episode.invalid_transition',
  'episode.closed',
  'appointment.not_found',
  'appointment.overlap',
  'appointment.in_past',
  'appointment.outcome_too_early',
  'appointment.not_booked',
  'appointment.started',
  'site.not_found',
  'duty.rota_overlap',
  'risk_alert.not_found',
  'episode.open_risk_alert',
  'questionnaire.not_found',
  'questionnaire.not_due',
  'questionnaire.invalid_answers',
  'questionnaire.completed',
  'follow_up.not_found',
  'exercise.not_found',
  'exercise.invalid_entry',
  'exercise.private',
  'programme.step_not_found',
  'homework.not_found',
  'homework.no_next_appointment',
  'homework.due_in_past',
  'homework.due_after_appointment',
  'agenda_item.not_found',
  'message.not_found',
  'message.no_conversation',
  'quick_reply.not_found',
  'plan.not_found',
  'plan.template_not_found',
  'plan.already_exists',
  'session_note.no_session',
  // Data rights (decision 0042).
  'data_rights.already_restricted',
  'data_rights.not_restricted',
  'data_rights.must_keep',
  'data_rights.erased',
  // The client's processing is restricted: their record is kept, not shared (FHIR export, decision 0038).
  'data_rights.processing_restricted',
  // FHIR import (decision 0039): not a valid FHIR R4 resource (400); valid FHIR that Tandem cannot accept (422).
  'fhir.invalid_resource',
  'fhir.unprocessable_resource',
  // Idempotent writes: the same id with a different body.
  'write.id_conflict',
  // Optimistic concurrency: the change was made against an older version.
  'write.stale_version',
  // Infrastructure.
  'database.unavailable',
  'internal.unexpected',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One field-level problem, pointing at the input by path. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** The one error type of Tandem's code. Thrown by services; mapped to HTTP by the server. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** True when `value` is a DomainError (also across module copies). */
export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
