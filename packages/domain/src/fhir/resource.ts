/** A FHIR R4 resource as plain JSON: its type, its id, and the rest. */
export interface FhirResource {
  resourceType: string;
  id: string;
  [element: string]: unknown;
}

/** A FHIR R4 Reference in this export's style: `Type/id`, resolved against the entry's `fullUrl` base (decision 0038). */
export interface FhirReference {
  reference: string;
  display?: string;
}

/** A reference to another resource of the same bundle. */
export function ref(resourceType: string, id: string, display?: string): FhirReference {
  return { reference: `${resourceType}/${id}`, ...(display ? { display } : {}) };
}

/** An instant as FHIR `instant` / `dateTime` (UTC, with milliseconds). */
export function instant(at: Date): string {
  return at.toISOString();
}

/** The end of something that started at `start` and lasted `minutes`. */
export function plusMinutes(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}
