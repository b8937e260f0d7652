/** A code from a code system, as in FHIR R4 `Coding` (system, code, display). */
export interface Coding {
  system: string;
  code: string;
  display: string;
}
