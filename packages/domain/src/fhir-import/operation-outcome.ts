import { DomainError, type ErrorCode } from '../errors';
import { tandemFhirBase } from '../measures/instruments';

/**
 * FHIR R4 OperationOutcome: how a FHIR route says what went wrong (decision 0039). Severity and
 * type come from the R4 value sets issue-severity and issue-type
 * (http://hl7.org/fhir/R4/valueset-issue-severity.html, valueset-issue-type.html); only the
 * types Tandem uses are listed.
 */
export const fhirIssueSeverities = ['fatal', 'error', 'warning', 'information'] as const;
export type FhirIssueSeverity = (typeof fhirIssueSeverities)[number];

export const fhirIssueTypes = [
  'invalid',
  'structure',
  'required',
  'value',
  'invariant',
  'security',
  'login',
  'forbidden',
  'processing',
  'not-supported',
  'duplicate',
  'not-found',
  'too-costly',
  'code-invalid',
  'extension',
  'business-rule',
  'conflict',
  'transient',
  'exception',
  'informational',
] as const;
export type FhirIssueType = (typeof fhirIssueTypes)[number];

/** One issue: how bad, what kind, in words, and where (FHIRPath, e.g. `QuestionnaireResponse.item[3].answer[0].valueCoding`). */
export interface FhirIssue {
  severity: FhirIssueSeverity;
  code: FhirIssueType;
  diagnostics: string;
  expression?: string[];
}

/** Tandem's error codes (`errorCodes`) as a local code system, so an OperationOutcome carries the same stable code as the app's error body. */
export const tandemErrorCodeSystem = `${tandemFhirBase}/CodeSystem/error-code`;

/**
 * A refusal of a FHIR resource that names each problem as an OperationOutcome issue. Still a
 * DomainError with a stable code (decision 0004): outside a FHIR route it reads as the one error
 * body, its details being the error issues' paths and words.
 */
export class FhirResourceError extends DomainError {
  readonly issues: FhirIssue[];

  constructor(code: ErrorCode, message: string, issues: FhirIssue[]) {
    super(
      code,
      message,
      issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => ({ path: i.expression?.[0] ?? 'body', message: i.diagnostics })),
    );
    this.name = 'FhirResourceError';
    this.issues = issues;
  }
}

/** The issue type that best says what an error code means, for errors that carry no issues of their own. */
export function issueTypeOf(code: ErrorCode): FhirIssueType {
  if (code === 'auth.unauthenticated' || code.startsWith('auth.mfa') || code === 'auth.locked') return 'login';
  if (code.startsWith('auth.')) return 'forbidden';
  if (code.endsWith('.not_found')) return 'not-found';
  if (code === 'write.id_conflict' || code === 'write.stale_version') return 'conflict';
  if (code === 'request.malformed_json') return 'structure';
  if (code === 'request.unsupported_media_type') return 'not-supported';
  if (code === 'request.too_large') return 'too-costly';
  if (code === 'database.unavailable') return 'transient';
  if (code === 'internal.unexpected') return 'exception';
  if (code === 'fhir.unprocessable_resource') return 'business-rule';
  return 'invalid';
}

export interface OperationOutcomeIssue {
  severity: FhirIssueSeverity;
  code: FhirIssueType;
  details?: { coding: { system: string; code: string }[]; text: string };
  diagnostics?: string;
  expression?: string[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

/**
 * The OperationOutcome for an error: its own issues when it has them (each also carrying the
 * error's code), else one issue per detail (or one for the error itself). `details.coding` holds
 * Tandem's error code, `details.text` the error's message, `diagnostics` what is wrong there.
 */
export function operationOutcomeOf(error: { code: ErrorCode; message: string; details?: { path: string; message: string }[] | undefined }, issues?: FhirIssue[]): OperationOutcome {
  const details = { coding: [{ system: tandemErrorCodeSystem, code: error.code }], text: error.message };
  const listed: FhirIssue[] = issues?.length
    ? issues
    : error.details?.length
      ? error.details.map((d) => ({ severity: 'error', code: issueTypeOf(error.code), diagnostics: `${d.path}: ${d.message}` }))
      : [{ severity: 'error', code: issueTypeOf(error.code), diagnostics: error.message }];
  return {
    resourceType: 'OperationOutcome',
    issue: listed.map((issue) => ({
      severity: issue.severity,
      code: issue.code,
      details,
      diagnostics: issue.diagnostics,
      ...(issue.expression?.length ? { expression: [...issue.expression] } : {}),
    })),
  };
}
